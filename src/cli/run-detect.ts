import { stat } from 'node:fs/promises';
import { chinaMainlandCalendar } from '../calendar';
import { formatLineIssues } from '../event-log';
import { detectOffSystemWorkInLog, formatReportMarkdown, summarizeFindings, type DetectionStats, type Finding, type FindingsReport } from '../detection';
import type { CliIo } from './run-cli';
import { fileProgress } from './progress';
import { loadDefinitions } from './load-definitions';
import { prettyJsonChunks } from './pretty-json-chunks';
import { writeReport } from './write-report';

/** Options of the `detect` command, parsed. */
export interface DetectCommandOptions {
  readonly flows: string;
  readonly format: 'md' | 'json';
  readonly out: string | undefined;
  readonly progress: boolean;
  readonly maxIssues: number;
}

/**
 * `permitflow detect <log.jsonl>`: streams the log through the detector, prints the counts and the
 * report. Returns 0 with or without findings; 2 for unusable input (missing log, bad flows folder).
 */
export async function runDetect(logPath: string, options: DetectCommandOptions, io: CliIo): Promise<number> {
  const definitions = options.flows === 'builtin' ? undefined : await loadDefinitions(options.flows, io);
  if (options.flows !== 'builtin' && definitions === undefined) return 2;
  const size = (await stat(logPath)).size; // ENOENT goes to runCli: "No such file"

  const progress = fileProgress(logPath, size, io, options.progress);

  const result = await detectOffSystemWorkInLog(progress.chunks(), {
    maxIssues: options.maxIssues,
    ...(definitions === undefined ? {} : definitions),
    onRecord: (s) => progress.status(`${s.read} lines, ${s.openCases} open cases`),
  });
  progress.finish(`${result.stats.read} lines, 0 open cases`);

  const { stats, findings, issues, issuesDropped } = result;
  io.stdout(`${logPath}: ${stats.read} read, ${stats.accepted} accepted, ${stats.rejected} rejected; ${stats.cases} case(s), ${findings.length} finding(s)`);
  io.stdout(`${stats.silenced > 0 ? `, ${stats.silenced} silenced` : ''}${stats.late > 0 ? `; ${stats.late} late record(s) not analysed` : ''}\n`);
  if (issues.length > 0) io.stdout(`${formatLineIssues(issues)}\n`);
  if (issuesDropped > 0) io.stdout(`(${issuesDropped} more issue(s) not shown; raise --max-issues to see them)\n`);
  if (stats.unknownMatters.length > 0) io.stdout(`Matters without a flow definition (their cases were analysed without one): ${stats.unknownMatters.join(', ')}\n`);

  const report = summarizeFindings(findings, { cases: stats.cases, calendar: chinaMainlandCalendar() });
  await writeReport(reportPieces(options.format, { stats, report, findings }), options.out, io);
  return 0;
}

/** The report's text, in pieces: JSON one finding at a time (a large log's findings run to tens of megabytes). */
function* reportPieces(format: DetectCommandOptions['format'], parts: { readonly stats: DetectionStats; readonly report: FindingsReport; readonly findings: readonly Finding[] }): Generator<string> {
  if (format === 'json') {
    yield* prettyJsonChunks(parts);
    yield '\n';
  } else yield formatReportMarkdown(parts.report);
}
