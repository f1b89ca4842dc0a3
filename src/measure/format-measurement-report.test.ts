import { describe, expect, it } from 'vitest';
import { measurementFixture } from './_internal/measurement-fixture';
import { formatMeasurementMarkdown } from './format-measurement-report';
import type { Measurement } from './measurement';
import { summarizeMeasurements } from './summarize-measurements';

/** The body rows of the table under `## heading` (header and separator rows left out), split into cells. */
function tableRows(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const rows = lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.startsWith('|'));
  return rows.slice(2).map((row) =>
    row
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((c) => c.trim()),
  );
}

const permit = (id: string, experienced: number, official: number, more: Partial<Parameters<typeof measurementFixture>[0]> = {}): Measurement =>
  measurementFixture({
    id,
    definitionId: 'construction-permit',
    name: '工程建设项目施工许可',
    experienced,
    official,
    promised: { limit: 5 },
    stages: [
      { stageId: 's1', name: '立项用地规划许可', official: 2, experienced: 3 },
      { stageId: 's2', name: '施工许可', official: 3, experienced: 4 },
    ],
    matters: [
      { matterId: 'land', stageId: 's1', department: '自然资源局' },
      { matterId: 'permit', stageId: 's2', department: '住建局' },
    ],
    ...more,
  });

// Experienced 3 8 1 10 5, official 2 5 1 4 5 (gap 1 3 0 6 0) working days, as in the summary tests.
const measurements = [
  permit('a', 3, 2, { month: '2025-01', trips: 1 }),
  permit('b', 8, 5, { month: '2025-01', trips: 2, repeatedMaterials: ['营业执照'] }),
  permit('c', 1, 1, { month: '2025-02', trips: 1, outcome: 'failed' }),
  measurementFixture({ id: 'd', kind: 'case', definitionId: 'SC-001', name: '食品经营许可', department: '市场监管局', experienced: 10, official: 4, month: '2025-02', trips: 3 }),
  measurementFixture({ id: 'e', kind: 'case', definitionId: 'SC-001', name: '食品经营许可', department: '市场监管局', experienced: 5, official: 5, month: '2025-03', trips: 0, outcome: 'open' }),
];
const summary = summarizeMeasurements(measurements);
const report = formatMeasurementMarkdown(summary);

describe('formatMeasurementMarkdown', () => {
  it('heads the report with the bundles measured and official vs experienced median, P90 and gap', () => {
    expect(report.startsWith('# 一件事 measurement report\n')).toBe(true);
    expect(report).toContain('**5 bundles measured**: 3 completed, 1 failed, 1 open.');
    expect(report).toContain('| Official (as statistics count it) | 4 | 5 | 3.4 |');
    expect(report).toContain('| Experienced (as the applicant lives it) | 5 | 10 | 5.4 |');
    expect(report).toContain('| **Gap: experienced − official (体外循环)** | **1** | **6** | **2.0** |');
  });

  it('states compliance with promised limits, 最多跑一次 and 一套材料 as percentages', () => {
    // Limits of 5 on a b c: official 2, 5, 1 all within; d and e have none.
    expect(report).toContain('- Promised limits met (承诺时限): 100.0% (3/3) of bundles with a limit and a verdict.');
    // Trips 1 2 1 3 0: three of five at most one.
    expect(report).toContain('- 最多跑一次 (at most one trip): 60.0% of bundles; trips per bundle mean 1.4, P90 3.');
    expect(report).toContain('- 一套材料 (no material handed over twice): 80.0% of bundles.');
  });

  it('writes one row per bundle type, stage, department and month', () => {
    // Sorted by key: `SC-001` before `construction-permit`.
    expect(tableRows(report, 'By bundle type').map((r) => r.slice(0, 5))).toEqual([
      ['食品经营许可', '2', '1', '0', '1'],
      ['工程建设项目施工许可', '3', '2', '1', '0'],
    ]);
    expect(tableRows(report, 'By stage').map((r) => r.slice(0, 3))).toEqual([
      ['工程建设项目施工许可', '立项用地规划许可', '3'],
      ['工程建设项目施工许可', '施工许可', '3'],
    ]);
    expect(tableRows(report, 'By department').map((r) => r.slice(0, 2))).toEqual([
      ['住建局', '3'],
      ['市场监管局', '2'],
      ['自然资源局', '3'],
    ]);
    expect(tableRows(report, 'By month').map((r) => [r[0], r[1]])).toEqual([
      ['2025-01', '2'],
      ['2025-02', '2'],
      ['2025-03', '1'],
    ]);
  });

  it('fills a group row with its times, limit and bundle rates', () => {
    const [january] = tableRows(report, 'By month');
    // Official 2 5, experienced 3 8, gap 1 3; limits 2 of 2; trips 1 and 2; materials repeated on b.
    expect(january).toEqual(['2025-01', '2', '2', '0', '0', '2 / 5', '3 / 8', '1 / 3', '0.0', '100.0% (2/2)', '50.0%', '50.0%']);
    const [food] = tableRows(report, 'By bundle type');
    expect(food?.slice(-3)).toEqual(['–', '50.0%', '100.0%']);
  });

  it('lists the slowest measurements in the order given, only when asked', () => {
    expect(report).not.toContain('## Slowest bundles');
    const slowest = [...measurements].sort((x, y) => y.experienced.workingDays - x.experienced.workingDays).slice(0, 2);
    const rows = tableRows(formatMeasurementMarkdown(summary, { slowest }), 'Slowest bundles');
    expect(rows).toEqual([
      ['1', 'd', '食品经营许可', '2025-02', 'completed', '10', '4', '6', '0', '3', '–'],
      ['2', 'b', '工程建设项目施工许可', '2025-01', 'completed', '8', '5', '3', '0', '2', '5 (met)'],
    ]);
  });

  it('keeps a table intact when a name holds a pipe or a newline', () => {
    const odd = summarizeMeasurements([measurementFixture({ definitionId: 'odd', name: 'A | B\nC' })]);
    const rows = tableRows(formatMeasurementMarkdown(odd), 'By bundle type');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[0]).toBe('A \\| B C');
    expect(rows[0]).toHaveLength(12);
  });

  it('separates thousands in counts', () => {
    const many = summarizeMeasurements(Array.from({ length: 1234 }, (_, i) => measurementFixture({ id: `m${i}` })));
    expect(formatMeasurementMarkdown(many)).toContain('**1,234 bundles measured**: 1,234 completed, 0 failed, 0 open.');
  });

  it('says so when nothing was measured, with no tables', () => {
    const empty = formatMeasurementMarkdown(summarizeMeasurements([]), { title: '2025 一件事' });
    expect(empty).toContain('# 2025 一件事\n');
    expect(empty).toContain('**0 bundles measured**');
    expect(empty).not.toContain('## By');
    expect(empty).not.toContain('NaN');
  });

  it('says so when a grouping is empty, as for lone cases without stages', () => {
    const cases = formatMeasurementMarkdown(summarizeMeasurements(measurements.slice(3)));
    expect(cases).toContain('## By stage\n\n_No stages measured._');
    expect(cases).toContain('- Promised limits met (承诺时限): – (no bundle with a limit and a verdict).');
  });
});
