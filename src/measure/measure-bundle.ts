import { chinaMainlandCalendar, type WorkingCalendar } from '../calendar';
import type { Budget, CaseClock, Suspension, SuspensionKind } from '../clocks';
import { computeCaseClockWithDays, type CaseClockDays, type RecordFacts } from '../clocks/compute-case-clock';
import type { BundleDefinition, FlowDefinition } from '../definition';
import type { Finding } from '../detection/finding';
import type { EventRecord } from '../event-log';
import type { BundleWithFlows } from '../flows';
import { PermitflowError } from '../errors';
import { instantMs } from '../_internal/instant';
import type { Mutable } from '../_internal/mutable';
import { mergeSpans, spanNaturalDays, spanWorkingDays, subtractSpans, type DaySpan } from '../_internal/day-spans';
import { exactLength } from '../_internal/exact-length';
import { naturalDaysBetween } from '../_internal/local-date';
import type {
  Duration,
  LimitCheck,
  MatterMeasurement,
  Measurement,
  MeasurementOutcome,
  OffSystemPeriod,
  Pause,
  Period,
  StageMeasurement,
  SuspensionTotals,
} from './measurement';

/** Options of {@link measureBundle} and {@link measureLog}. */
export interface MeasureOptions {
  /** Working-day calendar; the mainland calendar by default. */
  readonly calendar?: WorkingCalendar;
  /** Evaluation instant for bundles still open (ISO-8601 with offset); default: the latest record's instant. */
  readonly at?: string;
  /** Detection findings: those about the measured cases become its off-system periods. */
  readonly findings?: readonly Finding[];
  /** Most in-person visits for 最多跑一次 to hold (default 1). */
  readonly maxTrips?: number;
  /** Evidence kinds that put the applicant in an office, counted as trips when offline and not an officer's (default: visit, meeting, signature). */
  readonly tripEvidenceKinds?: readonly string[];
}

/** Default evidence kinds that mean the applicant came in person. */
export const DEFAULT_TRIP_EVIDENCE_KINDS: readonly string[] = ['visit', 'meeting', 'signature'];

const SUCCESS = new Set(['approved', 'approved-deferred', 'filed']);
const DECISIONS = new Set([...SUCCESS, 'denied']);
/** Records of the applicant's own acts (an application, a 补正, a withdrawal, a commitment, picking up a result). */
const APPLICANT_ACTS = new Set(['bundle-submitted', 'received', 'supplement-ended', 'withdrawn-before-acceptance', 'withdrawn', 'committed', 'certificate-issued', 'business-registered']);
const IN_PERSON = new Set(['window', 'offline']);

/** Everything {@link measureGroup} needs besides the records. */
export interface MeasureContext {
  readonly calendar: WorkingCalendar;
  readonly at: string;
  /** The local date of `at`. */
  readonly evaluated: string;
  readonly findings: readonly Finding[];
  readonly maxTrips: number;
  readonly tripEvidenceKinds: ReadonlySet<string>;
}

/** Resolves the defaults of {@link MeasureOptions} against some records. */
export function measureContext(records: readonly EventRecord[], options: MeasureOptions): MeasureContext {
  const { calendar = chinaMainlandCalendar(), findings = [], maxTrips = 1, tripEvidenceKinds = DEFAULT_TRIP_EVIDENCE_KINDS } = options;
  if (!Number.isInteger(maxTrips) || maxTrips < 0) throw new PermitflowError('invalid-argument', `maxTrips is ${maxTrips}; give a whole number ≥ 0.`);
  let at = options.at;
  if (at === undefined) {
    let latest = -Infinity;
    for (const record of records) {
      const time = instantMs(record.at);
      // Of equal instants written differently, the string last in order: the same whatever the record order.
      if (time > latest || (time === latest && record.at > at!)) {
        latest = time;
        at = record.at;
      }
    }
  }
  if (at === undefined) throw new PermitflowError('invalid-argument', 'There are no records to measure; pass the records of at least one case.');
  return { calendar, at, evaluated: calendar.toLocalDate(at), findings, maxTrips, tripEvidenceKinds: new Set(tripEvidenceKinds) };
}

/** A lone flow seen as a one-matter bundle, so both are measured by the same code. */
export function asOneMatterBundle(flow: FlowDefinition): BundleDefinition {
  const promised = flow.limits?.promisedWorkingDays;
  return { id: flow.id, version: flow.version, name: flow.name, leadDepartment: flow.department, matters: [{ matterId: flow.id }], ...(promised === undefined ? {} : { limits: { promisedWorkingDays: promised } }) };
}

/**
 * Measures one 一件事 end to end from its records: a bundle instance (its bundle and case records,
 * plus the records of earlier failed attempts of the same bundle, which move the start of
 * experienced time), or — given a flow instead of a bundle — a lone case with its resubmission chain,
 * measured as a one-matter bundle. See docs/measurement.md for every measure.
 * @throws {PermitflowError} `invalid-argument` when the records name a matter the definition lacks, or there are none.
 * @example
 * const m = measureBundle(instance.records, openBusinessBundle());
 * m.experienced.workingDays; m.official.workingDays; m.trips; m.promisedMet;
 */
