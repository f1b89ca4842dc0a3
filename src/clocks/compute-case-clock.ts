import type { WorkingCalendar } from '../calendar';
import type { FlowDefinition } from '../definition';
import { Art45CategorySchema, DEFAULT_EXTENSION_WORKING_DAYS } from '../definition';
import type { EventRecord } from '../event-log';
import { PermitflowError } from '../errors';
import { placeSteps } from '../_internal/process-tree';
import { naturalDaysBetween } from '../_internal/local-date';
import { mergeSpans, spanWorkingDays } from './_internal/day-spans';
import type { Budget, CaseClock, ElapsedTime, Extension, Suspension, SuspensionKind } from './case-clock';

/** When a budget counts as close to its end. Either condition given triggers a warning. */
export interface WarningThreshold {
  /** Warn when at most this many working days remain (default 2). */
  readonly remainingWorkingDays?: number;
  /** Warn when at least this share of the limit is used, e.g. 0.8. */
  readonly usedShare?: number;
}

/** Options of {@link computeCaseClock}. */
export interface CaseClockOptions {
  /** The evaluation instant (ISO-8601 with offset). */
  readonly at: string;
  /** The case to compute, when `records` also hold earlier attempts of its chain; by default the last one received. */
  readonly caseId?: string;
  /** When a budget is in `warning` (default: 2 working days remaining). */
  readonly warning?: WarningThreshold;
  /**
   * Whether a 补正 after acceptance (过程补件) stops the statutory clock, as local 限时办结 rules
   * count ("the clock runs again from receipt of the supplementary materials"). Default true;
   * set false to count by 行政许可法 Art. 32 alone, which places 补正 before acceptance.
   */
  readonly supplementStopsClock?: boolean;
}

const ART45 = new Set<string>(Art45CategorySchema.options);
const CLOSING = new Map<string, boolean>([
  // activity → dropped by official statistics
  ['approved', false],
  ['approved-deferred', false],
  ['filed', false],
  ['denied', true],
  ['withdrawn-before-acceptance', true],
  ['withdrawn', true],
  ['not-accepted', true],
  ['refused', true],
]);

/** Sorts by instant, keeping the given order for equal instants. */
function byTime(records: readonly EventRecord[]): EventRecord[] {
  const keyed = records.map((record, index) => ({ record, index, t: Date.parse(record.at) }));
  keyed.sort((a, b) => a.t - b.t || a.index - b.index);
  return keyed.map((k) => k.record);
}

interface OpenSpan {
  kind: SuspensionKind;
  from: EventRecord;
  stepId?: string;
}

/** Working days of the union of day intervals (s, e], clipped to (lo, hi]. */
function unionWorkingDays(calendar: WorkingCalendar, spans: ReadonlyArray<readonly [string, string]>, lo: string, hi: string): number {
  return spanWorkingDays(calendar, mergeSpans(spans, lo, hi));
}

/**
 * The last day of a limit of `limit` working days from `start`, skipping suspended days: the day
 * after which one more counted working day would exceed it.
 */
function projectDeadline(calendar: WorkingCalendar, start: string, limit: number, spans: ReadonlyArray<[string, string]>): string {
  let cursor = start;
  let remaining = limit;
  for (const [s, e] of spans) {
    const before = calendar.workingDaysBetween(cursor, s);
    // A pause that starts on the day the budget runs out still holds the deadline until it ends;
    // one that starts on a rest day after that day starts after the deadline, and moves nothing.
    if (before > remaining || (before === remaining && !calendar.isWorkingDay(s))) break;
    remaining -= before;
    cursor = e;
  }
  return calendar.addWorkingDays(cursor, remaining);
}

function budget(
  calendar: WorkingCalendar,
  base: number,
  extension: number,
  accepted: string | undefined,
  evaluated: string,
  spans: ReadonlyArray<[string, string]>,
  warning: WarningThreshold,
): Budget {
  const limit = base + extension;
  if (accepted === undefined) {
    return { limitWorkingDays: limit, extensionWorkingDays: extension, usedWorkingDays: 0, remainingWorkingDays: limit, status: 'normal' };
  }
  const lo = accepted;
  const hi = evaluated < accepted ? accepted : evaluated;
  let suspended = 0;
  for (const [s, e] of spans) if (s < hi) suspended += calendar.workingDaysBetween(s, e < hi ? e : hi);
  const used = calendar.workingDaysBetween(lo, hi) - suspended;
  const remaining = limit - used;
  const deadline = projectDeadline(calendar, lo, limit, spans);
  const { remainingWorkingDays: warnDays = warning.usedShare === undefined ? 2 : undefined, usedShare } = warning;
  const near = (warnDays !== undefined && remaining <= warnDays) || (usedShare !== undefined && used >= usedShare * limit);
  const status = hi > deadline ? 'overdue' : near ? 'warning' : 'normal';
  return { limitWorkingDays: limit, extensionWorkingDays: extension, usedWorkingDays: used, remainingWorkingDays: remaining, deadline, status };
}

