import { createActor, type Actor as XstateActor, type SnapshotFrom } from 'xstate';
import type { EventRecord } from '../event-log/event-record';
import { statusOf } from '../event-log/activities';
import type { FlowDefinition } from '../definition/schemas';
import { DEFAULT_EXTENSION_WORKING_DAYS } from '../definition/defaults';
import {
  ACTIVE_TAG,
  LIFECYCLE_STATES,
  PENDING_TAG,
  type FlowMachine,
  type LifecycleState,
} from '../compiler/compile-flow';
import { COMMAND_AUTHORITY, FLOW_EVENT_TYPES, type FlowEvent } from '../compiler/flow-events';
import { placeSteps } from '../_internal/process-tree';
import { actorOf } from '../_internal/actor-of';
import { formatInstant } from '../_internal/format-instant';
import type { Mutable } from '../_internal/mutable';
import { addDays } from '../_internal/local-date';
import type { WorkingCalendar } from '../calendar';
import { computeCaseClock, type CaseClock, type WarningThreshold } from '../clocks';
import { VERIFICATION_RESULTS } from '../clocks/compute-case-clock';
import type { Clock } from './clock';
import { PERSISTED_INSTANCE_FORMAT, type PersistedFlowInstance } from './persisted-instance';
import { recordActivity } from './record-activity';

/** Why a command was rejected. */
export type RejectionCode =
  | 'case-closed'
  | 'unknown-command'
  | 'unknown-step'
  | 'wrong-actor'
  | 'suspended'
  | 'not-allowed-now';

/** A rejected command: nothing changed, and this says why. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
}

/** What `send` returns: the records appended, or why nothing happened. */
export type SendResult =
  | { readonly accepted: true; readonly records: readonly EventRecord[] }
  | { readonly accepted: false; readonly rejection: Rejection };

/** Links a case to its applicant, project and bundle; copied onto every record. */
export interface CaseLinks {
  /** The applicant (links resubmission chains). */
  readonly applicantId?: string;
  /** 项目代码 of the project (links resubmission chains and stages). */
  readonly projectCode?: string;
  /** The bundle (一件事) instance this case belongs to. */
  readonly bundleId?: string;
}

/** Options shared by {@link createFlowInstance} and {@link restoreFlowInstance}. */
export interface FlowInstanceOptions {
  /** Where time comes from; xstate's `SimulatedClock` works. Defaults to the wall clock. */
  readonly clock?: Clock;
  /** The working-day calendar of the statutory clocks; the mainland calendar by default. */
  readonly calendar?: WorkingCalendar;
  /** When a budget is near its end, for `deadline-warning` records (default: 2 working days left). */
  readonly warning?: WarningThreshold;
}

/** A running case of a flow. Every accepted command appends event records; a rejected one changes nothing. */
export interface FlowInstance<TStepId extends string = string> {
  /** The definition this case runs. */
  readonly flow: FlowDefinition;
  /** The compiled machine. */
  readonly machine: FlowMachine<TStepId>;
  /** The case id (办件编号). */
  readonly caseId: string;
  /** The top-level lifecycle state. */
  readonly state: LifecycleState;
  /** The xstate snapshot (full state value, context, tags). */
  readonly snapshot: SnapshotFrom<FlowMachine<TStepId>>;
  /** Every record this case has written, oldest first. */
  readonly records: readonly EventRecord[];
  /** Whether the case has reached a final state (nothing more can happen to it). */
  readonly done: boolean;
  /** Steps being worked on now. */
  activeSteps(): TStepId[];
  /** Steps that may be started now (for a choice: the first steps of every branch). */
  pendingSteps(): TStepId[];
  /** Whether `send(event)` would be accepted now. */
  can(event: FlowEvent<TStepId>): boolean;
  /** Applies a command; never throws for a command the case cannot take, and then changes nothing. */
  send(event: FlowEvent<TStepId>): SendResult;
  /** The case as plain JSON, for a store; {@link restoreFlowInstance} continues it exactly. */
  persist(): PersistedFlowInstance;
  /**
   * The case's clocks now (or at `at`), computed from its records: budgets, deadlines, the
   * suspension ledger, official and experienced time. See `computeCaseClock`.
   * @throws {CalendarCoverageError} when the case runs on days the calendar does not cover.
   */
  clocks(at?: string): CaseClock;
  /** Cancels the pending deadline timer; call it when you drop an instance that runs on the wall clock. */
  stop(): void;
  /**
   * Calls `listener` with the records of every append — accepted commands and the deadline
   * records the timer writes — so a store can save them. Returns the unsubscribe function.
   */
  subscribe(listener: (records: readonly EventRecord[]) => void): () => void;
}

