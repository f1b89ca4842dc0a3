import type { EventRecord } from '../event-log';
import type { FlowDefinition } from '../definition';
import { chinaMainlandCalendar, type WorkingCalendar } from '../calendar';
import { constructionPermitBundle, licenceSeparationFlow } from '../flows';
import { PermitflowError } from '../errors';
import { DEVIATION_CODES, type DeviationCode } from '../detection/deviation-codes';
import {
  DEFAULT_SUSPENSION_ABUSE_VARIANTS,
  DEFAULT_UNMODELED_ACTIVITY_VARIANTS,
  INJECTABLE_DEVIATION_CODES,
  SUSPENSION_ABUSE_VARIANTS,
  UNMODELED_ACTIVITY_VARIANTS,
  variantsOf,
  type InjectableDeviationCode,
  type SuspensionAbuseVariant,
  type UnmodeledActivityVariant,
} from './injectable-codes';
import { DEFAULT_LAWFUL_RATES, type LawfulRates } from './lawful-behaviours';
import { machineOf } from './_internal/machine-of';
import { OfficeTime } from './_internal/office-time';
import { createRandom, type Random } from './_internal/random';
import { isApproval, prepareFlow, simulateCase, type PreparedFlow, type SimulatedCase } from './_internal/simulate-case';

/** Options of {@link generateLog}. */
export interface GenerateLogOptions {
  /** Seed of the one PRNG (mulberry32); the same options give the same log. */
  readonly seed: number;
  /** Number of applications (matters applied for); each `withdraw-resubmit` adds its abandoned first attempt, and a project's earlier matters and parallel partners come on top. */
  readonly cases: number;
  /** Flows the cases run, drawn with equal weight; default: a mix of construction-permit and 证照分离 matters. */
  readonly flows?: readonly FlowDefinition[];
  /** Per deviation code, the probability that a case (whose flow allows it) gets it. */
  readonly inject?: Partial<Readonly<Record<DeviationCode, number>>>;
  /** Rates of the lawful look-alikes in every case; see {@link LawfulRates}. */
  readonly lawful?: LawfulRates;
  /** How an injected `suspension-abuse` may look, one drawn per case; default {@link DEFAULT_SUSPENSION_ABUSE_VARIANTS}. */
  readonly suspensionAbuse?: readonly SuspensionAbuseVariant[];
  /** How an injected `unmodeled-activity` may look, one drawn per case; default {@link DEFAULT_UNMODELED_ACTIVITY_VARIANTS}. */
  readonly unmodeledActivity?: readonly UnmodeledActivityVariant[];
  /** Year the arrivals spread over (its working days); default 2025. */
  readonly year?: number;
  /** Working-day calendar; the mainland calendar by default. */
  readonly calendar?: WorkingCalendar;
}

/** One injected deviation: its code and the case (or bundle) it was injected into. */
export interface DeviationLabel {
  readonly code: DeviationCode;
  readonly caseId?: string;
  readonly bundleId?: string;
}

/** A generated log: records grouped by case in order of arrival, each case's sorted by time, and the ground truth. */
export interface GeneratedLog {
  readonly records: readonly EventRecord[];
  readonly labels: readonly DeviationLabel[];
}

/**
 * The default mix: the construction-permit matters of a social-invested project (half the cases) and
 * the food business permit under approval, optimized approval and filing (the other half).
 */
function defaultFlows(): Array<{ flow: FlowDefinition; weight: number }> {
  const construction = constructionPermitBundle().flows;
  const licence = [
    { flow: licenceSeparationFlow('approval'), weight: 0.1 },
    { flow: licenceSeparationFlow('optimized-approval'), weight: 0.25 },
    { flow: licenceSeparationFlow('filing'), weight: 0.15 },
  ];
  return [...construction.map((flow) => ({ flow, weight: 0.5 / construction.length })), ...licence];
}

let defaults: Array<{ flow: FlowDefinition; weight: number }> | undefined;

