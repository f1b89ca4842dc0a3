import { describe, expect, it } from 'vitest';
import { serializeEventLog, type EventRecord } from '../event-log';
import { constructionPermitBundle } from '../flows';
import { generateBundleLog, generateLog } from '../simulation';
import type { CaseDetector, CaseSummary, CaseView } from './case-detector';
import { createDetector, detectOffSystemWork, detectOffSystemWorkInLog, type DetectorOptions } from './index';
import type { Finding } from './finding';

/** A fake 先批后录 detector: a system record entered more than `minHours` after it happened. */
const lateEntry: CaseDetector<{ minHours: number }> = {
  code: 'backfilled-record',
  signal: 'records entered long after they happened',
  defaults: { minHours: 24 },
  detect(view, options) {
    const late = view.records.filter((r) => r.recordedAt !== undefined && Date.parse(r.recordedAt) - Date.parse(r.at) > options.minHours * 3_600_000);
    if (late.length === 0) return [];
    const from = late[0]!.at;
    const to = late.map((r) => r.recordedAt!).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
    return [
      {
        code: 'backfilled-record',
        severity: 'high',
        recordIds: late.map((r) => r.id).sort(),
        interval: { from, to },
        hiddenWorkingDays: view.calendar.workingDaysBetween(from, to),
        message: `${late.length} record(s) entered after the fact`,
      },
    ];
  },
};

/** A fake 撤件重报 detector: an earlier attempt at the same matter ended without a decision. */
const resubmit: CaseDetector<object> = {
  code: 'withdraw-resubmit',
  signal: 'an earlier attempt was abandoned',
  defaults: {},
  detect(view, _options, history) {
    const earlier = history.find(
      (h) => h.matterId === view.matterId && ['withdrawn', 'withdrawn-before-acceptance', 'not-accepted'].includes(h.end?.activity ?? ''),
    );
    if (earlier === undefined || view.records.every((r) => r.activity !== 'received')) return [];
    return [{ code: 'withdraw-resubmit', severity: 'medium', recordIds: [earlier.end!.recordId, view.records[0]!.id], message: `resubmission of ${earlier.caseId}` }];
  },
};

const fakes = [lateEntry, resubmit];
const log = generateLog({ seed: 11, cases: 150, inject: { 'backfilled-record': 0.1, 'withdraw-resubmit': 0.1 } });
const norm = (fs: readonly Finding[]) => fs.map((f) => JSON.stringify(f)).sort();

function stream(records: Iterable<EventRecord>, options: DetectorOptions) {
  const detector = createDetector(options);
  const findings: Finding[] = [];
  let maxOpen = 0;
  for (const r of records) {
    findings.push(...detector.push(r));
    maxOpen = Math.max(maxOpen, detector.openCases);
  }
  findings.push(...detector.flush());
  return { findings, stats: detector.stats, maxOpen, openAfter: detector.openCases };
}

