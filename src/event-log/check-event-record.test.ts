import { describe, expect, it } from 'vitest';
import { checkEventRecord } from './check-event-record';
import type { EventRecord } from './event-record';

const valid: EventRecord = {
  id: 'e1',
  caseId: '330100-2025-000123',
  matterId: 'JS-001',
  flowVersion: '2025.1',
  activity: 'approved',
  status: 11,
  at: '2025-03-03T09:30:00+08:00',
  source: 'system',
};

/** A copy of `record` without `key`. */
function omit(record: object, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  delete copy[key];
  return copy;
}

/** The issues of `input`, failing the test if it is accepted. */
function issuesOf(input: unknown) {
  const result = checkEventRecord(input);
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.issues;
}

describe('checkEventRecord', () => {
  it('accepts a valid record and returns it', () => {
    expect(checkEventRecord(valid)).toEqual({ ok: true, record: valid });
  });

  it('returns a copy: changing the input afterwards changes nothing in the record', () => {
    const input = { ...valid, actor: { id: 'u1', role: 'reviewer', department: '住建局' }, materials: ['m1'], reason: { kind: 'k' }, attrs: { n: 1 } };
    const result = checkEventRecord(input);
    if (!result.ok) throw new Error('expected a valid record');
    input.actor.id = 'u2';
    input.materials.push('m2');
    input.reason.kind = 'other';
    input.attrs.n = 2;
    expect(result.record).toMatchObject({ actor: { id: 'u1' }, materials: ['m1'], reason: { kind: 'k' }, attrs: { n: 1 } });
  });

  it('accepts a status that agrees with the activity, and no status at all', () => {
    expect(checkEventRecord({ ...valid, activity: 'supplement-started', status: 6 }).ok).toBe(true);
    expect(checkEventRecord(omit(valid, 'status')).ok).toBe(true);
  });

  it('accepts an evidence record with its kind, and a recordedAt before at (a late entry is a signal)', () => {
    const record = omit({
      ...valid,
      activity: 'review',
      source: 'evidence',
      evidenceKind: 'meeting',
      recordedAt: '2025-03-01T09:30:00+08:00',
      reason: { kind: 'expert-review', text: '专家评审会议纪要' },
    }, 'status');
    expect(checkEventRecord(record).ok).toBe(true);
  });

  it('reports a non-object as invalid-record', () => {
    expect(issuesOf([valid])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-record",
          "message": "A record must be a JSON object, got an array. Write one object per line: { "id": …, "caseId": …, … }.",
          "path": [],
        },
      ]
    `);
  });

  it('reports an absent required field as missing-field', () => {
    expect(issuesOf(omit(valid, 'caseId'))).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-field",
          "message": "Missing required field "caseId": add it as a non-empty string (the case number, 办件编号).",
          "path": [
            "caseId",
          ],
        },
      ]
    `);
  });

  it('reports an absent nested field as missing-field', () => {
    expect(issuesOf({ ...valid, actor: { id: 'u1', role: '审批员' } })).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-field",
          "message": "Missing required field "actor.department": add it as a non-empty string (the actor's department).",
          "path": [
            "actor",
            "department",
          ],
        },
      ]
    `);
  });

  it('reports an instant without an offset as invalid-field', () => {
    expect(issuesOf({ ...valid, at: '2025-03-03 09:30:00' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-field",
          "message": "Field "at" must be an ISO-8601 instant with an offset, e.g. "2025-03-03T09:30:00+08:00" or "2025-03-03T01:30:00Z"; got "2025-03-03 09:30:00" (a string).",
          "path": [
            "at",
          ],
        },
      ]
    `);
  });

  it('reports a number where a string belongs as invalid-field', () => {
    expect(issuesOf({ ...valid, flowVersion: 3 })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-field",
          "message": "Field "flowVersion" must be a non-empty string (the definition version, e.g. "2025.1"; quote numbers); got 3 (a number).",
          "path": [
            "flowVersion",
          ],
        },
      ]
    `);
  });

  it('reports a status outside 1–15 as invalid-field, not as a mismatch', () => {
    expect(issuesOf({ ...valid, status: 16 })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-field",
          "message": "Field "status" must be an integer 办理状态 code from 1 to 15; got 16 (a number).",
          "path": [
            "status",
          ],
        },
      ]
    `);
  });

  it('reports a value outside an enum as invalid-field', () => {
    expect(issuesOf({ ...valid, channel: 'phone' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-field",
          "message": "Field "channel" must be one of "online", "window", "mobile", "mail", "offline"; got "phone" (a string).",
          "path": [
            "channel",
          ],
        },
      ]
    `);
  });

  it('reports nested attrs and empty material ids as invalid-field', () => {
    expect(issuesOf({ ...valid, materials: ['M1', ''], attrs: { 项目: { 名称: '某某大厦' } } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-field",
          "message": "Field "materials[1]" must be a non-empty string (a material id); got "" (a string).",
          "path": [
            "materials",
            1,
          ],
        },
        {
          "code": "invalid-field",
          "message": "Field "attrs.项目" must be a flat JSON value (string, number, boolean or null); attrs do not nest, so flatten it into separate keys; got an object.",
          "path": [
            "attrs",
            "项目",
          ],
        },
      ]
    `);
  });

  it('reports an attrs key "__proto__", which zod would drop silently', () => {
    expect(issuesOf({ ...valid, attrs: JSON.parse('{"__proto__":"x"}') as unknown })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-field",
          "message": "attrs key "__proto__" would be silently dropped when the record is read. Rename the key.",
          "path": [
            "attrs",
            "__proto__",
          ],
        },
      ]
    `);
  });

  it('reports each unknown top-level field as unknown-field, pointing to attrs', () => {
    expect(issuesOf({ ...valid, 窗口: '3号窗口', note: 'x' })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-field",
          "message": "Unknown field "窗口": an EventRecord has no such field. Move it into attrs ("attrs": { "窗口": … }) or remove it.",
          "path": [
            "窗口",
          ],
        },
        {
          "code": "unknown-field",
          "message": "Unknown field "note": an EventRecord has no such field. Move it into attrs ("attrs": { "note": … }) or remove it.",
          "path": [
            "note",
          ],
        },
      ]
    `);
  });

  it('reports an unknown field in actor as unknown-field', () => {
    expect(
      issuesOf({ ...valid, actor: { id: 'u1', role: '审批员', department: '住建局', phone: '123' } }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-field",
          "message": "Unknown field "phone" in actor, which has only id, role and department. Move it into attrs or remove it.",
          "path": [
            "actor",
            "phone",
          ],
        },
      ]
    `);
  });

  it('reports a status that disagrees with its activity as status-mismatch', () => {
    expect(issuesOf({ ...valid, status: 13 })).toMatchInlineSnapshot(`
      [
        {
          "code": "status-mismatch",
          "message": "Activity "approved" carries 办理状态 code 11, but status is 13 (the code of "denied"). Set status to 11, or remove it: the activity implies it.",
          "path": [
            "status",
          ],
        },
      ]
    `);
  });

  it('reports a status on an activity without a code as unexpected-status', () => {
    expect(issuesOf({ ...valid, activity: 'certificate-issued' })).toMatchInlineSnapshot(`
      [
        {
          "code": "unexpected-status",
          "message": "Activity "certificate-issued" has no 办理状态 code, so status 11 does not belong on it. Remove status (code 11 is the activity "approved").",
          "path": [
            "status",
          ],
        },
      ]
    `);
    expect(issuesOf({ ...valid, activity: 'review', lifecycle: 'start', status: 8 })[0]?.code).toBe(
      'unexpected-status',
    );
    // A step named like a member of every object has no code either.
    expect(issuesOf({ ...valid, activity: 'toString', status: 8 })).toMatchObject([{ code: 'unexpected-status' }]);
  });

  it('reports evidenceKind on a system record as evidence-kind', () => {
    expect(issuesOf({ ...valid, evidenceKind: 'document' })).toMatchInlineSnapshot(`
      [
        {
          "code": "evidence-kind",
          "message": "evidenceKind belongs only on records with source "evidence". Remove it, or set source to "evidence" if the record comes from outside the approval system.",
          "path": [
            "evidenceKind",
          ],
        },
      ]
    `);
  });

  it('reports an evidence record without evidenceKind as evidence-kind', () => {
    expect(issuesOf({ ...valid, source: 'evidence' })).toMatchInlineSnapshot(`
      [
        {
          "code": "evidence-kind",
          "message": "A record with source "evidence" needs an evidenceKind saying what the evidence is (document, meeting, payment, visit, call, complaint, signature, opinion). Add one; use "other" if none fits.",
          "path": [
            "evidenceKind",
          ],
        },
      ]
    `);
  });

  it('reports every issue of a record at once', () => {
    const codes = issuesOf({ ...valid, at: 'yesterday', status: 3, extra: true, source: 'evidence' }).map(
      (i) => i.code,
    );
    expect(codes).toEqual(['invalid-field', 'unknown-field', 'status-mismatch', 'evidence-kind']);
  });
});