const EVENT_TYPES = new Set<string>(FLOW_EVENT_TYPES);
const TOP_STATES = new Set<string>(LIFECYCLE_STATES);


/**
 * Records after which a deadline may have moved later or started, so the timer is armed again.
 * A suspension that starts needs nothing: deadlines only move later, and a timer that fires early
 * finds the case paused and waits for the suspension to end. (Plus the end of a clock-stopping step.)
 */
const REARM_ACTIVITIES = new Set<string>([
  'window-accepted',
  'department-accepted',
  'committed',
  'supplement-ended',
  'special-procedure-ended',
  'extension-approved',
]);
/** For a notify-commit matter, also the approvals: its post-verification window starts at the decision. */
const REARM_TO_VERIFY = new Set<string>(['approved', 'approved-deferred']);

/** Per flow, what an instance needs to know of its steps; built once, not per case. */
const stepTables = new WeakMap<FlowDefinition, { steps: ReadonlyMap<string, { department: string; role: string }>; stopped: ReadonlySet<string> }>();
function stepTable(flow: FlowDefinition) {
  let table = stepTables.get(flow);
  if (table === undefined) {
    const places = placeSteps(flow.process);
    table = {
      steps: new Map(places.map(({ step }) => [step.id, step])),
      stopped: new Set(places.filter(({ step }) => step.clock === 'stopped').map(({ step }) => step.id)),
    };
    stepTables.set(flow, table);
  }
  return table;
}

/** Longest delay a timer takes without overflowing (2^31 − 1 ms, about 24.8 days). */
const MAX_DELAY = 2_147_483_647;

function topState(value: unknown): LifecycleState {
  const key = typeof value === 'string' ? value : Object.keys(value as object)[0];
  if (key === undefined || !TOP_STATES.has(key)) throw new Error(`Unexpected machine state ${JSON.stringify(value)}`);
  return key as LifecycleState;
}

function stepsTagged(tags: ReadonlySet<string>, prefix: string): string[] {
  const out: string[] = [];
  for (const tag of tags) if (tag.startsWith(prefix)) out.push(tag.slice(prefix.length));
  return out;
}

/** The one implementation behind create and restore. */
export class FlowInstanceImpl<TStepId extends string> implements FlowInstance<TStepId> {
  readonly caseId: string;
  private readonly actor: XstateActor<FlowMachine<TStepId>>;
  private readonly clock: Clock;
  private readonly links: CaseLinks;
  private readonly utcOffset: string;
  private readonly log: EventRecord[];
  private readonly steps: ReadonlyMap<string, { department: string; role: string }>;
  private readonly stoppedSteps: ReadonlySet<string>;
  private readonly calendar: WorkingCalendar;
  private readonly warning: WarningThreshold;
  private timer: { id: unknown } | undefined;
  private readonly listeners = new Set<(records: readonly EventRecord[]) => void>();

  constructor(
    readonly flow: FlowDefinition,
    readonly machine: FlowMachine<TStepId>,
    init: {
      caseId: string;
      links: CaseLinks;
      utcOffset: string;
      clock: Clock;
      calendar: WorkingCalendar;
      warning: WarningThreshold;
      records: EventRecord[];
      snapshot?: unknown;
    },
  ) {
    this.caseId = init.caseId;
    this.links = init.links;
    this.utcOffset = init.utcOffset;
    this.clock = init.clock;
    this.log = init.records;
    this.calendar = init.calendar;
    this.warning = init.warning;
    const table = stepTable(flow);
    this.steps = table.steps;
    this.stoppedSteps = table.stopped;
    this.actor = createActor(machine, {
      clock: init.clock,
      ...(init.snapshot === undefined ? {} : { snapshot: init.snapshot as SnapshotFrom<FlowMachine<TStepId>> }),
    }).start();
    this.armDeadlineTimer();
  }

