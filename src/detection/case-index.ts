import type { FlowDefinition, StepDefinition } from '../definition';
import type { EventRecord } from '../event-log';
import { OTHER_ACTIVITIES, STATUS_ACTIVITIES } from '../event-log';
import { placeSteps } from '../_internal/process-tree';
import type { CaseView } from './case-detector';

/** Activities after which a case is over (a later one, e.g. `revoked`, restarts the window). */
export const TERMINAL_ACTIVITIES: ReadonlySet<string> = new Set([
  'approved',
  'approved-deferred',
  'denied',
  'withdrawn',
  'withdrawn-before-acceptance',
  'not-accepted',
  'refused',
  'revoked',
  'filed',
  'verified',
  'credit-recorded',
]);

/** Acceptance activities: hall (窗口受理), department (部门受理) or a commitment under 告知承诺制. */
export const ACCEPTANCE_ACTIVITIES: ReadonlySet<string> = new Set(['window-accepted', 'department-accepted', 'committed']);

/** Decision activities and the certificate (批复 and 证照). */
const DECISION_ACTIVITIES: ReadonlySet<string> = new Set(['approved', 'approved-deferred', 'denied', 'certificate-issued']);

/** Activities that start or end a 补正 or a 特别程序. */
const PAUSE_ACTIVITIES: ReadonlySet<string> = new Set(['supplement-started', 'supplement-ended', 'special-procedure-started', 'special-procedure-ended']);

// What an activity tells the index: one kind of the fixed vocabulary (at most one applies; 0 for any
// other activity), the terminal bit, and the step bit for a step of the case's flow.
const FIXED = 1;
const RECEIVED = 2;
const WINDOW_ACCEPTED = 3;
const DEPARTMENT_ACCEPTED = 4;
const COMMITTED = 5;
const DECISION = 6;
const FILED = 7;
const EXTENSION_APPROVED = 8;
const PAUSE = 9;
const KIND = 15;
const TERMINAL = 16;
const STEP = 32;
/** Closes the case in a stream: a terminal activity, or `business-registered` in a `cancelled`-mode flow. */
const CLOSES = 64;

/** The kind of an activity of the fixed vocabulary. */
function kindOf(activity: string): number {
  if (activity === 'received') return RECEIVED;
  if (activity === 'window-accepted') return WINDOW_ACCEPTED;
  if (activity === 'department-accepted') return DEPARTMENT_ACCEPTED;
  if (activity === 'committed') return COMMITTED;
  if (DECISION_ACTIVITIES.has(activity)) return DECISION;
  if (activity === 'filed') return FILED;
  if (activity === 'extension-approved') return EXTENSION_APPROVED;
  if (PAUSE_ACTIVITIES.has(activity)) return PAUSE;
  return FIXED;
}

/** Per activity of the fixed vocabulary, its kind and terminal bits. */
const ROLES: ReadonlyMap<string, number> = new Map(
  [...Object.keys(STATUS_ACTIVITIES), ...OTHER_ACTIVITIES].map((activity) => [activity, kindOf(activity) | (TERMINAL_ACTIVITIES.has(activity) ? TERMINAL | CLOSES : 0)]),
);

/**
 * What the driver and the built-in detectors read of a closed case, gathered in one pass over its
 * records, so that each detector goes to the records it needs instead of scanning the case again.
 * Lists hold indices into the case's records, in order.
 */
