import type { Finding } from '../detection/finding';
import { compareSlowest, type Distribution, type GroupSummary, type Measurement, type MeasurementSummary } from '../measure';
import { PermitflowError } from '../errors';
import { escapeXml } from './_internal/escape-xml';
import { FONT_STACK, formatDays, formatRate } from './_internal/format';
import { timelineSvg } from './_internal/timeline-svg';
import { toDistributionSvg } from './to-distribution-svg';

/** What {@link toHtmlReport} reports on. */
export interface HtmlReportInput {
  /** The report's title, e.g. `工程建设项目审批 2025 年第三季度`. */
  readonly title: string;
  /** When the report was made, as the caller wants it shown (ISO-8601); passed in, never read from a clock. */
  readonly generatedAt: string;
  /** The aggregates: the headline and the table by bundle type come from here. */
  readonly summary: MeasurementSummary;
  /** The measurements summarised: the distribution chart and the slowest bundle's timeline come from here. */
  readonly measurements: readonly Measurement[];
  /** Detection findings; the ones that hid the most working days are listed. */
  readonly findings?: readonly Finding[];
}

/** Options of {@link toHtmlReport}. */
export interface ToHtmlReportOptions {
  /** How many findings to list, most hidden working days first; default 10. */
  readonly topFindings?: number;
  /** The page's language tag; default `zh-CN`. */
  readonly lang?: string;
}

