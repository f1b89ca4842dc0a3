import type { WorkingCalendar } from '../calendar';
import { computeBundleClock, type BundleClock, type WarningThreshold } from '../clocks';
import { compileFlow, type FlowEvent, type FlowMachine } from '../compiler';
import type { BundleDefinition, FlowDefinition } from '../definition';
import type { Actor, Channel, EventRecord } from '../event-log';
import { PermitflowError } from '../errors';
import { actorOf } from '../_internal/actor-of';
import { formatInstant } from '../_internal/format-instant';
import type { Clock } from './clock';
import { FlowInstanceImpl, type FlowInstance, type Rejection, type SendResult } from './flow-instance';
import { PERSISTED_BUNDLE_FORMAT, type PersistedBundleInstance } from './persisted-bundle';

/** Where a matter of a bundle stands. */
export type MatterStatus = 'waiting' | 'open' | 'approved' | 'failed';

/** The one application (一表申请) that starts a bundle. */
export interface BundleSubmission {
  /** The one set of materials (一套材料), shared by every matter that lists them. */
  readonly materials?: readonly string[];
  readonly channel?: Channel;
  readonly actor?: Actor;
}

/** A running bundle (一件事): one application fanned out to one case per matter. */
export interface BundleInstance {
  readonly bundle: BundleDefinition;
  /** The bundle instance id; every record carries it as `bundleId`. */
  readonly bundleId: string;
  /** Every record of the bundle and its cases, in the order written. */
  readonly records: readonly EventRecord[];
  /** The stage now open (the first with a matter not yet approved), if the bundle has stages. */
  readonly currentStage: string | undefined;
  /** Whether every matter is approved. */
  readonly done: boolean;
  /** `completed` once every matter is approved, `failed` once a matter ended without approval (withdrawn, denied…), else undefined. */
  readonly outcome: 'completed' | 'failed' | undefined;
  /** The case of a matter, once it has been received. */
  caseOf(matterId: string): FlowInstance | undefined;
  /** Where each matter stands. */
  status(): Readonly<Record<string, MatterStatus>>;
  /** Submits the one application: writes `bundle-submitted` and receives every matter that can start. */
  submit(submission?: BundleSubmission): SendResult;
  /**
   * Sends a command to a matter's case. When it approves the matter, every matter that was
   * waiting for it is received at once (the application is already in hand), and when it was
   * the last one, `bundle-completed` is written.
   */
  send(matterId: string, event: FlowEvent): SendResult;
  /** The bundle's clocks now (or at `at`): end to end, per stage, per matter. */
  clocks(at?: string): BundleClock;
  /** The bundle as plain JSON; `restoreBundleInstance` continues it exactly. */
  persist(): PersistedBundleInstance;
  /** Calls `listener` with every batch of records appended, from commands or deadline timers. */
  subscribe(listener: (records: readonly EventRecord[]) => void): () => void;
  /** Cancels every deadline timer of the bundle's cases. */
  stop(): void;
}

const APPROVED = new Set(['approved', 'approved-deferred', 'filed', 'verifying', 'verified', 'certificate-issued']);

/** The one implementation behind create and restore. */
export class BundleInstanceImpl implements BundleInstance {
  private readonly cases = new Map<string, FlowInstanceImpl<string>>();
  private readonly log: EventRecord[];
  private readonly flows: ReadonlyMap<string, FlowDefinition>;
  private readonly machines: Map<string, FlowMachine<string>>;
  private readonly listeners = new Set<(records: readonly EventRecord[]) => void>();
  private submission: BundleSubmission | undefined;

  constructor(
    readonly bundle: BundleDefinition,
    readonly bundleId: string,
    private readonly env: {
      flows: readonly FlowDefinition[];
      clock: Clock;
      calendar: WorkingCalendar;
      warning: WarningThreshold;
      utcOffset: string;
      applicantId?: string;
      projectCode?: string;
      machines?: ReadonlyMap<string, FlowMachine>;
      records: EventRecord[];
      snapshots?: Readonly<Record<string, Record<string, unknown>>>;
    },
  ) {
    this.flows = new Map(env.flows.map((f) => [f.id, f]));
    for (const matter of bundle.matters) {
      if (!this.flows.has(matter.matterId)) {
        throw new PermitflowError('invalid-argument', `Bundle "${bundle.id}" has matter "${matter.matterId}" but no flow for it was passed; add it to options.flows.`);
      }
    }
    this.machines = new Map(env.machines as ReadonlyMap<string, FlowMachine<string>> | undefined);
    this.log = env.records;
    const submitted = this.log.find((r) => r.activity === 'bundle-submitted');
    if (submitted) this.submission = { ...(submitted.materials ? { materials: submitted.materials } : {}) };
    for (const [matterId, snapshot] of Object.entries(env.snapshots ?? {})) this.openCase(matterId, snapshot);
  }

