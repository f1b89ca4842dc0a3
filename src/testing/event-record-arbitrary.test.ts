import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../event-log/index';
import { checkEventRecord, EventRecordSchema, statusOf } from '../event-log/index';
import { eventRecordArbitrary } from './event-record-arbitrary';

const isValid = (record: EventRecord): boolean =>
  EventRecordSchema.safeParse(record).success && checkEventRecord(record).ok;

describe('eventRecordArbitrary', () => {
  it('generates the same values for the same seed', () => {
    const first = fc.sample(eventRecordArbitrary(), { seed: 42, numRuns: 50 });
    const second = fc.sample(eventRecordArbitrary(), { seed: 42, numRuns: 50 });
    expect(second).toEqual(first);
    expect(fc.sample(eventRecordArbitrary(), { seed: 43, numRuns: 50 })).not.toEqual(first);
  });

  it('generates only records that pass EventRecordSchema and checkEventRecord', () => {
    fc.assert(fc.property(eventRecordArbitrary(), isValid));
  });

  it('shrinks only to valid records', () => {
    const seen: EventRecord[] = [];
    // Fails on any record with attrs, so fast-check shrinks; every candidate it tries passes through here.
    const details = fc.check(
      fc.property(eventRecordArbitrary(), (record) => {
        seen.push(record);
        return record.attrs === undefined;
      }),
      { seed: 7 },
    );
    expect(details.failed).toBe(true);
    expect(details.numShrinks).toBeGreaterThan(0);
    expect(seen.filter((r) => !isValid(r))).toEqual([]);
  });

  it('keeps status codes consistent with activities and gives evidence records a kind', () => {
    fc.assert(
      fc.property(eventRecordArbitrary(), (record) => {
        if (record.status !== undefined) expect(statusOf(record.activity)).toBe(record.status);
        expect(record.evidenceKind !== undefined).toBe(record.source === 'evidence');
      }),
    );
  });

  it('produces realistic variety: Chinese text, both offsets, statuses and evidence', () => {
    const records = fc.sample(eventRecordArbitrary(), { seed: 1, numRuns: 500 });
    expect(records.some((r) => /[\u4e00-\u9fff]/.test(JSON.stringify(r.reason ?? r.attrs ?? '')))).toBe(true);
    expect(records.some((r) => r.at.endsWith('+08:00'))).toBe(true);
    expect(records.some((r) => r.at.endsWith('Z'))).toBe(true);
    expect(records.some((r) => r.status !== undefined)).toBe(true);
    expect(records.some((r) => r.source === 'evidence')).toBe(true);
  });

  it('draws from the given case ids, activities and source', () => {
    const arbitrary = eventRecordArbitrary({ caseIds: ['C-1', 'C-2'], activities: ['review'], source: 'evidence' });
    fc.assert(
      fc.property(arbitrary, (record) => {
        expect(['C-1', 'C-2']).toContain(record.caseId);
        expect(record.activity).toBe('review');
        expect(record.source).toBe('evidence');
        expect(isValid(record)).toBe(true);
      }),
    );
  });

  it('throws on an empty list of case ids', () => {
    expect(() => eventRecordArbitrary({ caseIds: [] })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: eventRecordArbitrary: caseIds is empty; give at least one case id or leave it out.]`);
  });
});