export interface CaseIndex {
  /** The first record, of any source, with activity `received`. */
  readonly anyReceived: EventRecord | undefined;
  /** The first record, of any source, with an acceptance activity ({@link ACCEPTANCE_ACTIVITIES}). */
  readonly anyAccepted: EventRecord | undefined;
  /** The last record, of any source, with a terminal activity ({@link TERMINAL_ACTIVITIES}). */
  readonly end: EventRecord | undefined;
  /** The first system `received`. */
  readonly received: EventRecord | undefined;
  /** The first system `window-accepted` (窗口受理). */
  readonly windowAccepted: EventRecord | undefined;
  /** The first system `department-accepted` (部门受理). */
  readonly departmentAccepted: EventRecord | undefined;
  /** The first system `window-accepted` or `committed`. */
  readonly windowAcceptedOrCommitted: EventRecord | undefined;
  /** The first system acceptance of any kind. */
  readonly accepted: EventRecord | undefined;
  /** The first system decision or certificate (`approved`, `approved-deferred`, `denied`, `certificate-issued`). */
  readonly decided: EventRecord | undefined;
  /** The first system `filed`. */
  readonly filed: EventRecord | undefined;
  /** System `extension-approved` records (Art. 42 extensions). */
  readonly extensions: readonly number[];
  /** The first `projectCode` any record gives. */
  readonly projectCode: string | undefined;
  /** The first `applicantId` any record gives. */
  readonly applicantId: string | undefined;
  /** The first `bundleId` any record gives. */
  readonly bundleId: string | undefined;
  /** The department of the first record with an actor. */
  readonly actorDepartment: string | undefined;
  /** System records with a `recordedAt`. */
  readonly entered: readonly number[];
  /** System records of one of the flow's steps. */
  readonly steps: readonly number[];
  /** System records whose activity is neither in the fixed vocabulary nor a step of the flow (of any step, without a flow). */
  readonly unmodeled: readonly number[];
  /** System records that list materials. */
  readonly withMaterials: readonly number[];
  /** System records that start or end a 补正 or a 特别程序. */
  readonly pauses: readonly number[];
  /** Evidence records. */
  readonly evidence: readonly number[];
}

/** Where the driver attaches a case's index to the view it hands the detectors. */
export const CASE_INDEX: unique symbol = Symbol('permitflow.caseIndex');

/** A view with its index attached, as the driver builds it. */
export interface IndexedCaseView extends CaseView {
  readonly [CASE_INDEX]: CaseIndex;
}

const stepCache = new WeakMap<FlowDefinition, Map<string, StepDefinition>>();

/** The flow's steps by id. */
export function stepsOf(flow: FlowDefinition): Map<string, StepDefinition> {
  let steps = stepCache.get(flow);
  if (steps === undefined) stepCache.set(flow, (steps = new Map(placeSteps(flow.process).map(({ step }) => [step.id, step]))));
  return steps;
}

const roleCache = new WeakMap<FlowDefinition, ReadonlyMap<string, number>>();

/**
 * Per activity, what it tells the index: the fixed vocabulary's roles with the flow's steps marked
 * (and, for a `cancelled`-mode flow, `business-registered` closing the case), so a record costs one lookup.
 */
function rolesOf(flow: FlowDefinition | undefined): ReadonlyMap<string, number> {
  if (flow === undefined) return ROLES;
  let roles = roleCache.get(flow);
  if (roles === undefined) {
    const table = new Map(ROLES);
    for (const id of stepsOf(flow).keys()) table.set(id, (table.get(id) ?? 0) | STEP);
    if (flow.mode === 'cancelled') table.set('business-registered', (table.get('business-registered') ?? 0) | CLOSES);
    roleCache.set(flow, (roles = table));
  }
  return roles;
}

const indexCache = new WeakMap<CaseView, CaseIndex>();

/** The case's index: the one the driver attached, or one built here once for a view built by hand. */
export function indexOf(view: CaseView): CaseIndex {
  const attached = (view as Partial<IndexedCaseView>)[CASE_INDEX];
  if (attached !== undefined) return attached;
  let index = indexCache.get(view);
  if (index === undefined) indexCache.set(view, (index = indexCase(view.records, view.flow)));
  return index;
}

/** The list of a case with no record of its kind, shared (not frozen: a frozen array is slower to walk). */
const NO_RECORDS: readonly number[] = [];

/**
 * Builds a case's {@link CaseIndex} record by record, in `at` order, so the driver can index each
 * record as it arrives (while it is in the cache) instead of walking the case again when it closes.
 * `add` also answers whether the record closes the case in a stream.
 */
