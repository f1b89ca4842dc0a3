import type { EventRecord } from './event-record';
import { ActorSchema, EventRecordSchema, ReasonSchema } from './event-record';

/** Fields in contract order, so written logs diff cleanly whatever order the objects were built in. */
const FIELD_ORDER = Object.keys(EventRecordSchema.shape);
/** The same for the fields of `actor` and `reason`; attrs keep their own order. */
const NESTED_ORDER = new Map<string, readonly string[]>([
  ['actor', Object.keys(ActorSchema.shape)],
  ['reason', Object.keys(ReasonSchema.shape)],
]);
const NO_ORDER: readonly string[] = [];

/** JSON text of one attrs value; unlike `JSON.stringify`, keeps `-0` (valid JSON, read back as -0). */
const attrValueJson = (_: string, value: unknown): string | undefined => (Object.is(value, -0) ? '-0' : JSON.stringify(value));
const plainJson = (_: string, value: unknown): string | undefined => JSON.stringify(value);

/**
 * Writes one record as one line of JSON (no newline), fields in the order of the contract.
 * It does not validate: run {@link checkEventRecord} on records you did not build yourself.
 * Fields the contract does not know are written after the known ones, so a reader reports them
 * instead of their being lost.
 *
 * @example
 * serializeEventRecord(record); // '{"id":"e1","caseId":"C-1",…,"source":"system"}'
 */
export function serializeEventRecord(record: EventRecord): string {
  return orderedJson(record, FIELD_ORDER, fieldJson);
}

/** JSON text of one field of a record: attrs keep -0, actor and reason are written in contract order. */
function fieldJson(key: string, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return JSON.stringify(value);
  if (key === 'attrs') return orderedJson(value as Record<string, unknown>, NO_ORDER, attrValueJson);
  const order = NESTED_ORDER.get(key);
  return order === undefined ? JSON.stringify(value) : orderedJson(value as Record<string, unknown>, order, plainJson);
}

/** JSON text of an object: the keys of `order` first, in that order, then any others; `valueJson` writes each value (undefined leaves the key out). */
function orderedJson(object: Readonly<Record<string, unknown>>, order: readonly string[], valueJson: (key: string, value: unknown) => string | undefined): string {
  const parts: string[] = [];
  let known = 0;
  for (const key of order) {
    if (!Object.hasOwn(object, key)) continue;
    known++;
    const json = valueJson(key, object[key]);
    if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
  }
  const keys = Object.keys(object);
  if (keys.length > known) {
    for (const key of keys) {
      if (order.includes(key)) continue;
      const json = valueJson(key, object[key]);
      if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
    }
  }
  return `{${parts.join(',')}}`;
}

/**
 * Writes records as JSON Lines: one record per line, each line ending in `\n`.
 * `parseEventLog(serializeEventLog(records)).records` deep-equals `records` for valid records.
 *
 * @example
 * fs.writeFileSync('case.jsonl', serializeEventLog(records));
 */
export function serializeEventLog(records: Iterable<EventRecord>): string {
  let out = '';
  for (const record of records) out += `${serializeEventRecord(record)}\n`;
  return out;
}
