import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventRecordArbitrary } from '../testing/event-record-arbitrary';
import type { EventRecord } from './event-record';
import { parseEventLog } from './parse-event-log';
import { serializeEventLog, serializeEventRecord } from './serialize-event-log';

const record: EventRecord = {
  source: 'system',
  at: '2025-03-05T16:00:00+08:00',
  activity: 'supplement-started',
  status: 6,
  flowVersion: '1',
  matterId: 'JS-SGXK-001',
  caseId: '330100-2025-000123',
  id: 'e4',
  reason: { kind: 'materials-incomplete', text: '缺少施工图审查合格书“第2册”' },
  attrs: { 窗口: '3号', pages: 12, urgent: false, 备注: null },
};

describe('serializeEventRecord', () => {
  it('writes one line of JSON with the fields in contract order', () => {
    expect(serializeEventRecord(record)).toMatchInlineSnapshot(`"{"id":"e4","caseId":"330100-2025-000123","matterId":"JS-SGXK-001","flowVersion":"1","activity":"supplement-started","status":6,"at":"2025-03-05T16:00:00+08:00","source":"system","reason":{"kind":"materials-incomplete","text":"缺少施工图审查合格书“第2册”"},"attrs":{"窗口":"3号","pages":12,"urgent":false,"备注":null}}"`);
  });

  it('writes the fields of actor and reason in contract order too, as a log read back gives them in the order of its file', () => {
    const shuffled = { ...record, actor: { department: '住建局', id: 'u7', role: 'reviewer' }, reason: { text: '缺件', kind: 'materials-incomplete' } };
    const line = serializeEventRecord(shuffled);
    expect(line).toContain('"reason":{"kind":"materials-incomplete","text":"缺件"}');
    expect(line).toContain('"actor":{"id":"u7","role":"reviewer","department":"住建局"}');
  });

  it('escapes newlines inside text, so a record stays on one line', () => {
    const line = serializeEventRecord({ ...record, reason: { kind: 'note', text: '第一行\n第二行\r\n' } });
    expect(line).not.toMatch(/[\r\n]/);
  });

  it('keeps -0 in attrs, which JSON.stringify would write as 0', () => {
    const line = serializeEventRecord({ ...record, attrs: { delta: -0 } });
    expect(line).toContain('"attrs":{"delta":-0}');
    expect(Object.is(parseEventLog(line).records[0]?.attrs?.['delta'], -0)).toBe(true);
  });

  it('writes fields the contract does not know, so the reader reports them instead of losing them', () => {
    const line = serializeEventRecord({ ...record, legacy: 'x' } as EventRecord);
    expect(line.endsWith(',"legacy":"x"}')).toBe(true);
    expect(parseEventLog(line).issues.map((i) => i.code)).toEqual(['unknown-field']);
  });
});

describe('serializeEventLog', () => {
  it('writes one record per line with a trailing newline', () => {
    const text = serializeEventLog([record, { ...record, id: 'e5' }]);
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('}\n')).toBe(true);
    expect(serializeEventLog([])).toBe('');
  });

  it('round-trips losslessly through parseEventLog', () => {
    fc.assert(
      fc.property(fc.array(eventRecordArbitrary(), { maxLength: 20 }), (records) => {
        const text = serializeEventLog(records);
        const result = parseEventLog(text);
        expect(result.issues).toEqual([]);
        expect(result.records).toEqual(records);
        expect(serializeEventLog(result.records)).toBe(text);
      }),
    );
  });
});
