import { mulberry32 } from '../../_internal/mulberry32';

/** The draws the simulator needs, all from one mulberry32 stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** A float in [lo, hi). */
  between(lo: number, hi: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A lognormal draw with the given median and log-scale spread. */
  lognormal(median: number, sigma: number): number;
  /** A fresh 32-bit seed for a sub-stream. */
  seed(): number;
}

/** A {@link Random} seeded with `seed`. */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    between: (lo, hi) => lo + next() * (hi - lo),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    seed: () => Math.floor(next() * 4294967296) >>> 0,
  };
}
