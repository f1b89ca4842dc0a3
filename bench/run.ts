import { availableParallelism, cpus } from 'node:os';
import { formatTable, verdictOf, type BenchRow } from './_lib';
import { runCalendarBench } from './calendar.bench';
import { runClocksBench } from './clocks.bench';
import { runDetectionBench } from './detection.bench';
import { runMeasurementBench } from './measurement.bench';
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
