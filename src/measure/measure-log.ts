import type { BundleDefinition, FlowDefinition } from '../definition';
import { NO_FINDINGS, type Finding } from '../detection/finding';
import type { EventRecord } from '../event-log';
import { builtInBundles, builtInFlows, type BundleWithFlows } from '../flows';
import { instantMs, offsetIndex, writtenLike } from '../_internal/instant';
import type { ResubmissionOptions } from '../clocks';
import { chainAttempts, mergeAttemptFacts, noteAttemptFacts, noteAttemptRecord, type Attempt } from '../clocks/link-resubmission-chains';
import { PermitflowError } from '../errors';
import { asOneMatterBundle, measureContext, measureGroup, type GroupFacts, type MeasureContext, type MeasureOptions } from './measure-bundle';
import type { Measurement } from './measurement';

/** Options of {@link measureLog}: the definitions to measure against, plus {@link MeasureOptions}. */
export interface MeasureLogOptions extends MeasureOptions {
  /** Flows of lone cases; default (with `bundles` also absent): every built-in flow. */
  readonly flows?: readonly FlowDefinition[];
  /** Bundles (一件事) with their flows; default (with `flows` also absent): every built-in bundle. */
  readonly bundles?: readonly BundleWithFlows[];
  /** How lone cases are linked into resubmission chains (see `linkResubmissionChains`). */
  readonly resubmission?: ResubmissionOptions;
}

/** Records that could not be measured, and why: reported once per case or bundle instance. */
export interface UnmeasuredGroup {
  /** The bundle instance or case id. */
  readonly id: string;
  readonly matterId: string;
  /** How many records it held. */
  readonly records: number;
  /** What is wrong and how to fix it. */
  readonly reason: string;
}

/** Every measurement of a log, what could not be measured, and record counts that add up. */
export interface MeasureLogResult {
  /** One per bundle instance (resubmitted attempts folded in) and per lone case chain, by start then id. */
  readonly measurements: readonly Measurement[];
  readonly unmeasured: readonly UnmeasuredGroup[];
  /** `read === measured + unmeasured`. */
  readonly counts: { readonly read: number; readonly measured: number; readonly unmeasured: number };
}

/** Activities after which a bundle attempt has failed and a new application resubmits it. */
const FAILED = new Set(['withdrawn-before-acceptance', 'withdrawn', 'not-accepted', 'refused', 'denied']);

/**
 * A lone case (records without a bundle id, or of a bundle instance measured case by case), as the
 * first pass notes it; in a two-pass run its records are not kept, only what chaining needs.
 */
interface LoneCase extends Attempt {
  /** Records noted. */
  count: number;
  /** The flow version of its first record. */
  readonly flowVersion: string;
  /** Its records, collected by the second pass of a two-pass run (in one pass: `records`). */
  buffer: EventRecord[] | undefined;
  /**
   * Second pass: its records that came with the id of a bundle instance measured case by case. They
   * follow its own records, as in one pass (where they join the case once the instance's fate is
   * known); of records in two such instances, those of each come in log order, not instance by instance.
   */
  adopted: EventRecord[] | undefined;
  /** The group it is measured in, once planned; absent while unplanned or when it cannot be measured. */
  group: Group | undefined;
  /** The findings about it, in the order given, attached when the first pass ends. */
  findings: Finding[] | undefined;
  /** The instant of its last record noted, and whether its records came in time order (by string: see {@link Planner.alike}). */
  lastAt: string;
  ordered: boolean;
}

/** A bundle instance's records (or their count), and what chaining and measuring it needs, gathered in the same pass. */
interface BundleInstance {
  readonly bundleId: string;
  /** Its records, when kept (one pass) or once collected (second pass). */
  records: EventRecord[];
  count: number;
  /** Matter and version of its first bundle-level record (case id = bundle id), which names the bundle. */
  bundleRecord: { readonly matterId: string; readonly flowVersion: string } | undefined;
  /** The bundle named by the first bundle-level record that names a known one. */
  definition: BundleWithFlows | undefined;
  failed: boolean;
  /** The project code or applicant id of its first record that has one. */
  link: string | undefined;
  /** Its earliest instant in epoch ms, read when its chain is ordered. */
  start: number;
  /** In a two-pass run, its cases noted apart, in case it has no bundle definition and is measured case by case. */
  readonly cases: Map<string, LoneCase> | undefined;
  /** How it is measured, once planned. */
  fate: 'bundle' | 'unmeasured' | 'lone' | undefined;
  group: Group | undefined;
  /** As in {@link LoneCase}. */
  lastAt: string;
  ordered: boolean;
}

