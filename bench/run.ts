import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatTable, verdictOf, type BenchRow } from './_lib';
import { runRuntimeBench } from './runtime.bench';

/** A benchmark module: its title and how to run it. */
interface Bench {
  readonly title: string;
  readonly run: () => Promise<BenchRow[]>;
}

/**
 * A bench module that may not exist yet: `undefined` when its file is missing; an import or export
 * problem of a file that exists is an error, reported like any failing bench.
 */
function optional(file: string, exportName: string): (() => Promise<BenchRow[]>) | undefined {
  const url = new URL(file, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  return async () => {
    const module = (await import(url.href)) as Record<string, unknown>;
    const run = module[exportName];
    if (typeof run !== 'function') throw new Error(`${file} does not export ${exportName}()`);
    return (await run()) as BenchRow[];
  };
}

const calendar = optional('./calendar.bench.ts', 'runCalendarBench');
const benches: Bench[] = [
  { title: 'Runtime', run: () => runRuntimeBench() },
  ...(calendar === undefined ? [] : [{ title: 'Calendar', run: calendar }]),
];

const started = performance.now();
console.log(
  `permitflow benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
    `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})\n`,
);
let failed = false;
const verdicts: string[] = [];
for (const bench of benches) {
  try {
    const rows = await bench.run();
    console.log(`## ${bench.title}\n\n${formatTable(rows)}\n`);
    verdicts.push(...rows.map(verdictOf));
  } catch (error) {
    failed = true;
    console.error(`## ${bench.title}\n\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
const count = (v: string) => verdicts.filter((x) => x === v).length;
console.log(
  `${count('PASS')} PASS, ${count('MISS')} MISS${failed ? ', some benches failed' : ''} ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s. A MISS is reported, not a failure.`,
);
// A MISS is a finding, not a failure; a bench that throws is.
process.exitCode = failed ? 1 : 0;
