import type { WorkingCalendar } from '../calendar';
import type { FlowDefinition } from '../definition';
import { Art45CategorySchema, DEFAULT_EXTENSION_WORKING_DAYS } from '../definition';
import type { EventRecord } from '../event-log';
import { PermitflowError } from '../errors';
import { placeSteps } from '../_internal/process-tree';
import { mergeSpans, spanWorkingDays } from '../_internal/day-spans';
import { exactLength } from '../_internal/exact-length';
import { SameInstantEnds } from '../_internal/same-instant-ends';
import { instantMs, offsetIndex, writtenLike } from '../_internal/instant';
import type { Mutable } from '../_internal/mutable';
import { naturalDaysBetween } from '../_internal/local-date';
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
/** The results of a post-verification (事中事后核查): 核查属实, or 发现不实. */
export const VERIFICATION_RESULTS: ReadonlySet<string> = new Set(['verified', 'breach-found']);
/** Records still read after the case has ended: the certificate, a revocation, the post-verification's result. */
const AFTER_END = new Set(['certificate-issued', 'revoked', ...VERIFICATION_RESULTS]);
/** Decisions after which a notify-commit case is verified (事中事后核查). */
const APPROVALS = new Set(['approved', 'approved-deferred']);
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

/**
 * The records by instant, keeping the given order for equal instants, and `end`: how many of them
 * are at or before `at`. A log is usually in order already, its instants written alike by one
 * system; then nothing is parsed, sorted or copied, because valid instants with the same
 * fixed-width fields and the same offset are in time order exactly when they are in string order.
 * `inOrder`: the caller has seen that they are so (and written like `at`), so it is not checked again.
 */
function byTime(records: readonly EventRecord[], at: string, inOrder: boolean): { sorted: readonly EventRecord[]; end: number } {
  const n = records.length;
  if (inOrder) return { sorted: records, end: endOfOrdered(records, at) };
  const zone = offsetIndex(at);
  if (zone >= 0) {
    let i = 0;
    for (let previous = ''; i < n; i++) {
      const s = records[i]!.at;
      if (!writtenLike(s, at, zone) || s < previous) break;
      previous = s;
    }
    if (i === n) return { sorted: records, end: endOfOrdered(records, at) };
  }
  const atTime = instantMs(at);
  const times: number[] = []; // a plain array: allocating a typed array per case costs more than parsing
  let ordered = true;
  for (let i = 0; i < n; i++) {
    const t = instantMs(records[i]!.at);
    if (i > 0 && t < times[i - 1]!) ordered = false;
    times.push(t);
  }
  let sorted = records;
  let sortedTimes: readonly number[] = times;
  if (!ordered) {
    const index = Array.from({ length: n }, (_, i) => i);
    index.sort((a, b) => times[a]! - times[b]! || a - b);
    sorted = index.map((i) => records[i]!);
    sortedTimes = index.map((i) => times[i]!);
  }
  let end = 0;
  while (end < n && !(sortedTimes[end]! > atTime)) end++;
  return { sorted, end };
}

/** How many records, in time order and written like `at`, are at or before it: the records after it are the last ones. */
function endOfOrdered(records: readonly EventRecord[], at: string): number {
  let end = records.length;
  while (end > 0 && records[end - 1]!.at > at) end--;
  return end;
}

// Shared empty values, read only; not frozen, as a frozen array is iterated by the generic (allocating) path.
const NO_SPANS: ReadonlyArray<[string, string]> = [];
const NO_LIMITS: NonNullable<FlowDefinition['limits']> = {};
const NO_WARNING: WarningThreshold = {};
const NO_FACTS: RecordFacts = {};

/** The steps whose clock stops, each with its key among open spans; cached by process tree (definitions are data, not changed in place). */
const stoppedStepsOf = new WeakMap<object, ReadonlyMap<string, string>>();
const NO_STEPS: ReadonlyMap<string, string> = new Map();
function stoppedSteps(flow: FlowDefinition): ReadonlyMap<string, string> {
  if (flow.process === undefined) return NO_STEPS; // filing and cancelled matters have no process tree
  let stopped = stoppedStepsOf.get(flow.process);
  if (stopped === undefined) {
    stopped = new Map(placeSteps(flow.process).filter((p) => p.step.clock === 'stopped').map((p) => [p.step.id, `step:${p.step.id}`]));
    stoppedStepsOf.set(flow.process, stopped);
  }
  return stopped;
}

