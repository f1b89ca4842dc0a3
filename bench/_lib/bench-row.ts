/**
 * One line of a benchmark table: our figure next to its baseline from the same run, and the ratio
 * the target is checked against.
 */
export interface BenchRow {
  /** What is measured, e.g. `10-step case: createFlowInstance vs raw createActor`. */
  name: string;
  /** Our figure, in `unit`. */
  ours: number;
  /** The baseline's figure, in `unit`, measured in the same run. */
  baseline: number;
  /** What the baseline is, e.g. `xstate createActor` or `bpmn-engine 25`. */
  baselineName: string;
  /**
   * The figure `target` is checked against, oriented as `target` says: an overhead (baseline
   * rate ÷ our rate, lower is better) or a speedup (our rate ÷ baseline rate, higher is better).
   * Benches with several rounds may give the median of the per-round ratios, which can differ a
   * little from `ours` and `baseline` (medians of their own).
   */
  ratio: number;
  /**
   * The bound `ratio` must meet: `≤ 1.5×` / `<= 1.5` (at most) or `≥ 50×` / `>= 50` (at least),
   * optionally followed by words (`≤ 1.5× overhead`). Anything else is printed with no verdict.
   */
  target: string;
  /** Unit of `ours` and `baseline`, e.g. `cases/s`. */
  unit: string;
  /** When the row is the median of several processes: each process's ratio, in run order. */
  runs?: readonly number[];
}