function elapsed(calendar: WorkingCalendar, from: string, to: string, open: boolean): ElapsedTime {
  const a = calendar.toLocalDate(from);
  const b = calendar.toLocalDate(to);
  return { from, to, workingDays: calendar.workingDaysBetween(a, b), naturalDays: naturalDaysBetween(a, b), open };
}

/**
 * Computes a case's clocks from its event records: the statutory and promised budgets with their
 * projected deadlines and status, the suspension ledger (补正, 特别程序, clock-stopping steps), an
 * Art. 42 extension, official time as statistics count it and experienced time as the applicant
 * lives it. Nothing is stored: call it again after a calendar correction or a late record and the
 * answer moves with it. Counting follows 行政许可法 Art. 82: working days, the day of the
 * triggering event not counted.
 *
 * `records` are the case's records in any order; they may include the records of earlier attempts
 * of its resubmission chain (see {@link linkResubmissionChains}), which only move the start of
 * experienced time.
 * @throws {CalendarCoverageError} when a day it needs lies outside the calendar's years.
 * @example
 * const clock = computeCaseClock(records, flow, chinaMainlandCalendar(), { at: '2025-10-20T09:00:00+08:00' });
 * clock.statutory?.deadline; // '2025-11-04'
 * clock.statutory?.status;   // 'normal'
 */
