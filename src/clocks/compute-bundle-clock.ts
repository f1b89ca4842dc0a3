import type { WorkingCalendar } from '../calendar';
import type { BundleDefinition, FlowDefinition } from '../definition';
import type { EventRecord } from '../event-log';
import { PermitflowError } from '../errors';
import type { Budget, CaseClock, ElapsedTime } from './case-clock';
import { naturalDaysBetween } from '../_internal/local-date';
import { computeCaseClock, type WarningThreshold } from './compute-case-clock';
import { mergeSpans, spanWorkingDays, subtractSpans, type DaySpan } from '../_internal/day-spans';

/** Options of {@link computeBundleClock}. */
export interface BundleClockOptions {
  /** The evaluation instant (ISO-8601 with offset). */
  readonly at: string;
  /** When a budget is in `warning` (default: 2 working days remaining). */
  readonly warning?: WarningThreshold;
}

/** The clock of one stage of a bundle. */
export interface StageClock {
  readonly stageId: string;
  readonly name: string;
  readonly leadDepartment: string;
  /** The stage's limit, when it has one. */
  readonly budget?: Budget;
  /** Working days counted: the union of its matters' processing, 补正 and 特别程序 removed. */
  readonly workingDays: number;
  /** Whether every matter of the stage has its result. */
  readonly done: boolean;
}

/** A bundle instance's clocks: end to end, per stage, and per matter. */
export interface BundleClock {
  readonly bundleId: string;
  readonly at: string;
  /** Working days counted end to end, as statistics count a stage: union of matters, suspensions removed. */
  readonly workingDays: number;
  /** What the applicant lives: from the submission (or the first receipt or evidence) to the last result, pauses included. */
  readonly experienced?: ElapsedTime;
  readonly statutory?: Budget;
  readonly promised?: Budget;
  readonly stages: readonly StageClock[];
  /** Each matter's case clock, by matter id (matters not yet received are absent). */
  readonly cases: Readonly<Record<string, CaseClock>>;
  readonly done: boolean;
  readonly provisional: boolean;
}

/**
 * A budget over counted spans (s, e]: used = the working days in them; the deadline is the day the
 * limit is reached, or, while still short of it, that many working days after the evaluation day.
 */
function spanBudget(calendar: WorkingCalendar, limit: number, counted: readonly DaySpan[], evaluated: string, open: boolean, warning: WarningThreshold): Budget {
  const used = spanWorkingDays(calendar, counted);
  const remaining = limit - used;
  let deadline: string | undefined;
  let cumulative = 0;
  for (const [s, e] of counted) {
    const w = calendar.workingDaysBetween(s, e);
    if (cumulative + w >= limit) {
      deadline = calendar.addWorkingDays(s, limit - cumulative);
      break;
    }
    cumulative += w;
  }
  deadline ??= calendar.addWorkingDays(evaluated, remaining);
  const { remainingWorkingDays: warnDays = warning.usedShare === undefined ? 2 : undefined, usedShare } = warning;
  const near = open && ((warnDays !== undefined && remaining <= warnDays) || (usedShare !== undefined && used >= usedShare * limit));
  const status = used > limit || (open && evaluated > deadline) ? 'overdue' : near ? 'warning' : 'normal';
  return { limitWorkingDays: limit, extensionWorkingDays: 0, usedWorkingDays: used, remainingWorkingDays: remaining, deadline, status };
}

/** The counted spans of some cases: the union of their (acceptance, result] minus their 补正 and 特别程序. */
function countedSpans(calendar: WorkingCalendar, clocks: readonly CaseClock[], evaluated: string): DaySpan[] {
  const active: Array<[string, string]> = [];
  const paused: Array<[string, string]> = [];
  for (const clock of clocks) {
    if (clock.acceptedAt === undefined) continue;
    const end = clock.official?.to ?? clock.endedAt ?? clock.at;
    active.push([calendar.toLocalDate(clock.acceptedAt), calendar.toLocalDate(end)]);
    for (const s of clock.ledger) {
      if (s.stopsOfficialClock) paused.push([calendar.toLocalDate(s.from), calendar.toLocalDate(s.to ?? clock.at)]);
    }
  }
  return subtractSpans(mergeSpans(active, '0000-01-01', evaluated), mergeSpans(paused, '0000-01-01', evaluated));
}

const APPROVED = new Set(['approved', 'approved-deferred', 'filed']);

