import type { BenchRow } from './bench-row';

/** Whether a row meets its target; `n/a` when the target is not a bound {@link verdictOf} can read. */
export type Verdict = 'PASS' | 'MISS' | 'n/a';

const BOUND = /^\s*(≤|<=|≥|>=)\s*(\d+(?:\.\d+)?)/;

/** Checks `row.ratio` against `row.target` (`≤ 1.5×`, `>= 50`, …). */
export function verdictOf(row: BenchRow): Verdict {
  const match = BOUND.exec(row.target);
  if (match === null || !Number.isFinite(row.ratio)) return 'n/a';
  const bound = Number(match[2]);
  const atMost = match[1] === '≤' || match[1] === '<=';
  return (atMost ? row.ratio <= bound : row.ratio >= bound) ? 'PASS' : 'MISS';
}

const rate = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

function figure(value: number, unit: string): string {
  return `${value >= 1000 ? rate.format(Math.round(value)) : rate.format(value)} ${unit}`;
}

function ratio(row: BenchRow, value = row.ratio): string {
  let text = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  // 1.504 against "≤ 1.5" must not print as "1.50× … MISS".
  const bound = BOUND.exec(row.target)?.[2];
  if (bound !== undefined && Number(text) === Number(bound) && value !== Number(bound)) text = value.toFixed(3);
  return `${text}×`;
}

/**
 * Formats rows as a Markdown table (readable in a terminal, pasteable into `docs/benchmarks.md`):
 * name, ours, baseline, ratio, target and PASS/MISS — and, for rows that are medians of several
 * processes, each process's ratio.
 */
export function formatTable(rows: readonly BenchRow[]): string {
  const perProcess = rows.some((row) => row.runs !== undefined);
  const header = ['benchmark', 'ours', 'baseline', perProcess ? 'median ratio' : 'ratio', 'target', 'verdict', ...(perProcess ? ['ratio per process'] : [])];
  const body = rows.map((row) => [
    row.name,
    figure(row.ours, row.unit),
    `${figure(row.baseline, row.unit)} (${row.baselineName})`,
    ratio(row),
    row.target,
    verdictOf(row),
    ...(perProcess ? [(row.runs ?? []).map((r) => ratio(row, r)).join(', ')] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
