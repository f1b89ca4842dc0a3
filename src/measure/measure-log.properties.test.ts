import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectOffSystemWork } from '../detection';
import type { EventRecord } from '../event-log';
import { BUNDLE_INJECTABLE_DEVIATION_CODES, generateBundleLog, generateLog, INJECTABLE_DEVIATION_CODES } from '../simulation';
import { builtInFlows } from '../flows';
import { measureBundle } from './measure-bundle';
import { measureLog } from './measure-log';
import type { Measurement } from './measurement';

const INJECT = Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.1]));

/** A small generated log, with off-system work injected or not, and its detection findings. */
const logArbitrary = fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), cases: fc.integer({ min: 5, max: 30 }), inject: fc.boolean() }).map(({ seed, cases, inject }) => {
  const { records } = generateLog({ seed, cases, ...(inject ? { inject: INJECT } : {}) });
  return { records, findings: detectOffSystemWork(records).findings };
});

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('measureLog properties', () => {
  it('experienced time is never shorter than official time', () => {
    fc.assert(
      fc.property(logArbitrary, ({ records, findings }) => {
        for (const m of measureLog(records, { findings }).measurements) {
          expect(m.experienced.workingDays).toBeGreaterThanOrEqual(m.official.workingDays);
          expect(m.experienced.naturalDays).toBeGreaterThanOrEqual(m.official.naturalDays);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('the union over matters is never more than the sum of the matters', () => {
    fc.assert(
      fc.property(logArbitrary, ({ records }) => {
        for (const m of measureLog(records).measurements) {
          expect(m.official.workingDays).toBeLessThanOrEqual(sum(m.matters.map((x) => (x.dropped ? 0 : (x.official?.workingDays ?? 0)))));
          for (const stage of m.stages) expect(stage.official.workingDays).toBeLessThanOrEqual(m.official.workingDays);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('gives the same measurements whatever order the records arrive in', () => {
    fc.assert(
      fc.property(logArbitrary, fc.integer(), ({ records, findings }, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray([...records], { minLength: records.length }), { seed, numRuns: 1 })[0]!;
        expect(measureLog(shuffled, { findings }).measurements).toEqual(measureLog(records, { findings }).measurements);
      }),
      { numRuns: 10 },
    );
  });

  it('removing a suspension never shortens experienced time, nor official time', () => {
    const pairs: Array<[string, string]> = [
      ['supplement-started', 'supplement-ended'],
      ['special-procedure-started', 'special-procedure-ended'],
    ];
    fc.assert(
      fc.property(logArbitrary, ({ records }) => {
        const before = byId(measureLog(records).measurements);
        for (const [start, end] of pairs) {
          const opened = records.find((r) => r.activity === start);
          if (opened === undefined) continue;
          const closed = records.find((r) => r.caseId === opened.caseId && r.activity === end && Date.parse(r.at) >= Date.parse(opened.at));
          const without = records.filter((r) => r !== opened && r !== closed);
          const after = byId(measureLog(without).measurements);
          const id = [...before.keys()].find((key) => before.get(key)!.matters.some((x) => x.caseIds.includes(opened.caseId)))!;
          expect(after.get(id)!.experienced.workingDays).toBeGreaterThanOrEqual(before.get(id)!.experienced.workingDays);
          expect(after.get(id)!.official.workingDays).toBeGreaterThanOrEqual(before.get(id)!.official.workingDays);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('measures open and failed groups at the log\'s latest instant, as if it were given as `at`', () => {
    // Cut short, a log has open cases and bundles, and bundles failed beside a matter still running.
    const cutLog = fc
      .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), cut: fc.double({ min: 0.2, max: 1, noNaN: true }) })
      .map(({ seed, cut }) => {
        const bundles = generateBundleLog({ seed, bundles: 6, inject: Object.fromEntries(BUNDLE_INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.2])) }).records;
        const { records } = generateLog({ seed, cases: 20, inject: INJECT });
        const all = [...bundles, ...records];
        const times = all.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
        const end = times[Math.floor((times.length - 1) * cut)]!;
        return all.filter((r) => Date.parse(r.at) <= end);
      });
    fc.assert(
      fc.property(cutLog, (records) => {
        const measured = measureLog(records);
        // Only a log with something open or failed says anything here; fast-check draws again otherwise.
        fc.pre(measured.measurements.some((m) => m.outcome !== 'completed'));
        const latest = records.reduce((a, r) => (Date.parse(r.at) > Date.parse(a.at) ? r : a)).at;
        expect(measureLog(records, { at: latest })).toEqual(measured);
      }),
      { numRuns: 10 },
    );
  });

  it('record counts add up, and every record lands in one measurement', () => {
    fc.assert(
      fc.property(logArbitrary, ({ records }) => {
        const { measurements, counts, unmeasured } = measureLog(records);
        expect(unmeasured).toEqual([]);
        expect(counts.read).toBe(counts.measured + counts.unmeasured);
        const measuredCases = new Set(measurements.flatMap((m) => m.matters.flatMap((x) => x.caseIds)));
        const bundleIds = new Set(measurements.filter((m) => m.kind === 'bundle').map((m) => m.id));
        for (const record of records as EventRecord[]) expect(measuredCases.has(record.caseId) || bundleIds.has(record.caseId)).toBe(true);
      }),
      { numRuns: 8 },
    );
  });

  it('measures a lone case alone in its chain as measureBundle measures its records, however the instants are written', () => {
    const flows = new Map(builtInFlows().map((f) => [f.id, f]));
    fc.assert(
      fc.property(logArbitrary, fc.boolean(), fc.boolean(), ({ records, findings }, rewrite, utcAt) => {
        // Some instants written in UTC with milliseconds: the log's instants are then not all written alike.
        const log = rewrite ? records.map((r, i) => (i % 3 === 0 ? { ...r, at: new Date(r.at).toISOString() } : r)) : records;
        // The evaluation instant as the log writes its latest record, or the same instant written in UTC.
        const latest = log.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a)).at;
        const at = utcAt ? new Date(latest).toISOString() : latest;
        const byCase = new Map<string, EventRecord[]>();
        for (const r of log) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
        let compared = 0;
        for (const m of measureLog(log, { findings, at }).measurements) {
          if (m.kind !== 'case' || m.matters[0]!.caseIds.length !== 1) continue;
          expect(m).toEqual(measureBundle(byCase.get(m.id)!, flows.get(m.definitionId)!, { findings, at }));
          compared++;
        }
        expect(compared).toBeGreaterThan(0);
      }),
      { numRuns: 12 },
    );
  });
});

function byId(measurements: readonly Measurement[]): Map<string, Measurement> {
  return new Map(measurements.map((m) => [m.id, m]));
}
