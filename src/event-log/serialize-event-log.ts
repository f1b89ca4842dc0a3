import type { EventRecord } from './event-record';
import { EventRecordSchema } from './event-record';

/** Fields in contract order, so written logs diff cleanly whatever order the objects were built in. */
const FIELD_ORDER = Object.keys(EventRecordSchema.shape);
const KNOWN = new Set(FIELD_ORDER);

/** JSON text of one attrs value; unlike `JSON.stringify`, keeps `-0` (valid JSON, read back as -0). */
const attrValueJson = (value: unknown): string | undefined =>
  Object.is(value, -0) ? '-0' : JSON.stringify(value);

function attrsJson(attrs: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const key of Object.keys(attrs)) {
    const json = attrValueJson(attrs[key]);
    if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${parts.join(',')}}`;
}

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
  const source = record as Readonly<Record<string, unknown>>;
  const keys = [...FIELD_ORDER, ...Object.keys(source).filter((k) => !KNOWN.has(k))];
  const parts: string[] = [];
  for (const key of keys) {
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    const json =
      key === 'attrs' && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? attrsJson(value as Record<string, unknown>)
        : JSON.stringify(value);
    if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
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
