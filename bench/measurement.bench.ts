/**
 * Measurement benchmark: records per second of `measureLog` (every bundle instance and lone case
 * chain measured end to end, with detection findings as off-system periods) over a
 * 1,000,000-record generated log, side by side in one run with the bare loop that only groups the
 * records by case and checks each against its flow's transition table — the practical floor of
 * any analysis that reads every record once.
 *
 *   npx tsx bench/measurement.bench.ts
 *
 * The log is half a year of bundles from `generateBundleLog` (开办企业, 不动产登记 and construction
 * projects of every category) and half lone cases from `generateLog` (seeded; injectable codes at
 * 3 %, the lawful look-alikes at their default rates), generated once at a quarter of the size and
 * replicated with renamed case, record, bundle, applicant and project ids, as the detection bench
 * does. The findings are computed once, before timing: only measurement is timed.
 */
import { pathToFileURL } from 'node:url';
import { detectOffSystemWork } from '../src/detection';
import type { EventRecord } from '../src/event-log';
import { measureLog } from '../src/measure';
import { BUNDLE_INJECTABLE_DEVIATION_CODES, generateBundleLog, generateLog, INJECTABLE_DEVIATION_CODES } from '../src/simulation';
import { compare, copyOf, floorRows, formatTable, groupByCaseFloor, transitionTables, type BenchRow, type CompareOptions } from './_lib';

const TARGET_RECORDS = 1_000_000;
const INJECT = Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.03]));
const BUNDLE_INJECT = Object.fromEntries(BUNDLE_INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.03]));

/** Options of {@link runMeasurementBench}. */
export interface MeasurementBenchOptions extends CompareOptions {
  /** Records in the timed log (default 1,000,000). */
  readonly records?: number;
}

let sink = 0;

/** Runs the measurement benchmark and returns its rows. */
export async function runMeasurementBench(options: MeasurementBenchOptions = {}): Promise<BenchRow[]> {
  const target = options.records ?? TARGET_RECORDS;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const started = performance.now();
  const bundleYear = generateBundleLog({ seed: 20_251_126, bundles: Math.ceil(target / 8 / 64), inject: BUNDLE_INJECT });
  const loneYear = generateLog({ seed: 20_251_127, cases: Math.ceil(target / 8 / 11.2), inject: INJECT });
  const base = [...bundleYear.records, ...loneYear.records];
  const log: EventRecord[] = [];
  for (let copy = 1; log.length < target; copy++) for (const record of copyOf(base, `m${copy}`)) log.push(record);
  const { findings } = detectOffSystemWork(log);
  const tables = transitionTables();
  const check = measureLog(log, { findings });
  if (check.counts.read !== check.counts.measured + check.counts.unmeasured || check.unmeasured.length > 0) {
    throw new Error(`measurement bench: ${check.unmeasured.length} groups unmeasured, e.g. ${check.unmeasured[0]?.reason}`);
  }
  console.error(
    `measurement bench: ${fmt(log.length)} records, ${fmt(check.measurements.length)} measurements (${fmt(check.measurements.filter((m) => m.kind === 'bundle').length)} bundles), ${fmt(findings.length)} findings; ` +
      `built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const result = await compare(
    [
      { name: 'measureLog', run: () => (sink += measureLog(log, { findings }).measurements.length) },
      { name: 'floor', run: () => (sink += groupByCaseFloor(log, tables)) },
    ],
    { rounds: 3, minMs: 1000, warmupMs: 0, settleMs: 1000, ...options },
  );
  return floorRows(result, 'measureLog', log.length, {
    rate: `measureLog over a ${fmt(log.length / 1000)}k-record log`,
    overhead: 'measureLog: overhead over a bare loop',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTable(await runMeasurementBench()));
  if (sink === 0.5) console.log(sink); // keeps the results observable
}