interface OpenSpan {
  /** What it waits for: `supplement`, `special-procedure` or `step:<id>`. */
  key: string;
  kind: SuspensionKind;
  from: EventRecord;
  /** `from.at` in ms. */
  time: number;
  stepId?: string;
}

/**
 * The suspension ledger while the records are read. Its helpers are module functions, not
 * closures made on every call: tsx (which runs the benchmarks) names each closure when it is made.
 */
interface LedgerState {
  readonly calendar: WorkingCalendar;
  readonly at: string;
  readonly supplementStopsClock: boolean;
  /** Spans open now, in the order they opened (several may share a key). */
  readonly open: OpenSpan[];
  /** Closed spans: each ledger entry with its local dates (from, to) and its start in ms, computed once. */
  readonly closed: ClosedSpan[];
  /** The evaluation instant's local date, once needed. */
  atDate: string | undefined;
  /** The records that closed nothing, for a start at their instant to pair with; made when the first comes. */
  unmatchedCloses: SameInstantEnds<EventRecord> | undefined;
}

interface ClosedSpan {
  readonly entry: Suspension;
  readonly days: [string, string];
  readonly time: number;
}

function atLocalDate(state: LedgerState): string {
  return (state.atDate ??= state.calendar.toLocalDate(state.at));
}

/**
 * Opens a span; closes it at once if its end came first, at the same instant. A span opened while
 * another of its key is open (a second 补正 notice before the first was answered) is kept beside it:
 * the next end closes both (see {@link closeSpan}).
 */
function openSpan(state: LedgerState, span: OpenSpan, acceptedAt: string | undefined): void {
  state.open.push(span);
  const end = state.unmatchedCloses?.take(span.key, span.time);
  if (end !== undefined) closeSpan(state, span.key, end, acceptedAt);
}

/**
 * Closes every span open under `key` at `end` (or leaves them open at the evaluation instant): an
 * end answers every start of its kind before it, as the 办理状态 codes read (7 ends state 6 however
 * often 6 was logged). An end that closes nothing is kept for a start at its instant.
 */
function closeSpan(state: LedgerState, key: string, end: EventRecord | undefined, acceptedAt: string | undefined): void {
  const open = state.open;
  let closed = false;
  for (let index = 0; index < open.length; ) {
    if (open[index]!.key !== key) {
      index++;
      continue;
    }
    const span = open[index]!;
    open.splice(index, 1);
    closeOpenSpan(state, span, end, acceptedAt);
    closed = true;
  }
  if (!closed && end !== undefined) (state.unmatchedCloses ??= new SameInstantEnds()).note(key, instantMs(end.at), end);
}

/** Records an open span, just taken from the open ones, as a ledger entry ending at `end` (or open). */
function closeOpenSpan(state: LedgerState, span: OpenSpan, end: EventRecord | undefined, acceptedAt: string | undefined): void {
  const calendar = state.calendar;
  const afterAcceptance = acceptedAt !== undefined && span.time >= instantMs(acceptedAt);
  const lawful =
    span.kind === 'stopped-step' ||
    (span.kind === 'supplement' && state.supplementStopsClock) ||
    (span.kind === 'special-procedure' && span.from.reason !== undefined && ART45.has(span.from.reason.kind));
  const to = end?.at;
  const days: [string, string] = [calendar.toLocalDate(span.from.at), to === undefined ? atLocalDate(state) : calendar.toLocalDate(to)];
  // Built field by field, in the order of the type (object spreads cost more than the rest here).
  const entry = { kind: span.kind, from: span.from.at } as Mutable<Suspension>;
  if (to !== undefined) entry.to = to;
  entry.afterAcceptance = afterAcceptance;
  if (span.from.reason !== undefined) entry.reason = span.from.reason;
  if (span.stepId !== undefined) entry.stepId = span.stepId;
  entry.stopsStatutoryClock = afterAcceptance && lawful;
  entry.stopsOfficialClock = afterAcceptance && span.kind !== 'stopped-step';
  entry.workingDays = calendar.workingDaysBetween(days[0], days[1]);
  entry.recordIds = end ? [span.from.id, end.id] : [span.from.id];
  state.closed.push({ entry, days, time: span.time });
}

/** Closes every open span at `end` (or leaves them open at the evaluation instant), in the order they opened. */
function closeAll(state: LedgerState, end: EventRecord | undefined, acceptedAt: string | undefined): void {
  for (const span of state.open) closeOpenSpan(state, span, end, acceptedAt);
  state.open.length = 0;
}