/** Per matter of the construction-permit bundle: its predecessors (`dependsOn`) and the matters of its stage or earlier that need nothing. */
interface ProjectLinks {
  readonly predecessors: readonly string[];
  readonly context: readonly string[];
}

let parallelPartners: Map<string, readonly string[]> | undefined;
/** Per matter of the construction-permit bundle that requires nothing: the matters it runs in parallel with (same stage, neither depending on the other). */
function parallelPartnersOf(): Map<string, readonly string[]> {
  if (parallelPartners !== undefined) return parallelPartners;
  const { bundle } = constructionPermitBundle();
  parallelPartners = new Map();
  for (const a of bundle.matters) {
    if ((a.dependsOn ?? []).length > 0) continue;
    const partners = bundle.matters
      .filter((b) => b.matterId !== a.matterId && b.stage === a.stage && (b.dependsOn ?? []).length === 0)
      .map((b) => b.matterId);
    if (partners.length > 0) parallelPartners.set(a.matterId, partners);
  }
  return parallelPartners;
}

let projectLinks: Map<string, ProjectLinks> | undefined;
function projectLinksOf(): Map<string, ProjectLinks> {
  if (projectLinks !== undefined) return projectLinks;
  const { bundle } = constructionPermitBundle();
  const stages = (bundle.stages ?? []).map((s) => s.id);
  projectLinks = new Map();
  for (const matter of bundle.matters) {
    if (matter.dependsOn === undefined || matter.dependsOn.length === 0) continue;
    const stage = stages.indexOf(matter.stage ?? '');
    const context = bundle.matters
      .filter((m) => (m.dependsOn ?? []).length === 0 && !matter.dependsOn!.includes(m.matterId) && stages.indexOf(m.stage ?? '') <= stage)
      .map((m) => m.matterId);
    projectLinks.set(matter.matterId, { predecessors: matter.dependsOn, context });
  }
  return projectLinks;
}

/** Whether a code can be injected into a case of this flow. */
const unlistedTwins = new WeakMap<PreparedFlow, PreparedFlow>();

/** A matter on no list for `unlisted-matter`: the flow under another id and name, as a department's own 联合预审 would run. */
function unlistedTwinOf(prepared: PreparedFlow): PreparedFlow {
  let twin = unlistedTwins.get(prepared);
  if (twin === undefined) {
    const flow: FlowDefinition = { ...prepared.flow, id: `UNLISTED-${prepared.flow.id}`, name: `${prepared.flow.name}（联合预审，未列入清单）` };
    unlistedTwins.set(prepared, (twin = prepareFlow(flow, machineOf(flow))));
  }
  return twin;
}

function applies(code: InjectableDeviationCode, prepared: PreparedFlow, byId: ReadonlyMap<string, PreparedFlow>): boolean {
  if (code === 'disguised-filing') return prepared.flow.mode === 'filing';
  if (code === 'serial-as-parallel') return (parallelPartnersOf().get(prepared.flow.id) ?? []).some((id) => byId.has(id));
  if (code === 'missing-predecessor') {
    const links = projectLinksOf().get(prepared.flow.id);
    return links !== undefined && links.context.length > 0 && [...links.predecessors, ...links.context].every((id) => byId.has(id));
  }
  if (!isApproval(prepared.flow)) return false;
  return code !== 'implausible-speed' || prepared.flooredSteps.length > 0;
}

const PROVINCE_AREAS = ['320102', '320105', '330106', '440305', '510107', '370212', '420106'] as const;
const ALNUM = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function applicantCode(random: Random, area: string): string {
  let body = '';
  for (let i = 0; i < 10; i++) body += ALNUM[random.int(0, ALNUM.length - 1)];
  return `91${area}${body}`;
}

