import { LineParser } from './_internal/line-parser';
import type { EventLogReadOptions, EventLogReadResult } from './event-log-read-result';
import type { EventRecord } from './event-record';

/**
 * Parses a whole JSON Lines event log held in memory. Blank lines are skipped and not counted;
 * CRLF line ends and a leading byte-order mark are accepted. Bad lines become issues with their
 * 1-based line number; they never throw.
 *
 * @param text - the log, one JSON record per line.
 * @param options - `maxIssues` (default: unlimited) and `onIssue`.
 * @returns the valid records, the issues and the counts (`read === accepted + rejected`).
 * @example
 * const { records, issues, counts } = parseEventLog(fs.readFileSync('case.jsonl', 'utf8'));
 * if (issues.length > 0) console.error(formatLineIssues(issues));
 */
export function parseEventLog(text: string, options: EventLogReadOptions = {}): EventLogReadResult {
  const parser = new LineParser(options.maxIssues ?? Infinity, options.onIssue);
  const records: EventRecord[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const record = parser.line(end === -1 ? text.slice(start) : text.slice(start, end));
    if (record !== undefined) records.push(record);
    if (end === -1) break;
    start = end + 1;
  }
  return { records, issues: parser.takeIssues(), counts: parser.counts };
}
