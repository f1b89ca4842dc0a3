import type { BundleDefinition, FlowDefinition } from '../definition';
import { NO_FINDINGS, type Finding } from '../detection/finding';
import type { EventRecord } from '../event-log';
import { builtInBundles, builtInFlows, type BundleWithFlows } from '../flows';
import { instantMs, offsetIndex, writtenLike } from '../_internal/instant';
import type { ResubmissionOptions } from '../clocks';
import { chainAttempts, newAttempt, noteAttemptRecord, type Attempt } from '../clocks/link-resubmission-chains';
import { asOneMatterBundle, measureContext, measureGroup, type MeasureContext, type MeasureOptions } from './measure-bundle';
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

/** A bundle instance's records, and what chaining and measuring it needs, gathered in the same pass. */
interface BundleInstanceRecords {
  readonly bundleId: string;
  readonly records: EventRecord[];
  /** Its first bundle-level record (case id = bundle id), which names the bundle. */
  bundleRecord: EventRecord | undefined;
  /** The bundle named by the first bundle-level record that names a known one. */
  definition: BundleWithFlows | undefined;
  failed: boolean;
  /** The project code or applicant id of its first record that has one. */
  link: string | undefined;
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
 * reported once per case, never thrown. See docs/measurement.md.
 * @example
 * const { findings } = detectOffSystemWork(records);
 * const { measurements, counts } = measureLog(records, { findings });
 * const summary = summarizeMeasurements(measurements);
 */
export function measureLog(records: readonly EventRecord[], options: MeasureLogOptions = {}): MeasureLogResult {
  if (records.length === 0) return { measurements: [], unmeasured: [], counts: { read: 0, measured: 0, unmeasured: 0 } };
  const bundles = options.flows === undefined && options.bundles === undefined ? builtInBundles() : (options.bundles ?? []);
  const flows = options.flows === undefined && options.bundles === undefined ? builtInFlows() : [...(options.flows ?? []), ...bundles.flatMap((b) => b.flows)];
  // The hot loops are module functions, not closures made on every call, so their optimised code carries over from call to call.
  const instances = new Map<string, BundleInstanceRecords>();
  const lone = new Map<string, Attempt>();
  const latestAt = groupRecords(records, definitions(bundles, (b) => b.bundle), instances, lone, options.at === undefined);
  const context = measureContext(records, { ...options, at: options.at ?? latestAt });
  const findings = indexFindings(context.findings);
  const out: Collected = { measurements: [], starts: [], unmeasured: [] };
  measureBundleInstances(instances, lone, findings, context, out);
  measureLoneCases(lone, definitions(flows, (f) => f), findings, context, options.resubmission, out);

  const measurements = inStartOrder(out);
  const unmeasured = out.unmeasured.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const skipped = unmeasured.reduce((sum, u) => sum + u.records, 0);
  return { measurements, unmeasured, counts: { read: records.length, measured: records.length - skipped, unmeasured: skipped } };
}

/** One pass over the log: bundle instances by id, lone cases by id; returns the latest instant when `findLatest` (else the first). */
function groupRecords(records: readonly EventRecord[], bundleOf: Definitions<BundleWithFlows>, instances: Map<string, BundleInstanceRecords>, lone: Map<string, Attempt>, findLatest: boolean): string {
  let latestAt = records[0]!.at;
  let latestTime = -Infinity;
  let zone = -1; // where the offset of latestAt starts, once it is a valid instant of the fixed-width form
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const at = record.at;
    // An instant written like the latest one (same fixed-width fields, same offset) is not later when its string is not greater: no need to parse it.
    if (findLatest && !(zone >= 0 && at <= latestAt && writtenLike(at, latestAt, zone))) {
      const time = instantMs(at);
      // Of equal instants written differently, the string last in order: the same whatever the record order.
      if (time > latestTime || (time === latestTime && at > latestAt)) {
        latestAt = at;
        latestTime = time;
        zone = offsetIndex(at);
      }
    }
    if (record.bundleId === undefined) {
      addLone(lone, record);
      continue;
    }
    let instance = instances.get(record.bundleId);
    if (instance === undefined) instances.set(record.bundleId, (instance = { bundleId: record.bundleId, records: [], bundleRecord: undefined, definition: undefined, failed: false, link: undefined }));
    instance.records.push(record);
    if (record.source === 'system' && FAILED.has(record.activity)) instance.failed = true;
    if (record.caseId === record.bundleId) {
      instance.bundleRecord ??= record;
      instance.definition ??= lookup(bundleOf, record.matterId, record.flowVersion);
    }
    instance.link ??= record.projectCode ?? record.applicantId;
  }
  return latestAt;
}

