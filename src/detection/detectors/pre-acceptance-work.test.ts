import { describe, expect, it } from 'vitest';
import { preAcceptanceWorkDetector as detector } from './pre-acceptance-work';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

const chief = { id: 'market-regulation-section-chief-02', role: 'section-chief', department: 'market-regulation' };
const evidence = (activity: string, at: string, kind: 'document' | 'meeting' | 'opinion' | 'payment'): Line => [
  activity,
  at,
  { source: 'evidence', evidenceKind: kind, channel: 'offline', ...(kind === 'payment' ? { actor: undefined } : { actor: chief }) },
];

describe('preAcceptanceWorkDetector', () => {
  it('finds evidence of review weeks before receipt, and counts the working days from the first', () => {
    const view = testCase([
      evidence('meeting-held', '2025-02-10 10:00', 'meeting'),
      evidence('opinion-issued', '2025-02-20 10:00', 'opinion'),
      ...ORDINARY,
    ]);
    const [finding, ...rest] = detector.detect(view, detector.defaults, []);
    expect(rest).toEqual([]);
    // 2025-02-10 (Mon) → 2025-03-03 (Mon): 15 working days.
    expect(finding).toMatchObject({ code: 'pre-acceptance-work', recordIds: ['c1#1', 'c1#2', 'c1#3'], hiddenWorkingDays: 15, severity: 'high' });
    expect(finding!.message).toMatchInlineSnapshot(`"Offline pre-review (线下预审): 2 evidence record(s) of work on case c1 by market-regulation (section-chief) date from 2025-02-10 10:00, 15 working days before it was received on 2025-03-03 09:00. Check whether the case was reviewed off the system before filing; the official processing time omits those days."`);
  });

  it('ignores the same evidence dated after receipt (the look-alike)', () => {
    const view = testCase([...ORDINARY, evidence('document-delivered', '2025-03-11 10:00', 'document')]);
    expect(detector.detect(view, detector.defaults, [])).toEqual([]);
  });

  it('ignores a payment or a document just before receipt', () => {
    const view = testCase([
      evidence('fee-paid', '2025-02-10 10:00', 'payment'),
      evidence('document-delivered', '2025-02-28 10:00', 'document'),
      ...ORDINARY,
    ]);
    expect(detector.detect(view, detector.defaults, [])).toEqual([]);
  });
});