export function measureBundle(records: readonly EventRecord[], definition: BundleWithFlows | FlowDefinition, options: MeasureOptions = {}): Measurement {
  const context = measureContext(records, options);
  if ('bundle' in definition) {
    const ids = new Set(records.map((r) => r.caseId));
    const bundleIds = new Set(records.flatMap((r) => (r.bundleId === undefined ? [] : [r.bundleId])));
    const findings = context.findings.filter((f) => (f.caseId !== undefined && ids.has(f.caseId)) || (f.bundleId !== undefined && bundleIds.has(f.bundleId)));
    return measureGroup(records, 'bundle', definition.bundle, definition.flows, context, findings);
  }
  const ids = new Set(records.map((r) => r.caseId));
  const findings = context.findings.filter((f) => f.caseId !== undefined && ids.has(f.caseId));
  return measureGroup(records, 'case', asOneMatterBundle(definition), [definition], context, findings);
}

/** What the caller of {@link measureGroup} knows of a group's records. */
export interface GroupFacts {
  /** The id every record belongs to: the case's (a `case` group, then measured from its one clock) or the bundle instance's (a `bundle` group without earlier attempts). */
  readonly soleId?: string | undefined;
  /** Every instant, the evaluation instant's too, is written alike (the same fixed-width fields and offset), so string order is time order. */
  readonly alike?: boolean;
  /** The records are in time order, their instants written like the evaluation instant (see `computeCaseClockWithDays`). */
  readonly inOrder?: boolean;
}

/**
 * The measuring core: `records` are one bundle instance's (kind `bundle`) or one case chain's (kind
 * `case`, `bundle` a one-matter bundle); `findings` are those about them; `facts` what the caller
 * knows of the records, so that it is not checked again.
 */
