import { PermitflowError } from '../errors';
import type { Measurement } from '../measure';
import { offsetOf, wallTime } from './_internal/instant';
import { timelineModel } from './_internal/timeline-model';
import type { TimelineBar } from './_internal/timeline-model';
import { formatDays } from './_internal/format';

/** Options of {@link toGantt}. */
export interface ToGanttOptions {
  /** The chart title; defaults to the bundle's name with its experienced and official working days. */
  readonly title?: string;
  /** Mermaid's (d3) axis format; defaults to `%m-%d`. */
  readonly axisFormat?: string;
  /** The UTC offset dates are written in (`+08:00`); defaults to the offset of the bundle's experienced start. */
  readonly offset?: string;
}

// Words that start a Mermaid Gantt statement: a label starting with one would be read as that statement.
const KEYWORD = /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr|section|click|href|call)\b/i;
const FULL_WIDTH: Readonly<Record<string, string>> = { ':': '：', ';': '；', '#': '＃', '%': '％' };

/**
 * A label Mermaid's Gantt grammar takes: `:` `;` `#` `%` (task separator, statement end, comment)
 * become their full-width forms, line breaks spaces, and a label that starts with a keyword or a
 * date gets a full-width first letter or digit.
 */
export function escapeGanttLabel(label: string): string {
  let text = label.replace(/[:;#%]/g, (c) => FULL_WIDTH[c]!).replace(/\s+/g, ' ').trim();
  if (KEYWORD.test(text) || /^\d{4}-\d\d-\d\d/.test(text)) {
    text = String.fromCharCode(text.charCodeAt(0) + 0xfee0) + text.slice(1); // ASCII → full-width form
  }
  return text === '' ? '(unnamed)' : text;
}

const comment = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * Renders one measured bundle's timeline as a Mermaid Gantt chart: a section per stage (one section
 * for a bundle without stages), a task per matter over its experienced period (`crit` on the
 * critical path), its pauses (补正, 特别程序, stopped steps) as tasks after it, and the off-system
 * periods (体外循环) found by detection in their own section. Dates are local wall times at one
 * offset, to the minute. Matters with no record yet are listed as comments.
 * @example
 * const text = toGantt(measurement); // paste into a ```mermaid block
 * // gantt
 * //   title 工程建设项目审批 · experienced 42 wd · official 30 wd
 * //   dateFormat YYYY-MM-DD HH:mm
 * //   section 立项用地规划许可
 * //   用地规划许可 · natural-resources :crit, t1, 2025-09-22 09:00, 2025-10-10 17:00
 */
export function toGantt(measurement: Measurement, options: ToGanttOptions = {}): string {
  const model = timelineModel(measurement);
  const offset = options.offset ?? offsetOf(measurement.experienced.from);
  if (!/^(Z|[+-]\d{2}:\d{2})$/.test(offset)) {
    throw new PermitflowError('invalid-argument', `toGantt: options.offset is "${offset}"; write a UTC offset like "+08:00" or "Z".`);
  }
  const title =
    options.title ??
    `${measurement.name} · experienced ${formatDays(measurement.experienced.workingDays)} wd · official ${formatDays(measurement.official.workingDays)} wd`;
  const lines = [
    'gantt',
    `  title ${escapeGanttLabel(title)}`,
    '  dateFormat YYYY-MM-DD HH:mm',
    `  axisFormat ${(options.axisFormat ?? '%m-%d').replace(/[#;\n]/g, '')}`,
    `  %% ${comment(`${measurement.kind} ${measurement.id} (${measurement.definitionId}), ${measurement.outcome}, times at UTC${offset}`)}`,
  ];
  let n = 0;
  const task = (b: TimelineBar): string => {
    const id = `t${++n}`;
    const tags = b.critical ? 'crit, ' : b.kind === 'off-system' ? 'active, ' : b.kind === 'pause' ? 'done, ' : '';
    const from = wallTime(b.fromMs, offset);
    const to = wallTime(b.toMs, offset);
    // A bar shorter than a minute has no length at this resolution: show it as a milestone.
    const span = from === to ? `milestone, ${tags}${id}, ${from}, 0d` : `${tags}${id}, ${from}, ${to}`;
    return `    ${escapeGanttLabel(b.label)} :${span}`;
  };
  for (const section of model.sections) {
    lines.push(`  section ${escapeGanttLabel(section.label)}`);
    for (const b of section.bars) lines.push(task(b));
  }
  for (const matter of model.notStarted) lines.push(`  %% ${comment(`${matter.name} · ${matter.department} (${matter.matterId}) has no record yet`)}`);
  return `${lines.join('\n')}\n`;
}
