import { PermitflowError } from '../errors';
import type { Measurement } from '../measure';
import { escapeXml } from './_internal/escape-xml';
import { FONT_STACK, formatDays, nearestRank, niceTicks } from './_internal/format';

/** Options of {@link toDistributionSvg}. */
export interface ToDistributionSvgOptions {
  /** The chart title (also the SVG's accessible name); defaults to a description of the chart. */
  readonly title?: string;
  /** Width and height in CSS pixels; default 640 × 360. */
  readonly width?: number;
  readonly height?: number;
  /** Prefix of the ids inside the SVG, unique per page when several charts share one; default `permitflow-distribution`. */
  readonly idPrefix?: string;
  /**
   * The working-day axis: `linear`, `log` (position by log(1 + days), ticks 0, 1, 2, 5, 10, 20, 50…),
   * or `auto` (the default): log when the longest time is more than ten times the larger median —
   * as when 开办企业 (a few days) and construction projects (months) share one chart — else linear.
   */
  readonly scale?: 'linear' | 'log' | 'auto';
}

const COLORS = { official: '#1f77b4', experienced: '#d62728', grid: '#e3e3e3', axis: '#444', text: '#222' } as const;
const MARGIN = { top: 40, right: 20, bottom: 48, left: 56 } as const;

/** One series of the chart: its values in ascending order and their P50 and P90. */
interface Series {
  readonly key: 'official' | 'experienced';
  readonly label: string;
  readonly values: readonly number[];
  readonly p50: number;
  readonly p90: number;
  readonly dash?: string;
}

const n = (value: number): string => String(Math.round(value * 100) / 100);

function series(key: Series['key'], label: string, values: number[], dash?: string): Series {
  const sorted = values.sort((a, b) => a - b);
  return { key, label, values: sorted, p50: nearestRank(sorted, 50), p90: nearestRank(sorted, 90), ...(dash ? { dash } : {}) };
}

/** Log-axis ticks: 0, then 1, 2, 5 times the powers of ten, up to the first at or above `max`. */
function logTicks(max: number): number[] {
  const ticks = [0];
  for (let power = 1; ticks.at(-1)! < max; power *= 10) {
    for (const m of [1, 2, 5]) {
      ticks.push(m * power);
      if (m * power >= max) break;
    }
  }
  return ticks.length === 1 ? [0, 1] : ticks;
}

function checkSize(name: string, value: number, least: number): number {
  if (!Number.isFinite(value) || value < least) {
    throw new PermitflowError('invalid-argument', `toDistributionSvg: options.${name} is ${value}; give a number of pixels of at least ${least}.`);
  }
  return value;
}

/**
 * Draws the distribution of official and experienced working days over a set of measurements as a
 * self-contained SVG: two empirical cumulative distribution curves (share of bundles done within
 * x working days), a legend, labelled axes with ticks, and the P50 and P90 (nearest rank) of each
 * series marked and labelled. The gap between the curves is time the applicant lived that the
 * statistics did not count. The day axis turns logarithmic when the times spread over orders of
 * magnitude (option `scale`). Same input, same text; `role="img"` with `<title>` and `<desc>`.
 * Throws `invalid-argument` for no measurements.
 * @example
 * writeFileSync('distribution.svg', toDistributionSvg(measurements, { title: '工程建设项目审批 2025' }));
 */
