import { describe, expect, it } from 'vitest';
import { validateBundle, validateFlow, type BundleDefinition, type FlowDefinition } from '../definition';
import type { EventRecord } from '../event-log';
import { measureBundle } from './measure-bundle';
import { measureLog } from './measure-log';

// Hand-computed examples on the mainland calendar, March 2025: 3 March is a Monday, no holidays.

const flow = (id: string, department: string, promised: number, process?: FlowDefinition['process']): FlowDefinition => ({
  id,
  version: '1',
  name: `${id} 许可`,
  department,
  mode: 'approval',
  caseType: 'promised',
  limits: { statutoryWorkingDays: 20, promisedWorkingDays: promised },
  materials: [
    { id: 'form', name: '申请表' },
    { id: 'plan', name: '方案' },
  ],
  process: process ?? { kind: 'step', id: 'decide', name: '决定', department, role: 'director' },
});

const flows = [flow('a', 'planning', 10), flow('b', 'fire', 10), flow('c', 'housing', 5)];
const bundle: BundleDefinition = {
  id: 'two-stage',
  version: '1',
  name: '两阶段一件事',
  leadDepartment: 'planning',
  stages: [
    { id: 's1', name: '第一阶段', leadDepartment: 'planning', limitWorkingDays: 7 },
    { id: 's2', name: '第二阶段', leadDepartment: 'housing' },
  ],
  matters: [
    { matterId: 'a', stage: 's1' },
    { matterId: 'b', stage: 's1' },
    { matterId: 'c', stage: 's2' },
  ],
  limits: { promisedWorkingDays: 12 },
};
const expertFlow = flow('y', 'planning', 10, {
  kind: 'sequence',
  children: [
    { kind: 'step', id: 'expert-review', name: '专家评审', department: 'planning', role: 'expert', clock: 'stopped', stopReason: 'expert-review' },
    { kind: 'step', id: 'decide', name: '决定', department: 'planning', role: 'director' },
  ],
});
const loneFlow = flow('x', 'market', 5);

let serial = 0;
function rec(caseId: string, matterId: string, activity: string, at: string, extra: Partial<EventRecord> = {}): EventRecord {
  return { id: `r${++serial}`, caseId, matterId, flowVersion: '1', activity, at: `2025-03-${at}+08:00`, source: 'system', ...extra } as EventRecord;
}

const B = 'B1';
const inBundle = (matterId: string, activity: string, at: string, extra: Partial<EventRecord> = {}) => rec(`${B}:${matterId}`, matterId, activity, at, { bundleId: B, applicantId: 'app-1', ...extra });
const bundleRecords: EventRecord[] = [
  rec(B, 'two-stage', 'bundle-submitted', '03T09:00:00', { bundleId: B, applicantId: 'app-1', channel: 'window', materials: ['form', 'plan'] }),
  inBundle('a', 'received', '03T09:05:00', { channel: 'window', materials: ['form', 'plan'] }),
  inBundle('b', 'received', '03T09:05:00', { channel: 'window', materials: ['form', 'plan'] }),
  inBundle('a', 'window-accepted', '03T10:00:00'),
  inBundle('b', 'department-accepted', '04T09:00:00'),
  inBundle('b', 'supplement-started', '05T10:00:00', { reason: { kind: 'incomplete-materials', text: '缺少总平面图' } }),
  inBundle('a', 'approved', '07T16:00:00'),
  inBundle('b', 'supplement-ended', '10T09:00:00', { channel: 'window', materials: ['plan'] }),
  inBundle('b', 'approved', '12T15:00:00'),
  inBundle('c', 'received', '12T15:00:00', { channel: 'window', materials: ['form'] }),
  inBundle('c', 'department-accepted', '13T09:00:00'),
  inBundle('c', 'approved', '17T11:00:00'),
  inBundle('c', 'certificate-issued', '18T10:00:00', { channel: 'window' }),
  rec(B, 'two-stage', 'bundle-completed', '17T11:00:00', { bundleId: B, applicantId: 'app-1' }),
];

const resubmission: EventRecord[] = [
  rec('X1', 'x', 'received', '03T09:00:00', { applicantId: 'app-2', channel: 'window', materials: ['form', 'plan'] }),
  rec('X1', 'x', 'withdrawn-before-acceptance', '05T10:00:00', { applicantId: 'app-2', channel: 'window' }),
  rec('X2', 'x', 'received', '10T09:00:00', { applicantId: 'app-2', channel: 'online', materials: ['form', 'plan'] }),
  rec('X2', 'x', 'department-accepted', '10T10:00:00', { applicantId: 'app-2' }),
  rec('X2', 'x', 'approved', '14T16:00:00', { applicantId: 'app-2' }),
];