/** One measurement to make: a bundle chain or a lone case chain, and how many records it waits for. */
interface Group {
  readonly kind: 'bundle' | 'case';
  readonly id: string;
  readonly bundle: BundleDefinition;
  readonly flows: readonly FlowDefinition[];
  readonly members: ReadonlyArray<BundleInstance | LoneCase>;
  readonly total: number;
  seen: number;
}

/** Measurements and unmeasured groups as they are collected; `starts[i]` is the start of `measurements[i]` in epoch ms, read while it is fresh. */
interface Collected {
  readonly measurements: Measurement[];
  readonly starts: number[];
  readonly unmeasured: UnmeasuredGroup[];
}

/**
 * Measures every 一件事 in a log: each bundle instance (with the earlier failed attempts it
 * resubmits) and each lone case (with its resubmission chain, as a one-matter bundle). Detection
 * `findings` become off-system periods. Records whose definition is unknown are counted and
 * reported once per case, never thrown. The records are held while measuring; for a log too large
 * for that, read it twice with {@link planMeasurement}. See docs/measurement.md.
 * @example
 * const { findings } = detectOffSystemWork(records);
 * const { measurements, counts } = measureLog(records, { findings });
 * const summary = summarizeMeasurements(measurements);
 */
export function measureLog(records: readonly EventRecord[], options: MeasureLogOptions = {}): MeasureLogResult {
  const planner = new Planner(options, true);
  // The hot loop is a method, not a closure made on every call, so its optimised code carries over from call to call.
  planner.noteAll(records);
  return planner.measure({}).finish();
}

/** The first pass of a two-pass measurement: {@link MeasurementPlanner.note} every record, then {@link MeasurementPlanner.measure}. */
export interface MeasurementPlanner {
  /** Notes one record of the log (first pass), in log order; keeps only what grouping and chaining need. */
  note(record: EventRecord): void;
  /**
   * Ends the first pass: decides every group, and returns the measurer for the second pass. `findings`
   * override the options'. With `keepMeasurements: false` the measurer keeps none: each comes once,
   * from the `push` that completes it, and `finish()` lists none (its counts and unmeasured groups
   * stay whole), so memory holds only the open groups.
   */
  measure(extra?: { readonly findings?: readonly Finding[]; readonly keepMeasurements?: boolean }): LogMeasurer;
}

/** The second pass of a two-pass measurement: {@link LogMeasurer.push} the same records in the same order, then {@link LogMeasurer.finish}. */
export interface LogMeasurer {
  /**
   * Takes one record again; a group is measured, and its records dropped, as soon as its last record
   * arrives: that measurement is returned (in the order groups complete, not by start).
   */
  push(record: EventRecord): Measurement | undefined;
  /** The result, as {@link measureLog} gives it for the same records (with no measurements when they were not kept). */
  finish(): MeasureLogResult;
}

/**
 * Measures a log too large to hold in memory, in two passes over it (read the file twice): the first
 * notes what groups the records form and how many each has, keeping no records; the second collects
 * each group's records and measures it as soon as they are all in, so memory holds the open groups
 * and the measurements, not the log. The result equals {@link measureLog}'s for the same records.
 * @throws {PermitflowError} `invalid-argument` when the second pass does not see the first pass's records.
 * @example
 * const planner = planMeasurement();
 * for await (const record of readEventLog(createReadStream(path))) planner.note(record);
 * const measurer = planner.measure({ findings });
 * for await (const record of readEventLog(createReadStream(path))) measurer.push(record);
 * const { measurements, unmeasured, counts } = measurer.finish();
 */
export function planMeasurement(options: MeasureLogOptions = {}): MeasurementPlanner {
  return new Planner(options, false);
}

/** Groups and chains a log's records: keeping them (measureLog) or only counting them (first of two passes). */
class Planner implements MeasurementPlanner {
  private readonly bundleOf: Definitions<BundleWithFlows>;
  private readonly flowOf: Definitions<FlowDefinition>;
  private readonly instances = new Map<string, BundleInstance>();
  private readonly lone = new Map<string, LoneCase>();
  private read = 0;
  private latestAt: string | undefined;
  /** The instant of `latestAt` in epoch ms, unless `stale`: a later instant written alike was taken by its string alone. */
  private latestTime = -Infinity;
  private stale = false;
  private zone = -1; // where the offset of latestAt starts, once it is a valid instant of the fixed-width form
  /**
   * Whether every instant so far is written like `latestAt` (the same fixed-width fields, the same
   * offset), as one system writes them: then string order is time order, so a case whose records
   * came in string order is in time order, and its clock need not check.
   */
  private alike = true;
  private measuring = false;