export function measureGroup(
  records: readonly EventRecord[],
  kind: 'bundle' | 'case',
  bundle: BundleDefinition,
  flows: readonly FlowDefinition[],
  context: MeasureContext,
  findings: readonly Finding[],
  facts: GroupFacts = {},
): Measurement {
  const { calendar, at, evaluated } = context;
  if (records.length === 0) throw new PermitflowError('invalid-argument', `There are no records to measure for "${bundle.id}".`);
  const { soleId, inOrder = false, alike = false } = facts;
  if (kind === 'case' && soleId !== undefined) {
    const flow = flowOf(flows, bundle.matters[0]!.matterId);
    if (flow === undefined) throw unknownMatter(bundle, bundle.matters[0]!.matterId);
    return measureSoleCase(records, bundle, flow, context, findings, soleId, inOrder);
  }
  const layout = layoutOf(bundle);
  const n = bundle.matters.length;
  const matterFlows: (FlowDefinition | undefined)[] = bundle.matters.map((m) => flowOf(flows, m.matterId));
  const counted = kind === 'bundle' ? (soleId ?? countedBundleId(records, bundle)) : undefined;
  const attempts = kind === 'bundle' && soleId === undefined; // records of earlier failed attempts may be among them
  // Each matter's records, by its position in the bundle; `seen` holds the positions in order of first sight.
  const earlier: EventRecord[] = [];
  const bundleRecords: EventRecord[] = [];
  const matterRecords: EventRecord[][] = [];
  const seen: number[] = [];
  let outOfOrder: boolean[] | undefined; // by position, when a matter's records are not known to be in string order
  if (kind === 'case' && n === 1 && allOfMatter(records, bundle.matters[0]!.matterId)) {
    // A lone case chain: one matter, all its records — no copy.
    if (matterFlows[0] === undefined) throw unknownMatter(bundle, bundle.matters[0]!.matterId);
    matterRecords[0] = records as EventRecord[];
    seen.push(0);
    if (!inOrder) outOfOrder = [true]; // the chain's cases one after another: not known to be in order
  } else {
    for (const record of records) {
      if (attempts && record.bundleId !== counted) earlier.push(record);
      else if (kind === 'bundle' && record.matterId === bundle.id) bundleRecords.push(record);
      else {
        const position = layout.position.get(record.matterId);
        if (position === undefined || matterFlows[position] === undefined) throw unknownMatter(bundle, record.matterId);
        const list = matterRecords[position];
        if (list === undefined) {
          matterRecords[position] = [record];
          seen.push(position);
        } else {
          // Instants written alike are in time order when in string order: the matter's clock need not check.
          if (alike && !inOrder && record.at < list[list.length - 1]!.at) (outOfOrder ??= [])[position] = true;
          list.push(record);
        }
      }
    }
  }
  const clocks: (CaseClock | undefined)[] = new Array<CaseClock | undefined>(n).fill(undefined);
  const clockDays: (CaseClockDays | undefined)[] = new Array<CaseClockDays | undefined>(n).fill(undefined);
  const caseClocks: CaseClock[] = [];
  const caseDays: CaseClockDays[] = [];
  const options = { at };
  for (const position of seen) {
    const facts = recordFacts(inOrder || (alike && outOfOrder?.[position] !== true), false);
    const { clock, days } = computeCaseClockWithDays(matterRecords[position]!, matterFlows[position]!, calendar, options, facts);
    caseClocks.push((clocks[position] = clock));
    caseDays.push((clockDays[position] = days));
  }

  // Per matter.
  const officialSpans: DaySpan[][] = [];
  for (let i = 0; i < n; i++) {
    const clock = clocks[i];
    officialSpans.push(clock === undefined || failed(clock) ? [] : officialSpansOf(clock, clockDays[i]!, evaluated));
  }
  const criticalPath = findCriticalPath(bundle, layout, clocks);
  const matters: MatterMeasurement[] = [];
  const measuredAt: (MatterMeasurement | undefined)[] = [];
  let soleOfficial: Duration | undefined; // the one matter's official time, when the bundle has one matter
  for (let i = 0; i < n; i++) {
    const clock = clocks[i];
    const flow = matterFlows[i];
    if (clock === undefined || flow === undefined) {
      measuredAt.push(undefined);
      continue;
    }
    const official = clock.official !== undefined && clock.acceptedAt !== undefined ? spanDuration(calendar, officialSpans[i]!) : undefined;
    if (n === 1) soleOfficial = official;
    const measured = measureMatter(bundle.matters[i]!, flow, clock, clockDays[i]!, official, criticalPath.includes(bundle.matters[i]!.matterId), context);
    matters.push(measured);
    measuredAt.push(measured);
  }

  let outcome: MeasurementOutcome = 'completed';
  for (let i = 0; i < n; i++) {
    if (failed(clocks[i])) {
      outcome = 'failed';
      break;
    }
    if (!done(matterFlows[i], clocks[i])) outcome = 'open';
  }
  const official = n === 1 ? (soleOfficial ?? spanDuration(calendar, officialSpans[0]!)) : spanDuration(calendar, mergeAll(officialSpans));

  // Stages.
  const stages: readonly StageMeasurement[] = bundle.stages === undefined || bundle.stages.length === 0 ? NONE : bundle.stages.map((stage, s) => {
    const members = layout.stageMembers[s]!;
    const stageOfficial = spanDuration(calendar, mergeAll(members.map((i) => officialSpans[i]!)));
    const stageDone = members.every((i) => done(matterFlows[i], clocks[i]));
    const experienced = spanOf(members.flatMap((i) => measuredAt[i]?.experienced ?? []), calendar, stageDone ? undefined : at);
    const limit = stage.limitWorkingDays === undefined || !members.some((i) => clocks[i]?.acceptedAt !== undefined) ? undefined : limitCheck(stage.limitWorkingDays, stageOfficial.workingDays, stageDone);
    return {
      stageId: stage.id,
      name: stage.name,
      leadDepartment: stage.leadDepartment,
      ...(experienced === undefined ? {} : { experienced }),
      official: stageOfficial,
      ...(limit === undefined ? {} : { limit }),
      done: stageDone,
    };
  });

  // End to end, as the applicant lives it.
  const starts: string[] = [];
  for (const record of earlier) starts.push(record.at);
  for (const record of bundleRecords) if (record.activity === 'bundle-submitted') starts.push(record.at);
  for (const clock of caseClocks) if (clock.experienced !== undefined) starts.push(clock.experienced.from);
  if (starts.length === 0) for (const record of records) starts.push(record.at);
  const ends: string[] = [];
  if (outcome === 'open') ends.push(at);
  else for (const clock of caseClocks) if (clock.experienced !== undefined) ends.push(clock.experienced.to);
  const from = earliest(starts);
  const to = latest(ends.length > 0 ? ends : [at]);
  // A lone case's experienced time is usually its clock's, already counted.
  const sole = caseClocks.length === 1 ? caseClocks[0]!.experienced : undefined;
  const experienced = (sole !== undefined && sole.from === from && sole.to === to ? matters[0]?.experienced : undefined) ?? periodBetween(calendar, from, to);

  // Limits.
  const first = caseClocks[0];
  const lone = kind === 'case' && first !== undefined;
  // Only a completed bundle is judged against its limits; a failed one is judged only when already over.
  const ended = outcome === 'completed';
  return assemble(kind, counted ?? first?.caseId ?? records[0]!.caseId, bundle, records, submitted(bundleRecords), findings, context, {
    outcome,
    experienced,
    official,
    suspensions: matters.length === 1 && caseClocks.length === 1 ? matters[0]!.suspensions : suspensionTotals(calendar, caseClocks, caseDays),
    stages,
    matters: exactLength(matters),
    criticalPath,
    promised: lone ? (first.promised === undefined ? undefined : budgetCheck(first.promised, ended)) : bundle.limits?.promisedWorkingDays === undefined ? undefined : limitCheck(bundle.limits.promisedWorkingDays, official.workingDays, ended),
    statutory: lone ? (first.statutory === undefined ? undefined : budgetCheck(first.statutory, ended)) : bundle.limits?.statutoryWorkingDays === undefined ? undefined : limitCheck(bundle.limits.statutoryWorkingDays, official.workingDays, ended),
    provisional: caseClocks.some((c) => c.provisional),
  });
}

