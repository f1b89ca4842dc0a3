import { describe, expect, it } from 'vitest';
import type { CaseSummary, CaseView } from '../case-detector';
import { missingPredecessorDetector as detector } from './missing-predecessor';
import { earlierAttempt, ORDINARY, testCase } from './_internal/test-case';

/** A construction-permit case (施工许可) of project P-1, received 2025-03-03. */
const permit = (): CaseView => {
  const view = testCase(ORDINARY);
  return { ...view, flow: undefined, matterId: 'construction-permit', records: view.records.map((r) => ({ ...r, matterId: 'construction-permit' })) };
};
/** An earlier case of project P-1 of another matter that ended `end`. */
const earlier = (caseId: string, matterId: string, end = 'certificate-issued'): CaseSummary => ({
  ...earlierAttempt(caseId, '2024-11-04 09:00', end, '2024-12-02 15:00'),
  matterId,
});

describe('missingPredecessorDetector', () => {
  it('finds a milestone whose required predecessor has no approved case of the project in the system', () => {
    const history = [earlier('c-a', 'design-scheme-review'), earlier('c-b', 'fire-design-review'), earlier('c-c', 'civil-air-defence-design-review')];
    const [finding, ...rest] = detector.detect(permit(), detector.defaults, history);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'missing-predecessor', caseId: 'c1', recordIds: ['c-a#1', 'c-b#1', 'c-c#1', 'c1#1'], severity: 'high' });
    expect(finding!.hiddenWorkingDays).toBeUndefined();
    expect(finding!.message).toMatchInlineSnapshot(`"Missing predecessor (体外循环, wholly off-system item): case c1 of matter construction-permit for project P-1 was received on 2025-03-03 09:00, but "construction-drawing-review", which it requires, has no approved case of the project in the system (the project's earlier cases: design-scheme-review, fire-design-review, civil-air-defence-design-review). Ask for the approval the applicant holds and where it was handled; enter off-system items into the system."`);
  });

  it('counts a predecessor that was withdrawn or denied as missing', () => {
    const history = [earlier('c-a', 'construction-drawing-review', 'withdrawn'), earlier('c-b', 'fire-design-review'), earlier('c-c', 'civil-air-defence-design-review')];
    expect(detector.detect(permit(), detector.defaults, history)).toMatchObject([{ message: expect.stringContaining('"construction-drawing-review"') }]);
  });

  it('ignores a project with every predecessor approved long before (the look-alike)', () => {
    const history = [
      { ...earlier('c-a', 'construction-drawing-review'), end: { activity: 'approved', at: '2023-06-01T10:00:00+08:00', recordId: 'c-a#9' } },
      earlier('c-b', 'fire-design-review'),
      earlier('c-c', 'civil-air-defence-design-review'),
    ];
    expect(detector.detect(permit(), detector.defaults, history)).toEqual([]);
  });

  it('ignores a project first seen at this matter (it may predate the log), unless told otherwise', () => {
    expect(detector.detect(permit(), detector.defaults, [])).toEqual([]);
    // An earlier attempt at the same matter does not show the project's earlier stages.
    expect(detector.detect(permit(), detector.defaults, [earlier('c0', 'construction-permit', 'withdrawn')])).toEqual([]);
    expect(detector.detect(permit(), { ...detector.defaults, requireProjectHistory: false }, [])).toHaveLength(1);
  });

  it('ignores matters that require nothing', () => {
    expect(detector.detect(testCase(ORDINARY), detector.defaults, [earlier('c-a', 'design-scheme-review')])).toEqual([]);
  });
});
