import type { BenchRow } from './bench-row';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The rows of one bench run in several processes, row by row: the median of each figure and of the
 * ratios (the verdict is the median ratio's), with every process's ratio, in run order, in `runs`.
 * @throws {Error} when the runs do not give the same rows in the same order.
 */
export function medianRows(runs: readonly (readonly BenchRow[])[]): BenchRow[] {
  const first = runs[0] ?? [];
  for (const run of runs) {
    if (run.length !== first.length || run.some((row, i) => row.name !== first[i]!.name)) {
      throw new Error(`the runs gave different rows: ${first.map((r) => r.name).join('; ')} vs ${run.map((r) => r.name).join('; ')}`);
    }
  }
  return first.map((row, i) => {
    const ratios = runs.map((run) => run[i]!.ratio);
    return {
      ...row,
      ours: median(runs.map((run) => run[i]!.ours)),
      baseline: median(runs.map((run) => run[i]!.baseline)),
      ratio: median(ratios),
      runs: ratios,
    };
  });
}
