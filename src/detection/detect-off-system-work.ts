import { readEventLog, type EventLogReadOptions, type EventRecord, type LineIssue } from '../event-log';
import { createDetector, type DetectionStats, type DetectorOptions } from './create-detector';
import type { Finding } from './finding';

/** Findings and counts of a batch run. */
export interface DetectionResult {
  /** Reported findings, case by case in the order the cases closed. */
  readonly findings: readonly Finding[];
  readonly stats: DetectionStats;
}

/** Findings, counts and bad lines of a run over a JSON Lines log. */
export interface LogDetectionResult extends DetectionResult {
  /** Bad lines, at most `maxIssues` of them. */
  readonly issues: readonly LineIssue[];
  /** Bad-line issues found but not kept. */
  readonly issuesDropped: number;
}

/** Options of {@link detectOffSystemWorkInLog}: the detector's, the reader's, and a progress hook. */
export interface LogDetectionOptions extends DetectorOptions, EventLogReadOptions {
  /** Called after each record with the counts so far and the cases held (for progress displays). */
  readonly onRecord?: (stats: { readonly read: number; readonly openCases: number }) => void;
}

/**
 * Finds off-system work (体外循环, 隐性审批) in typed records: {@link createDetector} fed every record
 * in order, then flushed — the streaming detector run to the end, so both give the same findings.
 * @example
 * const { findings, stats } = detectOffSystemWork(records, { allow: [{ code: 'double-acceptance', matterId: 'fire-acceptance' }] });
 * console.log(stats.cases, stats.findingsByCode, stats.silenced);
 */
export function detectOffSystemWork(records: Iterable<EventRecord>, options: DetectorOptions = {}): DetectionResult {
  const detector = createDetector(options);
  const findings: Finding[] = [];
  for (const record of records) for (const f of detector.push(record)) findings.push(f);
  for (const f of detector.flush()) findings.push(f);
  return { findings, stats: detector.stats };
}

/**
 * Reads a JSON Lines log with `readEventLog` and streams it through the detector: bad lines are
 * counted and reported, never thrown; `stats.read === stats.accepted + stats.rejected` counts lines.
 * @example
 * const { findings, stats, issues } = await detectOffSystemWorkInLog(createReadStream('province.jsonl'));
 */
export async function detectOffSystemWorkInLog(
  source: AsyncIterable<string | Uint8Array>,
  options: LogDetectionOptions = {},
): Promise<LogDetectionResult> {
  const detector = createDetector(options);
  const reader = readEventLog(source, {
    ...(options.maxIssues === undefined ? {} : { maxIssues: options.maxIssues }),
    ...(options.onIssue === undefined ? {} : { onIssue: options.onIssue }),
  });
  const findings: Finding[] = [];
  for await (const record of reader) {
    for (const f of detector.push(record)) findings.push(f);
    options.onRecord?.({ read: reader.counts.read, openCases: detector.openCases });
  }
  for (const f of detector.flush()) findings.push(f);
  const { read, accepted, rejected } = reader.counts;
  return { findings, stats: { ...detector.stats, read, accepted, rejected }, issues: reader.issues, issuesDropped: reader.issuesDropped };
}
