import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../simulation';
import { eventRecordArbitrary } from '../../testing/event-record-arbitrary';
import { checkWithSchema } from '../check-event-record';
import { isPlainRecord } from './plain-record';

/** A record's JSON, parsed again: what a log reader holds. */
const reparsed = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Values near a record: a field removed, replaced by something of another kind, or added. */
const nearRecord = fc
  .tuple(
    eventRecordArbitrary(),
    fc.constantFrom('id', 'caseId', 'at', 'recordedAt', 'source', 'status', 'lifecycle', 'actor', 'channel', 'evidenceKind', 'materials', 'reason', 'attrs', 'bundleId', 'activity', 'extra'),
    fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('', 'x', 'system', 'evidence', 'window', 'start', 'visit', '2025-02-29T10:00:00+08:00', '2025-03-01T24:00:00Z', '2025-03-01T10:00:00.5+08:00', '2025-03-01T10:00+08:00'),
      fc.integer({ min: -1, max: 16 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom([], ['m1', ''], { id: 'a', role: 'b' }, { id: 'a', role: 'b', department: 'c', extra: 1 }, { kind: 'k', text: 1 }, { kind: 'k', other: 'x' }, { nested: { a: 1 } }, { list: [1] }, JSON.parse('{"__proto__": 1}')),
      fc.anything(),
    ),
  )
  .map(([record, key, value]) => {
    const copy: Record<string, unknown> = { ...(reparsed(record) as object) };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  });

describe('isPlainRecord', () => {
  it('passes only what the schema and the rules across fields accept, and the record they return', () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.oneof(eventRecordArbitrary().map(reparsed), nearRecord, fc.anything(), fc.object()), (value) => {
        if (!isPlainRecord(value)) return;
        passed++;
        const checked = checkWithSchema(value);
        expect(checked.ok).toBe(true);
        if (checked.ok) expect(checked.record).toEqual(value);
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: records and most near-records pass.
    expect(passed).toBeGreaterThan(400);
  });

  it('passes every record of a generated log, read back from JSON: a log reader takes the quick path', () => {
    const { records } = generateLog({ seed: 5, cases: 40 });
    expect(records.length).toBeGreaterThan(300);
    for (const record of records) expect(isPlainRecord(reparsed(record))).toBe(true);
  });

  it('leaves to the schema what it cannot pass: another instant form, a status of another activity, an own __proto__ in attrs', () => {
    const record = { id: 'r1', caseId: 'c1', matterId: 'm', flowVersion: '1', activity: 'received', at: '2025-03-03T09:30:00+08:00', source: 'system' };
    expect(isPlainRecord(record)).toBe(true);
    expect(isPlainRecord({ ...record, at: '2025-03-03T09:30:00.123456+08:00' })).toBe(false); // valid, but for the schema to say
    expect(isPlainRecord({ ...record, status: 1 })).toBe(true);
    expect(isPlainRecord({ ...record, status: 2 })).toBe(false);
    expect(isPlainRecord({ ...record, source: 'evidence' })).toBe(false); // no evidenceKind
    expect(isPlainRecord({ ...record, attrs: JSON.parse('{"__proto__": 1}') })).toBe(false);
    expect(isPlainRecord({ ...record, note: 'x' })).toBe(false);
  });
});