export function toDistributionSvg(measurements: readonly Measurement[], options: ToDistributionSvgOptions = {}): string {
  if (measurements.length === 0) {
    throw new PermitflowError('invalid-argument', 'toDistributionSvg got no measurements; pass at least one Measurement (a distribution of nothing has no shape).');
  }
  const width = checkSize('width', options.width ?? 640, 240);
  const height = checkSize('height', options.height ?? 360, 160);
  const id = (options.idPrefix ?? 'permitflow-distribution').replace(/[^A-Za-z0-9_-]/g, '-');
  measurements.forEach((m, i) => {
    for (const [what, v] of [['official', m.official.workingDays], ['experienced', m.experienced.workingDays]] as const) {
      if (!Number.isFinite(v) || v < 0) {
        throw new PermitflowError('invalid-argument', `toDistributionSvg: measurements[${i}] (${m.id}) has ${what}.workingDays ${v}; working days are a finite number ≥ 0.`);
      }
    }
  });
  const all = [
    series('official', 'official 统计用时', measurements.map((m) => m.official.workingDays)),
    series('experienced', 'experienced 实际体验', measurements.map((m) => m.experienced.workingDays), '6 3'),
  ];
  const count = measurements.length;
  const title = options.title ?? `Working days to result: official vs experienced (${count} ${count === 1 ? 'bundle' : 'bundles'})`;
  const desc =
    `Cumulative share of ${count} measured ${count === 1 ? 'bundle' : 'bundles'} finished within a number of working days. ` +
    all.map((s) => `${s.label}: P50 ${formatDays(s.p50)} wd, P90 ${formatDays(s.p90)} wd, max ${formatDays(s.values.at(-1)!)} wd.`).join(' ');

  const longest = Math.max(...all.map((s) => s.values.at(-1)!));
  const scale = options.scale ?? 'auto';
  if (scale !== 'linear' && scale !== 'log' && scale !== 'auto') {
    throw new PermitflowError('invalid-argument', `toDistributionSvg: options.scale is ${JSON.stringify(scale)}; give 'linear', 'log' or 'auto'.`);
  }
  const log = scale === 'log' || (scale === 'auto' && longest > 10 * Math.max(1, ...all.map((s) => s.p50)));
  const ticks = log ? logTicks(longest) : niceTicks(longest, 6);
  const xMax = ticks.at(-1)!;
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const axisFraction = log ? (days: number) => Math.log10(1 + days) / Math.log10(1 + xMax) : (days: number) => days / xMax;
  const x = (days: number) => plot.left + axisFraction(days) * (plot.right - plot.left);
  const y = (share: number) => plot.bottom - share * (plot.bottom - plot.top);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-chart="distribution" data-scale="${log ? 'log' : 'linear'}" font-family='${FONT_STACK}' font-size="12">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  );
  // Grid and axes.
  out.push(`<g data-part="grid" stroke="${COLORS.grid}" stroke-width="1">`);
  for (const t of ticks) out.push(`<line x1="${n(x(t))}" y1="${n(plot.top)}" x2="${n(x(t))}" y2="${n(plot.bottom)}"/>`);
  for (let s = 0; s <= 1.0001; s += 0.25) out.push(`<line x1="${n(plot.left)}" y1="${n(y(s))}" x2="${n(plot.right)}" y2="${n(y(s))}"/>`);
  out.push('</g>');
  out.push(`<g data-part="x-axis" fill="${COLORS.text}" text-anchor="middle">`);
  out.push(`<line x1="${n(plot.left)}" y1="${n(plot.bottom)}" x2="${n(plot.right)}" y2="${n(plot.bottom)}" stroke="${COLORS.axis}"/>`);
  for (const t of ticks) {
    out.push(`<line x1="${n(x(t))}" y1="${n(plot.bottom)}" x2="${n(x(t))}" y2="${n(plot.bottom + 5)}" stroke="${COLORS.axis}"/>`);
    out.push(`<text x="${n(x(t))}" y="${n(plot.bottom + 18)}" data-tick="${formatDays(t)}">${formatDays(t)}</text>`);
  }
  out.push(`<text x="${n((plot.left + plot.right) / 2)}" y="${n(height - 10)}">working days 工作日${log ? ' (log scale 对数刻度)' : ''}</text>`, '</g>');
  out.push(`<g data-part="y-axis" fill="${COLORS.text}" text-anchor="end">`);
  out.push(`<line x1="${n(plot.left)}" y1="${n(plot.top)}" x2="${n(plot.left)}" y2="${n(plot.bottom)}" stroke="${COLORS.axis}"/>`);
  for (let s = 0; s <= 1.0001; s += 0.25) {
    out.push(`<line x1="${n(plot.left - 5)}" y1="${n(y(s))}" x2="${n(plot.left)}" y2="${n(y(s))}" stroke="${COLORS.axis}"/>`);
    out.push(`<text x="${n(plot.left - 8)}" y="${n(y(s) + 4)}">${Math.round(s * 100)}%</text>`);
  }
  out.push(
    `<text transform="translate(14 ${n((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle">share done 办结占比</text>`,
    '</g>',
  );
  // P50 and P90 guides.
  out.push(`<g data-part="percentile-guides" stroke="#999" stroke-width="1" stroke-dasharray="2 3">`);
  for (const share of [0.5, 0.9]) out.push(`<line x1="${n(plot.left)}" y1="${n(y(share))}" x2="${n(plot.right)}" y2="${n(y(share))}"/>`);
  out.push('</g>');
  // The step curves: F(x) = share of values ≤ x, flat before the first and after the last value.
  for (const s of all) {
    const color = COLORS[s.key];
    let d = `M${n(x(0))} ${n(y(0))}`;
    s.values.forEach((v, i) => {
      if (s.values[i + 1] === v) return;
      d += ` H${n(x(v))} V${n(y((i + 1) / count))}`;
    });
    d += ` H${n(x(xMax))}`;
    out.push(
      `<path data-series="${s.key}" d="${d}" fill="none" stroke="${color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
  }
  // Markers: where each curve reaches 50% and 90%, labelled with the day count.
  out.push(`<g data-part="percentiles" font-size="11">`);
  for (const s of all) {
    const color = COLORS[s.key];
    for (const [name, value, share] of [['P50', s.p50, 0.5], ['P90', s.p90, 0.9]] as const) {
      const cx = x(value);
      const cy = y(share);
      // Official labels go left of their curve (the faster one), experienced right, unless the edge is too near.
      const left = s.key === 'official' ? cx - plot.left > 56 : plot.right - cx < 56;
      out.push(
        `<g data-marker="${s.key}-${name.toLowerCase()}" data-value="${formatDays(value)}">`,
        `<circle cx="${n(cx)}" cy="${n(cy)}" r="4" fill="${color}" stroke="#fff" stroke-width="1"/>`,
        `<text x="${n(cx + (left ? -7 : 7))}" y="${n(cy + (s.key === 'official' ? -5 : 13))}" fill="${color}" text-anchor="${left ? 'end' : 'start'}">${name} ${formatDays(value)}</text>`,
        '</g>',
      );
    }
  }
  out.push('</g>');
  // Legend, above the plot.
  out.push(`<g data-part="legend" fill="${COLORS.text}">`);
  all.forEach((s, i) => {
    const lx = plot.left + i * 200;
    out.push(
      `<line x1="${n(lx)}" y1="18" x2="${n(lx + 28)}" y2="18" stroke="${COLORS[s.key]}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      `<text x="${n(lx + 34)}" y="22">${escapeXml(s.label)}</text>`,
    );
  });
  out.push(`<text x="${n(plot.right)}" y="22" text-anchor="end">n = ${count}</text>`, '</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
