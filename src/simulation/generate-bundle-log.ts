import { SimulatedClock } from 'xstate';
import type { FlowMachine } from '../compiler';
import { chinaMainlandCalendar, type WorkingCalendar } from '../calendar';
import { validateBundle } from '../definition';
import type { Actor, Channel, EventRecord } from '../event-log';
import { PermitflowError, formatIssues } from '../errors';
import { constructionPermitBundle, CONSTRUCTION_PROJECT_CATEGORIES, openBusinessBundle, realEstateRegistrationBundle, type BundleWithFlows } from '../flows';
import { createBundleInstance } from '../runtime';
import { DEVIATION_CODES, type DeviationCode } from '../detection/deviation-codes';
import type { DeviationLabel, GeneratedLog } from './generate-log';
import { DEFAULT_SUSPENSION_ABUSE_VARIANTS, SUSPENSION_ABUSE_VARIANTS, variantsOf, type InjectableDeviationCode, type SuspensionAbuseVariant } from './injectable-codes';
import { DEFAULT_LAWFUL_RATES, type LawfulRates } from './lawful-behaviours';
import { machineOf } from './_internal/machine-of';
import { HOUR, OfficeTime, durationMs } from './_internal/office-time';
import { createRandom, type Random } from './_internal/random';
import { driveCase, isApproval, prepareFlow, type AttemptEnd, type CaseRun, type CaseSpec, type PreparedFlow, type SimulatedCase } from './_internal/simulate-case';

/**
 * The codes {@link generateBundleLog} can inject into bundle matters. They look as they do in lone
 * cases (see `INJECTABLE_DEVIATION_CODES`), with these bundle twists:
 *
 * - `pre-acceptance-work` (线下预审): the evidence is dated 8–40 working days before the bundle's
 *   submission, on an approval matter received at submission.
 * - `withdraw-resubmit` (撤件重报): an earlier bundle instance of the same applicant (and project) was
 *   submitted 8–30 working days before and ended without acceptance: every matter it received was
 *   withdrawn before acceptance (`withdrawn-before-acceptance`, sometimes during a 补正) or not
 *   accepted (`not-accepted`); the labeled bundle is submitted 1–7 working days after. One label per
 *   case of the labeled bundle whose matter the earlier attempt received; the earlier bundle is extra,
 *   beyond `bundles`.
 * - `disguised-filing`: a filing-mode matter of the bundle (立项备案, 竣工验收备案, …) reviewed like an approval.
 * - the others (`backfilled-record`, `implausible-speed`, `suspension-abuse`, `unlisted-material`,
 *   `unmodeled-activity`, `double-acceptance`, `extraneous-delay`): one approval matter of the bundle
 *   (with a minimum step duration, for `implausible-speed`), however late it is received.
 *
 * Not injectable into bundles: `missing-predecessor` and `serial-as-parallel`. The bundle runtime
 * receives a matter only once what it depends on is approved, and a stage's matters all at once, so
 * neither can happen inside a bundle instance; `generateLog` injects them into lone cases.
 */
export const BUNDLE_INJECTABLE_DEVIATION_CODES = [
  'pre-acceptance-work',
  'withdraw-resubmit',
  'backfilled-record',
  'implausible-speed',
  'suspension-abuse',
  'unlisted-material',
  'unmodeled-activity',
  'double-acceptance',
  'disguised-filing',
  'extraneous-delay',
] as const satisfies ReadonlyArray<InjectableDeviationCode>;

/** A deviation code {@link generateBundleLog} can inject. */
export type BundleInjectableDeviationCode = (typeof BUNDLE_INJECTABLE_DEVIATION_CODES)[number];

/** One bundle of the mix and how often it is applied for, relative to the others. */
export interface BundleMixEntry {
  readonly bundle: BundleWithFlows;
  readonly weight: number;
}

