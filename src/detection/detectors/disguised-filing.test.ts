import { describe, expect, it } from 'vitest';
import { licenceSeparationFlow } from '../../flows';
import type { CaseView } from '../case-detector';
import { disguisedFilingDetector as detector } from './disguised-filing';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

const filingFlow = licenceSeparationFlow('filing');
const filing = (lines: readonly Line[]): CaseView => {
  const view = testCase(lines);
  return { ...view, flow: filingFlow, matterId: filingFlow.id, records: view.records.map((r) => ({ ...r, matterId: filingFlow.id })) };
};
const RECEIVED: Line = ['received', '2025-03-03 09:00', { actor: undefined }];

describe('disguisedFilingDetector', () => {
  it('finds a filing kept in review for working days, counting them as hidden review time', () => {
    // 2025-03-03 (Mon) → 2025-03-14 (Fri): 9 working days.
    const [finding, ...rest] = detector.detect(filing([RECEIVED, ['filed', '2025-03-14 10:00']]), detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'disguised-filing', caseId: 'c1', recordIds: ['c1#1', 'c1#2'], hiddenWorkingDays: 9, severity: 'high' });
    expect(finding!.message).toMatchInlineSnapshot(`"Disguised filing (以备案之名行审批之实): case c1 of matter food-business-permit-filing is a filing (备案), received on 2025-03-03 09:00, yet the log shows filed only on 2025-03-14 10:00, 9 working days after receipt (allowed: 1). A filing is completed on the spot, with no review, 补正 or refusal; check whether the department reviews it as an approval and, if so, stop or list it as one."`);
  });

  it('finds a 补正 or a refusal (不予备案) on a filing, whenever it comes', () => {
    const supplement = filing([RECEIVED, ['supplement-started', '2025-03-03 15:00'], ['supplement-ended', '2025-03-04 10:00'], ['filed', '2025-03-04 11:00']]);
    expect(detector.detect(supplement, detector.defaults, [])).toMatchObject([{ recordIds: ['c1#1', 'c1#2', 'c1#4'], hiddenWorkingDays: 1 }]);
    const refused = filing([RECEIVED, ['refused', '2025-03-05 10:00']]);
    expect(detector.detect(refused, detector.defaults, [])).toMatchObject([{ recordIds: ['c1#1', 'c1#2'], hiddenWorkingDays: 2 }]);
  });

  it('ignores a filing filed on the spot or the next working day (the look-alike)', () => {
    expect(detector.detect(filing([RECEIVED, ['filed', '2025-03-03 09:40']]), detector.defaults, [])).toEqual([]);
    // Friday afternoon → Monday morning is one working day.
    expect(detector.detect(filing([['received', '2025-03-07 16:30'], ['filed', '2025-03-10 09:30']]), detector.defaults, [])).toEqual([]);
  });

  it('ignores approval-mode matters, whatever their review', () => {
    expect(detector.detect(testCase(ORDINARY), detector.defaults, [])).toEqual([]);
  });
});