function addLone(lone: Map<string, Attempt>, record: EventRecord): void {
  let attempt = lone.get(record.caseId);
  if (attempt === undefined) lone.set(record.caseId, (attempt = newAttempt(record)));
  noteAttemptRecord(attempt, record);
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

/** Measures one group into `out`, or reports it unmeasured with the reason. */
function measureInto(out: Collected, id: string, group: readonly EventRecord[], kind: 'bundle' | 'case', bundle: BundleDefinition, flows: readonly FlowDefinition[], context: MeasureContext, findings: readonly Finding[]): void {
  try {
    const m = measureGroup(group, kind, bundle, flows, context, findings);
    out.measurements.push(m);
    out.starts.push(instantMs(m.experienced.from));
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    out.unmeasured.push({ id, matterId: bundle.id, records: group.length, reason: error.message });
  }
}

/**
 * Bundle instances: those with a bundle-level record of a known bundle, each with the earlier
 * failed attempts of the same bundle and project (or applicant) it resubmits. The others' cases
 * join the lone cases (a 并联 instance id on cases filed side by side, without a bundle definition).
 */
function measureBundleInstances(instances: ReadonlyMap<string, BundleInstanceRecords>, lone: Map<string, Attempt>, findings: FindingIndex, context: MeasureContext, out: Collected): void {
  const chains = new Map<string, BundleInstanceRecords[]>();
  instances.forEach((instance) => {
    if (instance.definition === undefined) {
      const first = instance.bundleRecord;
      if (first !== undefined) {
        out.unmeasured.push({ id: instance.bundleId, matterId: first.matterId, records: instance.records.length, reason: `Bundle "${first.matterId}" (version ${first.flowVersion}) is not among the bundles passed; pass its definition in options.bundles.` });
      } else for (const record of instance.records) addLone(lone, record);
      return;
    }
    const key = `${instance.definition.bundle.id}|${instance.link ?? instance.bundleId}`;
    const chain = chains.get(key);
    if (chain === undefined) chains.set(key, [instance]);
    else chain.push(instance);
  });
  chains.forEach((chain) => {
    if (chain.length > 1) sortByStart(chain);
    let attempts: BundleInstanceRecords[] = [];
    for (const instance of chain) {
      attempts.push(instance);
      if (instance.failed && instance !== chain.at(-1)) continue;
      const group = attempts.length === 1 ? instance.records : attempts.flatMap((a) => a.records);
      const definition = instance.definition!;
      const about = attempts.length === 1 ? findingsAbout(findings, instance.bundleId, instance.records) : attempts.flatMap((a) => findingsAbout(findings, a.bundleId, a.records));
      measureInto(out, instance.bundleId, group, 'bundle', definition.bundle, definition.flows, context, about);
      attempts = [];
    }
  });
}

/** Sorts the instances of a chain by their first instant, then by id. */
function sortByStart(chain: BundleInstanceRecords[]): void {
  const starts = new Map<BundleInstanceRecords, number>();
  for (const instance of chain) {
    let start = Infinity;
    for (const record of instance.records) {
      const time = instantMs(record.at);
      if (time < start) start = time;
    }
    starts.set(instance, start);
  }
  chain.sort((a, b) => starts.get(a)! - starts.get(b)! || (a.bundleId < b.bundleId ? -1 : 1));
}

/** Lone cases, chained by resubmission, each chain measured as a one-matter bundle. */
function measureLoneCases(lone: ReadonlyMap<string, Attempt>, flowOf: Definitions<FlowDefinition>, findings: FindingIndex, context: MeasureContext, resubmission: ResubmissionOptions | undefined, out: Collected): void {
  const oneMatterBundles = new Map<FlowDefinition, BundleDefinition>();
  for (const chain of chainAttempts(lone.values(), resubmission)) {
    const { matterId } = chain[0]!;
    const { caseId: id, records } = chain.at(-1)!;
    const group = chain.length === 1 ? records : chain.flatMap((attempt) => attempt.records);
    const last = records[0]!;
    const flow = lookup(flowOf, matterId, last.flowVersion);
    if (flow === undefined) {
      out.unmeasured.push({ id, matterId, records: group.length, reason: `Matter "${matterId}" (version ${last.flowVersion}) has no flow among those passed; pass its definition in options.flows.` });
      continue;
    }
    let bundle = oneMatterBundles.get(flow);
    if (bundle === undefined) oneMatterBundles.set(flow, (bundle = asOneMatterBundle(flow)));
    measureInto(out, id, group, 'case', bundle, [flow], context, findingsOfCases(findings, chain));
  }
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
function findingsOfCases(index: FindingIndex, chain: readonly Attempt[]): readonly Finding[] {
  if (chain.length === 1) return index.byCase.get(chain[0]!.caseId) ?? NO_FINDINGS;
  const found: Finding[] = [];
  for (const { caseId } of chain) for (const f of index.byCase.get(caseId) ?? NO_FINDINGS) found.push(f);
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
