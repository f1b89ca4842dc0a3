import { SimulatedClock } from 'xstate';
import type { Actor, Channel, EventRecord } from '../../event-log';
import type { FlowDefinition, StepDefinition } from '../../definition';
import type { FlowEvent, FlowMachine } from '../../compiler';
import type { WorkingCalendar } from '../../calendar';
import { createFlowInstance, type FlowInstance, type SendResult } from '../../runtime';
import { placeSteps } from '../../_internal/process-tree';
import { formatInstant } from '../../_internal/format-instant';
import type { InjectableDeviationCode, SuspensionAbuseVariant } from '../injectable-codes';
import type { LawfulRates } from '../lawful-behaviours';
import { HOUR, MINUTE, durationMs, type OfficeTime } from './office-time';
import type { Random } from './random';

/** A flow prepared once per log: its compiled machine and step table. */
export interface PreparedFlow {
  readonly flow: FlowDefinition;
  readonly machine: FlowMachine;
  readonly steps: ReadonlyMap<string, StepDefinition>;
  readonly listedMaterials: ReadonlySet<string>;
  readonly requiredMaterials: readonly string[];
  /** Steps with a minimum duration (where implausible speed can show). */
  readonly flooredSteps: readonly string[];
}

/** Compiles nothing itself: the caller passes the machine. */
export function prepareFlow(flow: FlowDefinition, machine: FlowMachine): PreparedFlow {
  const steps = new Map(placeSteps(flow.process).map(({ step }) => [step.id, step]));
  return {
    flow,
    machine,
    steps,
    listedMaterials: new Set([...flow.materials.map((m) => m.id), ...[...steps.values()].flatMap((s) => s.materials ?? [])]),
    requiredMaterials: flow.materials.filter((m) => m.required !== false).map((m) => m.id),
    flooredSteps: [...steps.values()].filter((s) => s.minDuration !== undefined && durationMs(s.minDuration) > 0).map((s) => s.id),
  };
}

/** Whether a flow runs the full approval lifecycle (acceptance, process tree, decision). */
export function isApproval(flow: FlowDefinition): boolean {
  return (flow.mode === 'approval' || flow.mode === 'optimized-approval') && flow.process !== undefined;
}

/** How an attempt that is not carried through ends. */
export type AttemptEnd = 'withdrawn' | 'not-accepted';

/** Everything one case needs. */
export interface CaseSpec {
  readonly caseId: string;
  readonly prepared: PreparedFlow;
  readonly arrival: number;
  readonly links: { readonly applicantId?: string; readonly projectCode?: string; readonly bundleId?: string };
  readonly random: Random;
  readonly office: OfficeTime;
  readonly calendar: WorkingCalendar;
  readonly lawful: Required<LawfulRates>;
  /** Deviations to inject into this case. */
  readonly inject: ReadonlySet<InjectableDeviationCode>;
  /** How an injected `suspension-abuse` may look; one is drawn. */
  readonly suspensionAbuse: readonly SuspensionAbuseVariant[];
  /** Set for the abandoned first attempt of a withdraw-resubmit chain, or a lawful withdrawal. */
  readonly abandon?: AttemptEnd;
  /** Set for a project's earlier matter that later matters depend on: it ends approved (or filed). */
  readonly mustApprove?: boolean;
  /** Probability that the decision is an approval; default 0.95. */
  readonly approvalRate?: number;
  /**
   * How fast the office works, default days: `on-the-spot` for 即办件 (accepted, worked and decided
   * within minutes to hours), `brisk` for a short promised limit (accepted, decided and the
   * certificate issued within hours of the work).
   */
  readonly pace?: 'on-the-spot' | 'brisk';
  /** Factor on the office hours of ordinary (clock-running) steps, never below their floors; default 1. */
  readonly stepScale?: number;
}

/** A simulated case: its records (sorted, numbered) and when its last system record falls. */
export interface SimulatedCase {
  readonly records: EventRecord[];
  readonly end: number;
  /** Injections that found no place (a step in a branch of a choice that was not taken); not labeled. */
  readonly missed?: readonly InjectableDeviationCode[];
}

/** Materials asked of applicants that are on no 办事指南 list: other departments' opinions and 奇葩证明. */
const UNLISTED_MATERIALS = [
  'neighbourhood-committee-opinion',
  'street-office-consent',
  'fire-brigade-pre-opinion',
  'bank-deposit-certificate',
  'no-dispute-certificate',
  'expert-panel-pre-review-opinion',
  'utility-company-consent-letter',
] as const;

