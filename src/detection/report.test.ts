import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar } from '../calendar';
import type { Finding } from './finding';
import { formatReportMarkdown, summarizeFindings } from './report';

const f = (over: Partial<Finding>): Finding => ({ code: 'backfilled-record', severity: 'high', recordIds: ['r1'], message: 'm', ...over });

const findings: Finding[] = [
  f({ caseId: 'A', matterId: 'm1', department: 'housing', hiddenWorkingDays: 5, recordIds: ['a1', 'a2'], interval: { from: '2025-03-03T09:00:00+08:00', to: '2025-03-10T09:00:00+08:00' } }),
  f({ code: 'implausible-speed', severity: 'medium', caseId: 'A', matterId: 'm1', department: 'housing', hiddenWorkingDays: 3, recordIds: ['a2', 'a3'], interval: { from: '2025-03-05T09:00:00+08:00', to: '2025-03-08T09:00:00+08:00' } }),
  f({ caseId: 'B', matterId: 'm2', department: 'market', hiddenWorkingDays: 12, recordIds: ['b1'] }),
  f({ code: 'double-acceptance', severity: 'low', caseId: 'C', matterId: 'm2', recordIds: ['c1'] }),
];

describe('summarizeFindings', () => {
  it('counts per code, department and matter, and the numbers add up', () => {
    const report = summarizeFindings(findings, { cases: 10 });
    const sum = (xs: ReadonlyArray<{ findings: number }>) => xs.reduce((s, x) => s + x.findings, 0);
    expect(report.findings).toBe(4);
    expect(sum(Object.values(report.byCode))).toBe(4);
    expect(sum(report.byDepartment)).toBe(4);
    expect(sum(report.byMatter)).toBe(4);
    expect(report.bySeverity).toEqual({ high: 2, medium: 1, low: 1 });
    expect(report.byCode['backfilled-record']).toEqual({ findings: 2, cases: 2, hiddenWorkingDays: 17 });
    expect(report.byDepartment.map((d) => d.department)).toEqual(['housing', '(unknown)', 'market']);
    expect(report).toMatchObject({ casesAffected: 3, shareOfCasesAffected: 0.3, hiddenWorkingDays: 20 });
    expect(report.topCases.map((c) => [c.caseId, c.hiddenWorkingDays])).toEqual([
      ['B', 12],
      ['A', 8],
    ]);
    expect(report.topCases[1]).toMatchObject({ codes: ['backfilled-record', 'implausible-speed'], recordIds: ['a1', 'a2', 'a3'] });
    expect(summarizeFindings(findings, { cases: 10, top: 1 }).topCases).toHaveLength(1);
  });

  it('counts overlapping findings of a case once on the calendar', () => {
    const report = summarizeFindings(findings, { cases: 10, calendar: chinaMainlandCalendar() });
    // A: 3 March to 10 March 2025 is 5 working days, not 5 + 3.
    expect(report.topCases.find((c) => c.caseId === 'A')!.hiddenWorkingDays).toBe(5);
    expect(report.hiddenWorkingDays).toBe(17);
  });

  it('does not crash on bad input', () => {
    const bad = [null, f({ hiddenWorkingDays: Number.NaN }), f({ caseId: 'X', hiddenWorkingDays: -4, recordIds: undefined as never }), f({ severity: 'weird' as never })] as unknown as Finding[];
    const report = summarizeFindings(bad, { cases: Number.NaN });
    expect(report).toMatchObject({ findings: 3, cases: 0, shareOfCasesAffected: 0, hiddenWorkingDays: 0, topCases: [] });
    expect(summarizeFindings(undefined as never, { cases: 3 }).findings).toBe(0);
    expect(formatReportMarkdown(report)).toContain('3 finding(s)');
  });
});

describe('formatReportMarkdown', () => {
  it('writes a summary and tables', () => {
    const md = formatReportMarkdown(summarizeFindings(findings, { cases: 10 }));
    expect(md).toContain('4 finding(s) in 3 of 10 case(s) (30.0%); 20 hidden working day(s).');
    expect(md).toContain('| code | findings | cases | hidden working days |');
    expect(md).toContain('| backfilled-record | 2 | 2 | 17 |');
    expect(md).toContain('| B | m2 | market | 12 | backfilled-record | b1 |');
    expect(formatReportMarkdown(summarizeFindings([], { cases: 5 }))).not.toContain('|');
  });
});
