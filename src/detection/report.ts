import type { WorkingCalendar } from '../calendar';
import { DEVIATION_CODES, type DeviationCode } from './deviation-codes';
import type { Finding, Severity } from './finding';

/** Counts of one group of findings. */
export interface FindingTally {
  readonly findings: number;
  /** Distinct cases among them. */
  readonly cases: number;
  readonly hiddenWorkingDays: number;
}

/** One case of the top list. */
export interface TopCase {
  readonly caseId: string;
  readonly matterId?: string;
  readonly department?: string;
  readonly hiddenWorkingDays: number;
  readonly codes: readonly DeviationCode[];
  /** Ids of the records that prove its findings, each once. */
  readonly recordIds: readonly string[];
}

/** A JSON-ready summary of findings for supervisors; see {@link summarizeFindings}. */
export interface FindingsReport {
  readonly findings: number;
  /** Cases analysed (as given). */
  readonly cases: number;
  /** Distinct cases with at least one finding. */
  readonly casesAffected: number;
  /** `casesAffected / cases`, 0 when no case was analysed. */
  readonly shareOfCasesAffected: number;
  /** Hidden working days over all cases (per case: see {@link summarizeFindings}). */
  readonly hiddenWorkingDays: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Per code, in the order of DEVIATION_CODES; codes without findings left out. */
  readonly byCode: Readonly<Partial<Record<DeviationCode, FindingTally>>>;
  /** Per department (`(unknown)` where a finding has none), most findings first. */
  readonly byDepartment: ReadonlyArray<FindingTally & { readonly department: string }>;
  /** Per matter (`(unknown)` where a finding has none), most findings first. */
  readonly byMatter: ReadonlyArray<FindingTally & { readonly matterId: string }>;
  /** The cases hiding the most working days, most first. */
  readonly topCases: readonly TopCase[];
}

/** Options of {@link summarizeFindings}. */
export interface SummarizeFindingsOptions {
  /** Cases analysed (e.g. `stats.cases`), for the share of cases affected. */
  readonly cases: number;
  /** With a calendar, a case's overlapping findings count their shared working days once. */
  readonly calendar?: WorkingCalendar;
  /** How many top cases to list; default 10. */
  readonly top?: number;
}

const UNKNOWN = '(unknown)';
const days = (f: Finding): number => (typeof f.hiddenWorkingDays === 'number' && Number.isFinite(f.hiddenWorkingDays) && f.hiddenWorkingDays > 0 ? f.hiddenWorkingDays : 0);
const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * A case's hidden working days: the sum over its findings; with a calendar, findings whose intervals
 * overlap count the working days of their union once (never more than their sum).
 */
function caseHiddenDays(findings: readonly Finding[], calendar: WorkingCalendar | undefined): number {
  const sum = findings.reduce((s, f) => s + days(f), 0);
  if (calendar === undefined) return sum;
  const spans: Array<{ from: number; to: number; fromText: string; toText: string; days: number }> = [];
  let loose = 0;
  for (const f of findings) {
    const d = days(f);
    if (d === 0) continue;
    const from = Date.parse(f.interval?.from ?? '');
    const to = Date.parse(f.interval?.to ?? '');
    if (Number.isNaN(from) || Number.isNaN(to) || to < from) loose += d;
    else spans.push({ from, to, fromText: f.interval!.from, toText: f.interval!.to, days: d });
  }
  if (spans.length < 2) return sum;
  spans.sort((a, b) => a.from - b.from);
  let total = loose;
  let group = { ...spans[0]! };
  const closeGroup = (g: typeof group, members: number): number => {
    if (members === 1) return g.days;
    try {
      return Math.min(g.days, Math.max(0, calendar.workingDaysBetween(g.fromText, g.toText)));
    } catch {
      return g.days; // outside the calendar's years: keep the detectors' own estimate
    }
  };
  let members = 1;
  for (const s of spans.slice(1)) {
    if (s.from <= group.to) {
      if (s.to > group.to) Object.assign(group, { to: s.to, toText: s.toText });
      group.days += s.days;
      members++;
    } else {
      total += closeGroup(group, members);
      group = { ...s };
      members = 1;
    }
  }
  return total + closeGroup(group, members);
}