const expertReview: EventRecord[] = [
  rec('Y1', 'y', 'received', '03T09:00:00', { applicantId: 'app-3', channel: 'online', materials: ['form'] }),
  rec('Y1', 'y', 'department-accepted', '03T11:00:00', { applicantId: 'app-3' }),
  rec('Y1', 'y', 'expert-review', '05T09:00:00', { applicantId: 'app-3', lifecycle: 'start' }),
  rec('Y1', 'y', 'expert-review', '12T17:00:00', { applicantId: 'app-3', lifecycle: 'complete' }),
  rec('Y1', 'y', 'approved', '13T10:00:00', { applicantId: 'app-3' }),
];

describe('the hand-computed examples', () => {
  it('use valid definitions', () => {
    for (const f of [...flows, expertFlow, loneFlow]) expect(validateFlow(f)).toMatchObject({ ok: true });
    expect(validateBundle(bundle, { flows })).toMatchObject({ ok: true });
  });
});

describe('measureBundle: a two-stage bundle with parallel matters and a 补正', () => {
  const m = measureBundle(bundleRecords, { bundle, flows });

  it('counts official time as the union of the matters, the 补正 removed', () => {
    // a (3,7] ∪ b (4,5] ∪ (10,12] ∪ c (13,17] = (3,7] + (10,12] + (13,17]: 4 + 2 + 2 working days, 4 + 2 + 4 natural.
    expect(m.official).toEqual({ workingDays: 8, naturalDays: 10 });
    const b = m.matters.find((x) => x.matterId === 'b')!;
    expect(b.official).toMatchObject({ workingDays: 3, naturalDays: 3 });
    expect(b.suspensions.supplement).toEqual({ workingDays: 3, naturalDays: 5 });
    expect(b.pauses).toEqual([{ kind: 'supplement', reason: 'incomplete-materials', from: '2025-03-05T10:00:00+08:00', to: '2025-03-10T09:00:00+08:00' }]);
  });

  it('counts experienced time from the submission to the certificate in hand', () => {
    expect(m.experienced).toEqual({ from: '2025-03-03T09:00:00+08:00', to: '2025-03-18T10:00:00+08:00', workingDays: 11, naturalDays: 15 });
    expect(m.outcome).toBe('completed');
    expect(m.month).toBe('2025-03');
  });

  it('breaks the time down by stage, with the stage limit', () => {
    expect(m.stages.map((s) => [s.stageId, s.official.workingDays, s.done])).toEqual([
      ['s1', 6, true],
      ['s2', 2, true],
    ]);
    expect(m.stages[0]!.limit).toEqual({ limitWorkingDays: 7, usedWorkingDays: 6, met: true });
    expect(m.stages[0]!.experienced).toMatchObject({ from: '2025-03-03T09:05:00+08:00', to: '2025-03-12T15:00:00+08:00', workingDays: 7 });
  });

  it('finds the critical path: the stage-1 matter that ended last, then the stage-2 matter', () => {
    expect(m.criticalPath).toEqual(['b', 'c']);
    expect(m.matters.filter((x) => x.critical).map((x) => x.matterId)).toEqual(['b', 'c']);
  });

  it('counts trips by day, not the system fanning the application out', () => {
    expect(m.tripDays).toEqual(['2025-03-03', '2025-03-10', '2025-03-18']);
    expect(m.trips).toBe(3);
    expect(m.atMostOneTrip).toBe(false);
  });

  it('counts one form and the materials of the submission and the 补正', () => {
    expect(m.forms).toBe(1);
    expect(m.materialSubmissions).toBe(3);
    expect(m.repeatedMaterials).toEqual([]);
  });

  it('checks the promised limit against official time', () => {
    expect(m.promised).toEqual({ limitWorkingDays: 12, usedWorkingDays: 8, met: true });
    expect(m.promisedMet).toBe(true);
    expect(m.suspensions.supplement).toEqual({ workingDays: 3, naturalDays: 5 });
  });

  it('keeps an open bundle open until the evaluation instant', () => {
    const open = measureBundle(bundleRecords.slice(0, 7), { bundle, flows }, { at: '2025-03-07T17:00:00+08:00' });
    expect(open.outcome).toBe('open');
    expect(open.experienced.to).toBe('2025-03-07T17:00:00+08:00');
    expect(open.promisedMet).toBeUndefined();
    expect(open.promised?.met).toBeUndefined();
  });
});