  constructor(
    private readonly options: MeasureLogOptions,
    /** Whether the records are kept as they are noted (one pass over an array) instead of read again. */
    private readonly keep: boolean,
  ) {
    const defaults = options.flows === undefined && options.bundles === undefined;
    const bundles = defaults ? builtInBundles() : (options.bundles ?? []);
    const flows = defaults ? builtInFlows() : [...(options.flows ?? []), ...bundles.flatMap((b) => b.flows)];
    this.bundleOf = definitions(bundles, (b) => b.bundle);
    this.flowOf = definitions(flows, (f) => f);
  }

  noteAll(records: readonly EventRecord[]): void {
    for (let i = 0; i < records.length; i++) this.note(records[i]!);
  }

  note(record: EventRecord): void {
    if (this.measuring) throw new PermitflowError('invalid-argument', 'note() was called after measure(): the first pass has ended; push the records to the measurer instead.');
    this.read++;
    const at = record.at;
    const latestAt = this.latestAt;
    // An instant written like the latest one is later exactly when its string is greater: no need to parse it.
    if (latestAt !== undefined && this.zone >= 0 && writtenLike(at, latestAt, this.zone)) {
      if (at > latestAt) {
        this.latestAt = at;
        this.stale = true;
      }
    } else this.noteUnlike(at);
    if (record.bundleId === undefined) {
      noteLone(this.lone, record, this.keep);
      return;
    }
    let instance = this.instances.get(record.bundleId);
    if (instance === undefined) {
      instance = { bundleId: record.bundleId, records: [], count: 0, bundleRecord: undefined, definition: undefined, failed: false, link: undefined, start: Infinity, cases: this.keep ? undefined : new Map(), fate: undefined, group: undefined, lastAt: at, ordered: true };
      this.instances.set(record.bundleId, instance);
    }
    instance.count++;
    if (at < instance.lastAt) instance.ordered = false;
    instance.lastAt = at;
    if (this.keep) instance.records.push(record);
    else noteLone(instance.cases!, record, false);
    if (record.source === 'system' && FAILED.has(record.activity)) instance.failed = true;
    if (record.caseId === record.bundleId) {
      instance.bundleRecord ??= { matterId: record.matterId, flowVersion: record.flowVersion };
      instance.definition ??= lookup(this.bundleOf, record.matterId, record.flowVersion);
    }
    instance.link ??= record.projectCode ?? record.applicantId;
  }

  /** Takes `at`, an instant not written like the latest one (or the first), as the latest if it is later. */
  private noteUnlike(at: string): void {
    const latestAt = this.latestAt;
    if (latestAt !== undefined) this.alike = false;
    if (this.stale) {
      this.latestTime = instantMs(latestAt!);
      this.stale = false;
    }
    const time = instantMs(at);
    // Of equal instants written differently, the string last in order: the same whatever the record order.
    if (latestAt === undefined || time > this.latestTime || (time === this.latestTime && at > latestAt)) {
      this.latestAt = at;
      this.latestTime = time;
      this.zone = offsetIndex(at);
      if (this.zone < 0) this.alike = false;
    }
  }

  measure(extra: { readonly findings?: readonly Finding[]; readonly keepMeasurements?: boolean } = {}): LogMeasurer {
    if (this.measuring) throw new PermitflowError('invalid-argument', 'measure() was called twice; plan again for another run.');
    this.measuring = true;
    const measurer = new Measurer(this.read, this.keep, extra.keepMeasurements ?? true, this.instances, this.lone);
    if (this.read === 0) return measurer;
    const at = this.options.at ?? this.latestAt!;
    const context = measureContext([], { ...this.options, findings: extra.findings ?? this.options.findings ?? [], at });
    const groups = [...this.planBundleInstances(measurer.out), ...this.planLoneCases(measurer.out)];
    // Each lone case gets its findings now, one lookup per finding, rather than one per case when it is measured.
    for (const finding of context.findings) {
      const attempt = finding.caseId === undefined ? undefined : this.lone.get(finding.caseId);
      if (attempt !== undefined) (attempt.findings ??= []).push(finding);
    }
    measurer.begin(context, indexFindings(context.findings), groups, this.alike && writtenLike(at, this.latestAt!, this.zone));
    return measurer;
  }