/**
 * {@link measureGroup} for a lone case alone in its chain: `records` are all of case `caseId`, and
 * `bundle` is its flow as a one-matter bundle. The same measurement, counted from its one clock
 * without the bundle's per-matter bookkeeping (most of a log's measurements are of such cases).
 */
function measureSoleCase(records: readonly EventRecord[], bundle: BundleDefinition, flow: FlowDefinition, context: MeasureContext, findings: readonly Finding[], caseId: string, inOrder: boolean): Measurement {
  const { calendar, at } = context;
  if (!allOfMatter(records, flow.id)) throw unknownMatter(bundle, records.find((r) => r.matterId !== flow.id)!.matterId);
  const { clock, days } = computeCaseClockWithDays(records, flow, calendar, { at, caseId }, recordFacts(inOrder, true));
  const dropped = failed(clock);
  const accepted = clock.official !== undefined && clock.acceptedAt !== undefined;
  const official = !accepted || dropped ? NO_TIME : officialTimeOf(clock, days, context);
  const criticalPath = soleCriticalPath(layoutOf(bundle), clock);
  const matter = measureMatter(bundle.matters[0]!, flow, clock, days, accepted ? official : undefined, criticalPath.length > 0, context);
  const outcome: MeasurementOutcome = dropped ? 'failed' : done(flow, clock) ? 'completed' : 'open';
  const sole = clock.experienced;
  const to = outcome === 'open' || sole === undefined ? at : sole.to;
  const experienced = sole !== undefined && sole.to === to ? matter.experienced! : periodBetween(calendar, sole?.from ?? earliest(records.map((r) => r.at)), to);
  const ended = outcome === 'completed';
  return assemble('case', caseId, bundle, records, false, findings, context, {
    outcome,
    experienced,
    official,
    suspensions: matter.suspensions,
    stages: NONE,
    matters: [matter],
    criticalPath,
    promised: clock.promised === undefined ? undefined : budgetCheck(clock.promised, ended),
    statutory: clock.statutory === undefined ? undefined : budgetCheck(clock.statutory, ended),
    provisional: clock.provisional,
  });
}

/** One matter's measurement from its clock; `official` is its official time, counted by the caller, when it was accepted. */
function measureMatter(matter: BundleDefinition['matters'][number], flow: FlowDefinition, clock: CaseClock, days: CaseClockDays, official: Duration | undefined, critical: boolean, context: MeasureContext): MatterMeasurement {
  // A decision (approval, filing or denial) ends the office's time; a withdrawal leaves no verdict.
  const decided = clock.outcome !== undefined && DECISIONS.has(clock.outcome);
  // Built field by field, in the order of the type: no spread per optional field (this runs per case).
  const measured = { matterId: matter.matterId, name: flow.name, department: flow.department } as Mutable<MatterMeasurement>;
  if (matter.stage !== undefined) measured.stageId = matter.stage;
  measured.caseIds = clock.chain;
  if (clock.outcome !== undefined) measured.outcome = clock.outcome;
  if (clock.experienced !== undefined) measured.experienced = period(clock.experienced.from, clock.experienced.to, clock.experienced);
  if (official !== undefined) measured.official = period(clock.acceptedAt!, clock.official!.to, official);
  measured.dropped = failed(clock);
  measured.suspensions = clock.ledger.length === 0 ? NO_SUSPENSIONS : suspensionTotals(context.calendar, [clock], [days]);
  measured.pauses = clock.ledger.length === 0 ? NONE : clock.ledger.map((s) => pauseOf(s, context.at));
  if (clock.promised !== undefined) measured.promised = budgetCheck(clock.promised, decided);
  if (clock.statutory !== undefined) measured.statutory = budgetCheck(clock.statutory, decided);
  measured.critical = critical;
  return measured;
}

/** What a measurement counts, besides what {@link assemble} reads from the records and findings. */
interface Counted {
  readonly outcome: MeasurementOutcome;
  readonly experienced: Period;
  readonly official: Duration;
  readonly suspensions: SuspensionTotals;
  readonly stages: readonly StageMeasurement[];
  readonly matters: readonly MatterMeasurement[];
  readonly criticalPath: readonly string[];
  readonly promised: LimitCheck | undefined;
  readonly statutory: LimitCheck | undefined;
  readonly provisional: boolean;
}

/** The measurement: what was counted, the applicant's acts read from the records, the off-system periods from the findings. */
function assemble(kind: Measurement['kind'], id: string, bundle: BundleDefinition, records: readonly EventRecord[], submittedOnce: boolean, findings: readonly Finding[], context: MeasureContext, counted: Counted): Measurement {
  const acts = applicantActs(records, submittedOnce, context);
  const { promised, experienced } = counted;
  // Built field by field, in the order of the type.
  const measurement = { kind, id, definitionId: bundle.id, name: bundle.name, department: bundle.leadDepartment } as Mutable<Measurement>;
  if (acts.applicantId !== undefined) measurement.applicantId = acts.applicantId;
  if (acts.projectCode !== undefined) measurement.projectCode = acts.projectCode;
  measurement.outcome = counted.outcome;
  measurement.experienced = experienced;
  measurement.official = counted.official;
  measurement.suspensions = counted.suspensions;
  measurement.offSystem = offSystemOf(findings, context.calendar);
  measurement.stages = counted.stages;
  measurement.matters = counted.matters;
  measurement.criticalPath = counted.criticalPath;
  measurement.trips = acts.tripDays.length;
  measurement.tripDays = acts.tripDays;
  measurement.atMostOneTrip = acts.tripDays.length <= context.maxTrips;
  measurement.forms = acts.forms;
  measurement.materialSubmissions = acts.materialSubmissions;
  measurement.repeatedMaterials = acts.repeated;
  if (promised !== undefined) measurement.promised = promised;
  if (promised?.met !== undefined && counted.outcome === 'completed') measurement.promisedMet = promised.met;
  if (counted.statutory !== undefined) measurement.statutory = counted.statutory;
  measurement.month = monthOf(context.calendar.toLocalDate(experienced.from));
  measurement.provisional = counted.provisional;
  return measurement;
}

