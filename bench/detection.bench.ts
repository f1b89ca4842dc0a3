/**
 * Detection benchmark: records per second of the streaming detector (`createDetector` with every
 * built-in detector, `push` per record, then `flush`) over a 1,000,000-record generated log, side
 * by side in one run with a bare single pass that only groups the records by case (a `Map` of
 * arrays) and checks each record's activity against its flow's transition table (a `Set` per flow
 * of the activities its machine can log: the fixed lifecycle vocabulary and the step ids) — the
 * practical floor of any detector that reads every record once. Then the memory row: a
 * 5,000,000-record log streamed through the detector chunk by chunk, never held whole, with the
 * heap sampled as it goes.
 *
 *   npx tsx bench/detection.bench.ts
 *
 * The log comes from `generateLog` (seeded; every injectable code at 3 %, the lawful look-alikes
 * at their default rates). `generateLog` writes 10,000–16,000 records a second here, so a million
 * fresh records would take one to two minutes: the bench generates a quarter of them once and
 * replicates that base with renamed case ids, record ids, applicant ids and project codes (as if
 * four districts' logs of the same year followed one another), so no two copies share a case or a
 * cross-case history. Records stay in `generateLog`'s order: grouped by case, cases in order of
 * arrival, which the driver documents as a valid streaming order. The memory run does the same
 * with a smaller base, building each copy just before it is pushed and dropping it after.
 */
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BUILT_IN_DETECTORS, createDetector, DEFAULT_LATENESS } from '../src/detection';
import { isLifecycleActivity, type EventRecord } from '../src/event-log';
import { generateLog, INJECTABLE_DEVIATION_CODES } from '../src/simulation';
import { compare, copyOf, floorRows, formatTable, groupByCaseFloor, transitionTables, type BenchRow, type CompareOptions } from './_lib';

const TARGET_RECORDS = 1_000_000;
const STREAM_RECORDS = 5_000_000;
const HEAP_LIMIT_MB = 300;
const MB = 1024 * 1024;
const INJECT = Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.03]));

/** A `gc` function when the process allows one to be exposed (it does in Node 20), else `undefined`. */
function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing !== undefined) return existing;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/** Options of {@link runDetectionBench}. */
export interface DetectionBenchOptions extends CompareOptions {
  /** Records in the timed log (default 1,000,000). */
  readonly records?: number;
  /** Records streamed in the memory run (default 5,000,000). */
  readonly streamRecords?: number;
}

let sink = 0;

/** Streams `total` records through one detector, copy after copy of `base`; returns heap samples in bytes. */
function streamForMemory(base: readonly EventRecord[], total: number, gc: (() => void) | undefined) {
  const detector = createDetector({ detectors: BUILT_IN_DETECTORS });
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let peakRaw = before;
  let maxOpen = 0;
  let pushed = 0;
  let findings = 0;
  let copies = 0;
  let sinceSample = 0;
  const sample = () => {
    peakRaw = Math.max(peakRaw, process.memoryUsage().heapUsed);
    gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    sinceSample = 0;
  };
  while (pushed < total) {
    // One chunk: a copy of the base under its own district tag, built now and dropped after.
    const chunk = copyOf(base, `s${++copies}`);
    for (const record of chunk) {
      findings += detector.push(record).length;
      if (++pushed >= total) break;
    }
    maxOpen = Math.max(maxOpen, detector.openCases);
    sinceSample += chunk.length;
    if (sinceSample >= 500_000) sample();
  }
  findings += detector.flush().length;
  sample();
  const stats = detector.stats;
  sink += findings;
  return { before, peak, peakRaw, maxOpen, pushed, findings, cases: stats.cases, late: stats.late, gc: gc !== undefined, copies };
}

