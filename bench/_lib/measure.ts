/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Time budget of the timed part, in milliseconds (default 1000). */
  readonly minMs?: number;
  /** Time spent warming up (JIT, inline caches) before timing, in milliseconds (default `minMs / 4`, at most 250). */
  readonly warmupMs?: number;
}

/** What {@link measure} found. */
export interface Measurement {
  /** Operations per second over the timed part. */
  readonly opsPerSec: number;
  /** Operations timed. */
  readonly ops: number;
  /** Milliseconds timed. */
  readonly ms: number;
}

type Operation = () => unknown;

/** Target length of one timed batch: long enough that reading the timer costs nothing, short enough to stop near the budget. */
const BATCH_MS = 5;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

async function runBatch(fn: Operation, n: number, async: boolean): Promise<number> {
  const start = performance.now();
  if (async) {
    for (let i = 0; i < n; i++) await fn();
  } else {
    for (let i = 0; i < n; i++) fn();
  }
  return performance.now() - start;
}

/**
 * Runs `fn` repeatedly and reports its rate: a warm-up that also sizes batches to about 5 ms, then
 * whole batches until `minMs` has passed. `fn` may return a promise; it is then awaited, one call
 * at a time. Benchmarks read real time (`performance.now()`); library code never does.
 */
export async function measure(fn: Operation, options: MeasureOptions = {}): Promise<Measurement> {
  const minMs = options.minMs ?? 1000;
  const warmupMs = options.warmupMs ?? Math.min(250, minMs / 4);
  const async = isThenable(fn());
  if (async) await fn();

  let batch = 1;
  const warmupStart = performance.now();
  while (performance.now() - warmupStart < warmupMs) {
    const ms = await runBatch(fn, batch, async);
    if (ms < BATCH_MS) batch *= 2;
  }

  let ops = 0;
  let ms = 0;
  while (ms < minMs) {
    ms += await runBatch(fn, batch, async);
    ops += batch;
  }
  return { opsPerSec: (ops / ms) * 1000, ops, ms };
}

/** One contender of {@link compare}. */
export interface Contender {
  readonly name: string;
  /** One operation (e.g. one whole case); may return a promise. */
  readonly run: Operation;
}

/** Options of {@link compare}. */
export interface CompareOptions extends MeasureOptions {
  /** Rounds of every contender, interleaved; medians are kept (default 6). */
  readonly rounds?: number;
  /**
   * Untimed running of every contender before the first round, in milliseconds (default 1000):
   * V8 takes seconds, not milliseconds, to settle on optimized code for a path as deep as a
   * state machine's, and a first round without it measures the JIT.
   */
  readonly settleMs?: number;
}

/** Every order of `items` (for up to 4 of them), else its rotations. */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length > 4) return items.map((_, shift) => items.map((_, i) => items[(i + shift) % items.length]!));
  if (items.length <= 1) return [[...items]];
  return items.flatMap((first, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What {@link compare} found: ops/s of every contender in every round, and their medians. */
export interface Comparison {
  /** Ops/s by contender name, one map per round. */
  readonly rounds: ReadonlyArray<ReadonlyMap<string, number>>;
  /** Median ops/s by contender name. */
  readonly median: ReadonlyMap<string, number>;
  /**
   * The median over rounds of `rate(numerator) ÷ rate(denominator)`. Each round measures both
   * within seconds of each other, so a burst of load elsewhere skews one round, not the ratio.
   */
  ratio(numerator: string, denominator: string): number;
}

/**
 * Measures contenders side by side: each runs untimed for `settleMs`, then `rounds` rounds measure
 * every contender once. Rounds go through every order of the contenders, so each follows each
 * other equally often (make `rounds` a multiple of 6 for three) and pays the same share of the
 * garbage the others leave. Interleaving spreads the noise of a shared machine over all
 * contenders instead of landing on whichever ran during a burst; medians drop the rounds a burst
 * hit. No forced garbage collection between measurements: with one before each, the runtime's
 * overhead over raw xstate read about 2× in fresh processes against 1.4× without (and 1.4× in CPU
 * profiles), most likely because a full collection drops compiled code and type feedback that
 * the deeper call graph then has to win back.
 */
export async function compare(contenders: readonly Contender[], options: CompareOptions = {}): Promise<Comparison> {
  const roundCount = options.rounds ?? 6;
  for (const contender of contenders) await measure(contender.run, { minMs: options.settleMs ?? 1000, warmupMs: 0 });
  const sequence = orders(contenders);
  const rounds: Map<string, number>[] = [];
  for (let round = 0; round < roundCount; round++) {
    const rates = new Map<string, number>();
    for (const contender of sequence[round % sequence.length]!) {
      rates.set(contender.name, (await measure(contender.run, options)).opsPerSec);
    }
    rounds.push(rates);
  }
  const rate = (rates: ReadonlyMap<string, number>, name: string): number => {
    const value = rates.get(name);
    if (value === undefined) throw new Error(`compare: no contender named "${name}"`);
    return value;
  };
  return {
    rounds,
    median: new Map(contenders.map((c) => [c.name, median(rounds.map((r) => rate(r, c.name)))])),
    ratio: (numerator, denominator) => median(rounds.map((r) => rate(r, numerator) / rate(r, denominator))),
  };
}
