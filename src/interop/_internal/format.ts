/** Font stack for charts and reports: system UI fonts, then common CJK fonts, so Chinese renders without downloads. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif';

/** A number of days with at most one decimal, the same on every machine: `3`, `2.5`. */
export function formatDays(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A share as a whole percentage, `–` when absent. */
export function formatRate(rate: number | undefined): string {
  return rate === undefined || Number.isNaN(rate) ? '–' : `${Math.round(rate * 100)}%`;
}

/** The nearest-rank percentile `p` (0–100) of ascending values; 0 for none. */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Round tick values from 0 to at least `max`: a step of 1, 2 or 5 times a power of ten, about `count` ticks. */
export function niceTicks(max: number, count = 5): number[] {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const value = Math.round(i * step * 1e6) / 1e6;
    ticks.push(value);
    if (value >= top) break;
  }
  return ticks;
}