/** The local day spans of the ledger entries that stop that clock. */
function daySpans(state: LedgerState, stops: 'stopsStatutoryClock' | 'stopsOfficialClock'): Array<[string, string]> {
  const spans: Array<[string, string]> = [];
  for (const { entry, days } of state.closed) if (entry[stops]) spans.push(days);
  return spans;
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

/** Working days counted after acceptance up to the evaluation day, suspended days removed (the same for every budget). */
function countedWorkingDays(calendar: WorkingCalendar, accepted: string, evaluated: string, spans: ReadonlyArray<[string, string]>): number {
  const hi = evaluated < accepted ? accepted : evaluated;
  let suspended = 0;
  for (const [s, e] of spans) if (s < hi) suspended += calendar.workingDaysBetween(s, e < hi ? e : hi);
  return calendar.workingDaysBetween(accepted, hi) - suspended;
}

function budget(
  calendar: WorkingCalendar,
  base: number,
  extension: number,
  accepted: string | undefined,
  evaluated: string,
  used: number,
  spans: ReadonlyArray<[string, string]>,
  warning: WarningThreshold,
  open: boolean,
): Budget {
  const limit = base + extension;
  if (accepted === undefined) {
    return { limitWorkingDays: limit, extensionWorkingDays: extension, usedWorkingDays: 0, remainingWorkingDays: limit, status: 'normal' };
  }
  const lo = accepted;
  const hi = evaluated < accepted ? accepted : evaluated;
  const remaining = limit - used;
  const deadline = projectDeadline(calendar, lo, limit, spans);
  const { remainingWorkingDays: warnDays = warning.usedShare === undefined ? 2 : undefined, usedShare } = warning;
  // Only an open case can be near its limit; a decided one met it or is overdue.
  const near = open && ((warnDays !== undefined && remaining <= warnDays) || (usedShare !== undefined && used >= usedShare * limit));
  const status = hi > deadline ? 'overdue' : near ? 'warning' : 'normal';
  return { limitWorkingDays: limit, extensionWorkingDays: extension, usedWorkingDays: used, remainingWorkingDays: remaining, deadline, status };
}

/** The span from → to, given their local dates a and b. */
function elapsed(calendar: WorkingCalendar, from: string, to: string, a: string, b: string, open: boolean): ElapsedTime {
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
  return computeCaseClockWithDays(records, flow, calendar, options).clock;
}

/** The local dates a case clock was counted from, for callers that count on with the same calendar. */
export interface CaseClockDays {
  /** The local date of acceptance, if the case was accepted. */
  readonly accepted: string | undefined;
  /** The local date the case ended, or of the evaluation instant while it is open. */
  readonly end: string;
  /** Per ledger entry, in the ledger's order: its local dates (an open one ends on the evaluation day). */
  readonly ledger: readonly (readonly [string, string])[];
}

/** What the caller of {@link computeCaseClockWithDays} knows of the records, so it is not checked again. */
export interface RecordFacts {
  /** The records are in time order, their instants all written like `options.at` (the same fixed-width fields and offset). */
  readonly inOrder?: boolean;
  /** Every record is of case `options.caseId` (no earlier attempts among them). */
  readonly oneCase?: boolean;
}

/** {@link computeCaseClock}, with the local dates it counted from; `facts` spare it checks the caller has made. */
export function computeCaseClockWithDays(
  records: readonly EventRecord[],
  flow: FlowDefinition,
  calendar: WorkingCalendar,
  options: CaseClockOptions,
  facts: RecordFacts = NO_FACTS,
): { readonly clock: CaseClock; readonly days: CaseClockDays } {
  const { at, warning = NO_WARNING, supplementStopsClock = true } = options;
  const { inOrder = false, oneCase = false } = facts;
  const { sorted, end } = byTime(records, at, inOrder);
  const caseId = options.caseId ?? lastReceivedCase(sorted, end);
  if (caseId === undefined) {
    throw new PermitflowError('invalid-argument', 'computeCaseClock needs at least one record of the case; pass the records of one case (and of its earlier attempts).');
  }
  const stopped = stoppedSteps(flow);
  let chain: string[] | undefined; // the case ids in order of first sight, once a record of another case is seen
  let inChain = false;
  let chainStart: string | undefined;
  let received: string | undefined;
  let acceptedAt: string | undefined;
  let endedAt: string | undefined;
  let outcome: string | undefined;
  let dropped = false;
  let decidedAt: string | undefined;
  let certificateAt: string | undefined;
  let verifiedAt: string | undefined;
  let extension: Extension | undefined;
  const state: LedgerState = { calendar, at, supplementStopsClock, open: [], closed: [], atDate: undefined, unmatchedCloses: undefined };

  for (let i = 0; i < end; i++) {
    const record = sorted[i]!;
    if (!oneCase && record.caseId !== caseId) {
      chain ??= inChain ? [caseId] : [];
      if (!chain.includes(record.caseId)) chain.push(record.caseId);
      if (chainStart === undefined) chainStart = record.at;
      continue;
    }
    if (!inChain) {
      chain?.push(caseId);
      inChain = true;
    }
    if (record.source === 'evidence') {
      if (chainStart === undefined) chainStart = record.at;
      continue;
    }
    if (endedAt !== undefined && !AFTER_END.has(record.activity)) continue;
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
        openSpan(state, { key: 'supplement', kind: 'supplement', from: record, time: instantMs(record.at) }, acceptedAt);
        break;
      case 'supplement-ended':
        closeSpan(state, 'supplement', record, acceptedAt);
        break;
      case 'special-procedure-started':
        openSpan(state, { key: 'special-procedure', kind: 'special-procedure', from: record, time: instantMs(record.at) }, acceptedAt);
        break;
      case 'special-procedure-ended':
        closeSpan(state, 'special-procedure', record, acceptedAt);
        break;
      case 'extension-approved': {
        // Art. 42 extends once: the first extension with an approver counts. One without an approver adds
        // nothing and uses nothing up; it is shown only until an approved one comes.
        const approver = record.actor?.id;
        if (extension?.counted === true || (extension !== undefined && approver === undefined)) break;
        const days = typeof record.attrs?.workingDays === 'number' ? record.attrs.workingDays : (flow.limits?.extensionWorkingDays ?? DEFAULT_EXTENSION_WORKING_DAYS);
        extension = { workingDays: days, ...(approver === undefined ? {} : { approvedBy: approver }), counted: approver !== undefined, recordId: record.id };
        break;
      }
      case 'certificate-issued':
        certificateAt ??= record.at;
        break;
      case 'verified':
      case 'breach-found':
        verifiedAt ??= record.at; // the post-verification has its result
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
          closeAll(state, record, acceptedAt);
        } else {
          const key = stopped.get(activity);
          if (key === undefined) break;
          if (record.lifecycle === 'start') openSpan(state, { key, kind: 'stopped-step', from: record, time: instantMs(record.at), stepId: activity }, acceptedAt);
          else if (record.lifecycle === 'complete' || record.lifecycle === 'send-back' || record.lifecycle === 'abort') closeSpan(state, key, record, acceptedAt);
        }
      }
    }
  }
  closeAll(state, undefined, acceptedAt);
  if (state.closed.length > 1) state.closed.sort((a, b) => a.time - b.time);
  const ledger = state.closed.map((c) => c.entry);

  const endedDate = endedAt === undefined ? undefined : calendar.toLocalDate(endedAt);
  const evaluated = endedDate ?? atLocalDate(state);
  const accepted = acceptedAt === undefined ? undefined : calendar.toLocalDate(acceptedAt);
  const statutorySpans = accepted === undefined || ledger.length === 0 ? NO_SPANS : mergeSpans(daySpans(state, 'stopsStatutoryClock'), accepted, '9999-12-31');
  const officialSpans = ledger.length === 0 ? NO_SPANS : daySpans(state, 'stopsOfficialClock');
  const limits = flow.limits ?? NO_LIMITS;
  const extensionDays = extension?.counted ? extension.workingDays : 0;
  const suspendedNow = endedAt === undefined && ledger.some((s) => s.to === undefined && s.stopsStatutoryClock);

  let official: CaseClock['official'];
  if (acceptedAt !== undefined && accepted !== undefined) {
    const to = decidedAt ?? endedAt ?? at;
    const toDate = evaluated; // decidedAt, when set, is endedAt
    official = {
      from: acceptedAt,
      to,
      workingDays: calendar.workingDaysBetween(accepted, toDate) - unionWorkingDays(calendar, officialSpans, accepted, toDate),
      naturalDays: naturalDaysBetween(accepted, toDate),
      open: endedAt === undefined,
      dropped,
    };
  }
  const experiencedFrom = chainStart ?? received;
  const experienced =
    experiencedFrom === undefined
      ? undefined
      : elapsed(
          calendar,
          experiencedFrom,
          certificateAt ?? endedAt ?? at,
          calendar.toLocalDate(experiencedFrom),
          certificateAt === undefined ? evaluated : calendar.toLocalDate(certificateAt),
          endedAt === undefined,
        );

  const hasLimits = limits.statutoryWorkingDays !== undefined || limits.promisedWorkingDays !== undefined;
  const used = accepted === undefined || !hasLimits ? 0 : countedWorkingDays(calendar, accepted, evaluated, statutorySpans);
  const statutory =
    limits.statutoryWorkingDays === undefined
      ? undefined
      : budget(calendar, limits.statutoryWorkingDays, extensionDays, accepted, evaluated, used, statutorySpans, warning, endedAt === undefined);
  const promised =
    limits.promisedWorkingDays === undefined
      ? undefined
      : budget(calendar, limits.promisedWorkingDays, 0, accepted, evaluated, used, statutorySpans, warning, endedAt === undefined);

  // 事中事后核查: an approved notify-commit case is verified within its window after the decision.
  const window = flow.notifyCommit?.verification.withinWorkingDays;
  let verification: Budget | undefined;
  if (window !== undefined && outcome !== undefined && APPROVALS.has(outcome) && endedDate !== undefined) {
    const verified = verifiedAt === undefined ? undefined : calendar.toLocalDate(verifiedAt);
    const until = verified ?? atLocalDate(state);
    const counted = until < endedDate ? endedDate : until;
    verification = budget(calendar, window, 0, endedDate, counted, calendar.workingDaysBetween(endedDate, counted), NO_SPANS, warning, verified === undefined);
  }

  const provisional =
    calendar.provisional &&
    ((experienced !== undefined && calendar.touchesProvisional(experienced.from, experienced.to)) ||
      (accepted !== undefined && calendar.touchesProvisional(accepted, evaluated)) ||
      [statutory?.deadline, promised?.deadline].some((d) => d !== undefined && accepted !== undefined && calendar.touchesProvisional(accepted, d)) ||
      (verification?.deadline !== undefined && endedDate !== undefined && calendar.touchesProvisional(endedDate, verification.deadline)));

  const phase = endedAt !== undefined ? 'ended' : accepted === undefined ? 'not-started' : suspendedNow ? 'suspended' : 'running';
  // Built field by field, in the order of the type, like the ledger entries.
  const clock = { caseId, matterId: flow.id, at, phase } as Mutable<CaseClock>;
  if (acceptedAt !== undefined) clock.acceptedAt = acceptedAt;
  if (endedAt !== undefined) clock.endedAt = endedAt;
  if (outcome !== undefined) clock.outcome = outcome;
  if (statutory !== undefined) clock.statutory = statutory;
  if (promised !== undefined) clock.promised = promised;
  if (verification !== undefined) clock.verification = verification;
  clock.ledger = ledger;
  if (extension !== undefined) clock.extension = extension;
  if (official !== undefined) clock.official = official;
  if (experienced !== undefined) clock.experienced = experienced;
  clock.chain = chain === undefined ? (inChain ? [caseId] : []) : exactLength(chain);
  clock.provisional = provisional;
  return { clock, days: { accepted, end: evaluated, ledger: state.closed.map((c) => c.days) } };
}

/**
 * The current attempt of a chain at the evaluation instant (the first `end` records are at or
 * before it): the case received last by then. Evidence may predate a receipt, so receipts decide;
 * without any, the case whose first record is latest. Later records are not looked at (unless
 * there is nothing before it), like everywhere else.
 */
function lastReceivedCase(sorted: readonly EventRecord[], end: number): string | undefined {
  let last: string | undefined;
  let lastReceived: string | undefined;
  let seen: string[] | undefined; // the cases seen before `last`: a chain has a few, so an array, made when the second comes
  for (let i = 0; i < sorted.length; i++) {
    const record = sorted[i]!;
    if (last !== undefined && i >= end) break;
    if (record.caseId !== last && !(seen?.includes(record.caseId) ?? false)) {
      if (last !== undefined) (seen ??= []).push(last);
      last = record.caseId;
    }
    if (record.activity === 'received' && record.source === 'system') lastReceived = record.caseId;
  }
  return lastReceived ?? last;
}
