import { describe, expect, it } from 'vitest';
import type { CaseSummary, CaseView } from '../case-detector';
import { serialAsParallelDetector as detector } from './serial-as-parallel';
import { earlierAttempt, ORDINARY, testCase } from './_internal/test-case';

/** A fire design review (消防设计审查) of bundle instance B-1, received 2025-03-03 09:00. */
const fireReview = (bundleId: string | null = 'B-1'): CaseView => {
  const view = testCase(ORDINARY);
  return {
    ...view,
    flow: undefined,
    matterId: 'fire-design-review',
    records: view.records.map((r) => ({ ...r, matterId: 'fire-design-review', ...(bundleId === null ? {} : { bundleId }) })),
  };
};
/** The partner case: received 2025-02-17, ended `end` at `endAt`, of matter `matterId` in bundle B-1. */
const partner = (matterId: string, endAt: string, end = 'certificate-issued'): CaseSummary => ({
  ...earlierAttempt('c0', '2025-02-17 09:00', end, endAt),
  matterId,
  bundleId: 'B-1',
});

describe('serialAsParallelDetector', () => {
  it('finds a matter received only after a parallel matter of its bundle instance and stage was decided', () => {
    const [finding, ...rest] = detector.detect(fireReview(), detector.defaults, [partner('construction-drawing-review', '2025-02-26 15:00')]);
    expect(rest).toEqual([]);
    // 2025-02-17 (Mon) → 2025-03-03 (Mon): 10 working days.
    expect(finding).toMatchObject({ code: 'serial-as-parallel', caseId: 'c1', bundleId: 'B-1', recordIds: ['c0#1', 'c0#2', 'c1#1'], hiddenWorkingDays: 10, severity: 'medium' });
    expect(finding!.message).toMatchInlineSnapshot(`"Serial work labelled as parallel (串联 disguised as 并联): in bundle B-1, case c1 (fire-design-review) was received on 2025-03-03 09:00, 3 working days after parallel matter construction-drawing-review (case c0) ended "certificate-issued" on 2025-02-26 15:00, though stage construction runs them at once. Ask whether the department demanded the other result first; the stage took 10 working days from the first receipt."`);
  });

  it('ignores parallel matters that overlap (the look-alike): the partner ended after this receipt', () => {
    expect(detector.detect(fireReview(), detector.defaults, [partner('construction-drawing-review', '2025-03-05 15:00')])).toEqual([]);
  });

  it('ignores a matter of another stage, a matter this one requires, another bundle and cases with no bundle', () => {
    const history = [
      partner('design-scheme-review', '2025-02-26 15:00'),
      { ...partner('construction-drawing-review', '2025-02-26 15:00'), bundleId: 'B-2' },
    ];
    expect(detector.detect(fireReview(), detector.defaults, history)).toEqual([]);
    expect(detector.detect(fireReview(null), detector.defaults, [partner('construction-drawing-review', '2025-02-26 15:00')])).toEqual([]);
    const permit = { ...fireReview(), matterId: 'construction-permit' };
    expect(detector.detect(permit, detector.defaults, [partner('construction-drawing-review', '2025-02-26 15:00')])).toEqual([]);
  });
});