async function* chunks(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('createDetector and detectOffSystemWork', () => {
  it('streams to the same findings as the batch, and finds the injected cases', async () => {
    const batch = detectOffSystemWork(log.records, { detectors: fakes });
    const streamed = stream(log.records, { detectors: fakes, lateness: 40 });
    expect(streamed.findings).toEqual(batch.findings);
    expect(streamed.stats).toEqual(batch.stats);
    const fromLog = await detectOffSystemWorkInLog(chunks(serializeEventLog(log.records), 997), { detectors: fakes });
    expect(fromLog.findings).toEqual(batch.findings);

    const found = new Set(batch.findings.map((f) => `${f.code} ${f.caseId}`));
    const backfilled = log.labels.filter((l) => l.code === 'backfilled-record');
    expect(backfilled.length).toBeGreaterThan(5);
    for (const l of backfilled) expect(found).toContain(`${l.code} ${l.caseId}`);
    // History holds cases closed earlier in the stream; the generator groups records by case, ordered by
    // each case's first record, so a 证照分离 resubmission can come before its first attempt.
    const resubmissions = log.labels.filter((l) => l.code === 'withdraw-resubmit');
    const caught = resubmissions.filter((l) => found.has(`${l.code} ${l.caseId}`));
    expect(caught.length).toBeGreaterThan(resubmissions.length / 2);
    expect(batch.stats.cases).toBe(new Set(log.records.map((r) => r.caseId)).size);
    expect(batch.stats.findingsByCode['backfilled-record']).toBe(batch.findings.filter((f) => f.code === 'backfilled-record').length);
    expect(batch.stats).toMatchObject({ read: log.records.length, accepted: log.records.length, rejected: 0, late: 0, unknownMatters: [] });
  });

  it('streams to the same findings as the batch with the built-in detectors', () => {
    const batch = detectOffSystemWork(log.records);
    expect(stream(log.records, { lateness: 25 }).findings).toEqual(batch.findings);
  });

  it('fills in case, matter and department a detector leaves out', () => {
    const { findings } = detectOffSystemWork(log.records, { detectors: [lateEntry] });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f).toMatchObject({ caseId: expect.any(String), matterId: expect.any(String), department: expect.any(String) });
  });

  it('gives the same findings when records of a case arrive out of order within the window', () => {
    const blocks = new Map<string, EventRecord[]>();
    for (const r of log.records) blocks.set(r.caseId, [...(blocks.get(r.caseId) ?? []), r]);
    // Reverse each case's records, then swap records three apart, across cases too. Records of one case
    // at the same instant keep their order: nothing in a log tells which came first but that order.
    const reversed = (rs: EventRecord[]) => {
      const groups: EventRecord[][] = [];
      for (const r of rs) if (groups.at(-1)?.[0]!.at === r.at) groups.at(-1)!.push(r);
      else groups.push([r]);
      return groups.reverse().flat();
    };
    const shuffled = [...blocks.values()].flatMap(reversed);
    const tie = (a: EventRecord, b: EventRecord) => a.caseId === b.caseId && a.at === b.at;
    for (let i = 0; i + 3 < shuffled.length; i += 7) {
      if (shuffled.slice(i + 1, i + 4).some((r) => tie(r, shuffled[i]!)) || shuffled.slice(i, i + 3).some((r) => tie(r, shuffled[i + 3]!))) continue;
      [shuffled[i], shuffled[i + 3]] = [shuffled[i + 3]!, shuffled[i]!];
    }
    expect(shuffled).not.toEqual(log.records);
    const inOrder = stream(log.records, { detectors: [lateEntry], lateness: 60 });
    const outOfOrder = stream(shuffled, { detectors: [lateEntry], lateness: 60 });
    expect(norm(outOfOrder.findings)).toEqual(norm(inOrder.findings));
    expect(outOfOrder.stats.late).toBe(0);
    expect(norm(stream(shuffled, { lateness: 60 }).findings)).toEqual(norm(stream(log.records, { lateness: 60 }).findings));
  });

  it('holds only open cases: bounded by the window, and none after flush', () => {
    const run = stream(log.records, { detectors: fakes, lateness: 30 });
    expect(run.openAfter).toBe(0);
    expect(run.maxOpen).toBeLessThanOrEqual(30 + 2);
    expect(run.maxOpen).toBeLessThan(run.stats.cases / 3);
  });

  it('closes a case after the window and counts a later record as late', () => {
    const r = (id: string, activity: string, caseId = 'C1'): EventRecord => ({
      id,
      caseId,
      matterId: 'construction-permit',
      flowVersion: '1',
      activity,
      at: `2025-03-0${id.length}T09:00:00+08:00`,
      source: 'system',
    });
    const seen: CaseView[] = [];
    const spy: CaseDetector<object> = { code: 'unmodeled-activity', signal: '', defaults: {}, detect: (v) => (seen.push(v), []) };
    const detector = createDetector({ detectors: [spy], lateness: 1 });
    detector.push(r('a', 'received'));
    detector.push(r('aa', 'approved'));
    expect(detector.openCases).toBe(1);
    detector.push(r('aaa', 'certificate-issued'));
    expect(detector.openCases).toBe(0);
    expect(seen.map((v) => v.records.map((x) => x.activity))).toEqual([['received', 'approved', 'certificate-issued']]);
    detector.push(r('aaaa', 'revoked'));
    expect(detector.stats).toMatchObject({ accepted: 4, late: 1, cases: 1 });
    expect(detector.flush()).toEqual([]);
  });

  it('forgets a closed case 100,000 records after it closed: a record of it then starts a new case', () => {
    const detector = createDetector({ detectors: [], lateness: 0 });
    const base = { matterId: 'construction-permit', flowVersion: '1', at: '2025-03-03T09:00:00+08:00', source: 'system' } as const;
    detector.push({ ...base, id: 'a1', caseId: 'A', activity: 'approved' });
    detector.push({ ...base, id: 'a2', caseId: 'A', activity: 'certificate-issued' });
    expect(detector.stats.late).toBe(1);
    for (let i = 0; i < 100_000; i++) detector.push({ ...base, id: `f${i}`, caseId: `F${i}`, activity: 'approved' });
    detector.push({ ...base, id: 'a3', caseId: 'A', activity: 'certificate-issued' });
    expect(detector.stats).toMatchObject({ late: 1, cases: 100_001 });
    expect(detector.openCases).toBe(1);
  });

  it('closes a cancelled-mode case at its business registration (直接取消审批)', () => {
    const detector = createDetector({ detectors: [], lateness: 0 });
    const base = { flowVersion: '1', at: '2025-03-03T09:00:00+08:00', source: 'system' } as const;
    detector.push({ ...base, id: 'c1', caseId: 'K1', matterId: 'food-business-permit-cancelled', activity: 'business-registered' });
    detector.push({ ...base, id: 'a1', caseId: 'K2', matterId: 'food-business-permit-approval', activity: 'business-registered' });
    expect(detector.openCases).toBe(1);
    expect(detector.stats.cases).toBe(1);
  });

  it('reports a matter without a definition once, and its cases still reach the detectors', () => {
    const records = log.records.slice(0, 40).map((r) => ({ ...r, matterId: 'no-such-matter' }));
    const flows: Array<CaseView['flow']> = [];
    const spy: CaseDetector<object> = { code: 'unmodeled-activity', signal: '', defaults: {}, detect: (v) => (flows.push(v.flow), []) };
    const { stats } = detectOffSystemWork(records, { detectors: [spy] });
    expect(stats.unknownMatters).toEqual(['no-such-matter']);
    expect(flows.length).toBe(new Set(records.map((r) => r.caseId)).size);
    expect(flows.length).toBeGreaterThan(1);
    expect(flows.every((f) => f === undefined)).toBe(true);
    expect(detectOffSystemWork(records).stats.unknownMatters).toEqual(['no-such-matter']);
  });

  it('silences allowed deviations and counts them', () => {
    const all = detectOffSystemWork(log.records, { detectors: fakes });
    const one = all.findings.find((f) => f.code === 'backfilled-record')!;
    const byCase = detectOffSystemWork(log.records, { detectors: fakes, allow: [{ caseId: one.caseId! }] });
    const silencedHere = all.findings.filter((f) => f.caseId === one.caseId).length;
    expect(byCase.stats.silenced).toBe(silencedHere);
    expect(byCase.findings.length).toBe(all.findings.length - silencedHere);
    const byCode = detectOffSystemWork(log.records, { detectors: fakes, allow: [{ code: 'withdraw-resubmit' }] });
    expect(byCode.findings.every((f) => f.code !== 'withdraw-resubmit')).toBe(true);
    expect(byCode.stats.silenced).toBe(all.stats.findingsByCode['withdraw-resubmit']);
    expect(() => createDetector({ allow: [{}] })).toThrow(/would silence every finding/);
  });

  it('merges thresholds: defaults, then per code, then per matter; rejects unknown ones', () => {
    const got = new Map<string, unknown>();
    const spy: CaseDetector<{ a: number; b: number }> = {
      code: 'implausible-speed',
      signal: '',
      defaults: { a: 1, b: 1 },
      detect: (v, o) => (got.set(v.matterId, o), []),
    };
    const matter = log.records[0]!.matterId;
    const other = log.records.find((r) => r.matterId !== matter)!.matterId;
    detectOffSystemWork(log.records, { detectors: [spy], thresholds: { 'implausible-speed': { a: 2 } }, perMatter: { [matter]: { 'implausible-speed': { b: 3 } } } });
    expect(got.get(matter)).toEqual({ a: 2, b: 3 });
    expect(got.get(other)).toEqual({ a: 2, b: 1 });
    expect(() => createDetector({ detectors: [spy], thresholds: { 'implausible-speed': { c: 1 } } })).toThrow(/does not have/);
    expect(() => createDetector({ lateness: -1 })).toThrow(/lateness/);
  });

  it('gives history of earlier closed cases, oldest first', () => {
    const histories: Array<readonly CaseSummary[]> = [];
    const spy: CaseDetector<object> = { code: 'withdraw-resubmit', signal: '', defaults: {}, detect: (_v, _o, h) => (histories.push(h), []) };
    const rec = (caseId: string, id: string, activity: string, day: number): EventRecord => ({
      id,
      caseId,
      matterId: 'construction-permit',
      flowVersion: '1',
      projectCode: 'P1',
      activity,
      at: `2025-03-${String(day).padStart(2, '0')}T09:00:00+08:00`,
      source: 'system',
    });
    detectOffSystemWork(
      [rec('B', 'b1', 'received', 5), rec('B', 'b2', 'withdrawn', 6), rec('A', 'a1', 'received', 3), rec('A', 'a2', 'withdrawn', 4), rec('C', 'c1', 'received', 10), rec('C', 'c2', 'approved', 12)],
      { detectors: [spy], lateness: 0 },
    );
    expect(histories.map((h) => h.map((s) => s.caseId))).toEqual([[], ['B'], ['A', 'B']]);
    expect(histories[2]![0]).toMatchObject({ caseId: 'A', receivedAt: '2025-03-03T09:00:00+08:00', end: { activity: 'withdrawn', recordId: 'a2' }, projectCode: 'P1' });
  });

  it('counts garbage lines of a JSON Lines log as rejected, and the counts add up', async () => {
    const text = serializeEventLog(log.records.slice(0, 200));
    const lines = text.split('\n');
    lines.splice(10, 0, '{oops');
    lines.splice(50, 0, '"just a string"');
    lines.splice(90, 0, JSON.stringify({ id: 'x' }));
    const result = await detectOffSystemWorkInLog(chunks(lines.join('\n'), 4096), { detectors: fakes });
    expect(result.stats).toMatchObject({ read: 203, accepted: 200, rejected: 3 });
    expect(result.stats.read).toBe(result.stats.accepted + result.stats.rejected);
    expect(result.issues.map((i) => i.line)).toEqual([11, 51, 91, 91, 91, 91, 91, 91].slice(0, result.issues.length));
    const detector = createDetector({ detectors: fakes });
    expect(detector.pushInput({ id: 'x' }).issues.length).toBeGreaterThan(0);
    expect(detector.pushInput(log.records[0]).issues).toEqual([]);
    expect(detector.stats).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
  });
});

describe('bundle instances', () => {
  it('reads a bundle instance\'s own records as its bundle, not as a case of an unknown matter', () => {
    const { records } = generateBundleLog({ seed: 4, bundles: 12 });
    const { stats, findings } = detectOffSystemWork(records);
    expect(stats.unknownMatters).toEqual([]);
    expect(stats.cases).toBe(new Set(records.filter((r) => r.caseId !== r.bundleId).map((r) => r.caseId)).size);
    expect(findings).toEqual([]);
  });

  it('uses the case\'s own bundle for predecessors: a small low-risk project is not missing the social-invested ones', () => {
    const { records } = generateBundleLog({ seed: 9, bundles: 6, mix: [{ bundle: constructionPermitBundle({ category: 'small-low-risk' }), weight: 1 }] });
    expect(detectOffSystemWork(records).findings).toEqual([]);
    // Without the bundle's own records, the defaults (the social-invested bundle's dependsOn) apply and fire.
    const withoutBundleRecords = records.filter((r) => r.caseId !== r.bundleId);
    expect(detectOffSystemWork(withoutBundleRecords).findings.map((f) => f.code)).toContain('missing-predecessor');
  });
});
