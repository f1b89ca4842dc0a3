import type { Issue } from '../errors';
import { formatPath } from '../errors';

/**
 * Codes of the issues the event log reports:
 * - `invalid-json`: a line is not JSON;
 * - `invalid-record`: a line is JSON but not an object;
 * - `missing-field`, `invalid-field`, `unknown-field`: the record does not fit `EventRecordSchema`;
 * - `status-mismatch`: `status` disagrees with the 办理状态 code its activity carries;
 * - `unexpected-status`: `status` on an activity that has no code (a step, `certificate-issued`, …);
 * - `evidence-kind`: `evidenceKind` without source `evidence`, or an evidence record without one.
 */
export type EventLogIssueCode =
  | 'invalid-json'
  | 'invalid-record'
  | 'missing-field'
  | 'invalid-field'
  | 'unknown-field'
  | 'status-mismatch'
  | 'unexpected-status'
  | 'evidence-kind';

/** An issue found in one event record; `path` points into the record. */
export interface EventLogIssue extends Issue {
  /** What kind of problem it is. */
  readonly code: EventLogIssueCode;
}

/** An issue found on one line of a JSON Lines event log. */
export interface LineIssue extends EventLogIssue {
  /** 1-based line number in the file, blank lines included, so an editor jumps straight to it. */
  readonly line: number;
}

/**
 * Formats line issues one per line as `- line N at path: message [code]`.
 * @example
 * formatLineIssues(parseEventLog(text).issues);
 * // '- line 3 at status: Activity "approved" carries 办理状态 code 11, … [status-mismatch]'
 */
export function formatLineIssues(issues: readonly LineIssue[]): string {
  return issues
    .map((i) => `- line ${i.line}${i.path.length === 0 ? '' : ` at ${formatPath(i.path)}`}: ${i.message} [${i.code}]`)
    .join('\n');
}
