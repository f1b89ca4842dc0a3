import { describe, expect, it } from 'vitest';
import { withdrawResubmitDetector as detector } from './withdraw-resubmit';
import { earlierAttempt, ORDINARY, testCase } from './_internal/test-case';

describe('withdrawResubmitDetector', () => {
  it('finds a receipt soon after an earlier attempt at the same matter was withdrawn, counting from the first receipt', () => {
    const history = [earlierAttempt('c0', '2025-02-17 09:00', 'withdrawn-before-acceptance', '2025-02-24 15:00')];
    const [finding, ...rest] = detector.detect(testCase(ORDINARY), detector.defaults, history);
    expect(rest).toEqual([]);
    // 2025-02-17 (Mon) → 2025-03-03 (Mon): 10 working days.
    expect(finding).toMatchObject({ code: 'withdraw-resubmit', caseId: 'c1', recordIds: ['c0#1', 'c0#2', 'c1#1'], hiddenWorkingDays: 10, severity: 'high' });
    expect(finding!.message).toMatchInlineSnapshot(`"Withdraw and resubmit (撤件重报): case c1 was received on 2025-03-03 09:00, 5 working days after earlier attempt c0 ended "withdrawn-before-acceptance". Count the matter's time from the first receipt on 2025-02-17 09:00, 10 working days earlier, and ask why the first attempt was withdrawn."`);
  });

  it('follows a chain of attempts', () => {
    const history = [
      earlierAttempt('c-a', '2025-02-03 09:00', 'not-accepted', '2025-02-05 15:00'),
      earlierAttempt('c-b', '2025-02-10 09:00', 'withdrawn', '2025-02-24 15:00'),
    ];
    const [finding] = detector.detect(testCase(ORDINARY), detector.defaults, history);
    expect(finding).toMatchObject({ recordIds: ['c-a#1', 'c-a#2', 'c-b#1', 'c-b#2', 'c1#1'], hiddenWorkingDays: 20 });
  });

  it('ignores an attempt that ended long before, ended approved, or was another matter', () => {
    const history = [
      earlierAttempt('c-old', '2024-10-08 09:00', 'withdrawn-before-acceptance', '2024-10-10 15:00'),
      earlierAttempt('c-done', '2025-02-17 09:00', 'approved', '2025-02-24 15:00'),
      { ...earlierAttempt('c-other', '2025-02-17 09:00', 'not-accepted', '2025-02-24 15:00'), matterId: 'fire-acceptance' },
    ];
    expect(detector.detect(testCase(ORDINARY), detector.defaults, history)).toEqual([]);
  });

  it('ignores a withdrawal with no return (the look-alike): no later case, nothing to report', () => {
    const withdrawn = testCase([ORDINARY[0]!, ['withdrawn-before-acceptance', '2025-03-04 10:00']]);
    expect(detector.detect(withdrawn, detector.defaults, [])).toEqual([]);
  });
});