describe('measureBundle: lone cases as one-matter bundles', () => {
  it('measures a resubmission from the first attempt, and sees the repeated materials', () => {
    const m = measureBundle(resubmission, loneFlow);
    expect(m.kind).toBe('case');
    expect(m.id).toBe('X2');
    expect(m.experienced).toMatchObject({ workingDays: 9, naturalDays: 11 });
    expect(m.official).toEqual({ workingDays: 4, naturalDays: 4 });
    expect(m.matters[0]!.caseIds).toEqual(['X1', 'X2']);
    expect(m.tripDays).toEqual(['2025-03-03', '2025-03-05']);
    expect(m.forms).toBe(2);
    expect(m.repeatedMaterials).toEqual(['form', 'plan']);
    expect(m.promised).toEqual({ limitWorkingDays: 5, usedWorkingDays: 4, met: true });
  });

  it("counts the applicant's own offline evidence as a trip, not an officer's meeting", () => {
    const evidence = (at: string, extra: Partial<EventRecord>) => rec('Y1', 'y', 'evidence', at, { applicantId: 'app-3', source: 'evidence', channel: 'offline', ...extra });
    const withEvidence = [
      ...expertReview,
      evidence('04T10:00:00', { evidenceKind: 'meeting', actor: { id: 'p-1', role: 'section-chief', department: 'planning' } }),
      evidence('06T10:00:00', { evidenceKind: 'visit' }),
      evidence('07T10:00:00', { evidenceKind: 'payment' }),
    ];
    expect(measureBundle(withEvidence, expertFlow).tripDays).toEqual(['2025-03-06']);
  });

  it('leaves an expert review in official time, out of the statutory count', () => {
    const m = measureBundle(expertReview, expertFlow);
    expect(m.official).toEqual({ workingDays: 8, naturalDays: 10 });
    expect(m.suspensions['stopped-step']).toEqual({ workingDays: 5, naturalDays: 7 });
    expect(m.statutory).toEqual({ limitWorkingDays: 20, usedWorkingDays: 3, met: true });
    // The step that stopped the clock stands as the pause's reason.
    expect(m.matters[0]!.pauses).toEqual([{ kind: 'stopped-step', reason: 'expert-review', from: '2025-03-05T09:00:00+08:00', to: '2025-03-12T17:00:00+08:00' }]);
    expect(m.trips).toBe(0);
  });

  it('gives no limit verdict to a withdrawn case, and drops it from official time', () => {
    const m = measureBundle(resubmission.slice(0, 2), loneFlow);
    expect(m.outcome).toBe('failed');
    expect(m.official).toEqual({ workingDays: 0, naturalDays: 0 });
    expect(m.matters[0]!.dropped).toBe(true);
    expect(m.promised?.met).toBeUndefined();
    expect(m.promisedMet).toBeUndefined();
  });

  it('refuses records of a matter the bundle lacks', () => {
    expect(() => measureBundle([...bundleRecords, inBundle('z', 'received', '03T09:05:00')], { bundle, flows })).toThrow(/matter "z"/);
  });
});

