/**
 * The main job: a synthetic year of one city's 一件事 — construction-permit projects of every
 * category, 开办企业 and 不动产登记 bundles, and lone 证照分离 and 告知承诺 cases — with some
 * off-system behaviour injected; detection finds it, measurement puts experienced beside official
 * time, and a self-contained HTML report is written.
 *
 *   npm run demo                          # writes demo-output/permitflow-report.html
 *   npx tsx examples/demo.ts --bundles 300 --cases 200 --out /tmp/report --seed 7
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  detectOffSystemWork,
  generateBundleLog,
  generateLog,
  LICENCE_SEPARATION_MODES,
  licenceSeparationFlow,
  measureLog,
  notifyCommitFlow,
  summarizeMeasurements,
  type DeviationLabel,
  type GroupSummary,
} from '../src/index';
import { toGantt, toHtmlReport } from '../src/interop';

const { values } = parseArgs({
  options: {
    bundles: { type: 'string', default: '1500' },
    cases: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '2025' },
    out: { type: 'string', default: 'demo-output' },
  },
});
const bundles = Number(values.bundles);
const cases = Number(values.cases);
const seed = Number(values.seed);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (rate: number | undefined) => (rate === undefined ? '–' : `${(rate * 100).toFixed(0)}%`);

// 1. A year: bundles with a few percent of each kind of off-system work, and lone licence cases.
const bundleYear = generateBundleLog({
  seed,
  bundles,
  inject: {
    'pre-acceptance-work': 0.04,
    'withdraw-resubmit': 0.03,
    'extraneous-delay': 0.03,
    'double-acceptance': 0.02,
    'backfilled-record': 0.02,
    'suspension-abuse': 0.02,
    'unlisted-material': 0.02,
  },
});
const loneYear = generateLog({
  seed: seed + 1,
  cases,
  flows: [...LICENCE_SEPARATION_MODES.filter((mode) => mode !== 'cancelled').map((mode) => licenceSeparationFlow(mode)), notifyCommitFlow()],
  inject: { 'pre-acceptance-work': 0.03, 'withdraw-resubmit': 0.03, 'disguised-filing': 0.05 },
});
const records = [...bundleYear.records, ...loneYear.records];
const labels: DeviationLabel[] = [...bundleYear.labels, ...loneYear.labels];
console.log(`permitflow demo — one city's year of 一件事 (2025), seed ${seed}\n`);
console.log(`Generated ${fmt(bundles)} bundle applications and ${fmt(cases)} lone cases: ${fmt(records.length)} records, ${fmt(labels.length)} injected deviations (${seconds()} s)`);

// 2. Detection: off-system work (体外循环) and hidden approvals (隐性审批).
const { findings, stats } = detectOffSystemWork(records);
const found = (label: DeviationLabel) => findings.some((f) => f.code === label.code && (f.caseId === label.caseId || (label.caseId === undefined && f.bundleId === label.bundleId)));
const recalled = labels.filter(found).length;
console.log(`\nDetection: ${fmt(findings.length)} findings in ${fmt(stats.cases)} cases; ${fmt(recalled)} of ${fmt(labels.length)} injected deviations found`);
const byCode = new Map<string, { count: number; hidden: number }>();
for (const f of findings) {
  const tally = byCode.get(f.code) ?? { count: 0, hidden: 0 };
  tally.count++;
  tally.hidden += f.hiddenWorkingDays ?? 0;
  byCode.set(f.code, tally);
}
for (const [code, { count, hidden }] of [...byCode].sort((a, b) => b[1].count - a[1].count).slice(0, 6)) {
  console.log(`  ${code.padEnd(22)} ${String(count).padStart(5)} findings, ${fmt(hidden).padStart(6)} working days hidden`);
}

// 3. Measurement: every bundle and lone case, experienced beside official time.
const { measurements, unmeasured, counts } = measureLog(records, { findings });
const summary = summarizeMeasurements(measurements);
console.log(
  `\nMeasurement: ${fmt(measurements.length)} measured (${fmt(measurements.filter((m) => m.kind === 'bundle').length)} bundles), ` +
    `${unmeasured.length} unmeasured; records ${fmt(counts.read)} = ${fmt(counts.measured)} measured + ${fmt(counts.unmeasured)} unmeasured\n`,
);
const row = (g: GroupSummary) =>
  `| ${g.label} | ${fmt(g.count)} | ${g.official.workingDays.p50} / ${g.official.workingDays.p90} | ${g.experienced.workingDays.p50} / ${g.experienced.workingDays.p90} | ` +
  `${g.gap.workingDays.p50} / ${g.gap.workingDays.p90} | ${pct(g.limitMetRate)} | ${pct(g.atMostOneTripRate)} | ${pct(g.oneSetOfMaterialsRate)} |`;
console.log('| 一件事 | n | official P50 / P90 wd | experienced P50 / P90 wd | gap P50 / P90 | promised met | 最多跑一次 | 一套材料 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const group of [...summary.byDefinition].sort((a, b) => b.count - a.count)) console.log(row(group));
console.log(row({ ...summary.overall, label: '**all**' }));

// 4. The slowest construction project, as the applicant lived it.
const projects = measurements.filter((m) => m.definitionId.startsWith('construction-project') && m.outcome === 'completed');
const slowest = projects.sort((a, b) => b.experienced.workingDays - a.experienced.workingDays)[0];
if (slowest !== undefined) {
  console.log(`\nThe slowest construction project, ${slowest.id}: experienced ${slowest.experienced.workingDays} wd, official ${slowest.official.workingDays} wd, critical path ${slowest.criticalPath.join(' → ')}`);
  console.log('```mermaid');
  console.log(toGantt(slowest).trimEnd());
  console.log('```');
}

// 5. The report: one self-contained page.
mkdirSync(values.out, { recursive: true });
const reportPath = join(values.out, 'permitflow-report.html');
writeFileSync(reportPath, toHtmlReport({ title: `一件事 2025 年度测量（synthetic, seed ${seed}）`, generatedAt: '2026-01-05T09:00:00+08:00', summary, measurements, findings }));
console.log(`\nReport written to ${reportPath} (self-contained: open it in a browser). Done in ${seconds()} s.`);