const months = new Map<string, string>();

/** The month (`YYYY-MM`) of a local date: one string per date, shared by the measurements that start on it. */
function monthOf(date: string): string {
  let month = months.get(date);
  if (month === undefined) months.set(date, (month = date.slice(0, 7)));
  return month;
}

/** A ledger entry as a measurement's pause: its kind, its reason (or stopped step), its instants (an open one ends at `at`). */
function pauseOf(entry: Suspension, at: string): Pause {
  const reason = entry.reason?.kind ?? entry.stepId;
  return reason === undefined ? { kind: entry.kind, from: entry.from, to: entry.to ?? at } : { kind: entry.kind, reason, from: entry.from, to: entry.to ?? at };
}

/** Whether every record is of that matter. */
function allOfMatter(records: readonly EventRecord[], matterId: string): boolean {
  for (const record of records) if (record.matterId !== matterId) return false;
  return true;
}

/** Whether a bundle's own records include its submission (一表申请). */
function submitted(bundleRecords: readonly EventRecord[]): boolean {
  for (const record of bundleRecords) if (record.activity === 'bundle-submitted') return true;
  return false;
}

/** The flow of a matter: the last one of that id, as a map built from them would keep. */
function flowOf(flows: readonly FlowDefinition[], matterId: string): FlowDefinition | undefined {
  for (let i = flows.length - 1; i >= 0; i--) if (flows[i]!.id === matterId) return flows[i];
  return undefined;
}

/** Whether a matter has its result: a cancelled matter needs none; otherwise an approval or filing that statistics keep. */
function done(flow: FlowDefinition | undefined, clock: CaseClock | undefined): boolean {
  if (flow?.mode === 'cancelled') return true;
  return clock?.outcome !== undefined && SUCCESS.has(clock.outcome) && clock.official?.dropped !== true;
}

/** The error for records of a matter the bundle does not list (or whose flow was not passed). */
function unknownMatter(bundle: BundleDefinition, matterId: string): PermitflowError {
  return new PermitflowError('invalid-argument', `The records name matter "${matterId}", which bundle "${bundle.id}" does not have; measure them with their own definition.`);
}

/** Whether a matter's counted case ended without a kept approval (withdrawn, refused, denied, revoked…). */
function failed(clock: CaseClock | undefined): boolean {
  return clock?.outcome !== undefined && (!SUCCESS.has(clock.outcome) || clock.official?.dropped === true);
}

/** The instant a matter ended: its result as the applicant gets it, else the end of its case. */
function endOf(clock: CaseClock): string | undefined {
  return clock.experienced?.open === false ? clock.experienced.to : clock.endedAt;
}

/** The bundle instance counted: the one submitted last (earlier ones are failed attempts it resubmits). */
function countedBundleId(records: readonly EventRecord[], bundle: BundleDefinition): string {
  let best: { id: string; time: number } | undefined;
  for (const record of records) {
    if (record.bundleId === undefined) continue;
    const time = record.activity === 'bundle-submitted' && record.matterId === bundle.id ? instantMs(record.at) : -Infinity;
    if (best === undefined || time > best.time) best = { id: record.bundleId, time };
  }
  if (best === undefined) throw new PermitflowError('invalid-argument', `measureBundle needs the records of a bundle instance (records with a bundleId) of bundle "${bundle.id}".`);
  return best.id;
}

function period(from: string, to: string, duration: Duration): Period {
  return { from, to, workingDays: duration.workingDays, naturalDays: duration.naturalDays };
}

function spanDuration(calendar: WorkingCalendar, spans: readonly DaySpan[]): Duration {
  return duration(spanWorkingDays(calendar, spans), spanNaturalDays(spans));
}

/** The duration of the union of some day spans. */
function unionDuration(calendar: WorkingCalendar, spans: ReadonlyArray<readonly [string, string]>): Duration {
  return spanDuration(calendar, mergeSpans(spans, '0000-01-01', '9999-12-31'));
}

function mergeAll(lists: readonly (readonly DaySpan[])[]): DaySpan[] {
  return mergeSpans(lists.flat(), '0000-01-01', '9999-12-31');
}

