import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectOffSystemWork } from '../detection';
import type { EventRecord } from '../event-log';
import { builtInBundles, builtInFlows } from '../flows';
import { BUNDLE_INJECTABLE_DEVIATION_CODES, generateBundleLog, generateLog, INJECTABLE_DEVIATION_CODES } from '../simulation';
import { measureLog, planMeasurement, type MeasureLogOptions } from './measure-log';

const INJECT = Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.1]));
const BUNDLE_INJECT = Object.fromEntries(BUNDLE_INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.1]));

/** Both passes of a two-pass measurement over the same records. */
function twoPass(records: readonly EventRecord[], options: MeasureLogOptions = {}) {
  const planner = planMeasurement(options);
  for (const record of records) planner.note(record);
  const measurer = planner.measure();
  for (const record of records) measurer.push(record);
  return measurer.finish();
}

/** Bundles and lone cases, shuffled or not, measured with every definition or with some missing. */
const logArbitrary = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    bundles: fc.integer({ min: 1, max: 6 }),
    cases: fc.integer({ min: 1, max: 20 }),
    shuffle: fc.boolean(),
    someDefinitions: fc.boolean(),
    sideBySide: fc.boolean(),
  })
  .map(({ seed, bundles, cases, shuffle, someDefinitions, sideBySide }) => {
    const lone = generateLog({ seed, cases, inject: INJECT }).records;
    const records = [...generateBundleLog({ seed, bundles, inject: BUNDLE_INJECT }).records, ...(sideBySide ? filedSideBySide(lone) : lone)];
    if (shuffle) records.reverse();
    const options: MeasureLogOptions = someDefinitions ? { flows: builtInFlows().slice(0, 5), bundles: builtInBundles().slice(0, 1) } : {};
    return { records, options: { ...options, findings: detectOffSystemWork(records).findings } };
  });

/**
 * Lone cases partly filed side by side (并联): the later records of every other case carry an
 * instance id with no bundle-level record, and its earlier ones lose their project code, so those
 * cases are measured case by case from records noted in two places, linked by what each part says.
 */
function filedSideBySide(records: readonly EventRecord[]): EventRecord[] {
  const seen = new Map<string, number>();
  const caseIds = [...new Set(records.map((r) => r.caseId))];
  return records.map((record) => {
    const position = caseIds.indexOf(record.caseId);
    if (position % 2 === 1) return record;
    const index = seen.get(record.caseId) ?? 0;
    seen.set(record.caseId, index + 1);
    if (index >= 2) return { ...record, bundleId: `side-by-side-${Math.floor(position / 4)}` };
    const withoutProject: Partial<EventRecord> = { ...record };
    delete withoutProject.projectCode;
    return withoutProject as EventRecord;
  });
}

describe('planMeasurement', () => {
  it('gives exactly what measureLog gives, in two passes over the same records', () => {
    fc.assert(
      fc.property(logArbitrary, ({ records, options }) => {
        expect(twoPass(records, options)).toEqual(measureLog(records, options));
      }),
      { numRuns: 15 },
    );
  });

  it('hands each measurement out once, from the push that completes it, and keeps none when told', () => {
    fc.assert(
      fc.property(logArbitrary, ({ records, options }) => {
        const planner = planMeasurement(options);
        for (const record of records) planner.note(record);
        const measurer = planner.measure({ keepMeasurements: false });
        const streamed = records.flatMap((record) => measurer.push(record) ?? []);
        const { measurements, ...rest } = measurer.finish();
        const whole = measureLog(records, options);
        expect(measurements).toEqual([]);
        expect(rest).toEqual({ unmeasured: whole.unmeasured, counts: whole.counts });
        const byId = (list: readonly { readonly id: string; readonly kind: string }[]) => [...list].sort((a, b) => (`${a.kind}|${a.id}` < `${b.kind}|${b.id}` ? -1 : 1));
        expect(byId(streamed)).toEqual(byId(whole.measurements));
      }),
      { numRuns: 10 },
    );
  });

  it('orders resubmitted bundle attempts by when they started, not by their ids', () => {
    // Attempts renamed so that their ids sort against their order in time: only their noted start orders a chain.
    const { records } = generateBundleLog({ seed: 7, bundles: 30, inject: { 'withdraw-resubmit': 0.5 } });
    const bundleIds = [...new Set(records.flatMap((r) => (r.bundleId === undefined ? [] : [r.bundleId])))];
    const renamed = new Map(bundleIds.map((id, i) => [id, `B${String(bundleIds.length - i).padStart(4, '0')}`]));
    const rename = (id: string) => renamed.get(id) ?? id;
    const log = records.map((r) => (r.bundleId === undefined ? r : { ...r, bundleId: rename(r.bundleId), caseId: rename(r.caseId) }));
    const result = measureLog(log);
    expect(result.measurements.filter((m) => m.kind === 'bundle').length).toBeLessThan(bundleIds.length); // some chains join attempts
    expect(twoPass(log)).toEqual(result);
  });

  it('takes the findings at the end of the first pass, when detection has run beside it', () => {
    const { records } = generateLog({ seed: 11, cases: 20, inject: INJECT });
    const { findings } = detectOffSystemWork(records);
    const planner = planMeasurement();
    for (const record of records) planner.note(record);
    const measurer = planner.measure({ findings });
    for (const record of records) measurer.push(record);
    expect(measurer.finish()).toEqual(measureLog(records, { findings }));
  });

  it('reports a lone case unmeasured, naming the matter, when one of its records names another matter', () => {
    const { records } = generateLog({ seed: 5, cases: 3 });
    const caseId = records[0]!.caseId;
    const other = builtInFlows().find((f) => f.id !== records[0]!.matterId)!.id;
    let changed = false;
    const mixed = records.map((r) => (r.caseId === caseId && r !== records[0] && !changed ? ((changed = true), { ...r, matterId: other }) : r));
    const { unmeasured, counts } = measureLog(mixed);
    expect(unmeasured.map((u) => u.id)).toEqual([caseId]);
    expect(unmeasured[0]!.reason).toContain(`"${other}"`);
    expect(counts.read).toBe(counts.measured + counts.unmeasured);
  });

  it('measures an empty log to nothing', () => {
    expect(planMeasurement().measure().finish()).toEqual({ measurements: [], unmeasured: [], counts: { read: 0, measured: 0, unmeasured: 0 } });
  });

  it('says so when the second pass does not bring the first pass\'s records', () => {
    const { records } = generateLog({ seed: 5, cases: 3 });
    const plan = () => {
      const planner = planMeasurement();
      for (const record of records) planner.note(record);
      return planner;
    };
    const short = plan().measure();
    records.slice(1).forEach((record) => short.push(record));
    expect(() => short.finish()).toThrow(/push the same records, in the same order/);
    const stranger = plan().measure();
    expect(() => stranger.push({ ...records[0]!, caseId: 'never-noted' })).toThrow(/push the same records/);
    const planner = plan();
    planner.measure();
    expect(() => planner.note(records[0]!)).toThrow(/first pass has ended/);
    expect(() => planner.measure()).toThrow(/twice/);
  });
});