describe('measureLog', () => {
  const all = [...bundleRecords, ...resubmission, ...expertReview];
  const options = { bundles: [{ bundle, flows }], flows: [expertFlow, loneFlow] };

  it('measures every bundle instance and lone case chain', () => {
    const { measurements, counts, unmeasured } = measureLog(all, options);
    expect(measurements.map((m) => [m.kind, m.id])).toEqual([
      ['bundle', 'B1'],
      ['case', 'X2'],
      ['case', 'Y1'],
    ]);
    expect(unmeasured).toEqual([]);
    expect(counts).toEqual({ read: all.length, measured: all.length, unmeasured: 0 });
  });

  it('gives the same measurements whatever order the records arrive in', () => {
    const reversed = measureLog([...all].reverse(), options).measurements;
    expect(reversed).toEqual(measureLog(all, options).measurements);
  });

  it('evaluates open cases at the latest instant of the log, however each instant is written', () => {
    const open = rec('X9', 'x', 'received', '03T09:00:00', { applicantId: 'app-9' });
    // 02:00 UTC is 10:00 in Beijing: the latest instant, though its string sorts before the others.
    const latest = { ...rec('X8', 'x', 'received', '03T09:00:00', { applicantId: 'app-8' }), at: '2025-03-03T02:00:00Z' };
    const earlier = [rec('X8', 'x', 'department-accepted', '03T09:30:00.000'), rec('X8', 'x', 'supplement-started', '03T09:45:00')];
    for (const records of [[open, latest, ...earlier], [open, ...earlier, latest], [latest, open, ...earlier]]) {
      const x9 = measureLog(records, options).measurements.find((m) => m.id === 'X9')!;
      expect(x9.outcome).toBe('open');
      expect(x9.experienced.to).toBe('2025-03-03T02:00:00Z');
      // Passing that instant as `at` gives the same measurements (the log's latest is then not looked for).
      expect(measureLog(records, { ...options, at: '2025-03-03T02:00:00Z' })).toEqual(measureLog(records, options));
    }
    // The same instant written two ways: the one string is taken whatever the order.
    const same = rec('X7', 'x', 'received', '03T10:00:00', { applicantId: 'app-7' });
    for (const records of [[open, latest, same], [open, same, latest]]) {
      expect(measureLog(records, options).measurements.find((m) => m.id === 'X9')!.experienced.to).toBe('2025-03-03T10:00:00+08:00');
      expect(measureBundle(records, loneFlow).experienced.to).toBe('2025-03-03T10:00:00+08:00');
    }
  });

  it('runs a bundle to the latest instant of the log while a matter is not begun, or runs beside a denial', () => {
    // Its one matter is approved, so nothing in it runs: only the matter not yet begun keeps it open.
    const pair: BundleDefinition = { id: 'pair', version: '1', name: '两事项一件事', leadDepartment: 'planning', matters: [{ matterId: 'a' }, { matterId: 'b' }] };
    const inPair = (matterId: string, activity: string, at: string) => rec(`P1:${matterId}`, matterId, activity, at, { bundleId: 'P1', applicantId: 'app-4' });
    const records = [
      rec('P1', 'pair', 'bundle-submitted', '03T09:00:00', { bundleId: 'P1', applicantId: 'app-4' }),
      inPair('a', 'received', '03T09:05:00'),
      inPair('a', 'department-accepted', '03T10:00:00'),
      inPair('a', 'approved', '05T16:00:00'),
      ...resubmission,
    ];
    const pairOptions = { bundles: [{ bundle: pair, flows }], flows: [loneFlow] };
    const measured = measureLog(records, pairOptions);
    const p1 = measured.measurements.find((m) => m.id === 'P1')!;
    expect(p1.outcome).toBe('open');
    expect(p1.experienced).toMatchObject({ from: '2025-03-03T09:00:00+08:00', to: '2025-03-14T16:00:00+08:00', workingDays: 9 });
    expect(measureLog(records, { ...pairOptions, at: '2025-03-14T16:00:00+08:00' })).toEqual(measured);

    // Failed by one matter's denial while the other still runs: that one runs to the latest instant.
    const failing = [...records, inPair('a', 'denied', '05T17:00:00'), inPair('b', 'received', '04T09:00:00'), inPair('b', 'department-accepted', '04T10:00:00')].filter((r) => r.activity !== 'approved' || r.caseId !== 'P1:a');
    const failed = measureLog(failing, pairOptions).measurements.find((m) => m.id === 'P1')!;
    expect(failed.outcome).toBe('failed');
    expect(failed.matters.find((m) => m.matterId === 'b')!.experienced).toMatchObject({ to: '2025-03-14T16:00:00+08:00', workingDays: 8 });
  });

  it('reports a case of an unknown matter once, and the counts still add up', () => {
    const stray = [rec('Z1', 'unknown', 'received', '03T09:00:00'), rec('Z1', 'unknown', 'approved', '04T09:00:00')];
    const { measurements, counts, unmeasured } = measureLog([...all, ...stray], options);
    expect(measurements).toHaveLength(3);
    expect(unmeasured).toEqual([{ id: 'Z1', matterId: 'unknown', records: 2, reason: expect.stringMatching(/options\.flows/) }]);
    expect(counts).toEqual({ read: all.length + 2, measured: all.length, unmeasured: 2 });
    // Its records still count towards the log's latest instant, to which open cases run.
    const open = rec('X9', 'x', 'received', '03T09:00:00', { applicantId: 'app-9' });
    const late = rec('Z2', 'unknown', 'received', '20T09:00:00');
    const x9 = measureLog([open, late], options).measurements.find((m) => m.id === 'X9')!;
    expect(x9.experienced.to).toBe('2025-03-20T09:00:00+08:00');
  });

  it('puts detection findings beside the official figure', () => {
    const finding = {
      code: 'pre-acceptance-work' as const,
      caseId: 'Y1',
      severity: 'high' as const,
      recordIds: ['r1'],
      interval: { from: '2025-02-24T09:00:00+08:00', to: '2025-03-03T09:00:00+08:00' },
      hiddenWorkingDays: 5,
      message: '线下预审',
    };
    const y = measureLog(all, { ...options, findings: [finding] }).measurements.find((m) => m.id === 'Y1')!;
    expect(y.offSystem.workingDays).toBe(5);
    expect(y.offSystem.periods).toEqual([{ code: 'pre-acceptance-work', caseId: 'Y1', from: finding.interval.from, to: finding.interval.to, hiddenWorkingDays: 5, recordIds: ['r1'] }]);
  });
});
