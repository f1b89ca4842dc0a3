import { describe, expect, it } from 'vitest';
import { detectOffSystemWork } from '../detect-off-system-work';
import type { CaseSummary } from '../case-detector';
import { unmodeledActivityDetector as detector } from './unmodeled-activity';
import { ORDINARY, testCase, testFlow } from './_internal/test-case';

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

  describe('a matter on no list that gates a listed one', () => {
    /** A closed case of matter `matterId` of project P-1, received on 02-17 and ended as given. */
    const earlier = (caseId: string, end: string, endAt: string, { listed = false, ...extra }: Partial<CaseSummary> & { listed?: boolean } = {}): CaseSummary => ({
      caseId,
      matterId: 'district-opinion-letter',
      projectCode: 'P-1',
      receivedAt: '2025-02-17T09:00:00+08:00',
      end: { activity: end, at: `${endAt.replace(' ', 'T')}:00+08:00`, recordId: `${caseId}#9` },
      firstRecordId: `${caseId}#1`,
      ...extra,
      ...(listed ? {} : { unlisted: true }),
    });

    it('finds an approval of an unlisted matter that the listed one was received right after', () => {
      const [finding, ...rest] = detector.detect(testCase(ORDINARY), detector.defaults, [earlier('u1', 'approved', '2025-02-28 16:00')]);
      expect(rest).toEqual([]);
      // From the unlisted matter's receipt (02-17) to this receipt (03-03): 10 working days.
      expect(finding).toMatchObject({ code: 'unmodeled-activity', caseId: 'c1', recordIds: ['u1#1', 'u1#9', 'c1#1'], interval: { from: '2025-02-17T09:00:00+08:00', to: '2025-03-03T09:00:00+08:00' }, hiddenWorkingDays: 10 });
      expect(finding!.message).toMatchInlineSnapshot(`"Unlisted matter (隐性审批): case c1 of matter food-business-permit-approval was received on 2025-03-03 09:00, right after case u1 of matter "district-opinion-letter" — a matter on no list — was approved on 2025-02-28 16:00 for the same project P-1; that approval took 10 working days before this matter could start. If the listed matter really waits for it, publish it in the catalogue (and the flows passed); otherwise stop requiring it."`);
    });

    it('ignores one approved long before, denied, of another project, listed, or followed first by another listed matter', () => {
      const silent: CaseSummary[][] = [
        [earlier('u1', 'approved', '2025-02-20 16:00')], // 7 working days before the receipt
        [earlier('u1', 'denied', '2025-02-28 16:00')],
        [earlier('u1', 'approved', '2025-02-28 16:00', { projectCode: 'P-2' })],
        [earlier('u1', 'approved', '2025-02-28 16:00', { listed: true })],
        [earlier('u1', 'approved', '2025-02-28 16:00'), earlier('l1', 'approved', '2025-03-10 16:00', { matterId: testFlow.id, receivedAt: '2025-03-01T09:00:00+08:00', listed: true })],
      ];
      for (const history of silent) expect(detector.detect(testCase(ORDINARY), detector.defaults, history)).toEqual([]);
      expect(detector.detect(testCase(ORDINARY), { maxGateWorkingDays: 10 }, silent[0]!)).toHaveLength(1);
    });

    it('is found by the driver, which marks the cases of matters it has no flow for', () => {
      const unlisted = testCase([
        ['received', '2025-02-17 09:00', { actor: undefined }],
        ['department-accepted', '2025-02-17 10:00'],
        ['approved', '2025-02-28 16:00'],
      ], 'u1').records.map((r) => ({ ...r, matterId: 'district-opinion-letter' }));
      const { findings, stats } = detectOffSystemWork([...unlisted, ...testCase(ORDINARY).records], { flows: [testFlow], detectors: [detector] });
      expect(stats.unknownMatters).toEqual(['district-opinion-letter']);
      expect(findings).toMatchObject([{ code: 'unmodeled-activity', caseId: 'c1', recordIds: ['u1#1', 'u1#3', 'c1#1'] }]);
    });
  });
});