  /**
   * Bundle instances: those with a bundle-level record of a known bundle, each with the earlier
   * failed attempts of the same bundle and project (or applicant) it resubmits. The others' cases
   * join the lone cases (a 并联 instance id on cases filed side by side, without a bundle definition).
   */
  private planBundleInstances(out: Collected): Group[] {
    const chains = new Map<string, BundleInstance[]>();
    this.instances.forEach((instance) => {
      if (instance.definition === undefined) {
        const first = instance.bundleRecord;
        if (first !== undefined) {
          instance.fate = 'unmeasured';
          out.unmeasured.push({ id: instance.bundleId, matterId: first.matterId, records: instance.count, reason: `Bundle "${first.matterId}" (version ${first.flowVersion}) is not among the bundles passed; pass its definition in options.bundles.` });
        } else {
          instance.fate = 'lone';
          if (this.keep) for (const record of instance.records) noteLone(this.lone, record, true);
          else instance.cases!.forEach((facts) => adoptLone(this.lone, facts));
          instance.records = [];
        }
        return;
      }
      instance.fate = 'bundle';
      const key = `${instance.definition.bundle.id}|${instance.link ?? instance.bundleId}`;
      const chain = chains.get(key);
      if (chain === undefined) chains.set(key, [instance]);
      else chain.push(instance);
    });
    const groups: Group[] = [];
    chains.forEach((chain) => {
      if (chain.length > 1) sortByStart(chain, this.keep);
      let attempts: BundleInstance[] = [];
      for (const instance of chain) {
        attempts.push(instance);
        if (instance.failed && instance !== chain.at(-1)) continue;
        const { bundle, flows } = instance.definition!;
        const group: Group = { kind: 'bundle', id: instance.bundleId, bundle, flows, members: attempts, total: attempts.reduce((sum, a) => sum + a.count, 0), seen: 0 };
        for (const attempt of attempts) attempt.group = group;
        groups.push(group);
        attempts = [];
      }
    });
    // The cases noted apart were needed only to adopt them or to order a chain.
    this.instances.forEach((instance) => instance.cases?.clear());
    return groups;
  }

  /** Lone cases, chained by resubmission, each chain measured as a one-matter bundle. */
  private planLoneCases(out: Collected): Group[] {
    const oneMatterBundles = new Map<FlowDefinition, BundleDefinition>();
    const groups: Group[] = [];
    for (const chain of chainAttempts(this.lone.values(), this.options.resubmission) as LoneCase[][]) {
      const { matterId } = chain[0]!;
      const last = chain.at(-1)!;
      const total = chain.length === 1 ? last.count : chain.reduce((sum, a) => sum + a.count, 0);
      const flow = lookup(this.flowOf, matterId, last.flowVersion);
      if (flow === undefined) {
        out.unmeasured.push({ id: last.caseId, matterId, records: total, reason: `Matter "${matterId}" (version ${last.flowVersion}) has no flow among those passed; pass its definition in options.flows.` });
        continue;
      }
      let bundle = oneMatterBundles.get(flow);
      if (bundle === undefined) oneMatterBundles.set(flow, (bundle = asOneMatterBundle(flow)));
      const group: Group = { kind: 'case', id: last.caseId, bundle, flows: [flow], members: chain, total, seen: 0 };
      for (const attempt of chain) attempt.group = group;
      groups.push(group);
    }
    return groups;
  }
}

/** Notes a record of a lone case in `cases`: kept (one pass), or only its facts (first of two passes). */
function noteLone(cases: Map<string, LoneCase>, record: EventRecord, keep: boolean): void {
  let attempt = cases.get(record.caseId);
  if (attempt === undefined) {
    attempt = { caseId: record.caseId, matterId: record.matterId, records: [], count: 0, flowVersion: record.flowVersion, buffer: undefined, adopted: undefined, group: undefined, findings: undefined, lastAt: record.at, ordered: true };
    cases.set(record.caseId, attempt);
  }
  attempt.count++;
  if (record.at < attempt.lastAt) attempt.ordered = false;
  attempt.lastAt = record.at;
  if (keep) noteAttemptRecord(attempt, record);
  else noteAttemptFacts(attempt, record);
}

/** Adds a case noted apart in a bundle instance to the lone cases (first of two passes). */
function adoptLone(lone: Map<string, LoneCase>, facts: LoneCase): void {
  const attempt = lone.get(facts.caseId);
  if (attempt === undefined) {
    lone.set(facts.caseId, facts);
    return;
  }
  attempt.count += facts.count;
  attempt.ordered = false; // its records in two places: not known to be in order
  mergeAttemptFacts(attempt, facts);
}

