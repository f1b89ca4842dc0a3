import type { LineIssue } from './event-log-issue';
import type { EventRecord } from './event-record';

/**
 * How many records a read saw. `read` counts non-blank lines; every one of them is either
 * `accepted` or `rejected`, so `read === accepted + rejected` always holds.
 */
export interface EventLogCounts {
  /** Non-blank lines read. */
  readonly read: number;
  /** Lines that became a valid record. */
  readonly accepted: number;
  /** Lines with at least one issue. */
  readonly rejected: number;
}

/** Options for reading an event log. */
export interface EventLogReadOptions {
  /**
   * At most this many issues are kept (counts keep counting past it; `onIssue` still sees every issue).
   * Default: 1000 for {@link readEventLog}, unlimited for {@link parseEventLog}.
   */
  readonly maxIssues?: number;
  /** Called with every issue as it is found, in line order. */
  readonly onIssue?: (issue: LineIssue) => void;
}

/** Everything a batch read of an event log found: the valid records, the issues, the counts. */
export interface EventLogReadResult {
  /** Valid records, in line order. */
  readonly records: EventRecord[];
  /** Issues of the rejected lines, in line order (capped by `maxIssues`). */
  readonly issues: LineIssue[];
  /** Lines read, accepted and rejected. */
  readonly counts: EventLogCounts;
}
