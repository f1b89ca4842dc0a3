import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createDetector, detectOffSystemWork, type Finding } from '../detection';
import { formatLineIssues, readEventLog, type EventLogReader, type EventRecord } from '../event-log';
import { toHtmlReport } from '../interop';
import { compareSlowest, createMeasurementSummarizer, formatMeasurementMarkdown, measureLog, planMeasurement, type Measurement, type MeasureLogResult, type MeasurementSummary, type UnmeasuredGroup } from '../measure';
import { systemClock } from '../runtime';
import { formatInstant } from '../_internal/format-instant';
import { loadDefinitions, type LoadedDefinitions } from './load-definitions';
import { fileProgress, type FileProgress } from './progress';
import { prettyJsonChunks } from './pretty-json-chunks';
import { writeReport } from './write-report';
import type { CliIo } from './run-cli';

/** Options of the `measure` command, parsed. */
export interface MeasureCommandOptions {
  readonly bundles: string;
  readonly format: 'md' | 'json' | 'html';
  readonly out: string | undefined;
  readonly progress: boolean;
  /** Read the log twice (plan, then measure) instead of holding it: about half the memory, more time. */
  readonly lowMemory: boolean;
  readonly maxIssues: number;
}

/** How many of the slowest bundles the Markdown report lists. */
const SLOWEST = 10;

/**
 * `permitflow measure <log.jsonl>`: reads the log, finds off-system work, measures every bundle and
 * lone case, prints the counts and writes the report. With `lowMemory` it reads the log twice — first
 * to find off-system work and plan the groups, then to measure each group as soon as its records are
 * in — so memory holds the open groups and the measurements, not the log (and, for the Markdown
 * report, only the summary's tallies, not the measurements). Returns 0 even with bad
 * lines or unmeasured cases (they are reported); 2 for unusable input (missing log, bad definitions folder).
 */
export async function runMeasure(logPath: string, options: MeasureCommandOptions, io: CliIo): Promise<number> {
  const definitions = options.bundles === 'builtin' ? undefined : await loadDefinitions(options.bundles, io);
  if (options.bundles !== 'builtin' && definitions === undefined) return 2;
  const size = (await stat(logPath)).size; // ENOENT goes to runCli: "No such file"

  const progress = fileProgress(logPath, size, io, options.progress);
  const reader = readEventLog(progress.chunks(), { maxIssues: options.maxIssues });
  const tally = new Tally();
  // The Markdown report needs only the tally, so a low-memory run keeps no measurement for it.
  const { findings, measured } = options.lowMemory
    ? await measureInTwoPasses(reader, progress, definitions, fileProgress(logPath, size, io, options.progress), tally, options.format !== 'md')
    : await measureHeld(reader, progress, definitions, tally);
  const { measurements, unmeasured, counts } = measured;
  const { read, accepted, rejected } = reader.counts;
  io.stdout(
    `${logPath}: ${read} read, ${accepted} accepted, ${rejected} rejected; ${tally.count} measured ` +
      `(${tally.bundles} bundle(s), ${tally.count - tally.bundles} lone case(s)), ${counts.unmeasured} record(s) in ${unmeasured.length} unmeasured group(s); ${findings.length} finding(s)\n`,
  );
  if (reader.issues.length > 0) io.stdout(`${formatLineIssues(reader.issues)}\n`);
  if (reader.issuesDropped > 0) io.stdout(`(${reader.issuesDropped} more issue(s) not shown; raise --max-issues to see them)\n`);
  for (const group of unmeasured.slice(0, options.maxIssues)) io.stdout(`unmeasured ${group.id} (${group.matterId}, ${group.records} records): ${group.reason}\n`);
  if (unmeasured.length > options.maxIssues) io.stdout(`(${unmeasured.length - options.maxIssues} more unmeasured group(s) not shown; raise --max-issues to see them)\n`);

  const summary = tally.summarizer.summary();
  await writeReport(reportPieces(options.format, { logPath, read, accepted, rejected, counts, summary, measurements, slowest: tally.slowest, unmeasured, findings }), options.out, io);
  return 0;
}

/** What the printed counts and the Markdown report need, gathered one measurement at a time. */
class Tally {
  readonly summarizer = createMeasurementSummarizer();
  count = 0;
  bundles = 0;
  /** The slowest as {@link compareSlowest} ranks them, at most {@link SLOWEST}, slowest first. */
  readonly slowest: Measurement[] = [];

