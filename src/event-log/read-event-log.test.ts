import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, mixedLogArbitrary } from './_internal/mixed-log-arbitrary';
import type { LineIssue } from './event-log-issue';
import type { EventLogReadOptions, EventLogReadResult } from './event-log-read-result';
import type { EventRecord } from './event-record';
import { parseEventLog } from './parse-event-log';
import { readEventLog } from './read-event-log';

/** A small case log with Chinese text (3-byte UTF-8), an astral character (4 bytes), CRLF, blanks and bad lines. */
const LOG = [
  '{"id":"e1","caseId":"办-1","matterId":"JS-SGXK-001","flowVersion":"1","activity":"received","status":1,"at":"2025-03-03T09:30:00+08:00","source":"system","attrs":{"窗口":"3号窗口𠀀"}}\r',
  '',
  '{"id":"e2","caseId":"办-1","matterId":"JS-SGXK-001","flowVersion":"1","activity":"supplement-started","status":6,"at":"2025-03-03T10:00:00+08:00","source":"system","reason":{"kind":"materials-incomplete","text":"缺少施工图审查合格书"}}',
  '{"id":"e3", 不是JSON}',
  '{"id":"e4","caseId":"办-1","matterId":"JS-SGXK-001","flowVersion":"1","activity":"meeting","at":"2025-03-04T15:00:00Z","source":"evidence","备注":"专家会"}',
  '{"id":"e5","caseId":"办-1","matterId":"JS-SGXK-001","flowVersion":"1","activity":"supplement-ended","status":7,"at":"2025-03-10T09:00:00+08:00","source":"system"}',
].join('\n');

async function* chunksOf<T>(chunks: readonly T[]): AsyncGenerator<T> {
  yield* chunks;
}

async function readAll(
  source: AsyncIterable<string | Uint8Array>,
  options?: EventLogReadOptions,
): Promise<EventLogReadResult> {
  const reader = readEventLog(source, options);
  const records: EventRecord[] = [];
  for await (const record of reader) records.push(record);
  return { records, issues: [...reader.issues], counts: reader.counts };
}

/** Iterates to the end; returns how many records came out. */
async function drain(records: AsyncIterable<EventRecord>): Promise<number> {
  let n = 0;
  for await (const record of records) n += record.id === '' ? 0 : 1;
  return n;
}

/** Splits `bytes` at the given offsets (sorted, within bounds). */
function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

describe('readEventLog', () => {
  const bytes = new TextEncoder().encode(LOG);
  const batch = parseEventLog(LOG);

  it('reads the same as parseEventLog', async () => {
    expect(batch.counts).toEqual({ read: 5, accepted: 3, rejected: 2 });
    expect(await readAll(chunksOf([LOG]))).toEqual(batch);
  });

  it('gives the same result for bytes split at every offset, mid-character included', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await readAll(chunksOf(splitAt(bytes, [cut])))).toEqual(batch);
    }
  });

  it('gives the same result for one byte per chunk and for one UTF-16 unit per string chunk', async () => {
    expect(await readAll(chunksOf([...bytes].map((b) => Uint8Array.of(b))))).toEqual(batch);
    expect(await readAll(chunksOf(LOG.split('')))).toEqual(batch);
  });

  it('skips a byte-order mark at the start of the bytes', async () => {
    const withBom = Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes);
    expect(await readAll(chunksOf(splitAt(withBom, [2])))).toEqual(batch);
  });

  it('reads a Node file stream directly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'permitflow-'));
    try {
      const path = join(dir, 'case.jsonl');
      await writeFile(path, LOG, 'utf8');
      expect(await readAll(createReadStream(path, { highWaterMark: 7 }))).toEqual(batch);
      expect(await readAll(createReadStream(path, { encoding: 'utf8', highWaterMark: 5 }))).toEqual(batch);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps counts and issues up to date while iterating', async () => {
    const reader = readEventLog(chunksOf([LOG]));
    const seen: [string, number, number][] = [];
    for await (const record of reader) seen.push([record.id, reader.counts.read, reader.issues.length]);
    expect(seen).toEqual([
      ['e1', 1, 0],
      ['e2', 2, 0],
      ['e5', 5, 3],
    ]);
  });

  it('stores at most maxIssues issues, keeps counting, and calls onIssue for every issue', async () => {
    const called: LineIssue[] = [];
    const reader = readEventLog(chunksOf([LOG]), { maxIssues: 1, onIssue: (i) => called.push(i) });
    expect(await drain(reader)).toBe(3);
    expect(reader.issues.map((i) => [i.line, i.code])).toEqual([[4, 'invalid-json']]);
    expect(called.map((i) => [i.line, i.code])).toEqual([
      [4, 'invalid-json'],
      [5, 'unknown-field'],
      [5, 'evidence-kind'],
    ]);
    expect(reader.issuesDropped).toBe(2);
    expect(reader.counts).toEqual({ read: 5, accepted: 3, rejected: 2 });
  });

  it('closes the source when the loop stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield LOG;
        yield LOG;
      } finally {
        closed = true;
      }
    }
    for await (const record of readEventLog(source())) {
      expect(record.id).toBe('e1');
      break;
    }
    expect(closed).toBe(true);
  });

  it('refuses to be iterated twice', async () => {
    const reader = readEventLog(chunksOf([LOG]));
    await drain(reader);
    expect(() => reader[Symbol.asyncIterator]()).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: This EventLogReader has already been iterated; its source is consumed. Call readEventLog again with a fresh source.]`);
  });

  it('gives the same result as parseEventLog for any chunking of any log', async () => {
    await fc.assert(
      fc.asyncProperty(
        mixedLogArbitrary,
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.boolean(),
        fc.uniqueArray(fc.nat(), { maxLength: 12 }),
        async (lines, eol, finalEol, rawCuts) => {
          const text = joinLines(lines, eol, finalEol);
          const encoded = new TextEncoder().encode(text);
          const cuts = rawCuts.map((c) => c % (encoded.length + 1)).sort((a, b) => a - b);
          expect(await readAll(chunksOf(splitAt(encoded, cuts)))).toEqual(parseEventLog(text));
        },
      ),
    );
  });
});
