import type { Measurement } from '../../measure';
import { escapeXml } from './escape-xml';
import { FONT_STACK, formatDays } from './format';
import { offsetOf, parseInstant, wallTime } from './instant';
import { timelineModel } from './timeline-model';
import type { TimelineBar } from './timeline-model';

/** Options of {@link timelineSvg}. */
export interface TimelineSvgOptions {
  readonly width?: number;
  /** Prefix of the ids inside the SVG; default `permitflow-timeline`. */
  readonly idPrefix?: string;
}

const DAY_MS = 86_400_000;
const ROW = 22;
const LABEL_WIDTH = 300;
const FILL = { matter: '#1f77b4', critical: '#d62728', pause: '#9e9e9e', 'off-system': '#ff7f0e' } as const;
const n = (value: number): string => String(Math.round(value * 100) / 100);

/** Roughly how wide text is at 12px: CJK and other wide characters 12px, the rest 6.2px. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e80 ? 12 : 6.2;
  return w;
}

/** The text cut to fit `width` pixels, with an ellipsis when cut. */
function fit(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

function fill(b: TimelineBar): string {
  if (b.kind === 'matter') return b.critical ? FILL.critical : FILL.matter;
  return FILL[b.kind];
}

/**
 * Draws one measured bundle's timeline as a self-contained SVG Gantt chart: the same sections and
 * bars as {@link toGantt} (matters over their experienced periods, critical ones red; pauses grey;
 * off-system periods orange), a date axis at the bundle's offset, and a `<title>` on every bar.
 */
export function timelineSvg(measurement: Measurement, options: TimelineSvgOptions = {}): string {
  const model = timelineModel(measurement);
  const id = (options.idPrefix ?? 'permitflow-timeline').replace(/[^A-Za-z0-9_-]/g, '-');
  const width = Math.max(480, options.width ?? 900);
  const offset = offsetOf(measurement.experienced.from);
  const bars = model.sections.flatMap((s) => s.bars);
  const start = Math.min(...bars.map((b) => b.fromMs));
  const end = Math.max(...bars.map((b) => b.toMs), start + DAY_MS);
  const rows = model.sections.length + bars.length;
  const top = 28;
  const height = top + rows * ROW + 12;
  const plot = { left: LABEL_WIDTH + 8, right: width - 16 };
  const x = (ms: number) => plot.left + ((ms - start) / (end - start)) * (plot.right - plot.left);

  const title = `Timeline of ${measurement.name} (${measurement.id})`;
  const desc =
    `Experienced ${formatDays(measurement.experienced.workingDays)} working days from ${wallTime(parseInstant(measurement.experienced.from, 'measurement.experienced.from'), offset)} ` +
    `to ${wallTime(parseInstant(measurement.experienced.to, 'measurement.experienced.to'), offset)} (UTC${offset}); official ${formatDays(measurement.official.workingDays)} working days. ` +
    `${bars.filter((b) => b.kind === 'matter').length} matters, ${bars.filter((b) => b.kind === 'pause').length} pauses, ` +
    `${bars.filter((b) => b.kind === 'off-system').length} off-system periods.`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-chart="timeline" font-family='${FONT_STACK}' font-size="12">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  ];
  // Date ticks at local midnights (UTC midnight shifted by the offset), every 1, 2, 7, 14 or 28 days so that about ten fit.
  const spanDays = (end - start) / DAY_MS;
  const step = [1, 2, 7, 14, 28, 56, 112].find((d) => spanDays / d <= 10) ?? Math.ceil(spanDays / 10);
  const midnightShift = Date.parse(`2000-01-01T00:00:00${offset === 'Z' ? 'Z' : offset}`) - Date.parse('2000-01-01T00:00:00Z');
  const firstMidnight = Math.ceil((start - midnightShift) / DAY_MS) * DAY_MS + midnightShift;
  out.push(`<g data-part="axis" fill="#444" text-anchor="middle">`);
  for (let t = firstMidnight; t <= end; t += step * DAY_MS) {
    out.push(
      `<line x1="${n(x(t))}" y1="${top - 6}" x2="${n(x(t))}" y2="${height - 8}" stroke="#e3e3e3"/>`,
      `<text x="${n(x(t))}" y="${top - 10}" data-tick="${wallTime(t, offset).slice(0, 10)}">${wallTime(t, offset).slice(5, 10)}</text>`,
    );
  }
  out.push('</g>');
  let row = 0;
  for (const section of model.sections) {
    const y = top + row * ROW;
    out.push(
      `<g data-section="${escapeXml(section.kind)}">`,
      `<rect x="0" y="${y}" width="${width}" height="${ROW}" fill="#f3f4f6"/>`,
      `<text x="6" y="${y + 15}" font-weight="bold">${escapeXml(fit(section.label, width - 12))}</text>`,
    );
    row++;
    for (const b of section.bars) {
      const by = top + row * ROW;
      const x1 = x(b.fromMs);
      const w = Math.max(2, x(b.toMs) - x1);
      const indent = b.kind === 'pause' ? 30 : 16;
      const when = `${wallTime(b.fromMs, offset)} → ${wallTime(b.toMs, offset)}`;
      out.push(
        `<g data-bar="${b.kind}"${b.critical ? ' data-critical="true"' : ''}>`,
        `<title>${escapeXml(`${b.label}: ${when}`)}</title>`,
        `<text x="${indent}" y="${by + 15}" fill="${b.kind === 'pause' ? '#555' : '#222'}">${escapeXml(fit(b.label, LABEL_WIDTH - indent))}</text>`,
        `<rect x="${n(x1)}" y="${by + 4}" width="${n(w)}" height="${ROW - 8}" rx="2" fill="${fill(b)}"${b.kind === 'pause' ? ' fill-opacity="0.8"' : ''}/>`,
        '</g>',
      );
      row++;
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