/** A case's official day spans: (acceptance, result], minus the suspensions statistics remove. */
function officialSpansOf(clock: CaseClock, days: CaseClockDays, evaluated: string): DaySpan[] {
  if (days.accepted === undefined || clock.official === undefined) return [];
  const active = mergeSpans([[days.accepted, days.end]], '0000-01-01', evaluated);
  if (active.length === 0) return active;
  const stopped: (readonly [string, string])[] = [];
  for (let i = 0; i < clock.ledger.length; i++) if (clock.ledger[i]!.stopsOfficialClock) stopped.push(days.ledger[i]!);
  return stopped.length === 0 ? active : subtractSpans(active, mergeSpans(stopped, '0000-01-01', evaluated));
}

/** A sole case's official time: its clock's own count when nothing stopped the official clock, else its official spans counted. */
function officialTimeOf(clock: CaseClock, days: CaseClockDays, context: MeasureContext): Duration {
  for (const entry of clock.ledger) if (entry.stopsOfficialClock) return spanDuration(context.calendar, officialSpansOf(clock, days, context.evaluated));
  return duration(clock.official!.workingDays, clock.official!.naturalDays);
}

/*
 * Measurements are read-only values. The empty lists they hold, and their durations and limit
 * checks of small whole numbers of days, are shared frozen objects (one per value), not fresh ones
 * per measurement: a log's measurements are kept in memory together, and every object kept costs
 * collection time.
 */
const NONE: readonly never[] = Object.freeze([]);
const NO_OFF_SYSTEM: Measurement['offSystem'] = Object.freeze({ workingDays: 0, periods: NONE });
/** Day counts below this are shared. */
const SHARED_BELOW = 4096;
const durations = new Map<number, Duration>();
const limitChecks = new Map<number, LimitCheck>();

function isShared(days: number): boolean {
  return days >= 0 && days < SHARED_BELOW && Number.isInteger(days);
}

function duration(workingDays: number, naturalDays: number): Duration {
  if (!isShared(workingDays) || !isShared(naturalDays)) return { workingDays, naturalDays };
  const key = workingDays * SHARED_BELOW + naturalDays;
  let shared = durations.get(key);
  if (shared === undefined) durations.set(key, (shared = Object.freeze({ workingDays, naturalDays })));
  return shared;
}

const NO_TIME = duration(0, 0);
const RECORD_FACTS: readonly RecordFacts[] = [{}, { inOrder: true }, { oneCase: true }, { inOrder: true, oneCase: true }];

/** What a clock is told of its records (see `computeCaseClockWithDays`): one shared object per combination. */
function recordFacts(inOrder: boolean, oneCase: boolean): RecordFacts {
  return RECORD_FACTS[(inOrder ? 1 : 0) + (oneCase ? 2 : 0)]!;
}

const NO_SUSPENSIONS: SuspensionTotals = Object.freeze({ supplement: NO_TIME, 'special-procedure': NO_TIME, 'stopped-step': NO_TIME });

/** Suspension time by kind: per kind, the union of the cases' suspensions (`days` are the clocks' local dates, clock by clock). */
function suspensionTotals(calendar: WorkingCalendar, clocks: readonly CaseClock[], days: readonly CaseClockDays[]): SuspensionTotals {
  let entries = 0;
  for (const clock of clocks) entries += clock.ledger.length;
  if (entries === 0) return NO_SUSPENSIONS;
  const spans: Record<SuspensionKind, (readonly [string, string])[]> = { supplement: [], 'special-procedure': [], 'stopped-step': [] };
  for (let c = 0; c < clocks.length; c++) {
    const ledger = clocks[c]!.ledger;
    for (let i = 0; i < ledger.length; i++) spans[ledger[i]!.kind].push(days[c]!.ledger[i]!);
  }
  return { supplement: unionDuration(calendar, spans.supplement), 'special-procedure': unionDuration(calendar, spans['special-procedure']), 'stopped-step': unionDuration(calendar, spans['stopped-step']) };
}

function limitCheck(limit: number, used: number, ended: boolean): LimitCheck {
  const met = used > limit ? false : ended ? true : undefined;
  if (!isShared(limit) || !isShared(used)) return { limitWorkingDays: limit, usedWorkingDays: used, met };
  const key = (limit * SHARED_BELOW + used) * 3 + (met === undefined ? 2 : met ? 1 : 0);
  let shared = limitChecks.get(key);
  if (shared === undefined) limitChecks.set(key, (shared = Object.freeze({ limitWorkingDays: limit, usedWorkingDays: used, met })));
  return shared;
}

/** A case budget as a limit check: the law's count, an approved Art. 42 extension included. */
function budgetCheck(budget: Budget, ended: boolean): LimitCheck {
  return limitCheck(budget.limitWorkingDays, budget.usedWorkingDays, ended);
}

/** The earliest (`order` −1) or latest (`order` 1) of some instants; ties go to the string first (last) in order. */
function extreme(instants: readonly string[], order: 1 | -1): string {
  let best = instants[0]!;
  if (instants.length === 1) return best;
  let bestTime = instantMs(best);
  for (const instant of instants) {
    const time = instantMs(instant);
    if ((time - bestTime) * order > 0 || (time === bestTime && (instant < best ? -1 : instant > best ? 1 : 0) * order > 0)) [best, bestTime] = [instant, time];
  }
  return best;
}

