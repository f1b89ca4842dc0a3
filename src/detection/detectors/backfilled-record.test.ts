import { describe, expect, it } from 'vitest';
import { backfilledRecordDetector as detector } from './backfilled-record';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

const recorded = (lines: readonly Line[], recordedAt: (i: number, at: string) => string): Line[] =>
  lines.map(([activity, at, extra], i) => [activity, at, { ...extra, recordedAt: recordedAt(i, at) }]);

describe('backfilledRecordDetector', () => {
  it('finds records keyed in weeks after their business time, in one batch', () => {
    const view = testCase(recorded(ORDINARY, (i) => `2025-03-24T10:${String(10 + i).padStart(2, '0')}:00+08:00`));
    const [finding, ...rest] = detector.detect(view, detector.defaults, []);
    expect(rest).toEqual([]);
    // Work began 2025-03-03 (Mon); keyed in on 2025-03-24 (Mon): 15 working days.
    expect(finding).toMatchObject({ code: 'backfilled-record', recordIds: ORDINARY.map((_, i) => `c1#${i + 1}`), hiddenWorkingDays: 15, severity: 'high' });
    expect(finding!.message).toMatchInlineSnapshot(`"Backfilled records (先批后录): 8 record(s) of case c1, from "received" on 2025-03-03 09:00 to "certificate-issued" on 2025-03-10 10:00, were entered between 2025-03-24 10:10 and 2025-03-24 10:17, 15 working days after the work began. Compare with the paper file: the case was likely handled off the system."`);
  });

  it('ignores prompt entry, seconds to minutes after the business time (the look-alike)', () => {
    const view = testCase(recorded(ORDINARY, (_, at) => `${at.replace(' ', 'T')}:45+08:00`));
    expect(detector.detect(view, detector.defaults, [])).toEqual([]);
  });

  it('leaves a special procedure keyed in after the decision to suspension-abuse, but not one of a case keyed in as a whole', () => {
    const pause: Line[] = [
      ['special-procedure-started', '2025-03-05 10:00', { reason: { kind: 'expert-review' }, recordedAt: '2025-03-20T09:00:00+08:00' }],
      ['special-procedure-ended', '2025-03-12 10:00', { recordedAt: '2025-03-20T09:01:00+08:00' }],
    ];
    const decided: Line = ['approved', '2025-03-18 15:00', { recordedAt: '2025-03-18T15:01:00+08:00' }];
    expect(detector.detect(testCase([...ORDINARY.slice(0, 2), ...pause, decided]), detector.defaults, [])).toEqual([]);
    // Keyed in as a whole, its decision too: the pause was entered before the decision was, and counts as late.
    const whole = recorded([...ORDINARY.slice(0, 2), ...pause, decided], (i) => `2025-03-24T10:${String(10 + i).padStart(2, '0')}:00+08:00`);
    expect(detector.detect(testCase(whole), detector.defaults, []).map((f) => f.recordIds)).toEqual([['c1#1', 'c1#2', 'c1#3', 'c1#4', 'c1#5']]);
  });

  it('finds receipt, acceptance and decision within minutes by one officer', () => {
    const view = testCase([ORDINARY[0]!, ['department-accepted', '2025-03-03 09:05'], ['approved', '2025-03-03 09:12']]);
    const [finding] = detector.detect(view, detector.defaults, []);
    expect(finding).toMatchObject({ recordIds: ['c1#1', 'c1#2', 'c1#3'] });
    expect(finding!.message).toMatchInlineSnapshot(`"Compressed processing (先批后录): case c1 was received, accepted and decided within 12 minutes by market-regulation-case-officer-01. A promised case cannot be reviewed that fast; check whether it was approved off the system and entered afterwards."`);
  });

  it('finds a decision dated before acceptance', () => {
    const view = testCase([ORDINARY[0]!, ['approved', '2025-03-03 10:00'], ['department-accepted', '2025-03-05 09:00']]);
    const [finding] = detector.detect(view, detector.defaults, []);
    expect(finding).toMatchObject({ recordIds: ['c1#2', 'c1#3'], interval: { from: '2025-03-03T10:00:00+08:00', to: '2025-03-05T09:00:00+08:00' } });
    expect(finding!.message).toMatchInlineSnapshot(`"Decision before acceptance (先批后录): case c1 has "approved" dated 2025-03-03 10:00, before its acceptance on 2025-03-05 09:00. The approval was made off the system; check the paper file's dates."`);
  });
});