  get records(): readonly EventRecord[] {
    return this.log;
  }

  get done(): boolean {
    return this.bundle.matters.every((m) => this.matterStatus(m.matterId) === 'approved');
  }

  get outcome(): 'completed' | 'failed' | undefined {
    if (this.done) return 'completed';
    return this.bundle.matters.some((m) => this.matterStatus(m.matterId) === 'failed') ? 'failed' : undefined;
  }

  get currentStage(): string | undefined {
    return (this.bundle.stages ?? []).find((stage) =>
      this.bundle.matters.some((m) => m.stage === stage.id && this.matterStatus(m.matterId) !== 'approved'),
    )?.id;
  }

  caseOf(matterId: string): FlowInstance | undefined {
    return this.cases.get(matterId);
  }

  status(): Readonly<Record<string, MatterStatus>> {
    return Object.fromEntries(this.bundle.matters.map((m) => [m.matterId, this.matterStatus(m.matterId)]));
  }

  submit(submission: BundleSubmission = {}): SendResult {
    if (this.submission !== undefined) {
      return { accepted: false, rejection: { code: 'not-allowed-now', message: `Bundle "${this.bundleId}" was already submitted; one application (一表申请) starts it once.` } };
    }
    this.submission = submission;
    const before = this.log.length;
    this.bundleRecord('bundle-submitted', submission);
    this.receiveReady();
    return { accepted: true, records: this.log.slice(before) };
  }

  send(matterId: string, event: FlowEvent): SendResult {
    const instance = this.cases.get(matterId);
    if (instance === undefined) return { accepted: false, rejection: this.explainMissing(matterId) };
    const before = this.log.length;
    const result = instance.send(event);
    if (!result.accepted) return result;
    this.receiveReady();
    if (this.done && !this.log.some((r) => r.activity === 'bundle-completed')) this.bundleRecord('bundle-completed', {});
    return { accepted: true, records: this.log.slice(before) };
  }

  clocks(at?: string): BundleClock {
    return computeBundleClock(this.log, this.bundle, this.env.flows, this.env.calendar, {
      at: at ?? formatInstant(this.env.clock.now(), this.env.utcOffset),
      warning: this.env.warning,
    });
  }

  persist(): PersistedBundleInstance {
    const { applicantId, projectCode } = this.env;
    return {
      format: PERSISTED_BUNDLE_FORMAT,
      bundleDefinitionId: this.bundle.id,
      bundleVersion: this.bundle.version,
      bundleId: this.bundleId,
      ...(applicantId === undefined ? {} : { applicantId }),
      ...(projectCode === undefined ? {} : { projectCode }),
      utcOffset: this.env.utcOffset,
      records: structuredClone(this.log),
      cases: Object.fromEntries([...this.cases].map(([id, instance]) => [id, instance.persist().snapshot])),
    };
  }