/** Step-like activities that act as approvals but are on no flow (征求意见, 会审, 方案预审, 专家论证). */
const UNMODELED_ACTIVITIES = [
  ['solicit-opinions', '征求相关部门意见'],
  ['joint-review-meeting', '联审会审'],
  ['scheme-pre-review', '方案预审'],
  ['expert-demonstration', '专家论证'],
  ['leadership-coordination-meeting', '领导协调会'],
] as const;

/** Non-Art. 45 reasons that officers give for stopping the clock. */
const ABUSIVE_SUSPENSION_REASONS = [
  { kind: 'business-suspension', text: '正常业务办理挂起' },
  { kind: 'other', text: '等待相关部门意见' },
  { kind: 'other', text: '系统调整，暂停办理' },
] as const;

const ART45_REASONS = [
  { kind: 'expert-review', text: '组织专家评审，所需时间不计入审批期限' },
  { kind: 'testing', text: '委托检测，所需时间不计入审批期限' },
  { kind: 'hearing', text: '依申请举行听证' },
] as const;

const HALL = 'government-service-center';

const SUPPLEMENT_REASONS = [
  { kind: 'incomplete-materials', text: '申请材料不齐全，一次性告知需补正的全部内容' },
  { kind: 'incomplete-materials', text: '申请材料需补充完善' },
] as const;

/** Evidence kinds and the activity names an evidence importer gives them; lawful and deviant records share them. */
export function evidenceActivity(kind: 'document' | 'meeting' | 'opinion' | 'signature' | 'payment', random: Random): string {
  switch (kind) {
    case 'document':
      return random.pick(['document-delivered', 'document-revised']);
    case 'meeting':
      return 'meeting';
    case 'opinion':
      return 'opinion-issued';
    case 'signature':
      return 'signed';
    case 'payment':
      return 'fee-paid';
  }
}

/**
 * Where the driver sends a case's commands: a lone case's FlowInstance, or one matter's case of a
 * BundleInstance (whose `send` also receives the matters that were waiting for it).
 */
export interface CasePort {
  /** The case: what it can do now, its steps and its records. */
  readonly instance: FlowInstance;
  send(event: FlowEvent): SendResult;
}

/**
 * How a case comes in: a lone case is received by the driver at `spec.arrival` on its own clock;
 * a bundle matter was received already, at the clock's now, by its bundle's one application.
 */
export type CaseEntry =
  | { readonly kind: 'lone' }
  | { readonly kind: 'bundle'; readonly port: CasePort; readonly channel: Channel; readonly hallClerk: Actor };

/** A case being driven: yields every instant it waits for (the runner sets the clock to it), returns the case. */
export type CaseRun = Generator<number, SimulatedCase, void>;

/** A send that must be accepted: a rejection is a bug of the simulator, not a behaviour. */
function sender(caseId: string, send: (event: FlowEvent) => SendResult): (event: FlowEvent) => void {
  return (event) => {
    const result = send(event);
    if (!result.accepted) throw new Error(`simulator bug: ${caseId} ${event.type}: ${result.rejection.message}`);
  };
}

/** Drives one case through a real FlowInstance on its own simulated clock, and adds the records the runtime cannot write. */
export function simulateCase(spec: CaseSpec): SimulatedCase {
  const clock = new SimulatedClock();
  const run = driveCase(spec, clock, { kind: 'lone' });
  for (let next = run.next(); ; next = run.next()) {
    if (next.done === true) return next.value;
    clock.set(next.value);
  }
}

/**
 * Drives one case: a generator that yields each instant it waits for, so a runner can interleave
 * several cases on one clock (the matters of a bundle). The runner must set `clock` to exactly the
 * yielded instant before resuming; yielded instants never go back in time.
 */