/** Measures the planned groups: at once from the kept records (one pass), or as the second pass brings their records. */
class Measurer implements LogMeasurer {
  readonly out: Collected = { measurements: [], starts: [], unmeasured: [] };
  private context: MeasureContext | undefined;
  private findings: FindingIndex | undefined;
  /** Whether every instant, the evaluation instant's too, is written alike, so a group whose records came in string order is in time order. */
  private alike = false;
  private pushed = 0;

  constructor(
    private readonly read: number,
    private readonly kept: boolean,
    /** Whether measurements are collected for {@link finish}. */
    private readonly keepMeasurements: boolean,
    private readonly instances: ReadonlyMap<string, BundleInstance>,
    private readonly lone: ReadonlyMap<string, LoneCase>,
  ) {}

  begin(context: MeasureContext, findings: FindingIndex, groups: readonly Group[], alike: boolean): void {
    this.context = context;
    this.findings = findings;
    this.alike = alike;
    if (this.kept) for (const group of groups) this.measureGroup(group);
  }

  push(record: EventRecord): Measurement | undefined {
    if (this.kept) throw new PermitflowError('invalid-argument', 'push() belongs to a two-pass measurement (planMeasurement); measureLog has measured its records already.');
    if (++this.pushed > this.read) throw this.mismatch();
    let buffer: EventRecord[];
    let group: Group | undefined;
    const instance = record.bundleId === undefined ? undefined : this.instances.get(record.bundleId);
    if (instance !== undefined && instance.fate !== 'lone') {
      if (instance.fate === 'unmeasured') return undefined;
      buffer = instance.records;
      group = instance.group;
    } else {
      if (record.bundleId !== undefined && instance === undefined) throw this.mismatch();
      const attempt = this.lone.get(record.caseId);
      if (attempt === undefined) throw this.mismatch();
      group = attempt.group;
      if (group === undefined) return undefined; // unmeasured
      buffer = instance === undefined ? (attempt.buffer ??= []) : (attempt.adopted ??= []);
    }
    buffer.push(record);
    return ++group!.seen === group!.total ? this.measureGroup(group!) : undefined;
  }

  finish(): MeasureLogResult {
    if (!this.kept && this.pushed !== this.read) throw this.mismatch();
    const measurements = inStartOrder(this.out);
    const unmeasured = this.out.unmeasured.sort((a, b) => compareIds(a.id, b.id));
    const skipped = unmeasured.reduce((sum, u) => sum + u.records, 0);
    return { measurements, unmeasured, counts: { read: this.read, measured: this.read - skipped, unmeasured: skipped } };
  }

  private mismatch(): PermitflowError {
    return new PermitflowError('invalid-argument', `The second pass brought ${this.pushed} record(s) so far where the first noted ${this.read}, or a record it did not note; push the same records, in the same order.`);
  }

  /** Measures a group whose records are all in, then lets them go; the measurement, unless the group could not be measured. */
  private measureGroup(group: Group): Measurement | undefined {
    const findings = this.findings!;
    let records: readonly EventRecord[];
    let about: readonly Finding[];
    const sole = group.members.length === 1 ? group.members[0]! : undefined;
    const inOrder = this.alike && sole !== undefined && sole.ordered;
    if (group.kind === 'bundle') {
      const members = group.members as readonly BundleInstance[];
      records = members.length === 1 ? members[0]!.records : members.flatMap((a) => a.records);
      about = members.length === 1 ? findingsAbout(findings, members[0]!.bundleId, records) : members.flatMap((a) => findingsAbout(findings, a.bundleId, a.records));
      for (const member of members) member.records = [];
    } else {
      const members = group.members as readonly LoneCase[];
      records = members.length === 1 ? recordsOfLone(members[0]!, this.kept) : members.flatMap((a) => recordsOfLone(a, this.kept));
      about = findingsOfCases(members);
      for (const member of members) member.buffer = member.adopted = undefined;
    }
    const soleId = sole === undefined ? undefined : 'bundleId' in sole ? sole.bundleId : sole.caseId;
    return measureInto(this.out, this.keepMeasurements, group, records, this.context!, about, { soleId, alike: this.alike, inOrder });
  }
}

/** A lone case's records: kept as noted (one pass), or collected by the second pass, its own first. */
function recordsOfLone(attempt: LoneCase, kept: boolean): readonly EventRecord[] {
  if (kept) return attempt.records;
  const { buffer = [], adopted } = attempt;
  return adopted === undefined ? buffer : [...buffer, ...adopted];
}