/** Runs the detection benchmark; see the comment at the top of this file. */
export async function runDetectionBench(options: DetectionBenchOptions = {}): Promise<BenchRow[]> {
  const target = options.records ?? TARGET_RECORDS;
  const streamTarget = options.streamRecords ?? STREAM_RECORDS;
  const gc = exposeGc();
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

  // Memory first, so the timed log is not on the heap while it is sampled.
  let started = performance.now();
  const memory = (() => {
    const { records: base } = generateLog({ seed: 20_251_127, cases: 2_000, inject: INJECT });
    return streamForMemory(base, streamTarget, gc);
  })();
  console.error(
    `detection bench: streamed ${fmt(memory.pushed)} records (${memory.copies} copies of a ${fmt(memory.pushed / memory.copies)}-record base), ` +
      `${fmt(memory.cases)} cases, ${fmt(memory.findings)} findings, ${memory.late} late, at most ${fmt(memory.maxOpen)} cases held; ` +
      `heap ${(memory.before / MB).toFixed(0)} MB before, peak ${(memory.peak / MB).toFixed(0)} MB live` +
      `${memory.gc ? ' (after gc)' : ' (no gc exposed)'}, ${(memory.peakRaw / MB).toFixed(0)} MB sampled before gc; ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The timed log: a quarter generated, replicated to the target.
  started = performance.now();
  const { records: base, labels } = generateLog({ seed: 20_251_126, cases: Math.ceil(target / 4 / 11.2), inject: INJECT });
  const log: EventRecord[] = [];
  for (let copy = 1; log.length < target; copy++) for (const record of copyOf(base, `d${copy}`)) log.push(record);
  const tables = transitionTables();
  const buildSeconds = (performance.now() - started) / 1000;

  const detect = (): number => {
    const detector = createDetector({ detectors: BUILT_IN_DETECTORS });
    let n = 0;
    for (const record of log) n += detector.push(record).length;
    return n + detector.flush().length;
  };
  const floor = (): number => groupByCaseFloor(log, tables);

  // Before timing: the detector finds every case, and both sides see the same log.
  const check = createDetector({ detectors: BUILT_IN_DETECTORS });
  let findings = 0;
  for (const record of log) findings += check.push(record).length;
  findings += check.flush().length;
  const stats = check.stats;
  const caseCount = new Set(log.map((r) => r.caseId)).size;
  if (stats.cases !== caseCount || stats.late !== 0 || stats.unknownMatters.length > 0) {
    throw new Error(`detection bench: ${stats.cases} of ${caseCount} cases closed, ${stats.late} late, unknown matters ${stats.unknownMatters.join(', ')}`);
  }
  let outside = 0;
  for (const r of log) if (!tables.get(r.matterId)!.has(r.activity) && r.source === 'system' && !isLifecycleActivity(r.activity)) outside++;
  sink += floor();
  console.error(
    `detection bench: ${fmt(log.length)} records, ${fmt(caseCount)} cases (a ${fmt(base.length)}-record base, ${fmt(labels.length)} labels, ×${Math.ceil(log.length / base.length)}), ` +
      `${fmt(findings)} findings (${Object.entries(stats.findingsByCode).map(([c, n]) => `${c} ${n}`).join(', ')}), ` +
      `${fmt(outside)} system records outside the tables; built in ${buildSeconds.toFixed(1)} s; lateness ${DEFAULT_LATENESS}`,
  );

  const result = await compare(
    [
      { name: 'detector', run: () => (sink += detect()) },
      { name: 'floor', run: () => (sink += floor()) },
    ],
    { rounds: 3, minMs: 1000, warmupMs: 0, settleMs: 1000, ...options },
  );
  return [
    ...floorRows(result, 'detector', log.length, {
      rate: `createDetector (all ${BUILT_IN_DETECTORS.length} detectors) over a ${fmt(log.length / 1000)}k-record log`,
      overhead: 'createDetector: overhead over a bare loop',
    }),
    {
      name: `createDetector streaming ${(memory.pushed / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })}M records: peak heap${memory.gc ? ' (live, after gc)' : ''}`,
      ours: memory.peak / MB,
      baseline: HEAP_LIMIT_MB,
      baselineName: 'heap limit',
      ratio: memory.peak / MB / HEAP_LIMIT_MB,
      target: '≤ 1× the limit of 300 MB',
      unit: 'MB',
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTable(await runDetectionBench()));
  if (sink === 0.5) console.log(sink); // keeps the results observable
}