export function* driveCase(spec: CaseSpec, clock: SimulatedClock, entry: CaseEntry): CaseRun {
  const { caseId, prepared, random, office, inject } = spec;
  const lawful = spec.lawful;
  const { flow } = prepared;
  const onTheSpot = spec.pace === 'on-the-spot';
  const brisk = spec.pace === 'brisk';
  const stepScale = spec.stepScale ?? 1;
  const staff = random.int(1, 6);
  const officer = (role = 'case-officer'): Actor => ({
    id: `${flow.department}-${role}-${String(staff).padStart(2, '0')}`,
    role,
    department: flow.department,
  });
  const director = officer('director');
  const hallClerk: Actor =
    entry.kind === 'bundle' ? entry.hallClerk : { id: `${HALL}-window-clerk-${String(random.int(1, 12)).padStart(2, '0')}`, role: 'window-clerk', department: HALL };
  const stepActor = (id: string): Actor => {
    const step = prepared.steps.get(id)!;
    return { id: `${step.department}-${step.role}-${String(staff).padStart(2, '0')}`, role: step.role, department: step.department };
  };
  const extra: EventRecord[] = [];
  const addExtra = (record: Omit<EventRecord, 'id' | 'caseId' | 'matterId' | 'flowVersion'>): void => {
    extra.push({ id: '', caseId, matterId: flow.id, flowVersion: flow.version, ...spec.links, ...record } as EventRecord);
  };
  const iso = (ms: number): string => formatInstant(ms, '+08:00');

  // Whole seconds, as approval systems stamp them; rounding up keeps every floor. `yield moveTo(t)` waits until t.
  const moveTo = (ms: number): number => Math.max(Math.ceil(ms / 1000) * 1000, clock.now());
  const later = (workingHours: number): number => office.addWorkingHours(clock.now(), workingHours);
  const daysLater = (n: number): number => office.workingDaysLater(clock.now(), n, random.between(9, 16.5));

  let instance: FlowInstance;
  let send: (event: FlowEvent) => void;
  let channel: Channel;
  if (entry.kind === 'bundle') {
    // Received by the bundle's one application (一表申请) at this instant, on the bundle's channel.
    instance = entry.port.instance;
    send = sender(caseId, (event) => entry.port.send(event));
    channel = entry.channel;
    // 直接取消审批: a cancelled permit has nothing after the business registration the bundle wrote.
    if (flow.mode === 'cancelled') return finish(office, instance, instance.records, extra, random, lawful);
    addPreAcceptanceWork(clock.now());
  } else {
    // 证照分离: the business registration comes first (照后减证).
    const arrival = spec.arrival;
    const registers = flow.afterBusinessRegistration === true || flow.mode === 'cancelled';
    clock.set(registers ? office.workingDaysEarlier(arrival, random.int(2, 30), random.between(9, 16.5)) : arrival);
    const lone = createFlowInstance(flow, { caseId, clock, machine: prepared.machine, calendar: spec.calendar, ...spec.links });
    instance = lone;
    send = sender(caseId, (event) => lone.send(event));
    if (registers) {
      send({ type: 'register-business', channel: 'online' });
      if (flow.mode === 'cancelled') return finish(office, instance, instance.records, extra, random, lawful);
    }
    yield moveTo(arrival);
    addPreAcceptanceWork(arrival);
    channel = random.pick(['online', 'online', 'online', 'window', 'window', 'mobile'] as const);
    send({
      type: 'receive',
      channel,
      materials: [...prepared.requiredMaterials],
      ...(channel === 'window' ? { actor: hallClerk } : {}),
    });
  }
  const receivedAt = clock.now();

  if (flow.mode === 'filing' || instance.can({ type: 'file', actor: officer() })) {
    if (spec.abandon !== undefined && instance.can({ type: 'withdraw', channel })) {
      // An abandoned attempt (a bundle withdrawn as a whole): the filing is withdrawn before it is filed.
      yield moveTo(daysLater(random.int(1, 4)));
      send({ type: 'withdraw', channel });
      return finish(office, instance, instance.records, extra, random, lawful, receivedAt);
    }
    const disguise = inject.has('disguised-filing') ? random.pick(['review-time', 'supplement', 'refusal'] as const) : undefined;
    if (disguise === undefined) {
      // 备而不审: filed on the spot, or the next working day when the filing came in late.
      yield moveTo(random.chance(lawful.filingNextDay) ? daysLater(1) : later(random.between(0.1, 3)));
    } else if (disguise === 'review-time') {
      // 以备案之名行审批之实: the filing sits in review for weeks before it is filed.
      yield moveTo(daysLater(random.int(5, 20)));
    } else {
      yield moveTo(daysLater(random.int(1, 4)));
      const actor = officer();
      if (disguise === 'refusal') {
        // 不予备案: a refusal the filing mode does not have.
        addExtra({ activity: 'refused', at: iso(clock.now()), source: 'system', actor, reason: { kind: 'conditions-not-met', text: random.pick(['不予备案', '材料审查不通过，不予备案']) } });
        return finish(office, instance, instance.records, extra, random, lawful, receivedAt);
      }
      // A 补正 on a filing: materials sent back for review, then filed days later.
      const materials = [random.pick(prepared.requiredMaterials.length > 0 ? prepared.requiredMaterials : [...prepared.listedMaterials])];
      addExtra({ activity: 'supplement-started', at: iso(clock.now()), source: 'system', actor, materials, reason: { ...random.pick(SUPPLEMENT_REASONS) } });
      yield moveTo(daysLater(random.int(3, 12)));
      addExtra({ activity: 'supplement-ended', at: iso(clock.now()), source: 'system', channel, materials });
      yield moveTo(daysLater(random.int(1, 5)));
    }
    send({ type: 'file', actor: officer() });
    return finish(office, instance, instance.records, extra, random, lawful, receivedAt);
  }
  if (flow.mode === 'notify-commit') {
    yield moveTo(later(random.between(0.1, 1)));
    send({ type: 'notify', actor: officer() });
    yield moveTo(later(random.between(0.1, 4)));
    send({ type: 'commit', channel });
    yield moveTo(later(random.between(0.1, 2)));
    if (instance.can({ type: 'approve', actor: director })) {
      send({ type: 'approve', actor: director });
      return finish(office, instance, instance.records, extra, random, lawful, receivedAt);
    }
  }

  // 补正 before acceptance: the lawful single round (一次性告知), or one demanding an unlisted material.
  const preSupplement = inject.has('unlisted-material') || (!inject.has('pre-acceptance-work') && random.chance(lawful.supplementBeforeAcceptance));
  if (preSupplement && instance.can({ type: 'start-supplement', actor: officer() })) {
    yield moveTo(onTheSpot ? later(random.between(0.05, 0.5)) : brisk ? later(random.between(0.1, 4)) : daysLater(random.int(0, 2)));
    const listed = prepared.requiredMaterials.length > 0 ? prepared.requiredMaterials : [...prepared.listedMaterials];
    const demanded = new Set<string>();
    for (let i = random.int(1, 2); i > 0; i--) demanded.add(random.pick(listed));
    if (inject.has('unlisted-material')) demanded.add(random.pick(UNLISTED_MATERIALS));
    const materials = [...demanded];
    send({ type: 'start-supplement', actor: officer(), materials, reason: { ...random.pick(SUPPLEMENT_REASONS) } });
    if (spec.abandon === 'withdrawn' && random.chance(0.5)) {
      yield moveTo(daysLater(random.int(3, 12)));
      send({ type: 'withdraw', channel });
      return finish(office, instance, instance.records, extra, random, lawful, receivedAt);
    }
    yield moveTo(daysLater(Math.max(1, Math.round(random.lognormal(4, 0.7)))));
    send({ type: 'end-supplement', channel, materials });
  }
  // A suspension-abuse variant that acts before acceptance is drawn here; otherwise the draw comes at
  // acceptance, where the default variants have always drawn it (so the seeded logs stay the same).
  const drawnEarly = inject.has('suspension-abuse') && spec.suspensionAbuse.includes('repeated-pre-acceptance-supplement');
  const earlyAbuse = drawnEarly ? random.pick(spec.suspensionAbuse) : undefined;
  if (earlyAbuse === 'repeated-pre-acceptance-supplement') {
    // Materials asked for round after round before acceptance (一次性告知 broken): 2–3 rounds in all.
    const listed = prepared.requiredMaterials.length > 0 ? prepared.requiredMaterials : [...prepared.listedMaterials];
    for (let round = preSupplement ? 1 : 0, rounds = random.int(2, 3); round < rounds; round++) {
      yield moveTo(daysLater(random.int(0, 2)));
      const materials = [random.pick(listed)];
      send({ type: 'start-supplement', actor: officer(), materials, reason: { ...random.pick(SUPPLEMENT_REASONS) } });
      yield moveTo(daysLater(random.int(2, 8)));
      send({ type: 'end-supplement', channel, materials });
    }
  }

  if (spec.abandon !== undefined) {
    yield moveTo(onTheSpot ? later(random.between(0.1, 2)) : daysLater(random.int(1, 4)));
    if (spec.abandon === 'withdrawn') send({ type: 'withdraw', channel });
    else send({ type: 'not-accept', actor: officer(), reason: { kind: 'not-in-jurisdiction', text: '申请材料不符合法定形式' } });
    return finish(office, instance, instance.records, extra, random, lawful, receivedAt);
  }

  // Acceptance: within minutes after offline pre-review, else within a couple of working days.
  yield moveTo(inject.has('pre-acceptance-work') ? clock.now() + random.int(5, 50) * MINUTE : onTheSpot ? later(random.between(0.05, 0.5)) : brisk ? later(random.between(0.1, 4)) : daysLater(random.int(0, 2)));
  const atWindow = random.chance(0.5);
  if (instance.can({ type: 'accept-at-window' }) && (inject.has('double-acceptance') || (channel === 'window' && atWindow))) {
    send({ type: 'accept-at-window', actor: hallClerk });
    // 两头受理: the hall accepts, the department holds the file for weeks before accepting it again.
    yield moveTo(inject.has('double-acceptance') ? daysLater(random.int(5, 20)) : later(random.between(0.2, 4)));
  }
  send({ type: 'accept-in-department', actor: officer() });
  const acceptedAt = clock.now();

  const abuse = drawnEarly ? earlyAbuse : inject.has('suspension-abuse') ? random.pick(spec.suspensionAbuse) : undefined;
  if (abuse === 'at-acceptance') {
    // The clock-stopper of public integration code: 挂起 from the moment of acceptance.
    send({ type: 'start-special-procedure', actor: officer(), reason: { ...random.pick(ABUSIVE_SUSPENSION_REASONS) } });
    yield moveTo(daysLater(random.int(5, 20)));
    send({ type: 'end-special-procedure', actor: officer() });
  }

  if (inject.has('unmodeled-activity')) {
    // A gate that is on no flow: nothing moves until it is done.
    const [activity, name] = random.pick(UNMODELED_ACTIVITIES);
    const start = later(random.between(1, 6));
    const end = office.workingDaysLater(start, random.int(2, 10), random.between(9.5, 16.5));
    const actor = officer(random.pick(['section-chief', 'case-officer']));
    addExtra({ activity, lifecycle: 'start', at: iso(start), source: 'system', actor, attrs: { name } });
    addExtra({ activity, lifecycle: 'complete', at: iso(end), source: 'system', actor });
    yield moveTo(end + random.int(10, 90) * MINUTE);
  }

  // The process tree: start what is open, complete the earliest planned completion.
  const stepIds = [...prepared.steps.keys()];
  const fastStep = random.chance(lawful.fastStep) ? random.pick(stepIds) : undefined;
  const speedy = inject.has('implausible-speed') ? random.pick(prepared.flooredSteps) : undefined;
  let speedyRan = false;
  const longReview = random.chance(lawful.longExpertReview);
  const extensionAfter = random.chance(lawful.extension) && flow.limits?.statutoryWorkingDays !== undefined ? 1 : -1;
  const art45After = random.chance(lawful.art45SpecialProcedure) ? random.int(1, 2) : -1;
  const supplementRounds = abuse === 'repeated-supplement' ? random.int(2, 3) : abuse === 'post-acceptance-supplement' ? 1 : 0;
  // Intermediary or technical review kept out of the system: nothing is logged for weeks between two steps.
  const idleAfter = inject.has('extraneous-delay') ? random.int(1, prepared.steps.size) : -1;
  /** The silent stretch, once it has passed: records written beside the runtime's must not fall into it. */
  let silence: { from: number; to: number } | undefined;
  function* idle(): Generator<number, void, void> {
    const from = clock.now();
    yield moveTo(daysLater(random.int(8, 30)));
    silence = { from, to: clock.now() };
  }
  const planned = new Map<string, number>();
  let completed = 0;
  let supplementsDone = 0;
  for (let guard = 0; guard < 1000; guard++) {
    for (const id of instance.pendingSteps()) {
      yield moveTo(later(onTheSpot ? random.between(0.02, 0.2) : random.between(0.1, 2)));
      send({ type: 'start-step', step: id, actor: stepActor(id) });
      planned.set(id, plan(id, clock.now()));
    }
    const active = instance.activeSteps();
    if (active.length === 0) break;
    const next = active.reduce((a, b) => (planned.get(a)! <= planned.get(b)! ? a : b));
    yield moveTo(planned.get(next)!);
    send({ type: 'complete-step', step: next, actor: stepActor(next) });
    completed += 1;
    if (completed === extensionAfter) {
      yield moveTo(later(random.between(0.5, 4)));
      send({
        type: 'approve-extension',
        actor: director,
        reason: { kind: 'art-42-extension', text: '情况复杂，经本行政机关负责人批准延长审批期限' },
      });
    }
    // A case whose pause is keyed in after the decision has no lawful one besides: the two would overlap and pair as one.
    if (completed === art45After && instance.activeSteps().length === 0 && abuse !== 'entered-after-decision') {
      yield moveTo(later(random.between(0.5, 6)));
      send({ type: 'start-special-procedure', actor: officer(), reason: { ...random.pick(ART45_REASONS) } });
      yield moveTo(daysLater(random.int(5, 25)));
      send({ type: 'end-special-procedure', actor: officer() });
    }
    if (supplementsDone < supplementRounds && instance.activeSteps().length === 0) {
      // 过程补件: a post-acceptance 补正, round after round.
      yield moveTo(later(random.between(0.5, 6)));
      const materials = [random.pick([...prepared.listedMaterials])];
      send({ type: 'start-supplement', actor: officer(), materials, reason: { ...random.pick(SUPPLEMENT_REASONS) } });
      yield moveTo(daysLater(random.int(3, 15)));
      send({ type: 'end-supplement', channel, materials });
      supplementsDone += 1;
    }
    if (silence === undefined && completed >= idleAfter && idleAfter > 0 && instance.activeSteps().length === 0 && instance.pendingSteps().length > 0) yield* idle();
  }
  while (supplementsDone < supplementRounds) {
    yield moveTo(later(random.between(0.5, 6)));
    const materials = [random.pick([...prepared.listedMaterials])];
    send({ type: 'start-supplement', actor: officer(), materials, reason: { ...random.pick(SUPPLEMENT_REASONS) } });
    yield moveTo(daysLater(random.int(3, 15)));
    send({ type: 'end-supplement', channel, materials });
    supplementsDone += 1;
  }

  if (idleAfter > 0 && silence === undefined) yield* idle();
  if (abuse === 'unjustified-reason') {
    // A 特别程序 after the last step on a reason the law does not list (Art. 45 names four).
    yield moveTo(later(random.between(0.5, 3)));
    send({ type: 'start-special-procedure', actor: officer(), reason: { ...random.pick(ABUSIVE_SUSPENSION_REASONS) } });
    yield moveTo(daysLater(random.int(5, 20)));
    send({ type: 'end-special-procedure', actor: officer() });
  }
  if (abuse === 'never-ended') {
    // A 特别程序 nobody ended: the clock stays stopped until the decision.
    const start = later(random.between(0.5, 3));
    addExtra({ activity: 'special-procedure-started', at: iso(start), source: 'system', actor: officer(), reason: { ...random.pick(ART45_REASONS) } });
    yield moveTo(office.workingDaysLater(start, random.int(5, 15), random.between(9, 16.5)));
  }
  yield moveTo(later(onTheSpot ? random.between(0.05, 0.5) : brisk ? random.between(0.1, 1.5) : random.between(0.3, 6)));
  const approved = random.chance(spec.approvalRate ?? 0.95) || spec.mustApprove === true;
  send({ type: approved ? 'approve' : 'deny', actor: director, ...(approved ? {} : { reason: { kind: 'conditions-not-met', text: '不符合法定条件' } }) });
  const decidedAt = clock.now();
  if (abuse === 'unapproved-extension' || abuse === 'repeated-extension' || abuse === 'over-long-extension') {
    // Art. 42 extensions the runtime would not write: one nobody approved, a second one, or one beyond the 10 working days.
    const extensions = abuse === 'repeated-extension' ? 2 : 1;
    const [lo, hi] = outsideSilence(acceptedAt, decidedAt);
    for (let i = 0; i < extensions; i++) {
      const at = Math.min(office.open(lo + random.between(0.2, 0.8) * (hi - lo)), hi - MINUTE);
      const workingDays = abuse === 'over-long-extension' ? random.int(15, 30) : 10;
      addExtra({
        activity: 'extension-approved',
        at: iso(at),
        source: 'system',
        ...(abuse === 'unapproved-extension' ? {} : { actor: director }),
        reason: { kind: 'art-42-extension', text: '情况复杂，延长审批期限' },
        attrs: { workingDays },
      });
    }
  }
  if (approved && instance.can({ type: 'issue-certificate', actor: officer() })) {
    yield moveTo(onTheSpot ? later(random.between(0.05, 1)) : brisk ? later(random.between(0.2, 4)) : daysLater(random.int(0, 2)));
    send({ type: 'issue-certificate', actor: officer() });
  }

  let records = instance.records;
  if (inject.has('backfilled-record')) {
    // 先批后录: the case was handled on paper and keyed in as a batch well after the decision.
    let entry = office.workingDaysLater(decidedAt, random.int(3, 25), random.between(9, 16));
    records = records.map((record) => {
      const at = Date.parse(record.at);
      if (at < receivedAt || at > decidedAt) return record;
      entry += random.int(40, 200) * 1000;
      return { ...record, recordedAt: iso(entry) };
    });
  }
  if (abuse === 'entered-after-decision') {
    // A pause keyed in after the decision was (after the batch, in a case keyed in late), dated inside the processing time: it covers an overrun.
    const decision = records.find((r) => r.activity === 'approved' || r.activity === 'denied');
    const decisionEntered = decision?.recordedAt === undefined ? decidedAt : Date.parse(decision.recordedAt);
    const [lo, hi] = outsideSilence(acceptedAt, decidedAt);
    const from = Math.min(office.open(lo + random.between(0.1, 0.6) * (hi - lo)), hi - 2 * MINUTE);
    const to = Math.min(office.addWorkingHours(from, random.between(4, 40)), hi - MINUTE);
    const entered = office.workingDaysLater(decisionEntered, random.int(1, 5), random.between(9, 16.5));
    const actor = officer();
    addExtra({ activity: 'special-procedure-started', at: iso(from), recordedAt: iso(entered), source: 'system', actor, reason: { ...random.pick(ART45_REASONS) } });
    addExtra({ activity: 'special-procedure-ended', at: iso(to), recordedAt: iso(entered + random.int(40, 200) * 1000), source: 'system', actor });
  }
  const done = finish(office, instance, records, extra, random, lawful, receivedAt, acceptedAt);

  // Missed too when a parallel sibling's start held the clock past the planned completion: the step then took its full time.
  return speedy !== undefined && (!speedyRan || !belowFloor(records, speedy, durationMs(prepared.steps.get(speedy)!.minDuration!))) ? { ...done, missed: ['implausible-speed'] } : done;

  /** 线下预审: work on the case before it is filed — meetings, drafts marked up, opinions given. */
  function addPreAcceptanceWork(arrival: number): void {
    if (!inject.has('pre-acceptance-work')) return;
    const first = office.workingDaysEarlier(arrival, random.int(8, 40), random.between(9, 16));
    const kinds = ['meeting', 'document', 'opinion'] as const;
    const count = random.int(1, 3);
    for (let i = 0; i < count; i++) {
      const at = office.addWorkingHours(first, i * random.between(8, 60));
      if (at >= arrival) break;
      const kind = random.pick(kinds);
      const material = random.pick(prepared.requiredMaterials.length > 0 ? prepared.requiredMaterials : ['application-form']);
      addExtra({
        activity: evidenceActivity(kind, random),
        at: iso(at),
        source: 'evidence',
        evidenceKind: kind,
        actor: officer(random.pick(['case-officer', 'section-chief'])),
        ...(kind === 'meeting' ? {} : { materials: [material] }),
        channel: 'offline',
      });
    }
  }

  /** Where records written beside the runtime's may fall in (from, to): all of it, or its longer side of the silent stretch, which a record would break. */
  function outsideSilence(from: number, to: number): [number, number] {
    if (silence === undefined) return [from, to];
    return silence.from - from >= to - silence.to ? [from, silence.from] : [silence.to, to];
  }

  function plan(id: string, start: number): number {
    const step = prepared.steps.get(id)!;
    const floor = step.minDuration === undefined ? 0 : durationMs(step.minDuration);
    if (id === speedy) {
      speedyRan = true;
      return start + Math.max(MINUTE, Math.round(floor * random.between(0.05, 0.5)));
    }
    // Office hours of work, but never less wall time than the floor (a P5D publicity runs 5 days).
    const officeHours = Math.min(floor / HOUR, 8);
    let hours: number;
    let wall = floor;
    if (id === fastStep) {
      const factor = random.between(1, 1.2);
      hours = Math.max(officeHours, 0.25) * factor;
      wall = floor * factor;
    } else if (step.clock === 'stopped') hours = longReview ? 8 * random.int(20, 45) : random.lognormal(40, 0.6);
    else hours = onTheSpot ? random.lognormal(Math.max(officeHours * 1.5, 0.3), 0.6) : random.lognormal(Math.max(officeHours * 2.5, 3) * stepScale, 0.8);
    return office.open(Math.max(office.addWorkingHours(start, Math.max(hours, officeHours, 0.25)), start + wall));
  }
}

