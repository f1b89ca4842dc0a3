import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, mixedLogArbitrary } from './_internal/mixed-log-arbitrary';
import type { LineIssue } from './event-log-issue';
import { formatLineIssues } from './event-log-issue';
import { parseEventLog } from './parse-event-log';

const received =
  '{"id":"e1","caseId":"C-1","matterId":"JS-SGXK-001","flowVersion":"1","activity":"received","status":1,"at":"2025-03-03T09:30:00+08:00","source":"system"}';
const accepted =
  '{"id":"e2","caseId":"C-1","matterId":"JS-SGXK-001","flowVersion":"1","activity":"window-accepted","at":"2025-03-03T10:00:00+08:00","source":"system","reason":{"kind":"note","text":"窗口受理"}}';
const withUnknownField =
  '{"id":"e3","caseId":"C-1","matterId":"JS-SGXK-001","flowVersion":"1","activity":"review","lifecycle":"start","at":"2025-03-04T09:00:00+08:00","source":"system","窗口":"3号"}';

describe('parseEventLog', () => {
  it('reads a log of good lines, bad JSON, unknown fields and blank lines, and the counts add up', () => {
    const text = [received, '', '{"id": "e9", oops}', accepted, '   ', withUnknownField, ''].join('\n');
    const { records, issues, counts } = parseEventLog(text);
    expect(records.map((r) => r.id)).toEqual(['e1', 'e2']);
    expect(counts).toEqual({ read: 4, accepted: 2, rejected: 2 });
    expect(counts.read).toBe(counts.accepted + counts.rejected);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'invalid-json'],
      [6, 'unknown-field'],
    ]);
  });

  it('reports a line that is not JSON as invalid-json with the parser message', () => {
    expect(parseEventLog('{"id": "e9", oops}').issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-json",
          "line": 1,
          "message": "Line is not valid JSON: Expected double-quoted property name in JSON at position 13. Write each record as one JSON object on one line.",
          "path": [],
        },
      ]
    `);
  });

  it('gives the line number of a record-level issue, counting blank lines', () => {
    const issues = parseEventLog(`\n\n${received.replace('"status":1', '"status":3')}\n`).issues;
    expect(formatLineIssues(issues)).toMatchInlineSnapshot(`"- line 3 at status: Activity "received" carries 办理状态 code 1, but status is 3 (the code of "window-accepted"). Set status to 1, or remove it: the activity implies it. [status-mismatch]"`);
  });

  it('accepts CRLF line ends and a leading byte-order mark', () => {
    const { records, issues, counts } = parseEventLog(`\uFEFF${received}\r\n\r\n${accepted}\r\n`);
    expect(issues).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['e1', 'e2']);
    expect(counts).toEqual({ read: 2, accepted: 2, rejected: 0 });
  });

  it('reads an empty log as nothing', () => {
    expect(parseEventLog('')).toEqual({ records: [], issues: [], counts: { read: 0, accepted: 0, rejected: 0 } });
    expect(parseEventLog('\n\n').counts).toEqual({ read: 0, accepted: 0, rejected: 0 });
  });

  it('reads a last line without a newline', () => {
    expect(parseEventLog(`${received}\n${accepted}`).records).toHaveLength(2);
  });

  it('stores at most maxIssues issues, keeps counting, and calls onIssue for every issue', () => {
    const seen: LineIssue[] = [];
    const text = ['x', received, 'y', 'z', '[]'].join('\n');
    const { issues, counts } = parseEventLog(text, { maxIssues: 2, onIssue: (i) => seen.push(i) });
    expect(issues.map((i) => i.line)).toEqual([1, 3]);
    expect(seen.map((i) => i.line)).toEqual([1, 3, 4, 5]);
    expect(counts).toEqual({ read: 5, accepted: 1, rejected: 4 });
  });

  it('rejects a maxIssues that is not a count', () => {
    expect(() => parseEventLog('', { maxIssues: -1 })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: maxIssues must be a non-negative integer or Infinity, got -1.]`);
  });

  it('keeps counts adding up and finds exactly the valid records, whatever the mix of lines', () => {
    fc.assert(
      fc.property(
        mixedLogArbitrary,
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.boolean(),
        (lines, eol, finalEol) => {
          const { records, issues, counts } = parseEventLog(joinLines(lines, eol, finalEol));
          const valid = lines.flatMap((l) => (l.kind === 'valid' ? [l.record] : []));
          const garbageLines = lines.flatMap((l, i) => (l.kind === 'garbage' ? [i + 1] : []));
          expect(counts.read).toBe(counts.accepted + counts.rejected);
          expect(counts).toEqual({ read: valid.length + garbageLines.length, accepted: valid.length, rejected: garbageLines.length });
          expect(records).toEqual(valid);
          expect([...new Set(issues.map((i) => i.line))]).toEqual(garbageLines);
        },
      ),
    );
  });
});
