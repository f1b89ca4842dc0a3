/**
 * Runs the benchmarks and prints their tables with PASS/MISS verdicts.
 *
 *   npm run bench                                        # every bench, once, in this process
 *   npm run bench -- --only detection,measurement        # some of them
 *   npm run bench -- --only detection --processes 9      # the median of 9 fresh processes
 *
 * With `--processes N`, each bench runs in N fresh processes, one after another, and each row shows
 * the median of the N ratios (its verdict is the median's) with the N ratios beside it. A bench's
 * ratio moves more between processes than between rounds inside one (JIT decisions, heap layout,
 * the machine's load), so a verdict near its bound needs several processes.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatTable, medianRows, verdictOf, type BenchRow } from './_lib';
import { runCalendarBench } from './calendar.bench';
import { runClocksBench } from './clocks.bench';
import { runDetectionBench } from './detection.bench';
import { runMeasurementBench } from './measurement.bench';
import { runReadingBench } from './reading.bench';
import { runRuntimeBench } from './runtime.bench';

/** A benchmark module: its title and how to run it. */
interface Bench {
  readonly title: string;
  readonly run: () => Promise<BenchRow[]>;
}

const benches: Bench[] = [
  { title: 'Runtime', run: () => runRuntimeBench() },
  { title: 'Calendar', run: () => runCalendarBench() },
  { title: 'Clocks', run: () => runClocksBench() },
  { title: 'Detection', run: () => runDetectionBench() },
  { title: 'Measurement', run: () => runMeasurementBench() },
  { title: 'Reading', run: () => runReadingBench() },
];

/** What a child process prints before its rows, as one line of JSON. */
const ROWS_MARK = 'permitflow-bench-rows ';

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** The command line: `--only a,b`, `--processes N`, and `--rows` (a child's: print the rows as JSON). */
function parseArgs(argv: readonly string[]): { selected: Bench[]; processes: number; rows: boolean } {
  let selected = benches;
  let processes = 1;
  let rows = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--rows') rows = true;
    else if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',').map((name) => name.trim().toLowerCase());
      const unknown = names.filter((name) => !benches.some((b) => b.title.toLowerCase() === name));
      if (unknown.length > 0 || names.length === 0) fail(`--only takes bench names separated by commas, from: ${benches.map((b) => b.title.toLowerCase()).join(', ')}; got "${argv[i] ?? ''}".`);
      selected = benches.filter((b) => names.includes(b.title.toLowerCase()));
    } else if (arg === '--processes') {
      processes = Number(argv[++i]);
      if (!Number.isInteger(processes) || processes < 1) fail(`--processes takes a whole number ≥ 1; got "${argv[i] ?? ''}".`);
    } else fail(`unknown argument "${arg}"; use --only <names> and --processes <N>.`);
  }
  return { selected, processes, rows };
}

/** Runs one bench in a fresh process (this file, with `--only` and `--rows`) and returns its rows. */
function runInChild(bench: Bench): BenchRow[] {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--only', bench.title.toLowerCase(), '--rows'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(ROWS_MARK));
  if (child.status !== 0 || line === undefined) throw new Error(`the ${bench.title} bench process exited with ${child.status ?? child.signal} and printed no rows`);
  return JSON.parse(line.slice(ROWS_MARK.length)) as BenchRow[];
}

const { selected, processes, rows: printRows } = parseArgs(process.argv.slice(2));
const started = performance.now();
if (!printRows) {
  console.log(
    `permitflow benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})` +
      `${processes > 1 ? `; each bench in ${processes} fresh processes, medians shown` : ''}\n`,
  );
}
let failed = false;
const verdicts: string[] = [];
for (const bench of selected) {
  try {
    if (printRows) {
      console.log(ROWS_MARK + JSON.stringify(await bench.run()));
      continue;
    }
    const rows = processes === 1 ? await bench.run() : medianRows(Array.from({ length: processes }, () => runInChild(bench)));
    console.log(`## ${bench.title}\n\n${formatTable(rows)}\n`);
    verdicts.push(...rows.map(verdictOf));
  } catch (error) {
    failed = true;
    console.error(`## ${bench.title}\n\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
if (!printRows) {
  const count = (v: string) => verdicts.filter((x) => x === v).length;
  console.log(
    `${count('PASS')} PASS, ${count('MISS')} MISS${failed ? ', some benches failed' : ''} ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s. A MISS is reported, not a failure.`,
  );
}
// A MISS is a finding, not a failure; a bench that throws is.
process.exitCode = failed ? 1 : 0;
