// Test-only: used by the event-log tests, never imported by library code (it needs fast-check).
import fc from 'fast-check';
import { eventRecordArbitrary } from '../../testing/event-record-arbitrary';
import type { EventRecord } from '../event-record';
import { serializeEventRecord } from '../serialize-event-log';

/** One line of a generated log, tagged with what a reader must make of it. */
export type MixedLine =
  | { readonly kind: 'valid'; readonly record: EventRecord; readonly text: string }
  | { readonly kind: 'garbage'; readonly text: string }
  | { readonly kind: 'blank'; readonly text: string };

const NON_BLANK = /\S/;
const oneLine = (s: string): string => s.replace(/[\r\n]/g, ' ');

/** Lines that are never a valid record and never blank. */
const garbageArbitrary: fc.Arbitrary<string> = fc.oneof(
  // Arbitrary text, including Chinese and astral characters.
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(oneLine),
  // A proper prefix of a valid record's JSON is never valid JSON.
  fc
    .tuple(eventRecordArbitrary(), fc.nat())
    .map(([record, n]) => {
      const json = serializeEventRecord(record);
      return json.slice(0, 1 + (n % (json.length - 1)));
    }),
  // Valid JSON, wrong record: an unknown field, a missing field, a status that disagrees, not an object.
  eventRecordArbitrary().map((record) => JSON.stringify({ ...record, 备注: '窗口补录' })),
  eventRecordArbitrary().map((record) => JSON.stringify({ ...record, at: undefined })),
  eventRecordArbitrary({ activities: ['approved'] }).map((record) => JSON.stringify({ ...record, status: 13 })),
  fc.constantFrom('[]', 'null', '42', '"received"', '{}'),
).filter((text) => NON_BLANK.test(text));

const blankArbitrary = fc.constantFrom('', ' ', '\t', '  \t ', '\u3000');

/** A log mixing valid records, garbage and blank lines, in any order. */
export const mixedLogArbitrary: fc.Arbitrary<MixedLine[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: eventRecordArbitrary().map((record): MixedLine => ({ kind: 'valid', record, text: serializeEventRecord(record) })) },
    { weight: 2, arbitrary: garbageArbitrary.map((text): MixedLine => ({ kind: 'garbage', text })) },
    { weight: 1, arbitrary: blankArbitrary.map((text): MixedLine => ({ kind: 'blank', text })) },
  ),
  { maxLength: 30 },
);

/** The log text of the lines, with `\n` or `\r\n` line ends and an optional final line end. */
export function joinLines(lines: readonly MixedLine[], eol: '\n' | '\r\n', finalEol: boolean): string {
  const text = lines.map((l) => l.text).join(eol);
  return finalEol && lines.length > 0 ? text + eol : text;
}