export function computeCaseClock(
  records: readonly EventRecord[],
  flow: FlowDefinition,
  calendar: WorkingCalendar,
  options: CaseClockOptions,
): CaseClock {
  const { at, warning = {}, supplementStopsClock = true } = options;
  const sorted = byTime(records);
  const caseId = options.caseId ?? lastReceivedCase(sorted, Date.parse(at));
  if (caseId === undefined) {
    throw new PermitflowError('invalid-argument', 'computeCaseClock needs at least one record of the case; pass the records of one case (and of its earlier attempts).');
  }
  const stopped = new Set(placeSteps(flow.process).filter((p) => p.step.clock === 'stopped').map((p) => p.step.id));
  const chain: string[] = [];
  let chainStart: string | undefined;
  let received: string | undefined;
  let acceptedAt: string | undefined;
  let endedAt: string | undefined;
  let outcome: string | undefined;
  let dropped = false;
  let decidedAt: string | undefined;
  let certificateAt: string | undefined;
  let extension: Extension | undefined;
  const ledger: Suspension[] = [];
  const open = new Map<string, OpenSpan>();
  const atTime = Date.parse(at);

  const close = (key: string, end: EventRecord | undefined): void => {
    const span = open.get(key);
    if (!span) return;
    open.delete(key);
    const afterAcceptance = acceptedAt !== undefined && Date.parse(span.from.at) >= Date.parse(acceptedAt);
    const lawful =
      span.kind === 'stopped-step' ||
      (span.kind === 'supplement' && supplementStopsClock) ||
      (span.kind === 'special-procedure' && span.from.reason !== undefined && ART45.has(span.from.reason.kind));
    const to = end?.at;
    ledger.push({
      kind: span.kind,
      from: span.from.at,
      ...(to === undefined ? {} : { to }),
      afterAcceptance,
      ...(span.from.reason === undefined ? {} : { reason: span.from.reason }),
      ...(span.stepId === undefined ? {} : { stepId: span.stepId }),
      stopsStatutoryClock: afterAcceptance && lawful,
      stopsOfficialClock: afterAcceptance && span.kind !== 'stopped-step',
      workingDays: calendar.workingDaysBetween(span.from.at, to ?? at),
      recordIds: end ? [span.from.id, end.id] : [span.from.id],
    });
  };

  for (const record of sorted) {
    if (Date.parse(record.at) > atTime) break;
    if (record.caseId !== caseId) {
      if (!chain.includes(record.caseId)) chain.push(record.caseId);
      if (chainStart === undefined) chainStart = record.at;
      continue;
    }
    if (!chain.includes(caseId)) chain.push(caseId);
    if (record.source === 'evidence') {
      if (chainStart === undefined) chainStart = record.at;
      continue;
    }
    if (endedAt !== undefined && record.activity !== 'certificate-issued' && record.activity !== 'revoked') continue;
    const activity = record.activity;
    switch (activity) {
      case 'received':
        received ??= record.at;
        chainStart ??= record.at;
        break;
      case 'window-accepted':
      case 'department-accepted':
      case 'committed': // notify-and-commit: the signed commitment is what the office accepts
        acceptedAt ??= record.at;
        break;
      case 'supplement-started':
        open.set('supplement', { kind: 'supplement', from: record });
        break;
      case 'supplement-ended':
        close('supplement', record);
        break;
      case 'special-procedure-started':
        open.set('special-procedure', { kind: 'special-procedure', from: record });
        break;
      case 'special-procedure-ended':
        close('special-procedure', record);
        break;
      case 'extension-approved': {
        const days = typeof record.attrs?.workingDays === 'number' ? record.attrs.workingDays : (flow.limits?.extensionWorkingDays ?? DEFAULT_EXTENSION_WORKING_DAYS);
        const approver = record.actor?.id;
        if (extension === undefined) {
          extension = { workingDays: days, ...(approver === undefined ? {} : { approvedBy: approver }), counted: approver !== undefined, recordId: record.id };
        }
        break;
      }
      case 'certificate-issued':
        certificateAt ??= record.at;
        break;
      case 'revoked':
        // 撤销 (status 15): statistics drop a revoked approval like a failed attempt.
        if (endedAt !== undefined) dropped = true;
        break;
      default: {
        const closing = CLOSING.get(activity);
        if (closing !== undefined) {
          endedAt = record.at;
          outcome = activity;
          dropped = closing;
          if (activity === 'filed') acceptedAt ??= record.at; // a filing is accepted and done on the spot
          if (activity === 'approved' || activity === 'approved-deferred' || activity === 'denied' || activity === 'filed') decidedAt = record.at;
          for (const key of [...open.keys()]) close(key, record);
        } else if (stopped.has(activity)) {
          if (record.lifecycle === 'start') open.set(`step:${activity}`, { kind: 'stopped-step', from: record, stepId: activity });
          else if (record.lifecycle === 'complete' || record.lifecycle === 'send-back' || record.lifecycle === 'abort') close(`step:${activity}`, record);
        }
      }
    }
  }
  for (const key of [...open.keys()]) close(key, undefined);
  ledger.sort((a, b) => Date.parse(a.from) - Date.parse(b.from));

  const evaluated = calendar.toLocalDate(endedAt ?? at);
  const accepted = acceptedAt === undefined ? undefined : calendar.toLocalDate(acceptedAt);
  const daySpan = (s: Suspension): [string, string] => [calendar.toLocalDate(s.from), calendar.toLocalDate(s.to ?? at)];
  const statutorySpans = accepted === undefined ? [] : mergeSpans(ledger.filter((s) => s.stopsStatutoryClock).map(daySpan), accepted, '9999-12-31');
  const officialSpans = ledger.filter((s) => s.stopsOfficialClock).map(daySpan);
  const limits = flow.limits ?? {};
  const extensionDays = extension?.counted ? extension.workingDays : 0;
  const suspendedNow = endedAt === undefined && ledger.some((s) => s.to === undefined && s.stopsStatutoryClock);

  let official: CaseClock['official'];
  if (acceptedAt !== undefined && accepted !== undefined) {
    const to = decidedAt ?? endedAt ?? at;
    const toDate = calendar.toLocalDate(to);
    const span = elapsed(calendar, acceptedAt, to, endedAt === undefined);
    official = { ...span, workingDays: span.workingDays - unionWorkingDays(calendar, officialSpans, accepted, toDate), dropped };
  }
  const experiencedFrom = chainStart ?? received;
  const experienced =
    experiencedFrom === undefined ? undefined : elapsed(calendar, experiencedFrom, certificateAt ?? endedAt ?? at, endedAt === undefined);

  const statutory =
    limits.statutoryWorkingDays === undefined
      ? undefined
      : budget(calendar, limits.statutoryWorkingDays, extensionDays, accepted, evaluated, statutorySpans, warning);
  const promised =
    limits.promisedWorkingDays === undefined
      ? undefined
      : budget(calendar, limits.promisedWorkingDays, 0, accepted, evaluated, statutorySpans, warning);

  const provisional =
    calendar.provisional &&
    ((experienced !== undefined && calendar.touchesProvisional(experienced.from, experienced.to)) ||
      (accepted !== undefined && calendar.touchesProvisional(accepted, evaluated)) ||
      [statutory?.deadline, promised?.deadline].some((d) => d !== undefined && accepted !== undefined && calendar.touchesProvisional(accepted, d)));

  return {
    caseId,
    matterId: flow.id,
    at,
    phase: endedAt !== undefined ? 'ended' : accepted === undefined ? 'not-started' : suspendedNow ? 'suspended' : 'running',
    ...(acceptedAt === undefined ? {} : { acceptedAt }),
    ...(endedAt === undefined ? {} : { endedAt }),
    ...(outcome === undefined ? {} : { outcome }),
    ...(statutory === undefined ? {} : { statutory }),
    ...(promised === undefined ? {} : { promised }),
    ledger,
    ...(extension === undefined ? {} : { extension }),
    ...(official === undefined ? {} : { official }),
    ...(experienced === undefined ? {} : { experienced }),
    chain,
    provisional,
  };
}

/**
 * The current attempt of a chain at `atTime`: the case received last by then. Evidence may predate
 * a receipt, so receipts decide; without any, the case whose first record is latest. Records after
 * `atTime` are not looked at (unless there is nothing before it), like everywhere else.
 */
function lastReceivedCase(sorted: readonly EventRecord[], atTime: number): string | undefined {
  let last: string | undefined;
  let lastReceived: string | undefined;
  const seen = new Set<string>();
  for (const record of sorted) {
    if (last !== undefined && Date.parse(record.at) > atTime) break;
    if (!seen.has(record.caseId)) {
      seen.add(record.caseId);
      last = record.caseId;
    }
    if (record.activity === 'received' && record.source === 'system') lastReceived = record.caseId;
  }
  return lastReceived ?? last;
}