const e = escapeXml;
const days = (d: Distribution | undefined): string => (d === undefined || d.count === 0 ? '–' : formatDays(d.p50));
const p90 = (d: Distribution | undefined): string => (d === undefined || d.count === 0 ? '–' : formatDays(d.p90));

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font-family: ${FONT_STACK}; font-size: 14px; line-height: 1.5; color: #1f2328; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.meta { color: #57606a; margin: 0 0 16px; }
.headline { font-size: 16px; max-width: 60em; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; padding: 0; list-style: none; }
.cards li { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; min-width: 140px; }
.cards b { display: block; font-size: 20px; }
table { border-collapse: collapse; margin: 8px 0; }
caption { text-align: left; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; background: #f6f8fa; }
figure { margin: 8px 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #eaeef2; }
figcaption { color: #57606a; margin-top: 4px; max-width: 60em; }
.legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; border-radius: 2px; }
.empty { color: #57606a; font-style: italic; }
td.message { max-width: 40em; }
`;

function headline(all: GroupSummary): string {
  if (all.count === 0) return '<p class="headline" data-headline="empty">No bundles were measured.</p>';
  const noun = all.count === 1 ? 'bundle' : 'bundles';
  const sentence =
    `<p class="headline" data-headline="gap">Across ${all.count} ${noun}, applicants waited a median of <strong>${days(all.experienced.workingDays)} working days</strong> ` +
    `(P90 ${p90(all.experienced.workingDays)}) from first contact to result, while the official figures counted <strong>${days(all.official.workingDays)}</strong> ` +
    `(P90 ${p90(all.official.workingDays)}). The median gap of <strong>${days(all.gap.workingDays)} working days</strong> is time the statistics do not see: ` +
    'pauses (补正, 特别程序) and work done off the system (体外循环).</p>';
  return [
    sentence,
    '<ul class="cards" data-part="cards">',
    `<li data-card="count"><b>${all.count}</b>${noun} (${all.completed} completed, ${all.failed} failed, ${all.open} open)</li>`,
    `<li data-card="gap"><b>${days(all.gap.workingDays)} wd</b>median gap 体验−统计</li>`,
    `<li data-card="off-system"><b>${days(all.offSystemWorkingDays)} wd</b>median off-system 体外循环</li>`,
    `<li data-card="limit-met"><b>${formatRate(all.limitMetRate)}</b>promised limit met 承诺时限达标</li>`,
    `<li data-card="one-trip"><b>${formatRate(all.atMostOneTripRate)}</b>最多跑一次</li>`,
    `<li data-card="one-set"><b>${formatRate(all.oneSetOfMaterialsRate)}</b>一套材料</li>`,
    '</ul>',
  ].join('\n');
}

function summaryRow(g: GroupSummary, cell: 'th' | 'td'): string {
  const label = g.by === 'all' ? 'All 合计' : `${e(g.label)}${g.label === g.key ? '' : ` <small>(${e(g.key)})</small>`}`;
  return [
    `<tr data-key="${e(g.key)}">`,
    `<${cell} scope="row">${label}</${cell}>`,
    `<td class="num" data-col="count">${g.count}</td>`,
    `<td class="num" data-col="official-p50">${days(g.official.workingDays)}</td>`,
    `<td class="num" data-col="official-p90">${p90(g.official.workingDays)}</td>`,
    `<td class="num" data-col="experienced-p50">${days(g.experienced.workingDays)}</td>`,
    `<td class="num" data-col="experienced-p90">${p90(g.experienced.workingDays)}</td>`,
    `<td class="num" data-col="gap-p50">${days(g.gap.workingDays)}</td>`,
    `<td class="num" data-col="limit-met">${formatRate(g.limitMetRate)}</td>`,
    `<td class="num" data-col="one-trip">${formatRate(g.atMostOneTripRate)}</td>`,
    `<td class="num" data-col="one-set">${formatRate(g.oneSetOfMaterialsRate)}</td>`,
    '</tr>',
  ].join('');
}

function summaryTable(summary: MeasurementSummary): string {
  const body = summary.byDefinition.length
    ? summary.byDefinition.map((g) => summaryRow(g, 'th')).join('\n')
    : '<tr data-key="none"><td colspan="10" class="empty">No bundle types.</td></tr>';
  return [
    '<table id="summary-table">',
    '<caption class="meta">Working days (P50 / P90, nearest rank) and rates by bundle type 一件事</caption>',
    '<thead><tr><th scope="col">Bundle type</th><th scope="col" class="num">Count</th>',
    '<th scope="col" class="num">Official P50</th><th scope="col" class="num">Official P90</th>',
    '<th scope="col" class="num">Experienced P50</th><th scope="col" class="num">Experienced P90</th>',
    '<th scope="col" class="num">Gap P50</th><th scope="col" class="num">Promised limit met</th>',
    '<th scope="col" class="num">最多跑一次</th><th scope="col" class="num">一套材料</th></tr></thead>',
    `<tbody>\n${body}\n</tbody>`,
    `<tfoot>${summaryRow(summary.overall, 'th')}</tfoot>`,
    '</table>',
  ].join('\n');
}

/** The slowest bundle, as {@link compareSlowest} ranks them. */
function slowest(measurements: readonly Measurement[]): Measurement | undefined {
  let found: Measurement | undefined;
  for (const m of measurements) if (found === undefined || compareSlowest(m, found) < 0) found = m;
  return found;
}

function timeline(measurements: readonly Measurement[]): string {
  const m = slowest(measurements);
  if (!m) return '<p class="empty" data-empty="timeline">No bundles to draw.</p>';
  const names = new Map(m.matters.map((matter) => [matter.matterId, matter.name]));
  const path = m.criticalPath.length ? ` Critical path: ${e(m.criticalPath.map((id) => names.get(id) ?? id).join(' → '))}.` : '';
  return [
    `<figure id="timeline-figure" data-measurement="${e(m.id)}">`,
    timelineSvg(m, { idPrefix: 'report-timeline' }).trimEnd(),
    `<figcaption>The slowest ${m.kind === 'case' ? 'case' : 'bundle'}: <strong>${e(m.name)}</strong> (${e(m.id)}), `,
    `experienced ${formatDays(m.experienced.workingDays)} working days, official ${formatDays(m.official.workingDays)}, `,
    `off-system ${formatDays(m.offSystem.workingDays)}.${path}`,
    '<span class="legend"><span style="background:#d62728"></span>critical-path matter',
    '<span style="background:#1f77b4"></span>matter<span style="background:#9e9e9e"></span>pause 补正 / 特别程序 / 停表',
    '<span style="background:#ff7f0e"></span>off-system 体外循环</span></figcaption>',
    '</figure>',
  ].join('\n');
}

/** Findings ranked by hidden working days (those with no estimate last), then code and case. */
function topFindings(findings: readonly Finding[], count: number): Finding[] {
  const key = (f: Finding) => `${f.code}\u0000${f.caseId ?? f.bundleId ?? ''}\u0000${f.recordIds.join(',')}`;
  return [...findings]
    .sort((a, b) => (b.hiddenWorkingDays ?? -1) - (a.hiddenWorkingDays ?? -1) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .slice(0, count);
}

function findingsTable(findings: readonly Finding[], count: number): string {
  if (findings.length === 0) return '<p class="empty" data-empty="findings">No findings.</p>';
  const top = topFindings(findings, count);
  const rows = top.map((f, i) =>
    [
      `<tr data-code="${e(f.code)}" data-severity="${e(f.severity)}">`,
      `<td class="num">${i + 1}</td>`,
      `<td data-col="code"><code>${e(f.code)}</code></td>`,
      `<td data-col="case">${e(f.caseId ?? f.bundleId ?? '–')}</td>`,
      `<td data-col="department">${e(f.department ?? '–')}</td>`,
      `<td class="num" data-col="hidden">${f.hiddenWorkingDays === undefined ? '–' : formatDays(f.hiddenWorkingDays)}</td>`,
      `<td data-col="severity">${e(f.severity)}</td>`,
      `<td class="message" data-col="message">${e(f.message)}</td>`,
      '</tr>',
    ].join(''),
  );
  return [
    '<table id="findings-table">',
    `<caption class="meta">Showing ${top.length} of ${findings.length} findings, most hidden working days first</caption>`,
    '<thead><tr><th scope="col" class="num">#</th><th scope="col">Code</th><th scope="col">Case 办件</th><th scope="col">Department</th>',
    '<th scope="col" class="num">Hidden wd</th><th scope="col">Severity</th><th scope="col">What to check</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/**
 * Renders a self-contained HTML report of a set of measured bundles: the headline and a table by
 * bundle type (count, P50/P90 official and experienced working days, gap, promised-limit met rate,
 * 最多跑一次 and 一套材料 rates), the distribution chart of official vs experienced working days, an
 * SVG timeline of the slowest bundle, and the findings that hid the most working days. Inline CSS
 * and SVG only: no scripts, no fonts or anything else to fetch (a Content-Security-Policy forbids
 * it), every text escaped. Sections have stable ids (`headline`, `summary`, `summary-table`,
 * `distribution`, `timeline`, `findings`, `findings-table`). Same input, same page.
 * @example
 * const html = toHtmlReport({ title: '一件事 2025 Q3', generatedAt: '2025-10-08T09:00:00+08:00', summary, measurements, findings });
 * writeFileSync('report.html', html);
 */
export function toHtmlReport(input: HtmlReportInput, options: ToHtmlReportOptions = {}): string {
  const count = options.topFindings ?? 10;
  if (!Number.isInteger(count) || count < 0) {
    throw new PermitflowError('invalid-argument', `toHtmlReport: options.topFindings is ${count}; give a whole number ≥ 0 of findings to list.`);
  }
  const lang = (options.lang ?? 'zh-CN').replace(/[^A-Za-z0-9-]/g, '');
  const distribution = input.measurements.length
    ? [
        '<figure id="distribution-figure">',
        toDistributionSvg(input.measurements, { idPrefix: 'report-distribution' }).trimEnd(),
        '<figcaption>Share of bundles finished within a number of working days: the official clock (solid) against what applicants lived (dashed). Where the dashed curve runs right of the solid one, applicants waited longer than the statistics show: that gap is the hidden time.</figcaption>',
        '</figure>',
      ].join('\n')
    : '<p class="empty" data-empty="distribution">No measurements to chart.</p>';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="permitflow">
<title>${e(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header id="report-header">
<h1>${e(input.title)}</h1>
<p class="meta">Generated <time datetime="${e(input.generatedAt)}">${e(input.generatedAt)}</time> by permitflow · working days on the published calendar · P50/P90 are nearest-rank percentiles</p>
</header>
<main>
<section id="headline" aria-labelledby="headline-heading">
<h2 id="headline-heading">Headline 概览</h2>
${headline(input.summary.overall)}
</section>
<section id="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">By bundle type 按一件事</h2>
${summaryTable(input.summary)}
</section>
<section id="distribution" aria-labelledby="distribution-heading">
<h2 id="distribution-heading">Official vs experienced working days 统计用时与实际体验</h2>
${distribution}
</section>
<section id="timeline" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">Slowest bundle 最慢的一件事</h2>
${timeline(input.measurements)}
</section>
<section id="findings" aria-labelledby="findings-heading">
<h2 id="findings-heading">Top findings 体外循环与隐性审批</h2>
${findingsTable(input.findings ?? [], count)}
</section>
</main>
</body>
</html>
`;
}