/** Options of {@link generateBundleLog}. */
export interface GenerateBundleLogOptions {
  /** Seed of the one PRNG (mulberry32); the same options give the same log. */
  readonly seed: number;
  /** Number of bundle instances (applications) submitted over the year; each `withdraw-resubmit` adds its abandoned first attempt. */
  readonly bundles: number;
  /** Bundles applied for and their relative weights; default {@link defaultBundleMix}. */
  readonly mix?: readonly BundleMixEntry[];
  /** Per deviation code (of {@link BUNDLE_INJECTABLE_DEVIATION_CODES}), the probability that a bundle gets it in one matter where it applies. */
  readonly inject?: Partial<Readonly<Record<DeviationCode, number>>>;
  /**
   * Rates of the lawful look-alikes; see {@link LawfulRates}. Per bundle: `supplementBeforeAcceptance`
   * (one 补正 round, in one matter: one set of materials) and `withdrawNeverReturn` (the whole bundle).
   * Per matter case: the others. `projectHistory` and `parallelPair` concern lone cases and are unused.
   */
  readonly lawful?: LawfulRates;
  /** How an injected `suspension-abuse` may look, one drawn per case; default {@link DEFAULT_SUSPENSION_ABUSE_VARIANTS}. */
  readonly suspensionAbuse?: readonly SuspensionAbuseVariant[];
  /** Year the submissions spread over (its working days); default 2025. The calendar must cover the years before and after too. */
  readonly year?: number;
  /** Working-day calendar; the mainland calendar by default. */
  readonly calendar?: WorkingCalendar;
}

/**
 * The default mix: a city's year of 一件事 as orders of magnitude, not measured figures [R] — 开办企业
 * and 不动产登记 (transfer with utilities) by the thousand, construction projects by the dozen:
 * 45 % open-business, 47 % real-estate transfer, and 8 % construction projects (1.5 % government-
 * invested, 3.5 % social-invested, 3 % small low-risk).
 */
export function defaultBundleMix(): BundleMixEntry[] {
  const construction: Record<(typeof CONSTRUCTION_PROJECT_CATEGORIES)[number], number> = {
    'government-invested': 0.015,
    'social-invested': 0.035,
    'small-low-risk': 0.03,
  };
  return [
    { bundle: openBusinessBundle(), weight: 0.45 },
    { bundle: realEstateRegistrationBundle(), weight: 0.47 },
    ...CONSTRUCTION_PROJECT_CATEGORIES.map((category) => ({ bundle: constructionPermitBundle({ category }), weight: construction[category] })),
  ];
}

/** A bundle of the mix, prepared once per log. */
interface PreparedBundle {
  readonly entry: BundleWithFlows;
  readonly weight: number;
  /** Flows by matter id. */
  readonly flows: ReadonlyMap<string, PreparedFlow>;
  readonly machines: ReadonlyMap<string, FlowMachine>;
  /** The one set of materials (一套材料): the shared ones and every matter's required ones. */
  readonly materials: readonly string[];
  /** Matters received at submission: first stage (or no stage), depending on nothing. */
  readonly initial: ReadonlySet<string>;
  /** Whether instances are projects (a staged bundle: 工程建设项目), with a 项目代码 and an enterprise applicant. */
  readonly project: boolean;
  /** Per matter, the factor on its ordinary steps' office hours that fits their median work into 40 % of its promised limit. */
  readonly stepScales: ReadonlyMap<string, number>;
}

/** Matters promised within this many working days are worked briskly: accepted, decided and certified within hours of the work. */
const BRISK_WITHIN_WORKING_DAYS = 5;
/** The probability that a matter's decision is an approval: a bundle's matters are rarely denied. */
const MATTER_APPROVAL_RATE = 0.995;
const PROVINCE_AREAS = ['320102', '320105', '330106', '440305', '510107', '370212', '420106'] as const;
const ALNUM = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const HALL = 'government-service-center';

/** A unified social credit code (统一社会信用代码) look-alike of an enterprise. */
function enterpriseCode(random: Random, area: string): string {
  let body = '';
  for (let i = 0; i < 10; i++) body += ALNUM[random.int(0, ALNUM.length - 1)];
  return `91${area}${body}`;
}