/**
 * Generates a labeled event log: cases arrive over the working days of a year, are driven through
 * real flow instances in office hours, include lawful look-alikes at realistic rates, and get the
 * requested off-system behaviours injected, each labeled with its code and case.
 * @throws {PermitflowError} `invalid-argument` for a bad count or rate, or a code not yet injectable.
 * @example
 * const { records, labels } = generateLog({ seed: 7, cases: 500, inject: { 'backfilled-record': 0.05 } });
 * // labels: [{ code: 'backfilled-record', caseId: '320102-2025-000031' }, …]
 */
export function generateLog(options: GenerateLogOptions): GeneratedLog {
  const { seed, cases, year = 2025 } = options;
  if (!Number.isInteger(cases) || cases < 0) throw new PermitflowError('invalid-argument', `cases is ${cases}; give a whole number ≥ 0.`);
  if (!Number.isFinite(seed)) throw new PermitflowError('invalid-argument', `seed is ${seed}; give a finite number.`);
  const injectable = new Set<string>(INJECTABLE_DEVIATION_CODES);
  const rates: Array<[InjectableDeviationCode, number]> = [];
  for (const [code, rate] of Object.entries(options.inject ?? {})) {
    if (!(DEVIATION_CODES as readonly string[]).includes(code)) {
      throw new PermitflowError('invalid-argument', `"${code}" is not a deviation code; use one of: ${DEVIATION_CODES.join(', ')}.`);
    }
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new PermitflowError('invalid-argument', `inject["${code}"] is ${rate}; give a probability in [0, 1].`);
    if (rate === 0) continue;
    if (!injectable.has(code)) {
      throw new PermitflowError('invalid-argument', `"${code}" cannot be injected yet; injectable codes: ${INJECTABLE_DEVIATION_CODES.join(', ')}.`);
    }
    rates.push([code as InjectableDeviationCode, rate]);
  }
  const lawful = { ...DEFAULT_LAWFUL_RATES, ...options.lawful };
  const suspensionAbuse = variantsOf('suspensionAbuse', SUSPENSION_ABUSE_VARIANTS, DEFAULT_SUSPENSION_ABUSE_VARIANTS, options.suspensionAbuse);
  const unmodeledActivity = variantsOf('unmodeledActivity', UNMODELED_ACTIVITY_VARIANTS, DEFAULT_UNMODELED_ACTIVITY_VARIANTS, options.unmodeledActivity);
  const calendar = options.calendar ?? chinaMainlandCalendar();
  const office = new OfficeTime(calendar);
  const weighted = options.flows === undefined ? (defaults ??= defaultFlows()) : options.flows.map((flow) => ({ flow, weight: 1 }));
  if (weighted.length === 0) throw new PermitflowError('invalid-argument', 'flows is empty; give at least one flow.');
  const prepared = weighted.map(({ flow }) => prepareFlow(flow, machineOf(flow)));
  const total = weighted.reduce((sum, { weight }) => sum + weight, 0);
  const byId = new Map(prepared.map((p) => [p.flow.id, p]));

  const random = createRandom(seed);
  // Injection draws come from their own stream, so turning injection on leaves the other cases as they were.
  const injectRandom = createRandom((seed ^ 0x5bd1e995) >>> 0);
  const days = office.workingDaysOf(year);
  // Arrivals: uniform over the year's working days and office hours, sorted — a Poisson process given its count.
  const arrivals = Array.from({ length: cases }, () => office.at(random.pick(days), 9 + random.next() * 8)).sort((a, b) => a - b);

  const area = random.pick(PROVINCE_AREAS);
  let serial = 0;
  const nextCaseId = (): string => `${area}-${year}-${String(++serial).padStart(6, '0')}`;
  const projectCodes = new Set<string>();
  const out: Array<{ arrival: number; records: EventRecord[] }> = [];
  const labels: DeviationLabel[] = [];
  for (const arrival of arrivals) {
    let draw = random.next() * total;
    let index = 0;
    while (index < weighted.length - 1 && draw >= weighted[index]!.weight) draw -= weighted[index++]!.weight;
    const flow = prepared[index]!;
    const caseRandom = createRandom(random.seed());
    const inject = new Set<InjectableDeviationCode>();
    for (const [code, rate] of rates) if (injectRandom.next() < rate && applies(code, flow, byId)) inject.add(code);
    const abandonDraw = random.next();
    const abandonKind = random.next();
    const registers = flow.flow.afterBusinessRegistration === true;
    const applicantId = applicantCode(caseRandom, area);
    let projectCode: string | undefined;
    // One code per project (项目代码): redraw on the rare clash, so two projects never share one.
    while (!registers && (projectCode === undefined || projectCodes.has(projectCode))) {
      projectCode = `${year}-${area}-${caseRandom.pick(['47', '48', '70', '72'])}-0${caseRandom.int(1, 3)}-${String(caseRandom.int(0, 999_999)).padStart(6, '0')}`;
    }
    if (projectCode !== undefined) projectCodes.add(projectCode);
    const baseLinks = { applicantId, ...(projectCode === undefined ? {} : { projectCode }) };
    // 并联审批: a parallel matter of the same stage filed with this one under one bundle instance (并联审批实例).
    const pairDraw = random.next();
    const pairSeed = random.seed();
    const serial = inject.has('serial-as-parallel');
    const paired = serial || (!inject.has('withdraw-resubmit') && pairDraw < lawful.parallelPair && applies('serial-as-parallel', flow, byId));
    const bundleId = paired ? `${year}-${area}-BL${String(serial ? injectRandom.int(0, 999_999) : createRandom(pairSeed).int(0, 999_999)).padStart(6, '0')}` : undefined;
    const links = bundleId === undefined ? baseLinks : { ...baseLinks, bundleId };
    const common = { prepared: flow, links, office, calendar, lawful, suspensionAbuse } as const;
    /** A case of the project that ends approved before this one is received (a partner, a predecessor, an unlisted gate), in the log. */
    const approvedCase = (prepared: PreparedFlow, arrival: number, random: Random): SimulatedCase => {
      const done = simulateCase({ ...common, prepared, caseId: nextCaseId(), arrival, random, inject: new Set(), mustApprove: true });
      out.push({ arrival: Date.parse(done.records[0]!.at), records: done.records });
      return done;
    };
    let start = arrival;
    if (paired) {
      const pairRandom = createRandom(serial ? injectRandom.seed() : pairSeed);
      const partner = pairRandom.pick((parallelPartnersOf().get(flow.flow.id) ?? []).filter((id) => byId.has(id)));
      const done = approvedCase(byId.get(partner)!, arrival, createRandom(pairRandom.seed()));
      // 串联 disguised as 并联: this matter is received only after its partner is decided; lawfully both come in at once (一表申请).
      // A resubmission's first attempt comes up to 30 working days earlier: it too follows the partner's decision.
      start = serial
        ? office.workingDaysLater(done.end, pairRandom.int(1, 10) + (inject.has('withdraw-resubmit') ? 30 : 0), 9 + pairRandom.next() * 8)
        : arrival + pairRandom.int(1, 60) * 1000;
    }
    // The project's earlier matters: every predecessor approved before (lawful), or one of them never in the system (体外循环).
    const historyDraw = random.next();
    const historySeed = random.seed();
    const dependent = projectLinksOf().get(flow.flow.id);
    const lawfulHistory = historyDraw < lawful.projectHistory && applies('missing-predecessor', flow, byId);
    if (dependent !== undefined && (inject.has('missing-predecessor') || lawfulHistory)) {
      const chainRandom = createRandom(inject.has('missing-predecessor') ? injectRandom.seed() : historySeed);
      const skipped = inject.has('missing-predecessor') ? chainRandom.pick(dependent.predecessors) : undefined;
      const earlier = [chainRandom.pick(dependent.context), ...dependent.predecessors.filter((id) => id !== skipped)];
      const chainStart = office.workingDaysEarlier(arrival, chainRandom.int(60, 160), 9 + chainRandom.next() * 8);
      let lastEnd = 0;
      for (const matterId of earlier) {
        const done = approvedCase(byId.get(matterId)!, office.workingDaysLater(chainStart, chainRandom.int(0, 20), 9 + chainRandom.next() * 8), createRandom(chainRandom.seed()));
        lastEnd = Math.max(lastEnd, done.end);
      }
      // A resubmission's first attempt comes up to 30 working days earlier: it too follows the earlier matters.
      const gap = chainRandom.int(10, 40) + (inject.has('withdraw-resubmit') ? 30 : 0);
      start = Math.max(arrival, office.workingDaysLater(lastEnd, gap, 9 + chainRandom.next() * 8));
    }
    // 隐性审批 as a matter of its own: a matter on no list, approved for the project just before this one is received.
    // Only for a matter that requires no other (with an earlier case of the project, its predecessors would be missing).
    const gated =
      inject.has('unmodeled-activity') &&
      projectCode !== undefined &&
      !paired &&
      dependent === undefined &&
      !inject.has('withdraw-resubmit') &&
      unmodeledActivity.includes('unlisted-matter') &&
      (unmodeledActivity.length === 1 || injectRandom.next() < 1 / unmodeledActivity.length);
    if (gated) {
      const gateRandom = createRandom(injectRandom.seed());
      const gate = approvedCase(unlistedTwinOf(flow), office.workingDaysEarlier(start, gateRandom.int(40, 80), 9 + gateRandom.next() * 8), createRandom(gateRandom.seed()));
      const approved = gate.records.find((r) => r.activity === 'approved')!;
      start = office.workingDaysLater(Date.parse(approved.at), gateRandom.int(1, 4), 9 + gateRandom.next() * 8);
      inject.delete('unmodeled-activity'); // the gate is the whole matter: nothing unmodeled inside this case
    }
    if (inject.has('withdraw-resubmit')) {
      // 撤件重报: an earlier attempt ended without acceptance; the same applicant files again within days.
      const attemptRandom = createRandom(injectRandom.seed());
      const attempt = simulateCase({
        ...common,
        caseId: nextCaseId(),
        arrival: office.workingDaysEarlier(start, attemptRandom.int(8, 30), 9 + attemptRandom.next() * 8),
        random: attemptRandom,
        inject: new Set(),
        abandon: attemptRandom.chance(0.7) ? 'withdrawn' : 'not-accepted',
      });
      out.push({ arrival: Date.parse(attempt.records[0]!.at), records: attempt.records });
      // The first attempt was filed without the off-system predecessor too.
      if (inject.has('missing-predecessor')) labels.push({ code: 'missing-predecessor', caseId: attempt.records[0]!.caseId });
      if (serial) labels.push({ code: 'serial-as-parallel', caseId: attempt.records[0]!.caseId, bundleId: bundleId! });
      start = office.workingDaysLater(attempt.end, attemptRandom.int(1, 7), 9 + attemptRandom.next() * 8);
    }
    const abandon = inject.size === 0 && !gated && isApproval(flow.flow) && abandonDraw < lawful.withdrawNeverReturn ? (abandonKind < 0.75 ? 'withdrawn' : 'not-accepted') : undefined;
    const caseId = nextCaseId();
    const simulated = simulateCase({ ...common, caseId, arrival: start, random: caseRandom, inject, ...(abandon === undefined ? {} : { abandon }) });
    out.push({ arrival: Date.parse(simulated.records[0]!.at), records: simulated.records });
    if (gated) labels.push({ code: 'unmodeled-activity', caseId });
    for (const code of INJECTABLE_DEVIATION_CODES) {
      if (inject.has(code) && !simulated.missed?.includes(code)) labels.push({ code, caseId, ...(code === 'serial-as-parallel' ? { bundleId: bundleId! } : {}) });
    }
  }
  out.sort((a, b) => a.arrival - b.arrival);
  return { records: out.flatMap((c) => c.records), labels };
}
