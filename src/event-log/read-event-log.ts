import { PermitflowError } from '../errors';
import { LineParser } from './_internal/line-parser';
import type { LineIssue } from './event-log-issue';
import type { EventLogCounts, EventLogReadOptions } from './event-log-read-result';
import type { EventRecord } from './event-record';

/**
 * The valid records of a JSON Lines log, read as they arrive. While you iterate, `counts` and
 * `issues` cover every line read so far; after the loop ends they cover the whole log.
 * A reader can be iterated once.
 */
export interface EventLogReader extends AsyncIterable<EventRecord> {
  /** Lines read, accepted and rejected so far (a snapshot; `read === accepted + rejected`). */
  readonly counts: EventLogCounts;
  /** Issues found so far, in line order, at most `maxIssues` of them. */
  readonly issues: readonly LineIssue[];
  /** Issues found but not kept because `maxIssues` was reached. */
  readonly issuesDropped: number;
}

const DEFAULT_MAX_ISSUES = 1000;

/**
 * Reads a JSON Lines event log from a stream of text or bytes (a Node `fs.createReadStream(path)`
 * works as it is). Lines and UTF-8 characters may be split anywhere across chunks; only the current
 * partial line is held in memory. Bad lines become issues with their line number and never throw;
 * the records are the same as {@link parseEventLog} gives for the whole text.
 *
 * @param source - chunks of the log: strings, or UTF-8 bytes (`Uint8Array`, `Buffer`).
 * @param options - `maxIssues` (default 1000; counts keep counting past it) and `onIssue`.
 * @returns a reader to iterate with `for await`, carrying `counts` and `issues`.
 * @example
 * const reader = readEventLog(fs.createReadStream('province.jsonl'));
 * for await (const record of reader) analyse(record);
 * console.log(reader.counts); // { read: 120000, accepted: 119998, rejected: 2 }
 */
export function readEventLog(
  source: AsyncIterable<string | Uint8Array>,
  options: EventLogReadOptions = {},
): EventLogReader {
  const parser = new LineParser(options.maxIssues ?? DEFAULT_MAX_ISSUES, options.onIssue);
  let started = false;

  async function* records(): AsyncGenerator<EventRecord, void, undefined> {
    const decoder = new TextDecoder('utf-8');
    let decoding = false; // bytes went into the decoder since its last flush
    let partial: string[] = [];

    for await (const chunk of source) {
      let text: string;
      if (typeof chunk === 'string') {
        text = decoding ? decoder.decode() + chunk : chunk;
        decoding = false;
      } else if (chunk instanceof Uint8Array) {
        text = decoder.decode(chunk, { stream: true });
        decoding = true;
      } else {
        throw new PermitflowError(
          'invalid-argument',
          `readEventLog got a chunk of type ${typeof chunk}; the source must yield strings or Uint8Array bytes.`,
        );
      }

      let start = 0;
      let end = text.indexOf('\n');
      while (end !== -1) {
        const piece = text.slice(start, end);
        let line = piece;
        if (partial.length > 0) {
          partial.push(piece);
          line = partial.join('');
          partial = [];
        }
        const record = parser.line(line);
        if (record !== undefined) yield record;
        start = end + 1;
        end = text.indexOf('\n', start);
      }
      if (start < text.length) partial.push(text.slice(start));
    }

    if (decoding) partial.push(decoder.decode());
    const record = parser.line(partial.join(''));
    if (record !== undefined) yield record;
  }

  return {
    get counts() {
      return parser.counts;
    },
    get issues() {
      return parser.issues;
    },
    get issuesDropped() {
      return parser.issuesDropped;
    },
    [Symbol.asyncIterator]() {
      if (started) {
        throw new PermitflowError(
          'invalid-argument',
          'This EventLogReader has already been iterated; its source is consumed. Call readEventLog again with a fresh source.',
        );
      }
      started = true;
      return records();
    },
  };
}