const earliest = (instants: readonly string[]): string => extreme(instants, -1);
const latest = (instants: readonly string[]): string => extreme(instants, 1);

/** The smallest period covering some periods; open ones run to `openUntil`. */
function spanOf(periods: readonly Period[], calendar: WorkingCalendar, openUntil: string | undefined): Period | undefined {
  if (periods.length === 0) return undefined;
  return periodBetween(calendar, earliest(periods.map((p) => p.from)), openUntil ?? latest(periods.map((p) => p.to)));
}

/** The period from → to, counted in the calendar's working and natural days. */
function periodBetween(calendar: WorkingCalendar, from: string, to: string): Period {
  const a = calendar.toLocalDate(from);
  const b = calendar.toLocalDate(to);
  return { from, to, workingDays: calendar.workingDaysBetween(a, b), naturalDays: naturalDaysBetween(a, b) };
}

/** What measuring needs of a bundle definition besides the records, worked out once per definition (definitions are data, not changed in place). */
interface BundleLayout {
  /** Each matter's position in `bundle.matters`. */
  readonly position: ReadonlyMap<string, number>;
  /** Per matter position, the positions of the matters it waits on: its `dependsOn`, and every matter of an earlier stage. */
  readonly waitsOn: readonly (readonly number[])[];
  /** Per stage of `bundle.stages`, the positions of its matters. */
  readonly stageMembers: readonly (readonly number[])[];
  /** The critical path of a one-matter bundle whose matter has ended: that matter. */
  readonly onlyMatter: readonly string[];
}

const layouts = new WeakMap<BundleDefinition, BundleLayout>();

function layoutOf(bundle: BundleDefinition): BundleLayout {
  let layout = layouts.get(bundle);
  if (layout !== undefined) return layout;
  const stageIndex = new Map((bundle.stages ?? []).map((s, i) => [s.id, i]));
  const position = new Map<string, number>();
  bundle.matters.forEach((m, i) => position.set(m.matterId, position.get(m.matterId) ?? i));
  const waitsOn = bundle.matters.map((matter) => {
    const index = matter.stage === undefined ? undefined : stageIndex.get(matter.stage);
    const waited: number[] = [];
    bundle.matters.forEach((m, i) => {
      if ((matter.dependsOn ?? []).includes(m.matterId) || (index !== undefined && m.stage !== undefined && (stageIndex.get(m.stage) ?? Infinity) < index)) waited.push(i);
    });
    return waited;
  });
  const stageMembers = (bundle.stages ?? []).map((stage) => bundle.matters.flatMap((m, i) => (m.stage === stage.id ? [i] : [])));
  layout = { position, waitsOn, stageMembers, onlyMatter: Object.freeze(bundle.matters.slice(0, 1).map((m) => m.matterId)) };
  layouts.set(bundle, layout);
  return layout;
}

/**
 * The matters that decided the end date, first to last: the matter that ended last, then, going
 * back, the matter it waited on (its `dependsOn`, or any matter of an earlier stage) that ended last.
 */
function findCriticalPath(bundle: BundleDefinition, layout: BundleLayout, clocks: readonly (CaseClock | undefined)[]): readonly string[] {
  if (clocks.length === 1) return soleCriticalPath(layout, clocks[0]);
  const ends: number[] = [];
  const ended: number[] = [];
  for (let i = 0; i < clocks.length; i++) {
    const clock = clocks[i];
    const end = clock === undefined ? undefined : endOf(clock);
    ends.push(end === undefined ? -Infinity : instantMs(end));
    if (!failed(clock)) ended.push(i);
  }
  const path: string[] = [];
  let current = endedLast(ended, ends);
  while (current !== undefined) {
    const matterId = bundle.matters[current]!.matterId;
    if (path.includes(matterId)) break;
    path.push(matterId);
    current = endedLast(layout.waitsOn[current]!, ends);
  }
  return exactLength(path).reverse();
}

/** The critical path of a one-matter bundle: its matter, once it has ended without failing. */
function soleCriticalPath(layout: BundleLayout, clock: CaseClock | undefined): readonly string[] {
  const end = clock === undefined || failed(clock) ? undefined : endOf(clock);
  return end !== undefined && instantMs(end) > -Infinity ? layout.onlyMatter : NONE;
}

/** The candidate position with the latest end time (the first of equals), if any has ended. */
function endedLast(candidates: readonly number[], ends: readonly number[]): number | undefined {
  let best: number | undefined;
  let bestTime = -Infinity;
  for (const i of candidates) {
    const time = ends[i]!;
    if (time > bestTime) {
      best = i;
      bestTime = time;
    }
  }
  return best;
}

/** Who the applicant is, and what they did: the days they came in person, the forms they filled in, the materials they handed over. */
interface ApplicantActs {
  /** The first applicant id and project code the records give. */
  readonly applicantId: string | undefined;
  readonly projectCode: string | undefined;
  readonly tripDays: readonly string[];
  readonly forms: number;
  readonly materialSubmissions: number;
  /** Materials handed over on more than one application record. */
  readonly repeated: readonly string[];
}

