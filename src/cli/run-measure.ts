import { stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { detectOffSystemWork } from '../detection';
import { formatLineIssues, readEventLog, type EventRecord } from '../event-log';
import { toHtmlReport } from '../interop';
import { formatMeasurementMarkdown, measureLog, summarizeMeasurements } from '../measure';
import { systemClock } from '../runtime';
import { formatInstant } from '../_internal/format-instant';
import { loadDefinitions } from './load-definitions';
import { fileProgress } from './progress';
import type { CliIo } from './run-cli';

/** Options of the `measure` command, parsed. */
export interface MeasureCommandOptions {
  readonly bundles: string;
  readonly format: 'md' | 'json' | 'html';
  readonly out: string | undefined;
  readonly progress: boolean;
  readonly maxIssues: number;
}

/** How many of the slowest bundles the Markdown report lists. */
const SLOWEST = 10;

/**
 * `permitflow measure <log.jsonl>`: reads the log, finds off-system work, measures every bundle and
 * lone case, prints the counts and writes the report. Returns 0 even with bad lines or unmeasured
 * cases (they are reported); 2 for unusable input (missing log, bad definitions folder).
 */
export async function runMeasure(logPath: string, options: MeasureCommandOptions, io: CliIo): Promise<number> {
  const definitions = options.bundles === 'builtin' ? undefined : await loadDefinitions(options.bundles, io);
  if (options.bundles !== 'builtin' && definitions === undefined) return 2;
  const size = (await stat(logPath)).size; // ENOENT goes to runCli: "No such file"

  const progress = fileProgress(logPath, size, io, options.progress);
  const reader = readEventLog(progress.chunks(), { maxIssues: options.maxIssues });
  const records: EventRecord[] = [];
  for await (const record of reader) {
    records.push(record);
    progress.status(`${reader.counts.read} lines`);
  }
  progress.finish(`${reader.counts.read} lines`);

  const { findings } = detectOffSystemWork(records, definitions ?? {});
  const { measurements, unmeasured, counts } = measureLog(records, { ...(definitions ?? {}), findings });
  const { read, accepted, rejected } = reader.counts;
  const bundles = measurements.filter((m) => m.kind === 'bundle').length;
  io.stdout(
    `${logPath}: ${read} read, ${accepted} accepted, ${rejected} rejected; ${measurements.length} measured ` +
      `(${bundles} bundle(s), ${measurements.length - bundles} lone case(s)), ${counts.unmeasured} record(s) in ${unmeasured.length} unmeasured group(s); ${findings.length} finding(s)\n`,
  );
  if (reader.issues.length > 0) io.stdout(`${formatLineIssues(reader.issues)}\n`);
  if (reader.issuesDropped > 0) io.stdout(`(${reader.issuesDropped} more issue(s) not shown; raise --max-issues to see them)\n`);
  for (const group of unmeasured.slice(0, options.maxIssues)) io.stdout(`unmeasured ${group.id} (${group.matterId}, ${group.records} records): ${group.reason}\n`);
  if (unmeasured.length > options.maxIssues) io.stdout(`(${unmeasured.length - options.maxIssues} more unmeasured group(s) not shown; raise --max-issues to see them)\n`);

  const summary = summarizeMeasurements(measurements);
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify({ counts: { read, accepted, rejected, measured: counts.measured, unmeasured: counts.unmeasured }, summary, measurements, unmeasured }, null, 2)}\n`;
  else if (options.format === 'html') {
    text = toHtmlReport({ title: `permitflow 测量报告 — ${basename(logPath)}`, generatedAt: formatInstant(systemClock.now(), '+08:00'), summary, measurements, findings });
  } else {
    const slowest = [...measurements].sort((a, b) => b.experienced.workingDays - a.experienced.workingDays || (a.id < b.id ? -1 : 1)).slice(0, SLOWEST);
    text = formatMeasurementMarkdown(summary, { title: `Measurement of ${basename(logPath)}`, slowest });
  }
  if (options.out === undefined) io.stdout(`\n${text}`);
  else {
    await writeFile(options.out, text);
    io.stdout(`Report written to ${options.out}\n`);
  }
  return 0;
}