function tallies<TKey extends string>(findings: readonly Finding[], keyOf: (f: Finding) => string, key: TKey): Array<FindingTally & Record<TKey, string>> {
  const groups = new Map<string, { findings: number; cases: Set<string>; hiddenWorkingDays: number }>();
  for (const f of findings) {
    const k = keyOf(f);
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = { findings: 0, cases: new Set(), hiddenWorkingDays: 0 }));
    g.findings++;
    if (typeof f.caseId === 'string') g.cases.add(f.caseId);
    g.hiddenWorkingDays += days(f);
  }
  return [...groups]
    .map(([k, g]) => ({ [key]: k, findings: g.findings, cases: g.cases.size, hiddenWorkingDays: round(g.hiddenWorkingDays) }) as FindingTally & Record<TKey, string>)
    .sort((a, b) => b.findings - a.findings || (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
}

/**
 * Summarizes findings for a supervisor: counts per code, department and matter, hidden working days,
 * the share of cases affected, and the top cases by hidden working days with their evidence record
 * ids. Tallies by code, department and matter sum each finding's `hiddenWorkingDays`; the totals and
 * top cases count per case (overlaps once, given a calendar). Malformed findings are counted, not thrown.
 * @example
 * const report = summarizeFindings(findings, { cases: stats.cases, calendar: chinaMainlandCalendar() });
 * console.log(formatReportMarkdown(report));
 */
export function summarizeFindings(findings: readonly Finding[], options: SummarizeFindingsOptions): FindingsReport {
  const list = Array.isArray(findings) ? findings.filter((f): f is Finding => typeof f === 'object' && f !== null) : [];
  const cases = Number.isFinite(options.cases) && options.cases > 0 ? Math.floor(options.cases) : 0;
  const top = options.top === undefined || !(options.top >= 0) ? 10 : Math.floor(options.top);
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of list) if (f.severity in bySeverity) bySeverity[f.severity]++;

  const byCode: Partial<Record<DeviationCode, FindingTally>> = {};
  const codeTallies = new Map(tallies(list, (f) => String(f.code), 'code').map((t) => [t.code, t]));
  for (const code of [...DEVIATION_CODES, ...codeTallies.keys()]) {
    const t = codeTallies.get(code);
    if (t !== undefined && !(code in byCode)) byCode[code as DeviationCode] = { findings: t.findings, cases: t.cases, hiddenWorkingDays: t.hiddenWorkingDays };
  }

  const perCase = new Map<string, Finding[]>();
  for (const f of list) {
    if (typeof f.caseId !== 'string') continue;
    const fs = perCase.get(f.caseId);
    if (fs === undefined) perCase.set(f.caseId, [f]);
    else fs.push(f);
  }
  const noCase = list.filter((f) => typeof f.caseId !== 'string').reduce((s, f) => s + days(f), 0);
  const ranked: TopCase[] = [...perCase].map(([caseId, fs]) => {
    const first = fs.find((f) => f.matterId !== undefined) ?? fs[0]!;
    const dept = fs.find((f) => f.department !== undefined)?.department;
    return {
      caseId,
      ...(first.matterId === undefined ? {} : { matterId: first.matterId }),
      ...(dept === undefined ? {} : { department: dept }),
      hiddenWorkingDays: round(caseHiddenDays(fs, options.calendar)),
      codes: [...new Set(fs.map((f) => f.code))],
      recordIds: [...new Set(fs.flatMap((f) => (Array.isArray(f.recordIds) ? f.recordIds : [])))],
    };
  });
  const hiddenWorkingDays = round(ranked.reduce((s, c) => s + c.hiddenWorkingDays, 0) + noCase);
  ranked.sort((a, b) => b.hiddenWorkingDays - a.hiddenWorkingDays || (a.caseId < b.caseId ? -1 : 1));

  return {
    findings: list.length,
    cases,
    casesAffected: perCase.size,
    shareOfCasesAffected: cases === 0 ? 0 : round((perCase.size / cases) * 10_000) / 10_000,
    hiddenWorkingDays,
    bySeverity,
    byCode,
    byDepartment: tallies(list, (f) => f.department ?? UNKNOWN, 'department'),
    byMatter: tallies(list, (f) => f.matterId ?? UNKNOWN, 'matterId'),
    topCases: ranked.filter((c) => c.hiddenWorkingDays > 0).slice(0, top),
  };
}

const cell = (text: string | number): string => String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const table = (head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string =>
  [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/**
 * Formats a report as Markdown: a summary line, then tables by code, department and matter, and the top cases.
 * @example
 * writeFileSync('report.md', formatReportMarkdown(summarizeFindings(findings, { cases: stats.cases })));
 */
export function formatReportMarkdown(report: FindingsReport): string {
  const pct = (report.shareOfCasesAffected * 100).toFixed(1);
  const parts = [
    '# Off-system work (体外循环 / 隐性审批)',
    '',
    `${report.findings} finding(s) in ${report.casesAffected} of ${report.cases} case(s) (${pct}%); ${report.hiddenWorkingDays} hidden working day(s). ` +
      `Severity: ${report.bySeverity.high} high, ${report.bySeverity.medium} medium, ${report.bySeverity.low} low.`,
  ];
  if (report.findings === 0) return `${parts.join('\n')}\n`;
  const tallyRows = (rows: ReadonlyArray<[string, FindingTally]>) => rows.map(([k, t]) => [k, t.findings, t.cases, t.hiddenWorkingDays]);
  const head = ['findings', 'cases', 'hidden working days'];
  parts.push('', '## By code', '', table(['code', ...head], tallyRows(Object.entries(report.byCode))));
  parts.push('', '## By department', '', table(['department', ...head], tallyRows(report.byDepartment.map((t) => [t.department, t]))));
  parts.push('', '## By matter', '', table(['matter', ...head], tallyRows(report.byMatter.map((t) => [t.matterId, t]))));
  if (report.topCases.length > 0) {
    parts.push(
      '',
      '## Cases hiding the most working days',
      '',
      table(
        ['case', 'matter', 'department', 'hidden working days', 'codes', 'evidence records'],
        report.topCases.map((c) => [c.caseId, c.matterId ?? '', c.department ?? '', c.hiddenWorkingDays, c.codes.join(', '), c.recordIds.join(', ')]),
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}