/** Whether a step's logged run (its first start to the next completion) is shorter than `floor` ms. */
function belowFloor(records: readonly EventRecord[], stepId: string, floor: number): boolean {
  const start = records.find((r) => r.activity === stepId && r.lifecycle === 'start');
  const complete = start === undefined ? undefined : records.find((r) => r.activity === stepId && r.lifecycle === 'complete' && Date.parse(r.at) >= Date.parse(start.at));
  return complete !== undefined && Date.parse(complete.at) - Date.parse(start!.at) < floor;
}

/**
 * Adds the lawful look-alikes that are written outside the runtime, then sorts the case's records by
 * time and numbers them `<caseId>#<n>` in that order, so appended records look like the rest.
 */
function finish(
  office: OfficeTime,
  instance: FlowInstance,
  written: readonly EventRecord[],
  extra: EventRecord[],
  random: Random,
  lawful: Required<LawfulRates>,
  receivedAt?: number,
  acceptedAt?: number,
): SimulatedCase {
  instance.stop();
  let runtime = written;
  const caseId = instance.caseId;
  const last = Date.parse(runtime.at(-1)!.at);
  const first = runtime[0]!;
  const base = { caseId, matterId: first.matterId, flowVersion: first.flowVersion };
  const links = {
    ...(first.bundleId === undefined ? {} : { bundleId: first.bundleId }),
    ...(first.projectCode === undefined ? {} : { projectCode: first.projectCode }),
    ...(first.applicantId === undefined ? {} : { applicantId: first.applicantId }),
  };
  if (receivedAt !== undefined && random.chance(lawful.evidenceAfterReceipt)) {
    // Paper trail after filing: the receipt the applicant signs, fees paid, documents delivered.
    const count = random.int(1, 3);
    const department = instance.flow.department;
    for (let i = 0; i < count; i++) {
      const kind = random.pick(['document', 'document', 'signature', 'payment', acceptedAt === undefined ? 'signature' : random.pick(['meeting', 'opinion'] as const)] as const);
      const at = office.open(Math.round((receivedAt + random.between(0.02, 1) * (last - receivedAt + 5 * HOUR)) / 1000) * 1000);
      const byOffice = kind === 'document' || kind === 'meeting' || kind === 'opinion';
      const role = random.pick(['case-officer', 'section-chief']);
      extra.push({
        id: '',
        ...base,
        ...links,
        activity: evidenceActivity(kind, random),
        at: formatInstant(at, '+08:00'),
        source: 'evidence',
        evidenceKind: kind,
        ...(byOffice ? { actor: { id: `${department}-${role}-${String(random.int(1, 6)).padStart(2, '0')}`, role, department } } : {}),
        channel: kind === 'payment' ? 'online' : 'offline',
        ...(kind === 'document' || kind === 'opinion' ? { materials: [random.pick(instance.flow.materials.map((m) => m.id))] } : {}),
      });
    }
  }
  if (random.chance(lawful.promptEntry)) {
    // Records keyed in seconds after the fact, as systems with a separate entry time show them.
    runtime = runtime.map((record) =>
      record.recordedAt !== undefined ? record : { ...record, recordedAt: formatInstant(Date.parse(record.at) + random.int(3, 180) * 1000, '+08:00') },
    );
  }
  const all = [...runtime, ...extra].map((record, index) => ({ record, index, at: Date.parse(record.at) }));
  all.sort((a, b) => a.at - b.at || a.index - b.index);
  const records = all.map(({ record }, i) => ({ ...record, id: `${caseId}#${i + 1}` }));
  return { records, end: last };
}
