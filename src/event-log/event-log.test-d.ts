import { describe, expectTypeOf, it } from 'vitest';
import type { EventLogIssueCode, EventLogReader, EventRecord, LineIssue } from './index';
import { checkEventRecord, parseEventLog, readEventLog, serializeEventRecord } from './index';

describe('event-log types', () => {
  it('narrows checkEventRecord to a record or issues', () => {
    const result = checkEventRecord({});
    if (result.ok) expectTypeOf(result.record).toEqualTypeOf<EventRecord>();
    else expectTypeOf(result.issues[0]!.code).toEqualTypeOf<EventLogIssueCode>();
    // @ts-expect-error - issues exist only on a failed check
    void result.issues;
  });

  it('reads into records, line issues and counts', () => {
    const { records, issues, counts } = parseEventLog('');
    expectTypeOf(records).toEqualTypeOf<EventRecord[]>();
    expectTypeOf(issues).toEqualTypeOf<LineIssue[]>();
    expectTypeOf(counts.read).toBeNumber();
  });

  it('streams records from strings or bytes', () => {
    async function* bytes(): AsyncGenerator<Uint8Array> {}
    const reader = readEventLog(bytes());
    expectTypeOf(reader).toEqualTypeOf<EventLogReader>();
    expectTypeOf(reader).toExtend<AsyncIterable<EventRecord>>();
    // @ts-expect-error - numbers are not log chunks
    readEventLog((async function* () { yield 1; })());
  });

  it('serializes only event records', () => {
    // @ts-expect-error - source is required
    serializeEventRecord({ id: 'e', caseId: 'c', matterId: 'm', flowVersion: '1', activity: 'received', at: '2025-03-03T09:30:00Z' });
  });
});