/** A resident identity number (GB 11643) look-alike of a person, with a valid check digit. */
function personCode(random: Random, area: string): string {
  const birth = new Date(Date.UTC(random.int(1955, 2002), 0, random.int(1, 365))).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${area}${birth}${String(random.int(1, 999)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** Whether a code can go into this matter of a bundle (received at submission or not). */
function appliesToMatter(code: BundleInjectableDeviationCode, prepared: PreparedFlow, initial: boolean): boolean {
  switch (code) {
    case 'disguised-filing':
      return prepared.flow.mode === 'filing';
    case 'pre-acceptance-work':
    case 'withdraw-resubmit':
      return initial && isApproval(prepared.flow);
    case 'implausible-speed':
      return isApproval(prepared.flow) && prepared.flooredSteps.length > 0;
    default:
      return isApproval(prepared.flow);
  }
}

/**
 * Departments plan a matter's work to its promised limit (承诺办结时限): the factor that brings the
 * median office hours of its ordinary steps (the driver's default pace) to 40 % of that limit, so most
 * cases end in time and a few run late; 1 when the default pace already fits or there is no limit.
 */
function stepScaleOf(prepared: PreparedFlow): number {
  const limit = prepared.flow.limits?.promisedWorkingDays ?? prepared.flow.limits?.statutoryWorkingDays;
  if (limit === undefined) return 1;
  let hours = 0;
  for (const step of prepared.steps.values()) {
    if (step.clock === 'stopped') continue;
    const floorHours = step.minDuration === undefined ? 0 : durationMs(step.minDuration) / HOUR;
    hours += Math.max(Math.min(floorHours, 8) * 2.5, 3);
  }
  return hours === 0 ? 1 : Math.min(1, (0.4 * limit * 8) / hours);
}

let defaultMix: BundleMixEntry[] | undefined;
const preparedBundles = new WeakMap<BundleWithFlows, Omit<PreparedBundle, 'weight'>>();

/** Prepares a bundle of the mix once per definition object: validated, its flows compiled. */
function prepareBundle(entry: BundleMixEntry, index: number): PreparedBundle {
  const cached = preparedBundles.get(entry.bundle);
  if (cached !== undefined) return { ...cached, weight: entry.weight };
  const { bundle, flows } = entry.bundle;
  const checked = validateBundle(bundle, { flows });
  if (!checked.ok) {
    throw new PermitflowError('invalid-argument', `mix[${index}].bundle ("${bundle.id}") does not validate with its flows; fix these issues:\n${formatIssues(checked.issues)}`);
  }
  const byId = new Map(flows.map((flow) => [flow.id, flow]));
  const prepared = new Map<string, PreparedFlow>();
  const machines = new Map<string, FlowMachine>();
  for (const { matterId } of bundle.matters) {
    const flow = byId.get(matterId)!;
    const machine = machineOf(flow);
    machines.set(matterId, machine);
    prepared.set(matterId, prepareFlow(flow, machine));
  }
  const firstStage = bundle.stages?.[0]?.id;
  const initial = new Set(
    bundle.matters.filter((m) => (m.dependsOn ?? []).length === 0 && (m.stage === undefined || firstStage === undefined || m.stage === firstStage)).map((m) => m.matterId),
  );
  const materials = new Set([...(bundle.sharedMaterials ?? []).map((m) => m.id), ...[...prepared.values()].flatMap((p) => p.requiredMaterials)]);
  const stepScales = new Map([...prepared].map(([matterId, flow]) => [matterId, stepScaleOf(flow)]));
  const result = { entry: entry.bundle, flows: prepared, machines, materials: [...materials], initial, project: (bundle.stages ?? []).length > 0, stepScales };
  preparedBundles.set(entry.bundle, result);
  return { ...result, weight: entry.weight };
}

/** Everything a bundle instance needs to be driven. */
interface BundleSpec {
  readonly prepared: PreparedBundle;
  readonly bundleId: string;
  readonly arrival: number;
  readonly links: { readonly applicantId: string; readonly projectCode?: string };
  readonly random: Random;
  readonly office: OfficeTime;
  readonly calendar: WorkingCalendar;
  readonly lawful: Required<LawfulRates>;
  /** How an injected `suspension-abuse` may look. */
  readonly suspensionAbuse: readonly SuspensionAbuseVariant[];
  /** Per matter, the deviations injected into its case. */
  readonly inject: ReadonlyMap<string, ReadonlySet<InjectableDeviationCode>>;
  /** Set for a bundle abandoned as a whole: every matter it receives ends so. */
  readonly abandon?: AttemptEnd;
  /** The matter that gets the bundle's lawful 补正 round, if any. */
  readonly supplementMatter?: string;
}

/** A driven bundle: its own records, each case driven, and when its last system record falls. */
interface DrivenBundle {
  readonly bundleRecords: EventRecord[];
  readonly cases: ReadonlyMap<string, SimulatedCase>;
  readonly end: number;
}

/**
 * Drives one bundle instance on one simulated clock: submits the one application, then runs every
 * received matter's case as a coroutine, always resuming the one whose next instant comes first, so
 * the matters of a stage interleave in time and a waiting matter starts the moment the bundle
 * receives it.
 */
function driveBundle(spec: BundleSpec): DrivenBundle {
  const { prepared, bundleId, random, lawful } = spec;
  const { bundle, flows } = prepared.entry;
  const clock = new SimulatedClock();
  clock.set(spec.arrival);
  const instance = createBundleInstance(bundle, { bundleId, flows, clock, calendar: spec.calendar, machines: prepared.machines, ...spec.links });
  const channel = random.pick<Channel>(['online', 'online', 'online', 'window', 'window', 'mobile']);
  const hallClerk: Actor = { id: `${HALL}-window-clerk-${String(random.int(1, 12)).padStart(2, '0')}`, role: 'window-clerk', department: HALL };
  const submitted = instance.submit({ materials: prepared.materials, channel, ...(channel === 'window' ? { actor: hallClerk } : {}) });
  if (!submitted.accepted) throw new Error(`simulator bug: ${bundleId} submit: ${submitted.rejection.message}`);

  const quiet = { ...lawful, supplementBeforeAcceptance: 0 };
  // 即办件 have no limits to extend and no expert reviews or Art. 45 procedures.
  const quietOnTheSpot = { ...quiet, longExpertReview: 0, extension: 0, art45SpecialProcedure: 0 };
  const running: Array<{ matterId: string; run: CaseRun; at: number; order: number }> = [];
  const cases = new Map<string, SimulatedCase>();
  const started = new Set<string>();
  let order = 0;
  const advance = (matterId: string, run: CaseRun, runOrder: number): void => {
    const next = run.next();
    if (next.done === true) cases.set(matterId, next.value);
    else running.push({ matterId, run, at: next.value, order: runOrder });
  };
  const startReceived = (): void => {
    for (const { matterId } of bundle.matters) {
      if (started.has(matterId)) continue;
      const matterCase = instance.caseOf(matterId);
      if (matterCase === undefined) continue;
      started.add(matterId);
      const flow = prepared.flows.get(matterId)!;
      const onTheSpot = flow.flow.caseType === 'immediate';
      const rates = onTheSpot ? quietOnTheSpot : quiet;
      const promised = flow.flow.limits?.promisedWorkingDays;
      const caseSpec: CaseSpec = {
        caseId: matterCase.caseId,
        prepared: flow,
        arrival: clock.now(),
        links: { ...spec.links, bundleId },
        random: createRandom(random.seed()),
        office: spec.office,
        calendar: spec.calendar,
        lawful: matterId === spec.supplementMatter ? { ...rates, supplementBeforeAcceptance: 1 } : rates,
        inject: spec.inject.get(matterId) ?? new Set(),
        suspensionAbuse: spec.suspensionAbuse,
        approvalRate: MATTER_APPROVAL_RATE,
        ...(onTheSpot ? { pace: 'on-the-spot' as const } : promised !== undefined && promised <= BRISK_WITHIN_WORKING_DAYS ? { pace: 'brisk' as const } : {}),
        stepScale: prepared.stepScales.get(matterId)!,
        ...(spec.abandon === undefined ? {} : { abandon: spec.abandon }),
      };
      const run = driveCase(caseSpec, clock, { kind: 'bundle', port: { instance: matterCase, send: (event) => instance.send(matterId, event) }, channel, hallClerk });
      advance(matterId, run, order++);
    }
  };
  startReceived();
  while (running.length > 0) {
    let best = 0;
    for (let i = 1; i < running.length; i++) {
      const a = running[i]!;
      const b = running[best]!;
      if (a.at < b.at || (a.at === b.at && a.order < b.order)) best = i;
    }
    const [next] = running.splice(best, 1);
    clock.set(next!.at);
    advance(next!.matterId, next!.run, next!.order);
    startReceived();
  }
  instance.stop();
  const bundleRecords = instance.records.filter((r) => r.caseId === bundleId);
  const end = Math.max(...[...cases.values()].map((c) => c.end), Date.parse(bundleRecords.at(-1)!.at));
  return { bundleRecords, cases, end };
}

/**
 * Generates a labeled event log of 一件事 bundle instances: applications submitted over the working
 * days of a year (online, at the window — the hall clerk acting — or by mobile), each driven as a
 * real `BundleInstance` on a simulated clock in office hours. Every received matter's case is worked
 * through its process by its department's officers with the same driver as `generateLog`'s lone
 * cases (lawful 补正, expert reviews, extensions, evidence, 即办件 decided within hours); the matters of
 * a stage interleave, and a matter waiting on `dependsOn` starts when the bundle receives it. The
 * requested deviations of {@link BUNDLE_INJECTABLE_DEVIATION_CODES} are injected, each labeled with
 * its code, case and bundle. Records are grouped by case (the bundle's own `bundle-submitted` and
 * `bundle-completed` form one, `caseId` = `bundleId`) in order of each group's first system record
 * (a case's receipt), each group sorted by time, so outside evidence dated earlier stays in its case.
 * @throws {PermitflowError} `invalid-argument` for a bad count, seed, year, mix entry or rate, or a code not injectable into bundles.
 * @example
 * const { records, labels } = generateBundleLog({ seed: 1, bundles: 2000, inject: { 'withdraw-resubmit': 0.03 } });
 * // labels: [{ code: 'withdraw-resubmit', caseId: '320102-2025-B000042:enterprise-registration', bundleId: '320102-2025-B000042' }, …]
 * const { findings } = detectOffSystemWork(records, { bundles: defaultBundleMix().map((m) => m.bundle) });
 */
export function generateBundleLog(options: GenerateBundleLogOptions): GeneratedLog {
  const { seed, bundles, year = 2025 } = options;
  if (!Number.isInteger(bundles) || bundles < 0) throw new PermitflowError('invalid-argument', `bundles is ${bundles}; give a whole number ≥ 0.`);
  if (!Number.isFinite(seed)) throw new PermitflowError('invalid-argument', `seed is ${seed}; give a finite number.`);
  if (!Number.isInteger(year)) throw new PermitflowError('invalid-argument', `year is ${year}; give a whole year such as 2025.`);
  const calendar = options.calendar ?? chinaMainlandCalendar();
  const { firstYear, lastYear } = calendar.coverage;
  if (!calendar.provisional && (year - 1 < firstYear || year + 1 > lastYear)) {
    throw new PermitflowError(
      'invalid-argument',
      `year is ${year}, but calendar "${calendar.id}" covers ${firstYear}–${lastYear}; bundles start before the year (earlier attempts, offline pre-review) and end after it, so give a year from ${firstYear + 1} to ${lastYear - 1}, or extend the calendar (extendCalendar) with the years around it.`,
    );
  }
  const bundleInjectable = new Set<string>(BUNDLE_INJECTABLE_DEVIATION_CODES);
  const rates: Array<[BundleInjectableDeviationCode, number]> = [];
  for (const [code, rate] of Object.entries(options.inject ?? {})) {
    if (!(DEVIATION_CODES as readonly string[]).includes(code)) {
      throw new PermitflowError('invalid-argument', `"${code}" is not a deviation code; use one of: ${DEVIATION_CODES.join(', ')}.`);
    }
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new PermitflowError('invalid-argument', `inject["${code}"] is ${rate}; give a probability in [0, 1].`);
    if (rate === 0) continue;
    if (!bundleInjectable.has(code)) {
      throw new PermitflowError(
        'invalid-argument',
        `"${code}" cannot be injected into bundles: the bundle runtime receives a matter only once its dependsOn are approved, and a stage's matters at once. Inject it into lone cases with generateLog; bundle-injectable codes: ${BUNDLE_INJECTABLE_DEVIATION_CODES.join(', ')}.`,
      );
    }
    rates.push([code as BundleInjectableDeviationCode, rate]);
  }
  for (const [key, rate] of Object.entries(options.lawful ?? {})) {
    if (!Object.hasOwn(DEFAULT_LAWFUL_RATES, key)) throw new PermitflowError('invalid-argument', `lawful.${key} is not a lawful rate; use: ${Object.keys(DEFAULT_LAWFUL_RATES).join(', ')}.`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new PermitflowError('invalid-argument', `lawful.${key} is ${rate}; give a probability in [0, 1].`);
  }
  const mix = options.mix ?? (defaultMix ??= defaultBundleMix());
  if (mix.length === 0) throw new PermitflowError('invalid-argument', 'mix is empty; give at least one { bundle, weight }, or leave mix out for the default.');
  mix.forEach((entry, i) => {
    if (!(Number.isFinite(entry.weight) && entry.weight >= 0)) throw new PermitflowError('invalid-argument', `mix[${i}].weight is ${entry.weight}; give a finite weight ≥ 0.`);
  });
  const total = mix.reduce((sum, { weight }) => sum + weight, 0);
  if (!(total > 0)) throw new PermitflowError('invalid-argument', 'mix weights add up to 0; give at least one bundle a positive weight.');
  const prepared = mix.map(prepareBundle);
  const lawful = { ...DEFAULT_LAWFUL_RATES, ...options.lawful };
  const suspensionAbuse = variantsOf('suspensionAbuse', SUSPENSION_ABUSE_VARIANTS, DEFAULT_SUSPENSION_ABUSE_VARIANTS, options.suspensionAbuse);
  const office = new OfficeTime(calendar);

  const random = createRandom(seed);
  // Injection draws come from their own stream, so turning injection on leaves the other bundles as they were.
  const injectRandom = createRandom((seed ^ 0x2c1b3c6d) >>> 0);
  const days = office.workingDaysOf(year);
  // Submissions: uniform over the year's working days and office hours, sorted — a Poisson process given its count.
  const arrivals = Array.from({ length: bundles }, () => office.at(random.pick(days), 9 + random.next() * 8)).sort((a, b) => a - b);
  const area = random.pick(PROVINCE_AREAS);
  let serial = 0;
  const nextBundleId = (): string => `${area}-${year}-B${String(++serial).padStart(6, '0')}`;
  const projectCodes = new Set<string>();
  const groups: Array<{ first: number; order: number; records: readonly EventRecord[] }> = [];
  const labels: DeviationLabel[] = [];
  const emit = (driven: DrivenBundle): void => {
    for (const records of [driven.bundleRecords, ...[...driven.cases.values()].map((c) => c.records)]) {
      // In order of receipt, as a system's export lists cases: evidence of earlier work joins its case, it does not move it.
      groups.push({ first: Date.parse((records.find((r) => r.source === 'system') ?? records[0]!).at), order: groups.length, records });
    }
  };

  for (const arrival of arrivals) {
    let draw = random.next() * total;
    let index = 0;
    while (index < prepared.length - 1 && draw >= prepared[index]!.weight) draw -= prepared[index++]!.weight;
    const entry = prepared[index]!;
    const bundleRandom = createRandom(random.seed());
    const abandonDraw = random.next();
    const abandonKind = random.next();
    const supplementDraw = random.next();
    const supplementPick = random.next();

    // Which deviations, and into which matter each goes.
    const matterIds = entry.entry.bundle.matters.map((m) => m.matterId);
    const inject = new Map<string, Set<InjectableDeviationCode>>();
    let resubmit = false;
    for (const [code, rate] of rates) {
      if (!(injectRandom.next() < rate)) continue;
      const where = matterIds.filter((id) => appliesToMatter(code, entry.flows.get(id)!, entry.initial.has(id)));
      if (where.length === 0) continue;
      if (code === 'withdraw-resubmit') {
        resubmit = true;
        continue;
      }
      const matterId = injectRandom.pick(where);
      inject.set(matterId, new Set([...(inject.get(matterId) ?? []), code]));
    }

    const applicantId = entry.project ? enterpriseCode(bundleRandom, area) : personCode(bundleRandom, area);
    let projectCode: string | undefined;
    // One code per project (项目代码): redraw on the rare clash, so two projects never share one.
    while (entry.project && (projectCode === undefined || projectCodes.has(projectCode))) {
      projectCode = `${year}-${area}-${bundleRandom.pick(['47', '48', '70', '72'])}-0${bundleRandom.int(1, 3)}-${String(bundleRandom.int(0, 999_999)).padStart(6, '0')}`;
    }
    if (projectCode !== undefined) projectCodes.add(projectCode);
    const links = { applicantId, ...(projectCode === undefined ? {} : { projectCode }) };
    const common = { prepared: entry, links, office, calendar, lawful, suspensionAbuse } as const;

    let start = arrival;
    let abandonedMatters: readonly string[] = [];
    if (resubmit) {
      // 撤件重报: the whole application was withdrawn or not accepted; the same applicant submits again within days.
      const attemptRandom = createRandom(injectRandom.seed());
      const attempt = driveBundle({
        ...common,
        bundleId: nextBundleId(),
        arrival: office.workingDaysEarlier(arrival, attemptRandom.int(8, 30), 9 + attemptRandom.next() * 8),
        random: attemptRandom,
        inject: new Map(),
        abandon: attemptRandom.chance(0.7) ? 'withdrawn' : 'not-accepted',
      });
      emit(attempt);
      abandonedMatters = [...attempt.cases.keys()];
      start = office.workingDaysLater(attempt.end, attemptRandom.int(1, 7), 9 + attemptRandom.next() * 8);
    }
    const injected = inject.size > 0 || resubmit;
    const abandon = !injected && abandonDraw < lawful.withdrawNeverReturn ? (abandonKind < 0.75 ? 'withdrawn' : 'not-accepted') : undefined;
    // The one 补正 round of the one set of materials goes to a matter that is accepted (a filing has none).
    const reviewed = matterIds.filter((id) => isApproval(entry.flows.get(id)!.flow));
    const supplementMatter = supplementDraw < lawful.supplementBeforeAcceptance && reviewed.length > 0 ? reviewed[Math.floor(supplementPick * reviewed.length)] : undefined;
    const bundleId = nextBundleId();
    const driven = driveBundle({
      ...common,
      bundleId,
      arrival: start,
      random: bundleRandom,
      inject,
      ...(abandon === undefined ? {} : { abandon }),
      ...(supplementMatter === undefined ? {} : { supplementMatter }),
    });
    emit(driven);
    for (const [matterId, codes] of inject) {
      const simulated = driven.cases.get(matterId);
      // A matter the bundle never received (an earlier matter was denied) got nothing.
      if (simulated === undefined) continue;
      for (const code of codes) if (!simulated.missed?.includes(code)) labels.push({ code, caseId: simulated.records[0]!.caseId, bundleId });
    }
    for (const matterId of abandonedMatters) {
      const simulated = driven.cases.get(matterId);
      if (simulated !== undefined) labels.push({ code: 'withdraw-resubmit', caseId: simulated.records[0]!.caseId, bundleId });
    }
  }
  groups.sort((a, b) => a.first - b.first || a.order - b.order);
  return { records: groups.flatMap((g) => g.records), labels };
}