/**
 * Computes a bundle instance's clocks from its records: each matter's case clock, each stage's
 * working days and budget, and the end-to-end budgets (statutory and promised) — counted as
 * statistics count a stage: the union of the matters' processing, with 补正 and 特别程序 removed,
 * so parallel matters overlap and are not summed.
 * @example
 * const clock = computeBundleClock(bundleRecords, bundle, flows, chinaMainlandCalendar(), { at });
 * clock.stages.map((s) => [s.stageId, s.budget?.status]);
 */
export function computeBundleClock(
  records: readonly EventRecord[],
  bundle: BundleDefinition,
  flows: readonly FlowDefinition[],
  calendar: WorkingCalendar,
  options: BundleClockOptions,
): BundleClock {
  const { at, warning = {} } = options;
  const bundleId = records.find((r) => r.bundleId !== undefined)?.bundleId;
  if (bundleId === undefined) {
    throw new PermitflowError('invalid-argument', `computeBundleClock needs the records of one bundle instance (records with a bundleId) of bundle "${bundle.id}".`);
  }
  const byMatter = new Map<string, EventRecord[]>();
  for (const record of records) {
    if (record.matterId === bundle.id) continue;
    const list = byMatter.get(record.matterId) ?? [];
    list.push(record);
    byMatter.set(record.matterId, list);
  }
  const flowById = new Map(flows.map((f) => [f.id, f]));
  const cases: Record<string, CaseClock> = {};
  for (const [matterId, matterRecords] of byMatter) {
    const flow = flowById.get(matterId);
    if (flow === undefined) {
      throw new PermitflowError('invalid-argument', `The records name matter "${matterId}", which has no flow among those passed; pass the flows of bundle "${bundle.id}".`);
    }
    cases[matterId] = computeCaseClock(matterRecords, flow, calendar, { at, warning });
  }
  const approved = (matterId: string) => cases[matterId]?.outcome !== undefined && APPROVED.has(cases[matterId].outcome);
  const evaluated = calendar.toLocalDate(at);
  const done = bundle.matters.every((m) => approved(m.matterId));

  const stages: StageClock[] = (bundle.stages ?? []).map((stage) => {
    const members = bundle.matters.filter((m) => m.stage === stage.id).map((m) => m.matterId);
    const clocks = members.flatMap((id) => (cases[id] ? [cases[id]] : []));
    const stageDone = members.every(approved);
    const counted = countedSpans(calendar, clocks, evaluated);
    const started = clocks.some((c) => c.acceptedAt !== undefined);
    return {
      stageId: stage.id,
      name: stage.name,
      leadDepartment: stage.leadDepartment,
      ...(stage.limitWorkingDays === undefined || !started ? {} : { budget: spanBudget(calendar, stage.limitWorkingDays, counted, evaluated, !stageDone, warning) }),
      workingDays: spanWorkingDays(calendar, counted),
      done: stageDone,
    };
  });
  const all = Object.values(cases);
  const counted = countedSpans(calendar, all, evaluated);
  const started = all.some((c) => c.acceptedAt !== undefined);
  const limits = bundle.limits ?? {};
  const total = (limit: number | undefined) => (limit === undefined || !started ? undefined : spanBudget(calendar, limit, counted, evaluated, !done, warning));
  const statutory = total(limits.statutoryWorkingDays);
  const promised = total(limits.promisedWorkingDays);
  const starts = [records.find((r) => r.activity === 'bundle-submitted')?.at, ...all.map((c) => c.experienced?.from)].filter((x): x is string => x !== undefined);
  const ends = all.map((c) => c.experienced?.to).filter((x): x is string => x !== undefined);
  const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b);
  const from = starts.sort(byInstant)[0];
  const to = done ? ends.sort(byInstant).at(-1) : at;
  let experienced: ElapsedTime | undefined;
  if (from !== undefined && to !== undefined) {
    const a = calendar.toLocalDate(from);
    const b = calendar.toLocalDate(to);
    experienced = { from, to, workingDays: calendar.workingDaysBetween(a, b), naturalDays: naturalDaysBetween(a, b), open: !done };
  }
  return {
    bundleId,
    at,
    workingDays: spanWorkingDays(calendar, counted),
    ...(experienced === undefined ? {} : { experienced }),
    ...(statutory === undefined ? {} : { statutory }),
    ...(promised === undefined ? {} : { promised }),
    stages,
    cases,
    done,
    provisional: all.some((c) => c.provisional),
  };
}
