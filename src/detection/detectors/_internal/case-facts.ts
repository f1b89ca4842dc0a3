import type { FlowDefinition, StepDefinition } from '../../../definition';
import type { EventRecord } from '../../../event-log';
import type { CaseView } from '../../case-detector';
import { indexOf, stepsOf } from '../../case-index';
import { instantMs } from '../../../_internal/instant';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Milliseconds of an instant (as `Date.parse` gives them). */
export const ms = instantMs;

const DAY = 24 * HOUR;
/** UTC offsets run from −12:00 to +14:00, so two of them differ by at most 26 hours. */
const WIDEST_OFFSET_GAP = 26 * HOUR;

const timesCache = new WeakMap<CaseView, readonly number[]>();

/** Milliseconds of each record's `at`, index for index: the driver's, or parsed once here for a view built by hand. */
export function timesOf(view: CaseView): readonly number[] {
  if (view.times !== undefined) return view.times;
  let times = timesCache.get(view);
  if (times === undefined) timesCache.set(view, (times = view.records.map((r) => ms(r.at))));
  return times;
}

/** Milliseconds of one of the case's records: its entry in {@link timesOf}, found by identity, so not parsed again. */
export function msOf(view: CaseView, record: EventRecord): number {
  const i = view.records.indexOf(record);
  return i < 0 ? ms(record.at) : timesOf(view)[i]!;
}

/**
 * Whether instant `b` comes so soon after `a` (both in milliseconds) that no calendar can count more
 * than `n` working days between them: their local times differ by less than n days, whatever the
 * time zone, so their local dates by at most n. Saves the calendar lookup for most pairs.
 */
export function withinDays(a: number, b: number, n: number): boolean {
  return b - a < n * DAY - WIDEST_OFFSET_GAP;
}

/** Milliseconds of an ISO-8601 duration as definitions write it (`P3D`, `PT4H`, `P1DT2H30M`); a day is 24 h. */
export function durationMs(iso: string): number | undefined {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (match === null) return undefined;
  const [, w = '0', d = '0', h = '0', m = '0', s = '0'] = match;
  return ((Number(w) * 7 + Number(d)) * 24 + Number(h)) * HOUR + Number(m) * MINUTE + Number(s) * 1000;
}

/** Working days d with a < d ≤ b in the case's calendar (0 when b is not after a). */
export function workingDaysFrom(view: CaseView, a: string, b: string): number {
  return Math.max(0, view.calendar.workingDaysBetween(a, b));
}

const minDurationCache = new WeakMap<StepDefinition, number | undefined>();

/** Milliseconds of the step's `minDuration`, if it has one. */
export function minDurationMs(step: StepDefinition): number | undefined {
  let floor = minDurationCache.get(step);
  if (floor === undefined && step.minDuration !== undefined) minDurationCache.set(step, (floor = durationMs(step.minDuration)));
  return floor;
}

const listedCache = new WeakMap<FlowDefinition, Set<string>>();

/** The materials on the matter's published list (办事指南): the flow's materials and those its steps examine. */
export function listedMaterialsOf(flow: FlowDefinition): Set<string> {
  let listed = listedCache.get(flow);
  if (listed === undefined) {
    listed = new Set([...flow.materials.map((m) => m.id), ...[...stepsOf(flow).values()].flatMap((s) => s.materials ?? [])]);
    listedCache.set(flow, listed);
  }
  return listed;
}

/** The common part of a finding for one case. */
export function caseFields(view: CaseView): { caseId: string; matterId: string; department?: string; bundleId?: string } {
  const index = indexOf(view);
  // The department responsible for the case: the matter's, else the acting department of the first record that names one.
  const department = view.flow?.department ?? index.actorDepartment;
  const bundleId = index.bundleId;
  return {
    caseId: view.caseId,
    matterId: view.matterId,
    ...(department === undefined ? {} : { department }),
    ...(bundleId === undefined ? {} : { bundleId }),
  };
}

/** A local date and time for messages: `2025-03-04 09:23`. */
export const short = (instant: string): string => `${instant.slice(0, 10)} ${instant.slice(11, 16)}`;

const SPECIAL_PROCEDURE: ReadonlySet<string> = new Set(['special-procedure-started', 'special-procedure-ended']);

/**
 * Whether a 特别程序 record was entered (`recordedAt`) after the case's decision was: a pause added,
 * or stretched, to cover an overrun. `suspension-abuse` reports it; `backfilled-record` leaves it to
 * that detector (a whole case keyed in late enters its pauses before its decision).
 */
export function isPauseEnteredAfterDecision(record: EventRecord, decided: EventRecord): boolean {
  return SPECIAL_PROCEDURE.has(record.activity) && record.recordedAt !== undefined && ms(record.recordedAt) > ms(decided.recordedAt ?? decided.at);
}
