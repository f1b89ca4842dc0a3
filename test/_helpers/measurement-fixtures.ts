// Hand-made measurements, summaries and findings for the interop pictures (toGantt, toDistributionSvg,
// toHtmlReport). Small on purpose: each figure is written out so a test can check a picture against it.
import type { Finding } from '../../src/detection/finding';
import { summarizeMeasurements, type Measurement, type MeasurementSummary, type SuspensionTotals } from '../../src/measure';

const zero = { workingDays: 0, naturalDays: 0 };
export const noSuspensions: SuspensionTotals = { supplement: zero, 'special-procedure': zero, 'stopped-step': zero };

/** A two-stage construction-permit bundle: three matters, a 补正 and a stopped step, one off-system period. */
export function constructionBundle(overrides: Partial<Measurement> = {}): Measurement {
  return {
    kind: 'bundle',
    id: 'B-001',
    definitionId: 'construction-permit',
    name: '工程建设项目审批',
    department: 'natural-resources',
    applicantId: 'A-1',
    projectCode: 'P-2025-001',
    outcome: 'completed',
    experienced: { from: '2025-09-01T09:00:00+08:00', to: '2025-10-31T17:00:00+08:00', workingDays: 40, naturalDays: 60 },
    official: { workingDays: 25, naturalDays: 40 },
    suspensions: { ...noSuspensions, supplement: { workingDays: 3, naturalDays: 5 } },
    offSystem: {
      workingDays: 6,
      periods: [
        {
          code: 'pre-acceptance-work',
          caseId: 'C-2',
          matterId: 'planning-permit',
          from: '2025-09-10T09:00:00+08:00',
          to: '2025-09-18T17:00:00+08:00',
          hiddenWorkingDays: 6,
          recordIds: ['e-7', 'e-8'],
        },
      ],
    },
    stages: [
      { stageId: 'land', name: '立项用地规划许可', leadDepartment: 'natural-resources', experienced: { from: '2025-09-01T09:00:00+08:00', to: '2025-09-30T17:00:00+08:00', workingDays: 20, naturalDays: 29 }, official: { workingDays: 12, naturalDays: 18 }, done: true },
      { stageId: 'works', name: '工程建设许可', leadDepartment: 'natural-resources', experienced: { from: '2025-10-08T09:00:00+08:00', to: '2025-10-31T17:00:00+08:00', workingDays: 18, naturalDays: 23 }, official: { workingDays: 13, naturalDays: 20 }, done: true },
    ],
    matters: [
      {
        matterId: 'land-use-permit',
        name: '建设用地规划许可',
        department: 'natural-resources',
        stageId: 'land',
        caseIds: ['C-1'],
        outcome: 'approved',
        experienced: { from: '2025-09-01T09:00:00+08:00', to: '2025-09-12T17:00:00+08:00', workingDays: 10, naturalDays: 11 },
        official: { from: '2025-09-02T09:00:00+08:00', to: '2025-09-12T17:00:00+08:00', workingDays: 7, naturalDays: 10 },
        dropped: false,
        suspensions: { ...noSuspensions, supplement: { workingDays: 3, naturalDays: 5 } },
        pauses: [{ kind: 'supplement', from: '2025-09-03T10:00:00+08:00', to: '2025-09-08T10:00:00+08:00' }],
        critical: true,
      },
      {
        matterId: 'fire-review',
        name: '消防设计审查: 特殊建设工程 #1',
        department: 'housing',
        stageId: 'land',
        caseIds: ['C-3'],
        outcome: 'approved',
        experienced: { from: '2025-09-15T09:00:00+08:00', to: '2025-09-30T17:00:00+08:00', workingDays: 10, naturalDays: 15 },
        official: { from: '2025-09-15T09:00:00+08:00', to: '2025-09-30T17:00:00+08:00', workingDays: 5, naturalDays: 15 },
        dropped: false,
        suspensions: { ...noSuspensions, 'stopped-step': { workingDays: 2, naturalDays: 2 } },
        pauses: [{ kind: 'stopped-step', from: '2025-09-22T09:00:00+08:00', to: '2025-09-24T09:00:00+08:00' }],
        critical: false,
      },
      {
        matterId: 'planning-permit',
        name: '建设工程规划许可',
        department: 'natural-resources',
        stageId: 'works',
        caseIds: ['C-2a', 'C-2'],
        outcome: 'approved',
        experienced: { from: '2025-10-08T09:00:00+08:00', to: '2025-10-31T17:00:00+08:00', workingDays: 18, naturalDays: 23 },
        official: { from: '2025-10-20T09:00:00+08:00', to: '2025-10-31T17:00:00+08:00', workingDays: 9, naturalDays: 11 },
        dropped: false,
        suspensions: noSuspensions,
        pauses: [],
        promised: { limitWorkingDays: 10, usedWorkingDays: 9, met: true },
        critical: true,
      },
    ],
    criticalPath: ['land-use-permit', 'planning-permit'],
    trips: 2,
    tripDays: ['2025-09-01', '2025-10-08'],
    atMostOneTrip: false,
    forms: 1,
    materialSubmissions: 7,
    repeatedMaterials: ['site-plan'],
    promised: { limitWorkingDays: 30, usedWorkingDays: 25, met: true },
    promisedMet: true,
    month: '2025-09',
    provisional: false,
    ...overrides,
  };
}

