/**
 * Reading benchmark: records per second of a JSON Lines log read with `readEventLog` (lines, JSON,
 * the record check), and of `detectOffSystemWorkInLog` (the same reading, then every detector: what
 * `permitflow detect <log.jsonl>` runs), side by side in one run with the bare loop a reader cannot
 * beat: split the text into lines and `JSON.parse` each one.
 *
 *   npx tsx bench/reading.bench.ts
 *
 * The log is `generateLog` (seed 20251126, every injectable code at 3 %) replicated with renamed ids,
 * as the detection bench builds it, written as JSON Lines into 64 KiB strings held in memory: the
 * disk is not timed. No target is set for reading; the rows are kept for the record.
 */
import { pathToFileURL } from 'node:url';
import { detectOffSystemWorkInLog } from '../src/detection';
import { readEventLog, serializeEventRecord } from '../src/event-log';
import { generateLog, INJECTABLE_DEVIATION_CODES } from '../src/simulation';
import { compare, copyOf, formatTable, type BenchRow, type CompareOptions } from './_lib';

const TARGET_RECORDS = 300_000;
const CHUNK = 64 * 1024;
const INJECT = Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.03]));

/** Options of {@link runReadingBench}. */
export interface ReadingBenchOptions extends CompareOptions {
  /** Records in the log (default 300,000). */
  readonly records?: number;
}

let sink = 0;

/** The log's text in chunks of about 64 KiB, each ending wherever the bytes fall (mid-line too). */
function chunksOf(lines: readonly string[]): string[] {
  const text = `${lines.join('\n')}\n`;
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  return chunks;
}

async function* stream(chunks: readonly string[]): AsyncGenerator<string> {
  yield* chunks;
}

/** The bare loop: lines cut out of the chunks, each parsed as JSON; returns how many. */
function parseLines(chunks: readonly string[]): number {
  let partial = '';
  let n = 0;
  for (const chunk of chunks) {
    const text = partial + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
      if (end > start && JSON.parse(text.slice(start, end)) !== null) n++;
    }
    partial = text.slice(start);
  }
  return n;
}

async function countRead(chunks: readonly string[]): Promise<number> {
  let n = 0;
  for await (const record of readEventLog(stream(chunks))) if (record.id.length > 0) n++;
  return n;
}

/** Runs the reading benchmark and returns its rows. */
export async function runReadingBench(options: ReadingBenchOptions = {}): Promise<BenchRow[]> {
  const target = options.records ?? TARGET_RECORDS;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const { records: base } = generateLog({ seed: 20_251_126, cases: Math.ceil(target / 4 / 11.2), inject: INJECT });
  const lines: string[] = [];
  for (let copy = 1; lines.length < target; copy++) for (const record of copyOf(base, `r${copy}`)) lines.push(serializeEventRecord(record));
  const chunks = chunksOf(lines);

  // Checked before timed: every line is read back as a record, and detection accepts them all.
  const read = await countRead(chunks);
  const detected = await detectOffSystemWorkInLog(stream(chunks));
  if (read !== lines.length || parseLines(chunks) !== lines.length || detected.stats.accepted !== lines.length) {
    throw new Error(`reading bench: ${lines.length} lines, ${read} read, ${detected.stats.accepted} accepted by detection`);
  }
  console.error(`reading bench: ${fmt(lines.length)} lines (${(chunks.length * CHUNK / 1024 / 1024).toFixed(0)} MB of JSON Lines), ${fmt(detected.findings.length)} findings`);

  const result = await compare(
    [
      { name: 'readEventLog', run: async () => (sink += await countRead(chunks)) },
      { name: 'detectOffSystemWorkInLog', run: async () => (sink += (await detectOffSystemWorkInLog(stream(chunks))).findings.length) },
      { name: 'JSON.parse', run: () => (sink += parseLines(chunks)) },
    ],
    { rounds: 3, minMs: 1000, warmupMs: 0, settleMs: 1000, ...options },
  );
  const rate = (name: string) => result.median.get(name)! * lines.length;
  const row = (name: string, what: string): BenchRow => ({
    name: `${what} over a ${fmt(lines.length / 1000)}k-line log`,
    ours: rate(name),
    baseline: rate('JSON.parse'),
    baselineName: 'split into lines + JSON.parse each',
    ratio: result.ratio('JSON.parse', name),
    target: 'overhead, for the record (no target)',
    unit: 'records/s',
  });
  return [row('readEventLog', 'readEventLog'), row('detectOffSystemWorkInLog', 'detectOffSystemWorkInLog (read + all detectors)')];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTable(await runReadingBench()));
  if (sink === 0.5) console.log(sink); // keeps the results observable
}
