import { PermitflowError } from '../../errors';
import { checkWithSchema } from '../check-event-record';
import { isPlainRecord } from './plain-record';
import type { EventLogIssue, LineIssue } from '../event-log-issue';
import type { EventLogCounts } from '../event-log-read-result';
import type { EventRecord } from '../event-record';

const NON_BLANK = /\S/;

/**
 * Parses one log line at a time, numbering lines, counting and collecting issues.
 * Shared by the batch and the streaming readers so they cannot disagree.
 */
export class LineParser {
  private lineNumber = 0;
  private read = 0;
  private accepted = 0;
  private rejected = 0;
  private readonly stored: LineIssue[] = [];
  private dropped = 0;
  private readonly maxIssues: number;
  private readonly onIssue: ((issue: LineIssue) => void) | undefined;

  constructor(maxIssues: number, onIssue: ((issue: LineIssue) => void) | undefined) {
    if (!(maxIssues === Infinity || (Number.isInteger(maxIssues) && maxIssues >= 0))) {
      throw new PermitflowError(
        'invalid-argument',
        `maxIssues must be a non-negative integer or Infinity, got ${String(maxIssues)}.`,
      );
    }
    this.maxIssues = maxIssues;
    this.onIssue = onIssue;
  }

  /** Counts so far, as a snapshot. */
  get counts(): EventLogCounts {
    return { read: this.read, accepted: this.accepted, rejected: this.rejected };
  }

  /** Stored issues so far (live; at most `maxIssues`). */
  get issues(): readonly LineIssue[] {
    return this.stored;
  }

  /** Issues found but not stored because of `maxIssues`. */
  get issuesDropped(): number {
    return this.dropped;
  }

  /** Stored issues, as the mutable array the batch result hands out. */
  takeIssues(): LineIssue[] {
    return this.stored;
  }

  /** Parses the next line (without its `\n`); returns the record if the line holds a valid one. */
  line(raw: string): EventRecord | undefined {
    const line = ++this.lineNumber;
    let text = raw;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!NON_BLANK.test(text)) return undefined;
    this.read++;

    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.reject(line, [
        {
          code: 'invalid-json',
          path: [],
          message: `Line is not valid JSON: ${reason}. Write each record as one JSON object on one line.`,
        },
      ]);
      return undefined;
    }

    // Most lines are plain records: those pass as parsed; the schema checks the rest and says what is wrong.
    if (isPlainRecord(value)) {
      this.accepted++;
      return value;
    }
    const result = checkWithSchema(value);
    if (!result.ok) {
      this.reject(line, result.issues);
      return undefined;
    }
    this.accepted++;
    return result.record;
  }

  private reject(line: number, issues: readonly EventLogIssue[]): void {
    this.rejected++;
    for (const issue of issues) {
      const lineIssue: LineIssue = { ...issue, line };
      if (this.stored.length < this.maxIssues) this.stored.push(lineIssue);
      else this.dropped++;
      this.onIssue?.(lineIssue);
    }
  }
}