/** A lone case measured as a one-matter bundle with the given working days. */
export function loneCase(id: string, official: number, experienced: number, overrides: Partial<Measurement> = {}): Measurement {
  const period = { from: '2025-09-01T09:00:00+08:00', to: '2025-09-20T17:00:00+08:00', workingDays: experienced, naturalDays: Math.round(experienced * 1.4) };
  return {
    kind: 'case',
    id,
    definitionId: 'works-planning-permit',
    name: '建设工程规划许可',
    department: 'natural-resources',
    outcome: 'completed',
    experienced: period,
    official: { workingDays: official, naturalDays: Math.round(official * 1.4) },
    suspensions: noSuspensions,
    offSystem: { workingDays: experienced - official, periods: [] },
    stages: [],
    matters: [
      {
        matterId: 'works-planning-permit',
        name: '建设工程规划许可',
        department: 'natural-resources',
        caseIds: [id],
        outcome: 'approved',
        experienced: period,
        dropped: false,
        suspensions: noSuspensions,
        pauses: [],
        critical: true,
      },
    ],
    criticalPath: ['works-planning-permit'],
    trips: 1,
    tripDays: ['2025-09-01'],
    atMostOneTrip: true,
    forms: 1,
    materialSubmissions: 3,
    repeatedMaterials: [],
    month: '2025-09',
    provisional: false,
    ...overrides,
  };
}

/** Eleven measurements: ten lone cases (official 1–10, experienced 3–21 wd) and the construction bundle. */
export function sampleMeasurements(): Measurement[] {
  const cases = Array.from({ length: 10 }, (_, i) => loneCase(`C-${100 + i}`, i + 1, 2 * i + 3, i % 3 === 0 ? { atMostOneTrip: false, trips: 2 } : {}));
  return [...cases, constructionBundle()];
}

/** The summary of a set of measurements, by the real summarizer. */
export function sampleSummary(ms: readonly Measurement[] = sampleMeasurements()): MeasurementSummary {
  return summarizeMeasurements(ms);
}

/** Findings of varied hidden days, one with markup in its message to check escaping. */
export function sampleFindings(): Finding[] {
  return [
    { code: 'unlisted-material', caseId: 'C-101', department: 'natural-resources', severity: 'low', recordIds: ['e-1'], hiddenWorkingDays: 1, message: 'Asked for a material not on the list.' },
    { code: 'pre-acceptance-work', caseId: 'C-2', bundleId: 'B-001', matterId: 'planning-permit', department: 'natural-resources', severity: 'high', recordIds: ['e-7', 'e-8'], interval: { from: '2025-09-10T09:00:00+08:00', to: '2025-09-18T17:00:00+08:00' }, hiddenWorkingDays: 6, message: '预审 before acceptance: <script>alert("x")</script> & more' },
    { code: 'backfilled-record', caseId: 'C-105', department: 'housing', severity: 'medium', recordIds: ['e-20'], message: 'Entered 9 days late.' },
    { code: 'withdraw-resubmit', caseId: 'C-2a', department: 'natural-resources', severity: 'high', recordIds: ['e-3', 'e-4'], hiddenWorkingDays: 4, message: '撤件重报: the first attempt was withdrawn and resubmitted.' },
  ];
}