  get snapshot(): SnapshotFrom<FlowMachine<TStepId>> {
    return this.actor.getSnapshot();
  }

  get state(): LifecycleState {
    return topState(this.snapshot.value);
  }

  get records(): readonly EventRecord[] {
    return this.log;
  }

  get done(): boolean {
    return this.snapshot.status !== 'active';
  }

  activeSteps(): TStepId[] {
    return stepsTagged(this.snapshot.tags, ACTIVE_TAG) as TStepId[];
  }

  pendingSteps(): TStepId[] {
    return this.snapshot.status === 'active' && this.snapshot.context.suspension === null
      ? (stepsTagged(this.snapshot.tags, PENDING_TAG) as TStepId[])
      : [];
  }

  can(event: FlowEvent<TStepId>): boolean {
    return this.snapshot.status === 'active' && EVENT_TYPES.has(event.type) && this.snapshot.can(event);
  }

  send(event: FlowEvent<TStepId>): SendResult {
    const before = this.actor.getSnapshot();
    if (before.status !== 'active' || !EVENT_TYPES.has(event.type)) {
      return { accepted: false, rejection: this.explain(event, before) };
    }
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    if (after === before) return { accepted: false, rejection: this.explain(event, before) };
    const record = this.record(event, topState(after.value));
    this.log.push(record);
    let records: EventRecord[] = [record];
    if (this.done) this.stop();
    else if (
      REARM_ACTIVITIES.has(record.activity) ||
      (record.lifecycle === 'complete' && this.stoppedSteps.has(record.activity)) ||
      (this.flow.notifyCommit !== undefined && REARM_TO_VERIFY.has(record.activity))
    ) {
      records = [record, ...this.armDeadlineTimer()];
    }
    this.notify(records);
    return { accepted: true, records };
  }