/**
 * One pass over the records for the applicant's side: who they are, and their acts. A trip is a window or offline record of the
 * applicant's own act, or offline evidence of a kind that puts them in an office and that is theirs
 * (no actor, or the applicant) — an officer's own meeting is not a visit — counted by day. An
 * application is a `bundle-submitted` or `received` record — but in a bundle submitted once, each
 * matter's `received` (and `business-registered`) is the system fanning that one application out:
 * neither a visit, nor a form, nor materials handed over again.
 */
function applicantActs(records: readonly EventRecord[], submittedOnce: boolean, context: MeasureContext): ApplicantActs {
  // Arrays, not sets: an applicant comes on a few days and files a few applications.
  const tripDays: string[] = [];
  const applications: (readonly string[])[] = [];
  let forms = 0;
  let materialSubmissions = 0;
  let applicantId: string | undefined;
  let projectCode: string | undefined;
  for (const record of records) {
    applicantId ??= record.applicantId;
    projectCode ??= record.projectCode;
    const fannedOut = submittedOnce && record.bundleId !== undefined && (record.activity === 'received' || record.activity === 'business-registered');
    if (record.channel !== undefined && IN_PERSON.has(record.channel)) {
      const own =
        record.source === 'system'
          ? APPLICANT_ACTS.has(record.activity) && !fannedOut
          : record.evidenceKind !== undefined && context.tripEvidenceKinds.has(record.evidenceKind) && (record.actor === undefined || record.actor.role === 'applicant');
      if (own) {
        const day = context.calendar.toLocalDate(record.at);
        if (!tripDays.includes(day)) tripDays.push(day);
      }
    }
    if (record.source !== 'system' || fannedOut) continue;
    const application = record.activity === 'bundle-submitted' || record.activity === 'received';
    if (application) {
      forms++;
      if (record.materials !== undefined && record.materials.length > 0) applications.push(record.materials);
    }
    if (application || record.activity === 'supplement-ended') materialSubmissions += record.materials?.length ?? 0;
  }
  return { applicantId, projectCode, tripDays: tripDays.length === 0 ? NONE : ascending(tripDays) ? exactLength(tripDays) : exactLength(tripDays).sort(), forms, materialSubmissions, repeated: repeatedMaterials(applications) };
}

/** Whether strings are in ascending order already (sorting copies even an ordered array). */
function ascending(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]! < list[i - 1]!) return false;
  return true;
}

/** Materials handed over on more than one application (a material listed twice on one counts once), sorted. */
function repeatedMaterials(applications: readonly (readonly string[])[]): readonly string[] {
  if (applications.length < 2) return NONE;
  const seen = new Map<string, number>();
  for (const materials of applications) {
    for (let index = 0; index < materials.length; index++) {
      const material = materials[index]!;
      if (materials.indexOf(material) === index) seen.set(material, (seen.get(material) ?? 0) + 1);
    }
  }
  const repeated: string[] = [];
  seen.forEach((count, material) => {
    if (count > 1) repeated.push(material);
  });
  return repeated.length === 0 ? NONE : exactLength(repeated).sort();
}

/**
 * Off-system periods from findings with an interval and hidden days. Overlapping findings are merged:
 * each merged stretch counts the sum of its findings' hidden days, at most its own working days.
 */
function offSystemOf(findings: readonly Finding[], calendar: WorkingCalendar): Measurement['offSystem'] {
  const periods: OffSystemPeriod[] = [];
  for (const f of findings) {
    if (f.interval === undefined || f.hiddenWorkingDays === undefined || f.hiddenWorkingDays <= 0) continue;
    periods.push({
      code: f.code,
      ...(f.caseId === undefined ? {} : { caseId: f.caseId }),
      ...(f.matterId === undefined ? {} : { matterId: f.matterId }),
      from: f.interval.from,
      to: f.interval.to,
      hiddenWorkingDays: f.hiddenWorkingDays,
      recordIds: f.recordIds,
    });
  }
  if (periods.length === 0) return NO_OFF_SYSTEM;
  periods.sort((a, b) => instantMs(a.from) - instantMs(b.from) || a.code.localeCompare(b.code));
  let workingDays = 0;
  const [first, ...rest] = periods;
  let group = { from: first!.from, to: first!.to, hidden: first!.hiddenWorkingDays };
  for (const p of rest) {
    if (instantMs(p.from) <= instantMs(group.to)) {
      group.hidden += p.hiddenWorkingDays;
      if (instantMs(p.to) > instantMs(group.to)) group.to = p.to;
    } else {
      workingDays += hiddenDays(calendar, group);
      group = { from: p.from, to: p.to, hidden: p.hiddenWorkingDays };
    }
  }
  return { workingDays: workingDays + hiddenDays(calendar, group), periods: exactLength(periods) };
}

/** A merged stretch's hidden working days: the sum of its findings', at most its own working days. */
function hiddenDays(calendar: WorkingCalendar, group: { from: string; to: string; hidden: number }): number {
  return Math.min(group.hidden, calendar.workingDaysBetween(calendar.toLocalDate(group.from), calendar.toLocalDate(group.to)));
}
