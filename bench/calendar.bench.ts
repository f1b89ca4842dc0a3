/**
 * Working-day calendar benchmark: permitflow's O(1) calendar against the `chinese-days` package,
 * side by side in one run, on the same seeded random dates.
 *
 *   npx tsx bench/calendar.bench.ts
 *
 * (a) working days in one-year ranges: `workingDaysBetween(dayBefore(a), b)` vs
 *     `getWorkdaysInRange(a, b, true).length` (`true` keeps make-up weekend workdays in);
 * (b) the end of a 20-working-day limit: `addWorkingDays(d, 20)` vs `findWorkday(20, d)`.
 * Both sides are checked to give the same answers before they are timed.
 */
import { pathToFileURL } from 'node:url';
import chineseDays from 'chinese-days';
import { chinaMainlandCalendar } from '../src/calendar/index';
import { formatTable, type BenchRow } from './_lib';
import { mulberry32 } from '../src/_internal/mulberry32';


const DAY_MS = 86_400_000;
const INPUTS = 4096;
const ROUNDS = 5;


const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function randomDays(random: () => number, from: string, to: string, count: number): number[] {
  const lo = Date.parse(`${from}T00:00:00Z`);
  const days = (Date.parse(`${to}T00:00:00Z`) - lo) / DAY_MS + 1;
  return Array.from({ length: count }, () => lo + Math.floor(random() * days) * DAY_MS);
}

let sink = 0;

/** A timed loop body: performs the operations for inputs `from` … `from + count - 1`, accumulating results. */
type Batch = (from: number, count: number) => number;

/**
 * Operations per second of `batch`, timed for about `ms`, in chunks of `chunk` operations
 * (small for slow operations, so the clock is read often enough).
 */
function opsPerSecond(batch: Batch, ms: number, chunk: number): number {
  let ops = 0;
  let from = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink = (sink + batch(from, chunk)) | 0;
    ops += chunk;
    from = (from + chunk) % INPUTS;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (ops / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Times both sides in alternating rounds after a warm-up; the median of each side is reported. */
function compare(ours: Batch, baseline: Batch, ms: number): { ours: number; baseline: number } {
  opsPerSecond(ours, ms, 1024);
  opsPerSecond(baseline, ms, 8);
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    a.push(opsPerSecond(ours, ms, 1024));
    b.push(opsPerSecond(baseline, ms, 8));
  }
  return { ours: median(a), baseline: median(b) };
}

function check(what: string, ours: (i: number) => unknown, baseline: (i: number) => unknown): void {
  for (let i = 0; i < INPUTS; i += 1) {
    const x = ours(i);
    const y = baseline(i);
    if (x !== y) throw new Error(`${what}: input ${i} gives ${String(x)} here and ${String(y)} in chinese-days.`);
  }
}

/** Runs the calendar benchmark and returns one row per comparison. */
export async function runCalendarBench(): Promise<BenchRow[]> {
  const cal = chinaMainlandCalendar();
  const random = mulberry32(20_250_930);

  // (a) one-year ranges [a, a + 364 days] inside 2020–2026.
  const rangeStarts = randomDays(random, '2020-01-01', '2025-12-31', INPUTS);
  const from = rangeStarts.map(iso);
  const dayBefore = rangeStarts.map((t) => iso(t - DAY_MS));
  const to = rangeStarts.map((t) => iso(t + 364 * DAY_MS));
  check(
    'workingDaysBetween',
    (i) => cal.workingDaysBetween(dayBefore[i] ?? '', to[i] ?? ''),
    (i) => chineseDays.getWorkdaysInRange(from[i], to[i], true).length,
  );
  const rangeOurs: Batch = (first, count) => {
    let acc = 0;
    for (let i = first; i < first + count; i += 1) acc += cal.workingDaysBetween(dayBefore[i] ?? '', to[i] ?? '');
    return acc;
  };
  const rangeBaseline: Batch = (first, count) => {
    let acc = 0;
    for (let i = first; i < first + count; i += 1) acc += chineseDays.getWorkdaysInRange(from[i], to[i], true).length;
    return acc;
  };

  // (b) 20 working days after a day of 2020-01-01 … 2026-11-30.
  const starts = randomDays(random, '2020-01-01', '2026-11-30', INPUTS).map(iso);
  check(
    'addWorkingDays',
    (i) => cal.addWorkingDays(starts[i] ?? '', 20),
    (i) => chineseDays.findWorkday(20, starts[i]),
  );
  const addOurs: Batch = (first, count) => {
    let acc = 0;
    for (let i = first; i < first + count; i += 1) acc += cal.addWorkingDays(starts[i] ?? '', 20).charCodeAt(9);
    return acc;
  };
  const addBaseline: Batch = (first, count) => {
    let acc = 0;
    for (let i = first; i < first + count; i += 1) acc += chineseDays.findWorkday(20, starts[i]).charCodeAt(9);
    return acc;
  };

  const range = compare(rangeOurs, rangeBaseline, 500);
  const add = compare(addOurs, addBaseline, 500);
  return [
    {
      name: 'workingDaysBetween, one-year range',
      ours: range.ours,
      baseline: range.baseline,
      baselineName: 'chinese-days getWorkdaysInRange(a, b, true).length',
      ratio: range.ours / range.baseline,
      target: '≥ 1000× faster',
      unit: 'ops/s',
    },
    {
      name: 'addWorkingDays(d, 20)',
      ours: add.ours,
      baseline: add.baseline,
      baselineName: 'chinese-days findWorkday(20, d)',
      ratio: add.ours / add.baseline,
      target: '≥ 100× faster',
      unit: 'ops/s',
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runCalendarBench();
  console.log(formatTable(rows));
  if (sink === 0.5) console.log(sink); // keeps the accumulated results observable
}
