import { describe, expect, it } from 'vitest';
import { checkEventRecord, type EventRecord } from '../event-log';
import { detectOffSystemWork } from '../detection';
import { constructionPermitBundle, openBusinessBundle } from '../flows';
import { BUNDLE_INJECTABLE_DEVIATION_CODES, defaultBundleMix, generateBundleLog, SUSPENSION_ABUSE_VARIANTS } from './index';

const mix = defaultBundleMix();
const definitions = mix.map((m) => m.bundle);

function byCase(records: readonly EventRecord[]): Map<string, EventRecord[]> {
  const out = new Map<string, EventRecord[]>();
  for (const r of records) {
    const list = out.get(r.caseId);
    if (list === undefined) out.set(r.caseId, [r]);
    else list.push(r);
  }
  return out;
}

const ms = (instant: string) => Date.parse(instant);
const APPROVED = new Set(['approved', 'approved-deferred', 'filed']);

describe('generateBundleLog', () => {
  const year = generateBundleLog({ seed: 5, bundles: 80 });
  const cases = byCase(year.records);
  const bundleIds = [...new Set(year.records.map((r) => r.bundleId))];

  it('gives the same log for the same seed, and another for another seed', () => {
    const a = generateBundleLog({ seed: 9, bundles: 15 });
    expect(generateBundleLog({ seed: 9, bundles: 15 })).toEqual(a);
    expect(generateBundleLog({ seed: 10, bundles: 15 }).records).not.toEqual(a.records);
  });

  it('writes records that pass checkEventRecord, every one linked to its bundle', () => {
    for (const record of year.records) {
      expect(checkEventRecord(record).ok, JSON.stringify(record)).toBe(true);
      expect(record.bundleId).toBeDefined();
      expect(record.caseId === record.bundleId || record.caseId.startsWith(`${record.bundleId}:`)).toBe(true);
    }
    expect(new Set(year.records.map((r) => r.id)).size).toBe(year.records.length);
  });

  it('submits each bundle first and completes it with its last approval', () => {
    expect(bundleIds.length).toBe(80);
    let completed = 0;
    for (const bundleId of bundleIds) {
      const own = cases.get(bundleId!)!;
      expect(own[0]!.activity).toBe('bundle-submitted');
      const submitted = ms(own[0]!.at);
      const matterCases = [...cases.entries()].filter(([id]) => id.startsWith(`${bundleId}:`)).map(([, list]) => list);
      for (const list of matterCases) for (const r of list.filter((x) => x.source === 'system')) expect(ms(r.at)).toBeGreaterThanOrEqual(submitted);
      const definition = definitions.find((d) => d.bundle.id === own[0]!.matterId)!;
      const approvedAt = definition.bundle.matters.map(({ matterId }) => cases.get(`${bundleId}:${matterId}`)?.find((r) => APPROVED.has(r.activity))?.at);
      const done = own.find((r) => r.activity === 'bundle-completed');
      if (approvedAt.every((at) => at !== undefined)) {
        completed++;
        expect(done?.at).toBe(approvedAt.reduce((a, b) => (ms(a!) > ms(b!) ? a : b)));
      } else expect(done).toBeUndefined();
    }
    expect(completed).toBeGreaterThan(65);
  });

  it('has the hall clerk submit window applications, and 即办件 decided within the day', () => {
    const submissions = year.records.filter((r) => r.activity === 'bundle-submitted');
    const window = submissions.filter((r) => r.channel === 'window');
    expect(window.length).toBeGreaterThan(8);
    for (const r of window) expect(r.actor?.role).toBe('window-clerk');
    for (const r of submissions.filter((x) => x.channel !== 'window')) expect(r.actor).toBeUndefined();
    const seals = [...cases.values()].filter((list) => list[0]!.matterId === 'seal-engraving' && list.some((r) => r.activity === 'approved'));
    expect(seals.length).toBeGreaterThan(8);
    const sameDay = seals.filter((list) => list.find((r) => r.activity === 'received')!.at.slice(0, 10) === list.find((r) => r.activity === 'approved')!.at.slice(0, 10));
    expect(sameDay.length / seals.length).toBeGreaterThan(0.5);
  });

  it('runs a stage in parallel and receives a waiting matter when the bundle does', () => {
    const { records } = generateBundleLog({ seed: 3, bundles: 3, mix: [{ bundle: constructionPermitBundle(), weight: 1 }] });
    const project = byCase(records);
    const bundleId = records[0]!.bundleId!;
    const at = (matterId: string, activity: string) => project.get(`${bundleId}:${matterId}`)?.find((r) => r.activity === activity)?.at;
    const stageOne = ['environmental-impact-assessment', 'soil-water-conservation', 'energy-conservation-review', 'mineral-overlay-review'];
    expect(new Set(stageOne.map((m) => at(m, 'received'))).size).toBe(1);
    // Their work interleaves: each is accepted before the others are decided.
    const latestAcceptance = Math.max(...stageOne.map((m) => ms(at(m, 'department-accepted')!)));
    expect(latestAcceptance).toBeLessThan(Math.min(...stageOne.map((m) => ms(at(m, 'approved')!))));
    expect(at('construction-permit', 'received')).toBe(
      ['construction-drawing-review', 'fire-design-review', 'civil-air-defence-design-review'].map((m) => at(m, 'approved')!).reduce((a, b) => (ms(a) > ms(b) ? a : b)),
    );
  });

  it('gives no finding on a year without injection', () => {
    const { findings } = detectOffSystemWork(year.records, { bundles: definitions });
    expect(findings.map((f) => `${f.code} ${f.caseId}`)).toEqual([]);
  });

  // Five bundle kinds, three of them construction projects: the slowest test here, on a shared machine.
  it('labels real cases, and the detectors find every injected code', { timeout: 20_000 }, () => {
    const even = [...definitions.map((bundle) => ({ bundle, weight: 1 })), { bundle: openBusinessBundle(), weight: 1 }];
    const inject = Object.fromEntries(BUNDLE_INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.15]));
    const log = generateBundleLog({ seed: 23, bundles: 50, mix: even, inject });
    for (const record of log.records) expect(checkEventRecord(record).ok, JSON.stringify(record)).toBe(true);
    const logCases = byCase(log.records);
    for (const label of log.labels) {
      expect(logCases.get(label.caseId!)?.[0]?.bundleId).toBe(label.bundleId);
    }
    expect(new Set(log.labels.map((l) => l.code))).toEqual(new Set(BUNDLE_INJECTABLE_DEVIATION_CODES));
    const { findings } = detectOffSystemWork(log.records, { bundles: definitions });
    const found = new Set(findings.map((f) => `${f.code} ${f.caseId}`));
    const missed = log.labels.filter((l) => !found.has(`${l.code} ${l.caseId}`));
    expect(missed).toEqual([]);
    const labeled = new Set(log.labels.map((l) => `${l.code} ${l.caseId}`));
    expect(findings.filter((f) => !labeled.has(`${f.code} ${f.caseId}`)).map((f) => `${f.code} ${f.caseId}`)).toEqual([]);
  });

  it('draws suspension-abuse from the variants asked for', () => {
    const { records, labels } = generateBundleLog({ seed: 17, bundles: 80, inject: { 'suspension-abuse': 0.5 }, suspensionAbuse: ['unapproved-extension'] });
    const unapproved = records.filter((r) => r.activity === 'extension-approved' && r.actor === undefined).map((r) => r.caseId);
    expect(labels.length).toBeGreaterThan(10);
    expect(new Set(unapproved)).toEqual(new Set(labels.map((l) => l.caseId)));
  });

  it.each(SUSPENSION_ABUSE_VARIANTS)('has the detectors find every %s in a bundle, and nothing unlabeled', (variant) => {
    const { records, labels } = generateBundleLog({ seed: 17, bundles: 60, inject: { 'suspension-abuse': 0.5 }, suspensionAbuse: [variant] });
    const keyOf = (x: { code: string; caseId?: string }) => `${x.code} ${x.caseId}`;
    const found = detectOffSystemWork(records, { bundles: defaultBundleMix().map((m) => m.bundle) }).findings.map(keyOf);
    expect(labels.length).toBeGreaterThan(15);
    expect(new Set(found)).toEqual(new Set(labels.map(keyOf)));
  });

  it('files an earlier, abandoned attempt of the whole bundle before a withdraw-resubmit', () => {
    const log = generateBundleLog({ seed: 4, bundles: 12, inject: { 'withdraw-resubmit': 0.5 } });
    const label = log.labels.find((l) => l.code === 'withdraw-resubmit')!;
    const matterId = label.caseId!.slice(label.bundleId!.length + 1);
    const resubmitted = log.records.find((r) => r.caseId === label.caseId && r.activity === 'received')!;
    const earlier = log.records.filter((r) => r.applicantId === resubmitted.applicantId && r.bundleId !== label.bundleId);
    expect(earlier[0]!.activity).toBe('bundle-submitted');
    const attempt = earlier.filter((r) => r.matterId === matterId);
    expect(['withdrawn-before-acceptance', 'not-accepted']).toContain(attempt.at(-1)!.activity);
    expect(ms(attempt.at(-1)!.at)).toBeLessThan(ms(resubmitted.at));
  });

  it('says how to fix bad options', () => {
    expect(() => generateBundleLog({ seed: 1, bundles: -1 })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: bundles is -1; give a whole number ≥ 0.]`);
    expect(() => generateBundleLog({ seed: 1, bundles: 1, inject: { 'serial-as-parallel': 0.1 } })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: "serial-as-parallel" cannot be injected into bundles: the bundle runtime receives a matter only once its dependsOn are approved, and a stage's matters at once. Inject it into lone cases with generateLog; bundle-injectable codes: pre-acceptance-work, withdraw-resubmit, backfilled-record, implausible-speed, suspension-abuse, unlisted-material, unmodeled-activity, double-acceptance, disguised-filing, extraneous-delay.]`);
    expect(() => generateBundleLog({ seed: 1, bundles: 1, inject: { 'backfilled-record': 2 } })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: inject["backfilled-record"] is 2; give a probability in [0, 1].]`);
    expect(() => generateBundleLog({ seed: 1, bundles: 1, year: 2026 })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: year is 2026, but calendar "cn-mainland" covers 2020–2026; bundles start before the year (earlier attempts, offline pre-review) and end after it, so give a year from 2021 to 2025, or extend the calendar (extendCalendar) with the years around it.]`);
    expect(() => generateBundleLog({ seed: 1, bundles: 1, mix: [] })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: mix is empty; give at least one { bundle, weight }, or leave mix out for the default.]`);
    expect(() => generateBundleLog({ seed: 1, bundles: 1, mix: [{ bundle: openBusinessBundle(), weight: -1 }] })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: mix[0].weight is -1; give a finite weight ≥ 0.]`);
    const broken = { ...openBusinessBundle(), flows: openBusinessBundle().flows.slice(1) };
    expect(() => generateBundleLog({ seed: 1, bundles: 1, mix: [{ bundle: broken, weight: 1 }] })).toThrowErrorMatchingInlineSnapshot(`
      [PermitflowError: mix[0].bundle ("open-business") does not validate with its flows; fix these issues:
      - at matters[0].matterId: Matter "enterprise-registration" has no flow definition; add its flow or fix the id. [unknown-matter]]
    `);
    expect(() => generateBundleLog({ seed: 1, bundles: 1, lawful: { fastStep: 1.5 } })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: lawful.fastStep is 1.5; give a probability in [0, 1].]`);
  });
});
