import { describe, expect, it } from 'vitest';
import { unmodeledActivityDetector as detector } from './unmodeled-activity';
import { ORDINARY, testCase } from './_internal/test-case';

const chief = { id: 'market-regulation-section-chief-01', role: 'section-chief', department: 'market-regulation' };

describe('unmodeledActivityDetector', () => {
  it('finds a step-like activity on no list, gating the flow after acceptance', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 2),
      ['joint-review-meeting', '2025-03-03 11:00', { lifecycle: 'start', actor: chief }],
      ['joint-review-meeting', '2025-03-07 16:00', { lifecycle: 'complete', actor: chief }],
      ['document-review', '2025-03-10 09:00', { lifecycle: 'start' }],
    ]);
    const [finding, ...rest] = detector.detect(view, detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'unmodeled-activity', recordIds: ['c1#3', 'c1#4'], hiddenWorkingDays: 4, matterId: 'food-business-permit-approval' });
    expect(finding!.message).toMatchInlineSnapshot(`"Unlisted step (隐性审批): case c1 went through "joint-review-meeting" by market-regulation (section-chief) from 2025-03-03 11:00 to 2025-03-07 16:00 (4 working days), which is not a step of matter food-business-permit-approval. Check whether it gates the approval; if so, publish it in the matter's list or stop requiring it."`);
  });

  it('ignores the flow’s own steps, however long, and the fixed vocabulary', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 4),
      ['site-inspection', '2025-03-05 09:00', { lifecycle: 'start' }],
      ['site-inspection', '2025-04-05 09:00', { lifecycle: 'complete' }],
      ['extension-approved', '2025-04-07 09:00'],
      ['deadline-warning', '2025-04-08 00:00'],
      ['approved', '2025-04-09 09:00'],
    ]);
    expect(detector.detect(view, detector.defaults, [])).toEqual([]);
  });

  it('ignores evidence records and cases without a flow', () => {
    const evidence = testCase([...ORDINARY, ['document-delivered', '2025-03-04 09:00', { source: 'evidence', evidenceKind: 'document' }]]);
    expect(detector.detect(evidence, detector.defaults, [])).toEqual([]);
    const noFlow = { ...testCase([['joint-review-meeting', '2025-03-03 11:00']]), flow: undefined };
    expect(detector.detect(noFlow, detector.defaults, [])).toEqual([]);
  });
});