export class CaseIndexer implements CaseIndex {
  anyReceived: EventRecord | undefined = undefined;
  anyAccepted: EventRecord | undefined = undefined;
  end: EventRecord | undefined = undefined;
  received: EventRecord | undefined = undefined;
  windowAccepted: EventRecord | undefined = undefined;
  departmentAccepted: EventRecord | undefined = undefined;
  windowAcceptedOrCommitted: EventRecord | undefined = undefined;
  accepted: EventRecord | undefined = undefined;
  decided: EventRecord | undefined = undefined;
  filed: EventRecord | undefined = undefined;
  projectCode: string | undefined = undefined;
  applicantId: string | undefined = undefined;
  bundleId: string | undefined = undefined;
  actorDepartment: string | undefined = undefined;
  // Lists stay shared and empty until their first record comes; most cases leave some empty.
  entered: number[] = NO_RECORDS as number[];
  steps: number[] = NO_RECORDS as number[];
  unmodeled: number[] = NO_RECORDS as number[];
  withMaterials: number[] = NO_RECORDS as number[];
  pauses: number[] = NO_RECORDS as number[];
  extensions: number[] = NO_RECORDS as number[];
  evidence: number[] = NO_RECORDS as number[];
  private actorSeen = false;
  private readonly roles: ReadonlyMap<string, number>;

  constructor(flow: FlowDefinition | undefined) {
    this.roles = rolesOf(flow);
  }

  /**
   * Indexes record `r`, the case's `i`-th in `at` order. Returns whether it closes the case: a
   * terminal activity, or for a `cancelled`-mode flow (直接取消审批) `business-registered`.
   */
  add(r: EventRecord, i: number): boolean {
    const activity = r.activity;
    const role = this.roles.get(activity) ?? 0;
    const kind = role & KIND;
    this.projectCode ??= r.projectCode;
    this.applicantId ??= r.applicantId;
    this.bundleId ??= r.bundleId;
    if (!this.actorSeen && r.actor !== undefined) {
      this.actorSeen = true;
      this.actorDepartment = r.actor.department;
    }
    if (kind === RECEIVED) this.anyReceived ??= r;
    else if (kind >= WINDOW_ACCEPTED && kind <= COMMITTED) this.anyAccepted ??= r;
    if ((role & TERMINAL) !== 0) this.end = r;
    const source = r.source;
    if (source !== 'system') {
      if (source === 'evidence') this.evidence = listWith(this.evidence, i);
      return (role & CLOSES) !== 0;
    }
    if (r.recordedAt !== undefined) this.entered = listWith(this.entered, i);
    if (r.materials !== undefined) this.withMaterials = listWith(this.withMaterials, i);
    if ((role & STEP) !== 0) this.steps = listWith(this.steps, i);
    else if (kind === 0) this.unmodeled = listWith(this.unmodeled, i);
    switch (kind) {
      case RECEIVED:
        this.received ??= r;
        break;
      case WINDOW_ACCEPTED:
        this.accepted ??= r;
        this.windowAcceptedOrCommitted ??= r;
        this.windowAccepted ??= r;
        break;
      case DEPARTMENT_ACCEPTED:
        this.accepted ??= r;
        this.departmentAccepted ??= r;
        break;
      case COMMITTED:
        this.accepted ??= r;
        this.windowAcceptedOrCommitted ??= r;
        break;
      case DECISION:
        this.decided ??= r;
        break;
      case FILED:
        this.filed ??= r;
        break;
      case EXTENSION_APPROVED:
        this.extensions = listWith(this.extensions, i);
        break;
      case PAUSE:
        this.pauses = listWith(this.pauses, i);
        break;
    }
    return (role & CLOSES) !== 0;
  }
}

/** `list` with `i` appended: a new list in place of the shared empty one. */
function listWith(list: number[], i: number): number[] {
  if (list === NO_RECORDS) return [i];
  list.push(i);
  return list;
}

/** Indexes a case's records (sorted by `at`) in one pass. */
export function indexCase(records: readonly EventRecord[], flow: FlowDefinition | undefined): CaseIndex {
  const indexer = new CaseIndexer(flow);
  for (let i = 0; i < records.length; i++) indexer.add(records[i]!, i);
  return indexer;
}