  subscribe(listener: (records: readonly EventRecord[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    for (const instance of this.cases.values()) instance.stop();
  }

  /** Adds records to the bundle's log and tells the listeners. */
  private append(records: readonly EventRecord[]): void {
    if (records.length === 0) return;
    this.log.push(...records);
    for (const listener of this.listeners) listener(records);
  }

  private matterStatus(matterId: string): MatterStatus {
    const instance = this.cases.get(matterId);
    if (instance === undefined) return 'waiting';
    if (APPROVED.has(instance.state)) return 'approved';
    if (instance.flow.mode === 'cancelled' && instance.state === 'business-registered') return 'approved'; // operates on the licence alone
    return instance.done ? 'failed' : 'open';
  }

  /** Whether a matter may be received: its stage is open and what it depends on is approved. */
  private ready(matterId: string): boolean {
    const matter = this.bundle.matters.find((m) => m.matterId === matterId)!;
    const stages = this.bundle.stages ?? [];
    const index = stages.findIndex((s) => s.id === matter.stage);
    const earlierDone = stages
      .slice(0, Math.max(0, index))
      .every((stage) => this.bundle.matters.filter((m) => m.stage === stage.id).every((m) => this.matterStatus(m.matterId) === 'approved'));
    return earlierDone && (matter.dependsOn ?? []).every((dep) => this.matterStatus(dep) === 'approved');
  }

  /** Receives every waiting matter that can start now, with the shared application. */
  private receiveReady(): void {
    if (this.submission === undefined) return;
    for (const { matterId } of this.bundle.matters) {
      if (this.cases.has(matterId) || !this.ready(matterId)) continue;
      const instance = this.openCase(matterId);
      const { flow } = instance;
      const by = {
        channel: this.submission.channel ?? 'online',
        ...(this.submission.actor ? { actor: this.submission.actor } : {}),
      };
      // 照后减证: a licence-separation case starts from the business registration; a cancelled
      // permit has nothing after it.
      if (flow.afterBusinessRegistration === true || flow.mode === 'cancelled') instance.send({ type: 'register-business', ...by });
      if (flow.mode === 'cancelled') continue;
      const listed = new Set(flow.materials.map((m) => m.id));
      instance.send({ type: 'receive', ...by, materials: (this.submission.materials ?? []).filter((id) => listed.has(id)) });
    }
  }

  private openCase(matterId: string, snapshot?: Record<string, unknown>): FlowInstanceImpl<string> {
    const flow = this.flows.get(matterId)!;
    let machine = this.machines.get(matterId);
    if (machine === undefined) {
      machine = compileFlow(flow) as FlowMachine<string>;
      this.machines.set(matterId, machine);
    }
    const caseId = `${this.bundleId}:${matterId}`;
    const { applicantId, projectCode } = this.env;
    const known = this.log.filter((r) => r.caseId === caseId);
    const instance = new FlowInstanceImpl(flow, machine, {
      caseId,
      links: { bundleId: this.bundleId, ...(applicantId === undefined ? {} : { applicantId }), ...(projectCode === undefined ? {} : { projectCode }) },
      utcOffset: this.env.utcOffset,
      clock: this.env.clock,
      calendar: this.env.calendar,
      warning: this.env.warning,
      records: [...known],
      ...(snapshot === undefined ? {} : { snapshot }),
    });
    // A restored case may write the deadline records that fell due while it was stored.
    this.append(instance.records.slice(known.length));
    instance.subscribe((records) => this.append(records));
    this.cases.set(matterId, instance);
    return instance;
  }

  private bundleRecord(activity: 'bundle-submitted' | 'bundle-completed', submission: BundleSubmission): EventRecord {
    const { applicantId, projectCode } = this.env;
    const record: EventRecord = {
      id: `${this.bundleId}#${this.log.filter((r) => r.caseId === this.bundleId).length + 1}`,
      caseId: this.bundleId,
      matterId: this.bundle.id,
      flowVersion: this.bundle.version,
      bundleId: this.bundleId,
      ...(projectCode === undefined ? {} : { projectCode }),
      ...(applicantId === undefined ? {} : { applicantId }),
      activity,
      at: formatInstant(this.env.clock.now(), this.env.utcOffset),
      ...(submission.actor ? { actor: actorOf(submission.actor) } : {}),
      ...(submission.channel ? { channel: submission.channel } : {}),
      source: 'system',
      ...(submission.materials ? { materials: [...submission.materials] } : {}),
    };
    this.append([record]);
    return record;
  }

  private explainMissing(matterId: string): Rejection {
    if (!this.flows.has(matterId) || !this.bundle.matters.some((m) => m.matterId === matterId)) {
      return { code: 'unknown-step', message: `"${matterId}" is not a matter of bundle "${this.bundle.id}"; its matters are: ${this.bundle.matters.map((m) => m.matterId).join(', ')}.` };
    }
    const matter = this.bundle.matters.find((m) => m.matterId === matterId)!;
    const waitingFor = (matter.dependsOn ?? []).filter((dep) => this.matterStatus(dep) !== 'approved');
    const why = this.submission === undefined ? 'the bundle has not been submitted yet (submit() first)' : waitingFor.length > 0 ? `it waits for ${waitingFor.join(', ')} to be approved` : `its stage "${matter.stage}" has not started: an earlier stage is still open`;
    return { code: 'not-allowed-now', message: `Matter "${matterId}" has no case yet: ${why}.` };
  }
}