  subscribe(listener: (records: readonly EventRecord[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(records: readonly EventRecord[]): void {
    for (const listener of this.listeners) listener(records);
  }

  clocks(at?: string): CaseClock {
    return computeCaseClock(this.log, this.flow, this.calendar, {
      at: at ?? formatInstant(this.clock.now(), this.utcOffset),
      caseId: this.caseId,
      warning: this.warning,
    });
  }

  stop(): void {
    if (this.timer) this.clock.clearTimeout(this.timer.id);
    this.timer = undefined;
  }

  /**
   * Appends the deadline records now due and sets a timer for the next moment one falls due:
   * the start of the first day a budget is in warning, and of the day after its deadline. Each
   * record is stamped with the moment it fell due (never before the last record), so a case
   * restored later, or a clock that jumps, writes the same records. The moments are projected
   * from the clocks, so suspensions and extensions move them.
   */
  private armDeadlineTimer(): EventRecord[] {
    this.stop();
    const limits = this.flow.limits;
    const verifies = this.flow.notifyCommit !== undefined;
    if (this.log.length === 0 || this.done || (limits?.statutoryWorkingDays === undefined && limits?.promisedWorkingDays === undefined && !verifies)) return [];
    if (!this.calendar.provisional) {
      const year = Number(this.calendar.toLocalDate(formatInstant(this.clock.now(), this.utcOffset)).slice(0, 4));
      const { firstYear, lastYear } = this.calendar.coverage;
      if (year < firstYear || year > lastYear) return []; // outside the calendar's years: clocks() tells the caller; timers stay off
    }
    let clocks: CaseClock;
    try {
      clocks = this.clocks();
    } catch {
      return []; // a deadline beyond the calendar's years: the same
    }
    // The statutory and promised budgets run while the case does; the post-verification window after the decision, until its result.
    const watched = clocks.phase === 'running' ? (['statutory', 'promised'] as const) : clocks.verification !== undefined && !this.verified() ? (['verification'] as const) : [];
    if (watched.length === 0) return [];
    const now = this.clock.now();
    const last = Date.parse(this.log.at(-1)!.at);
    const due: Array<{ at: number; activity: string; attrs: Record<string, string | number> }> = [];
    let next = Infinity;
    for (const name of watched) {
      const budget = clocks[name];
      if (budget?.deadline === undefined) continue;
      const { deadline, limitWorkingDays } = budget;
      const moments = [
        ['deadline-warning', this.startOfDay(this.warningDay(deadline, limitWorkingDays))],
        ['deadline-overdue', this.startOfDay(addDays(deadline, 1))],
      ] as const;
      for (const [activity, dueAt] of moments) {
        if (this.log.some((r) => r.activity === activity && r.attrs?.budget === name && r.attrs.deadline === deadline)) continue;
        if (dueAt <= now) due.push({ at: Math.max(dueAt, last), activity, attrs: { budget: name, deadline, limitWorkingDays } });
        else next = Math.min(next, dueAt);
      }
    }
    due.sort((a, b) => a.at - b.at);
    if (next !== Infinity) {
      const delay = Math.max(0, Math.min(next - this.clock.now(), MAX_DELAY));
      this.timer = {
        id: this.clock.setTimeout(() => {
          const written = this.armDeadlineTimer();
          if (written.length > 0) this.notify(written);
        }, delay),
      };
    }
    return due.map(({ at, activity, attrs }) => this.append(activity, attrs, at));
  }

  /** The first day on which a budget ending on `deadline` is in warning. */
  private warningDay(deadline: string, limit: number): string {
    const { remainingWorkingDays, usedShare } = this.warning;
    const byDays = remainingWorkingDays ?? (usedShare === undefined ? 2 : undefined);
    let lead = 0;
    if (byDays !== undefined) lead = Math.max(lead, byDays);
    if (usedShare !== undefined) lead = Math.max(lead, limit - Math.ceil(usedShare * limit));
    if (lead <= 0) return deadline;
    try {
      return this.calendar.addWorkingDays(deadline, -lead);
    } catch {
      // The warning day falls before the calendar's first year: the case was in warning from the start.
      return `${this.calendar.coverage.firstYear}-01-01`;
    }
  }

  /** Whether the post-verification has its result (核查属实 or 发现不实). */
  private verified(): boolean {
    return this.log.some((r) => VERIFICATION_RESULTS.has(r.activity));
  }

  private startOfDay(date: string): number {
    return Date.parse(`${date}T00:00:00${this.utcOffset === 'Z' ? 'Z' : this.utcOffset}`);
  }

  /**
   * A new record of this case holding the fields every record starts with: its id, the case's links,
   * what and when. Callers set the other fields one by one, after these. Spreading a header object into
   * each record instead made a case about a fifth slower (see docs/benchmarks.md, Runtime).
   */
  private header(activity: string, at: number): Mutable<EventRecord> {
    const record = { id: `${this.caseId}#${this.log.length + 1}`, caseId: this.caseId, matterId: this.flow.id, flowVersion: this.flow.version } as Mutable<EventRecord>;
    Object.assign(record, this.links);
    record.activity = activity;
    record.at = formatInstant(at, this.utcOffset);
    record.source = 'system';
    return record;
  }

  private append(activity: string, attrs: Record<string, string | number>, at: number): EventRecord {
    const record = this.header(activity, at);
    record.attrs = attrs;
    this.log.push(record);
    return record;
  }

  persist(): PersistedFlowInstance {
    return {
      format: PERSISTED_INSTANCE_FORMAT,
      matterId: this.flow.id,
      flowVersion: this.flow.version,
      caseId: this.caseId,
      ...this.links,
      utcOffset: this.utcOffset,
      snapshot: structuredClone(this.actor.getPersistedSnapshot()) as Record<string, unknown>,
      records: structuredClone(this.log),
    };
  }

  private record(event: FlowEvent<TStepId>, next: LifecycleState): EventRecord {
    const step = 'step' in event ? event.step : undefined;
    const { activity, lifecycle } = recordActivity(event.type, step, next);
    const status = statusOf(activity);
    let attrs = event.attrs;
    if (event.type === 'send-back') attrs = { ...attrs, to: event.to };
    let reason = event.reason;
    if (event.type === 'commit' && activity === 'refused') {
      const standing = event.standing ?? {};
      reason = standing.falseCommitment
        ? { kind: 'false-commitment-record', text: '申请人有虚假承诺记录，信用修复前不适用告知承诺制' }
        : { kind: 'serious-dishonesty', text: '申请人存在严重失信记录，不适用告知承诺制' };
    }
    if (event.type === 'order-correction') {
      attrs = { ...attrs, workingDays: event.workingDays ?? this.flow.notifyCommit?.correctionWorkingDays ?? 0 };
    }
    if (event.type === 'approve-extension') {
      attrs = {
        ...attrs,
        workingDays: event.workingDays ?? this.flow.limits?.extensionWorkingDays ?? DEFAULT_EXTENSION_WORKING_DAYS,
      };
    }
    const record = this.header(activity, this.clock.now());
    if (status !== undefined) record.status = status;
    if (lifecycle !== undefined) record.lifecycle = lifecycle;
    // A commitment refused for the applicant's standing is the office's check, not the applicant's act: no actor.
    if (event.actor !== undefined && !(event.type === 'commit' && activity === 'refused')) record.actor = actorOf(event.actor);
    if (event.channel !== undefined) record.channel = event.channel;
    if (event.materials !== undefined) record.materials = [...event.materials];
    if (reason !== undefined) record.reason = { ...reason };
    if (attrs !== undefined) record.attrs = { ...attrs };
    return record;
  }

  private explain(event: FlowEvent<TStepId>, snapshot: SnapshotFrom<FlowMachine<TStepId>>): Rejection {
    const state = topState(snapshot.value);
    if (snapshot.status !== 'active') {
      return { code: 'case-closed', message: `Case "${this.caseId}" is closed (${state}); it takes no more commands.` };
    }
    if (!EVENT_TYPES.has(event.type)) {
      return {
        code: 'unknown-command',
        message: `"${String(event.type)}" is not a command; use one of: ${FLOW_EVENT_TYPES.join(', ')}.`,
      };
    }
    const who = event.actor ? `${event.actor.id} (${event.actor.role}, ${event.actor.department})` : 'no actor';
    if ('step' in event) {
      const step = this.steps.get(event.step);
      if (step === undefined) {
        return {
          code: 'unknown-step',
          message: `"${event.step}" is not a step of "${this.flow.id}"; its steps are: ${[...this.steps.keys()].join(', ')}.`,
        };
      }
      if (event.actor?.department !== step.department || event.actor.role !== step.role) {
        return {
          code: 'wrong-actor',
          message: `Step "${event.step}" is done by a ${step.role} of ${step.department}; the command came from ${who}.`,
        };
      }
      if (state === 'processing' && snapshot.context.suspension !== null) {
        return {
          code: 'suspended',
          message: `Case "${this.caseId}" is suspended (补正 or 特别程序); end the suspension before working on "${event.step}".`,
        };
      }
    } else if (COMMAND_AUTHORITY[event.type] === 'department' && event.actor?.department !== this.flow.department) {
      return {
        code: 'wrong-actor',
        message: `"${event.type}" is done by the matter's department (${this.flow.department}); the command came from ${who}.`,
      };
    }
    const active = this.activeSteps();
    const hint =
      state === 'processing' && active.length + this.pendingSteps().length > 0
        ? ` Steps open now: ${[...active, ...this.pendingSteps()].join(', ')}.`
        : '';
    return {
      code: 'not-allowed-now',
      message: `"${event.type}"${'step' in event ? ` on "${event.step}"` : ''} is not allowed while case "${this.caseId}" is ${state}.${hint}`,
    };
  }
}