/** The measurements by start, then id; positions are sorted, not the measurements, so the comparisons read two packed arrays. */
function inStartOrder({ measurements, starts }: Collected): Measurement[] {
  const order = Array.from(measurements, (_, i) => i);
  order.sort((a, b) => starts[a]! - starts[b]! || compareIds(measurements[a]!.id, measurements[b]!.id));
  return order.map((i) => measurements[i]!);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Measures one group's records (into `out` when `keep`), or reports it unmeasured with the reason. */
function measureInto(out: Collected, keep: boolean, group: Group, records: readonly EventRecord[], context: MeasureContext, findings: readonly Finding[], facts: GroupFacts): Measurement | undefined {
  let m: Measurement;
  try {
    m = measureGroup(records, group.kind, group.bundle, group.flows, context, findings, facts);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    out.unmeasured.push({ id: group.id, matterId: group.bundle.id, records: records.length, reason: error.message });
    return undefined;
  }
  if (keep) {
    out.measurements.push(m);
    out.starts.push(instantMs(m.experienced.from));
  }
  return m;
}

/** Sorts the instances of a chain by their first instant (from their records when kept, else from their cases' noted facts), then by id. */
function sortByStart(chain: BundleInstance[], kept: boolean): void {
  for (const instance of chain) {
    let start = Infinity;
    if (kept) {
      for (const record of instance.records) start = Math.min(start, instantMs(record.at));
    } else instance.cases!.forEach((facts) => (start = Math.min(start, facts.timing!.firstTime)));
    instance.start = start;
  }
  chain.sort((a, b) => a.start - b.start || (a.bundleId < b.bundleId ? -1 : 1));
}

/** Definitions by id and version, and the last of each id. */
interface Definitions<T> {
  readonly byVersion: ReadonlyMap<string, ReadonlyMap<string, T>>;
  readonly byId: ReadonlyMap<string, T>;
}

function definitions<T>(items: readonly T[], definitionOf: (item: T) => { readonly id: string; readonly version: string }): Definitions<T> {
  const byVersion = new Map<string, Map<string, T>>();
  const byId = new Map<string, T>();
  for (const item of items) {
    const { id, version } = definitionOf(item);
    let versions = byVersion.get(id);
    if (versions === undefined) byVersion.set(id, (versions = new Map()));
    versions.set(version, item);
    byId.set(id, item);
  }
  return { byVersion, byId };
}

/** The definition of that id and version, falling back to the last definition of that id. */
function lookup<T>(definitions: Definitions<T>, id: string, version: string): T | undefined {
  return definitions.byVersion.get(id)?.get(version) ?? definitions.byId.get(id);
}

/** Findings by the case and bundle ids they name. */
interface FindingIndex {
  readonly byCase: ReadonlyMap<string, Finding[]>;
  readonly byBundle: ReadonlyMap<string, Finding[]>;
}

function indexFindings(findings: readonly Finding[]): FindingIndex {
  const byCase = new Map<string, Finding[]>();
  const byBundle = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const [key, map] of [
      [finding.caseId, byCase],
      [finding.bundleId, byBundle],
    ] as const) {
      if (key === undefined) continue;
      const list = map.get(key);
      if (list === undefined) map.set(key, [finding]);
      else list.push(finding);
    }
  }
  return { byCase, byBundle };
}

/** The findings about the cases of a chain, case by case. */
function findingsOfCases(chain: readonly LoneCase[]): readonly Finding[] {
  if (chain.length === 1) return chain[0]!.findings ?? NO_FINDINGS;
  const found: Finding[] = [];
  for (const attempt of chain) for (const f of attempt.findings ?? NO_FINDINGS) found.push(f);
  return found;
}

/** The findings about a bundle instance: by its id, and about the cases of its records. */
function findingsAbout(index: FindingIndex, bundleId: string, records: readonly EventRecord[]): Finding[] {
  const found = [...(index.byBundle.get(bundleId) ?? NO_FINDINGS)];
  if (index.byCase.size === 0) return found;
  // A case's records are usually together: look each case up once per run of its records.
  let previous: string | undefined;
  for (const record of records) {
    if (record.caseId === previous) continue;
    previous = record.caseId;
    for (const f of index.byCase.get(record.caseId) ?? NO_FINDINGS) if (!found.includes(f)) found.push(f);
  }
  return found;
}