  add(measurement: Measurement): void {
    this.summarizer.add(measurement);
    this.count++;
    if (measurement.kind === 'bundle') this.bundles++;
    const slowest = this.slowest;
    let at = slowest.length;
    while (at > 0 && compareSlowest(measurement, slowest[at - 1]!) < 0) at--;
    if (at < SLOWEST) {
      slowest.splice(at, 0, measurement);
      if (slowest.length > SLOWEST) slowest.pop();
    }
  }
}


/** What the reader's log gives: the detection findings and the measurements. */
interface Measured {
  readonly findings: readonly Finding[];
  readonly measured: MeasureLogResult;
}

/** One pass: the log held in memory, then detection and measurement over it. */
async function measureHeld(reader: EventLogReader, progress: FileProgress, definitions: LoadedDefinitions | undefined, tally: Tally): Promise<Measured> {
  const records: EventRecord[] = [];
  for await (const record of reader) {
    records.push(record);
    progress.status(`${reader.counts.read} lines`);
  }
  progress.finish(`${reader.counts.read} lines`);
  const { findings } = detectOffSystemWork(records, definitions ?? {});
  const measured = measureLog(records, { ...(definitions ?? {}), findings });
  for (const measurement of measured.measurements) tally.add(measurement);
  return { findings, measured };
}

/**
 * Two passes over the file: detection and the plan while `reader` reads it, then the measurements
 * while `again` reads it again, each tallied as it completes (and kept only when `keepMeasurements`).
 */
async function measureInTwoPasses(
  reader: EventLogReader,
  progress: FileProgress,
  definitions: LoadedDefinitions | undefined,
  again: FileProgress,
  tally: Tally,
  keepMeasurements: boolean,
): Promise<Measured> {
  const detector = createDetector(definitions ?? {});
  const planner = planMeasurement(definitions ?? {});
  const findings: Finding[] = [];
  for await (const record of reader) {
    for (const finding of detector.push(record)) findings.push(finding);
    planner.note(record);
    progress.status(`pass 1 of 2 (detect, plan): ${reader.counts.read} lines`);
  }
  for (const finding of detector.flush()) findings.push(finding);
  progress.finish(`pass 1 of 2 (detect, plan): ${reader.counts.read} lines`);

  const measurer = planner.measure({ findings, keepMeasurements });
  let pushed = 0;
  for await (const record of readEventLog(again.chunks(), { maxIssues: 0 })) {
    const measurement = measurer.push(record);
    if (measurement !== undefined) tally.add(measurement);
    again.status(`pass 2 of 2 (measure): ${++pushed} records`);
  }
  again.finish(`pass 2 of 2 (measure): ${pushed} records`);
  return { findings, measured: measurer.finish() };
}

/** What the report is made of. */
interface ReportParts {
  readonly logPath: string;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly counts: MeasureLogResult['counts'];
  readonly summary: MeasurementSummary;
  /** Every measurement, for JSON and HTML (a low-memory Markdown run keeps none). */
  readonly measurements: readonly Measurement[];
  readonly slowest: readonly Measurement[];
  readonly unmeasured: readonly UnmeasuredGroup[];
  readonly findings: readonly Finding[];
}

/**
 * The report's text, in pieces. JSON comes one measurement at a time: for a large log it runs to
 * hundreds of megabytes, which one string would hold twice over while it is written.
 */
function* reportPieces(format: MeasureCommandOptions['format'], parts: ReportParts): Generator<string> {
  const { logPath, read, accepted, rejected, counts, summary, measurements, slowest, unmeasured, findings } = parts;
  if (format === 'json') {
    yield* prettyJsonChunks({ counts: { read, accepted, rejected, measured: counts.measured, unmeasured: counts.unmeasured }, summary, measurements, unmeasured });
    yield '\n';
  } else if (format === 'html') {
    yield toHtmlReport({ title: `permitflow 测量报告 — ${basename(logPath)}`, generatedAt: formatInstant(systemClock.now(), '+08:00'), summary, measurements, findings });
  } else {
    yield formatMeasurementMarkdown(summary, { title: `Measurement of ${basename(logPath)}`, slowest });
  }
}
