import type { Measurement } from './measurement';
import type { Distribution, GroupSummary, MeasurementSummary } from './summary';

/** Options of {@link formatMeasurementMarkdown}. */
export interface MeasurementReportOptions {
  /** The report's top heading (default `一件事 measurement report`). */
  readonly title?: string;
  /** Measurements to list as the slowest, in the order given (the caller picks and sorts them). */
  readonly slowest?: readonly Measurement[];
}

/** A count with thousands separators, independent of the locale: `123,456`. */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One decimal, and never `-0.0`. */
function formatMean(n: number): string {
  const text = n.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

/** A day count as measured: whole days as they are, anything else to one decimal. */
function formatDays(n: number): string {
  return Number.isInteger(n) ? String(n) : formatMean(n);
}

/** A share as a percentage with one decimal; `–` when there is nothing to rate. */
function formatRate(rate: number | undefined): string {
  return rate === undefined ? '–' : `${formatMean(rate * 100)}%`;
}

/** `P50 / P90` of a distribution; `–` when it has no values. */
function medianP90(d: Distribution): string {
  return d.count === 0 ? '–' : `${formatDays(d.p50)} / ${formatDays(d.p90)}`;
}

/** The share of limits kept with its counts: `91.7% (110/120)`. */
function limitCell(group: GroupSummary): string {
  if (group.limitMetRate === undefined) return '–';
  return `${formatRate(group.limitMetRate)} (${formatCount(Math.round(group.limitMetRate * group.limitChecked))}/${formatCount(group.limitChecked)})`;
}

/** Text safe inside a table cell: no pipes that split it, no newlines that end the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A Markdown table; `numeric` columns are right-aligned. */
function table(header: readonly string[], numeric: readonly boolean[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/** Columns every group table shares, after its own name columns. */
const TIME_HEADER = ['Completed', 'Failed', 'Open', 'Official P50 / P90', 'Experienced P50 / P90', 'Gap P50 / P90', 'Off-system mean'];

function timeCells(group: GroupSummary): string[] {
  return [
    formatCount(group.completed),
    formatCount(group.failed),
    formatCount(group.open),
    medianP90(group.official.workingDays),
    medianP90(group.experienced.workingDays),
    medianP90(group.gap.workingDays),
    group.offSystemWorkingDays.count === 0 ? '–' : formatMean(group.offSystemWorkingDays.mean),
  ];
}

/** A table of bundle-level groups (by type, by month): outcomes, times, limits, trips, materials. */
function bundleTable(nameHeader: string, groups: readonly GroupSummary[]): string[] {
  const header = [nameHeader, 'Bundles', ...TIME_HEADER, 'Promised limit met', '最多跑一次', '一套材料'];
  const numeric = header.map((_, i) => i > 0);
  const rows = groups.map((g) => [cell(g.label), formatCount(g.count), ...timeCells(g), limitCell(g), formatRate(g.atMostOneTripRate), formatRate(g.oneSetOfMaterialsRate)]);
  return table(header, numeric, rows);
}

function section(heading: string, groups: readonly GroupSummary[], what: string, render: () => string[]): string[] {
  return ['', `## ${heading}`, '', ...(groups.length === 0 ? [`_No ${what} measured._`] : render())];
}

function headline(overall: GroupSummary): string[] {
  const { official, experienced, gap } = overall;
  const bundles = overall.count === 1 ? 'bundle' : 'bundles';
  const lines = [`**${formatCount(overall.count)} ${bundles} measured**: ${formatCount(overall.completed)} completed, ${formatCount(overall.failed)} failed, ${formatCount(overall.open)} open.`];
  if (overall.count === 0) return lines;
  const row = (name: string, d: Distribution): string[] => [name, formatDays(d.p50), formatDays(d.p90), formatMean(d.mean)];
  const gapRow = row('**Gap: experienced − official (体外循环)**', gap.workingDays).map((text, i) => (i === 0 ? text : `**${text}**`));
  lines.push(
    '',
    ...table(
      ['Working days', 'Median', 'P90', 'Mean'],
      [false, true, true, true],
      [row('Official (as statistics count it)', official.workingDays), row('Experienced (as the applicant lives it)', experienced.workingDays), gapRow],
    ),
    '',
    `In natural days: official median ${formatDays(official.naturalDays.p50)}, experienced median ${formatDays(experienced.naturalDays.p50)}, gap median ${formatDays(gap.naturalDays.p50)}.`,
    '',
    `- Off-system work found by detection: mean ${formatMean(overall.offSystemWorkingDays.mean)} working days per bundle, P90 ${formatDays(overall.offSystemWorkingDays.p90)}.`,
    overall.limitMetRate === undefined
      ? '- Promised limits met (承诺时限): – (no bundle with a limit and a verdict).'
      : `- Promised limits met (承诺时限): ${limitCell(overall)} of bundles with a limit and a verdict.`,
  );
  if (overall.atMostOneTripRate !== undefined) {
    const trips = overall.trips;
    const tripFigures = trips === undefined ? '' : `; trips per bundle mean ${formatMean(trips.mean)}, P90 ${formatDays(trips.p90)}`;
    lines.push(`- 最多跑一次 (at most one trip): ${formatRate(overall.atMostOneTripRate)} of bundles${tripFigures}.`);
  }
  if (overall.oneSetOfMaterialsRate !== undefined) {
    lines.push(`- 一套材料 (no material handed over twice): ${formatRate(overall.oneSetOfMaterialsRate)} of bundles.`);
  }
  return lines;
}

function slowestTable(slowest: readonly Measurement[]): string[] {
  const header = ['#', 'Bundle', 'Type', 'Month', 'Outcome', 'Experienced', 'Official', 'Gap', 'Off-system', 'Trips', 'Promised limit'];
  const numeric = [true, false, false, false, false, true, true, true, true, true, false];
  const rows = slowest.map((m, i) => {
    const limit = m.promised === undefined ? '–' : `${formatDays(m.promised.limitWorkingDays)}${m.promised.met === undefined ? '' : m.promised.met ? ' (met)' : ' (missed)'}`;
    return [
      String(i + 1),
      cell(m.id),
      cell(m.name),
      m.month,
      m.outcome,
      formatDays(m.experienced.workingDays),
      formatDays(m.official.workingDays),
      formatDays(m.experienced.workingDays - m.official.workingDays),
      formatDays(m.offSystem.workingDays),
      formatCount(m.trips),
      limit,
    ];
  });
  return table(header, numeric, rows);
}

/**
 * Formats a measurement summary as a Markdown report a supervisor reads: a headline (bundles
 * measured; median and P90 official vs experienced working days and their gap, the headline measure
 * of 体外循环; promised limits kept; 最多跑一次 and 一套材料 rates), then one table each by bundle type,
 * stage, department and month, and optionally the slowest measurements. Days are working days;
 * percentiles and single figures are shown as measured, means to one decimal, rates as percentages
 * to one decimal, `–` where there is nothing to show.
 * @example
 * const summary = summarizeMeasurements(measurements);
 * const slowest = [...measurements].sort(compareSlowest).slice(0, 10);
 * await writeFile('report.md', formatMeasurementMarkdown(summary, { slowest }));
 */
export function formatMeasurementMarkdown(summary: MeasurementSummary, options: MeasurementReportOptions = {}): string {
  const { title = '一件事 measurement report', slowest = [] } = options;
  const lines = [`# ${title}`, '', ...headline(summary.overall)];
  if (summary.overall.count > 0) {
    const definitionLabels = new Map(summary.byDefinition.map((g) => [g.key, g.label]));
    lines.push(
      ...section('By bundle type', summary.byDefinition, 'bundle types', () => bundleTable('Bundle type', summary.byDefinition)),
      ...section('By stage', summary.byStage, 'stages', () => {
        const header = ['Bundle type', 'Stage', 'Stages', ...TIME_HEADER, 'Stage limit met'];
        const rows = summary.byStage.map((g) => {
          const definitionId = g.key.slice(0, g.key.lastIndexOf('/'));
          return [cell(definitionLabels.get(definitionId) ?? definitionId), cell(g.label), formatCount(g.count), ...timeCells(g), limitCell(g)];
        });
        return table(header, header.map((_, i) => i > 1), rows);
      }),
      ...section('By department', summary.byDepartment, 'departments', () => {
        const header = ['Department', 'Matters', ...TIME_HEADER, 'Promised limit met'];
        const rows = summary.byDepartment.map((g) => [cell(g.label), formatCount(g.count), ...timeCells(g), limitCell(g)]);
        return table(header, header.map((_, i) => i > 0), rows);
      }),
      ...section('By month', summary.byMonth, 'months', () => bundleTable('Month', summary.byMonth)),
    );
  }
  if (slowest.length > 0) {
    lines.push('', '## Slowest bundles', '', 'Working days; gap is experienced − official.', '', ...slowestTable(slowest));
  }
  lines.push(
    '',
    'Official time is counted as statistics count it (from acceptance, 补正 and 特别程序 removed, failed attempts dropped); experienced time as the applicant lives it (from the first receipt or evidence of work to the final result). P50/P90 are nearest-rank percentiles.',
  );
  return `${lines.join('\n')}\n`;
}
