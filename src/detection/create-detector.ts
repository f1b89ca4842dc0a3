import { chinaMainlandCalendar, type WorkingCalendar } from '../calendar';
import type { BundleDefinition, FlowDefinition } from '../definition';
import { PermitflowError } from '../errors';
import { checkEventRecord, type EventLogIssue, type EventRecord } from '../event-log';
import { builtInBundles, builtInFlows, type BundleWithFlows } from '../flows';
import type { CaseDetector, CaseSummary, CaseView } from './case-detector';
import { DEVIATION_CODES, type DeviationCode } from './deviation-codes';
import { BUILT_IN_DETECTORS } from './detectors';
import type { Finding } from './finding';
import { instantMs } from '../_internal/instant';
import type { Mutable } from '../_internal/mutable';
import { CASE_INDEX, CaseIndexer, indexCase, type CaseIndex, type IndexedCaseView } from './case-index';

/** Partial thresholds of one detector, keyed by the names of its `defaults`. */
export type DetectorThresholds = Readonly<Record<string, unknown>>;

/** An accepted deviation: a finding matching every field given is silenced (and counted). */
export interface AllowEntry {
  readonly code?: DeviationCode;
  readonly matterId?: string;
  readonly caseId?: string;
}

/** Options of {@link createDetector} and {@link detectOffSystemWork}. */
export interface DetectorOptions {
  /** Flow definitions by matter; default (with `bundles` also absent): every built-in flow and bundle's flows. */
  readonly flows?: readonly FlowDefinition[];
  /** Bundles whose flows join `flows`. */
  readonly bundles?: readonly BundleWithFlows[];
  /** Working-day calendar given to detectors; default the mainland calendar. */
  readonly calendar?: WorkingCalendar;
  /** Detectors to run; default `BUILT_IN_DETECTORS`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each detector has its own options type
  readonly detectors?: ReadonlyArray<CaseDetector<any>>;
  /** Per code, thresholds over the detector's defaults. */
  readonly thresholds?: Partial<Readonly<Record<DeviationCode, DetectorThresholds>>>;
  /** Per matter id, per code, thresholds over `thresholds` and the defaults. */
  readonly perMatter?: Readonly<Record<string, Partial<Readonly<Record<DeviationCode, DetectorThresholds>>>>>;
  /** Accepted deviations: matching findings are not reported, only counted in `stats.silenced`. */
  readonly allow?: readonly AllowEntry[];
  /**
   * Lateness window, in accepted records of the stream: a case stays open for this many further records
   * after its latest terminal record, so late records (a certificate after approval, evidence,
   * records out of order) still join it. Default {@link DEFAULT_LATENESS}; `Infinity` holds every
   * case until `flush()`. A record arriving after its case closed is counted in `stats.late` and dropped;
   * a closed case's id is remembered for 100,000 further records (or `lateness`, if more), after which a
   * record of it starts a new case.
   */
  readonly lateness?: number;
}

/** Counts of a detection run; `read === accepted + rejected` always. */
export interface DetectionStats {
  /** Records (or log lines) read. */
  readonly read: number;
  /** Records that passed the record check and went to their case. */
  readonly accepted: number;
  /** Inputs that failed `checkEventRecord` (or lines the log reader rejected). */
  readonly rejected: number;
  /** Cases closed and given to the detectors. */
  readonly cases: number;
  /** Accepted records that arrived after their case had closed (past the lateness window); not analysed. */
  readonly late: number;
  /** Matters seen in the log with no flow definition, each once, in order of first sight. */
  readonly unknownMatters: readonly string[];
  /** Findings silenced by the allow-list. */
  readonly silenced: number;
  /** Reported findings per code. */
  readonly findingsByCode: Partial<Readonly<Record<DeviationCode, number>>>;
}

/** A streaming detector of off-system work: holds state per open case only. */
export interface OffSystemDetector {
  /** Adds one typed record; returns the findings of the cases that closed because of it. */
  push(record: EventRecord): Finding[];
  /** Checks raw input with `checkEventRecord` first; a failing input is counted as rejected. */
  pushInput(input: unknown): { readonly findings: Finding[]; readonly issues: readonly EventLogIssue[] };
  /** Closes every case still held (the log has ended) and returns their findings. */
  flush(): Finding[];
  /** Cases held now: open ones and closed ones inside their lateness window. */
  readonly openCases: number;
  /** Counts so far (a snapshot). */
  readonly stats: DetectionStats;
}

/** Default lateness window, in records of the stream. */
export const DEFAULT_LATENESS = 1000;

/** An open case: its records, and where its lateness window stands. */
interface HeldCase {
  readonly caseId: string;
  readonly records: EventRecord[];
  /** Each record's instant in ms, read as it is pushed (while its string is fresh). */
  readonly times: number[];
  /** The flow of the case's first record. */
  readonly flow: FlowDefinition | undefined;
  /** The case's index, built as its records are pushed; used only if they came in order. */
  readonly indexer: CaseIndexer;
  /** Whether the records never go back in time so far. */
  inOrder: boolean;
  readonly firstPos: number;
  /** Stream position of the latest terminal record, or -1. */
  terminalPos: number;
  closed: boolean;
}

/**
 * A closed case in the cross-case history: its summary, when it started, and the previous closed
 * cases of its project and of its applicant (each list is walked back from the latest case).
 */
interface HistoryEntry {
  readonly summary: CaseSummary;
  readonly start: number;
  readonly previousOfProject: HistoryEntry | undefined;
  readonly previousOfApplicant: HistoryEntry | undefined;
}

/** A closed case's summary, with the latest closed cases of its project and of its applicant before it. */
interface Summarized {
  readonly summary: CaseSummary;
  readonly ofProject: HistoryEntry | undefined;
  readonly ofApplicant: HistoryEntry | undefined;
}

/** The history of a case with no earlier case linked to it, shared. */
const NO_HISTORY: readonly CaseSummary[] = [];

/** Records after its closing for which a closed case's id is remembered (at least the lateness window). */
const CLOSED_ID_MEMORY = 100_000;

/**
 * A first-in first-out queue over an array that drops its consumed head now and then. A consumed
 * slot is cleared at once, so the queue never keeps alive what it has handed out (a closed case's
 * records would otherwise live on until the next compaction, and be promoted out of the young
 * generation on the way).
 */
class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  shift(): T | undefined {
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

/** Where an instant sorts: an unreadable one last. */
const sortKey = (ms: number): number => (Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms);

function mergeThresholds(
  detectors: ReadonlyArray<CaseDetector<object>>,
  layer: Partial<Readonly<Record<string, DetectorThresholds>>> | undefined,
  where: string,
): void {
  for (const [code, partial] of Object.entries(layer ?? {})) {
    if (!(DEVIATION_CODES as readonly string[]).includes(code)) {
      throw new PermitflowError('invalid-argument', `${where} has "${code}", which is not a deviation code; use one of: ${DEVIATION_CODES.join(', ')}.`);
    }
    for (const detector of detectors) {
      if (detector.code !== code) continue;
      for (const key of Object.keys(partial ?? {})) {
        if (!Object.hasOwn(detector.defaults, key)) {
          throw new PermitflowError(
            'invalid-argument',
            `${where}["${code}"] sets "${key}", which the detector does not have; its thresholds are: ${Object.keys(detector.defaults).join(', ') || '(none)'}.`,
          );
        }
      }
    }
  }
}

/**
 * Creates a streaming detector of off-system work (体外循环, 隐性审批): feed records with `push` in
 * log order, collect the findings of each case as it closes, and `flush()` at the end. Memory grows
 * with open cases (plus, per closed case, a small summary for cross-case history), not
 * with events. History holds the cases closed earlier in the stream, so a log in time order (or
 * grouped by case in order of arrival) gives each case its earlier attempts.
 *
 * A case closes {@link DetectorOptions.lateness} records after its latest terminal record
 * ({@link TERMINAL_ACTIVITIES}; for a `cancelled`-mode matter also `business-registered`), so its
 * records may arrive out of order inside that window; each case's records are sorted by `at` before
 * the detectors see them. Call the methods on the detector (`detector.push(record)`), not detached.
 * @throws {PermitflowError} `invalid-argument` for a bad lateness, threshold or allow-list entry.
 * @example
 * const detector = createDetector({ thresholds: { 'implausible-speed': { minMinutes: 30 } } });
 * for await (const record of readEventLog(createReadStream('province.jsonl'))) report(detector.push(record));
 * report(detector.flush());
 * console.log(detector.stats); // { read, accepted, rejected, cases, late, unknownMatters, silenced, findingsByCode }
 */
export function createDetector(options: DetectorOptions = {}): OffSystemDetector {
  const lateness = options.lateness ?? DEFAULT_LATENESS;
  if (!(lateness >= 0) || (Number.isFinite(lateness) && !Number.isInteger(lateness))) {
    throw new PermitflowError('invalid-argument', `lateness is ${lateness}; give a whole number of records ≥ 0, or Infinity.`);
  }
  const detectors = (options.detectors ?? BUILT_IN_DETECTORS) as ReadonlyArray<CaseDetector<object>>;
  mergeThresholds(detectors, options.thresholds, 'thresholds');
  for (const [matterId, layer] of Object.entries(options.perMatter ?? {})) mergeThresholds(detectors, layer, `perMatter["${matterId}"]`);
  const allow = options.allow ?? [];
  allow.forEach((entry, index) => {
    if (entry.code === undefined && entry.matterId === undefined && entry.caseId === undefined) {
      throw new PermitflowError('invalid-argument', `allow[${index}] has no code, matterId or caseId, so it would silence every finding; give at least one.`);
    }
    if (entry.code !== undefined && !(DEVIATION_CODES as readonly string[]).includes(entry.code)) {
      throw new PermitflowError('invalid-argument', `allow[${index}].code is "${entry.code}", not a deviation code; use one of: ${DEVIATION_CODES.join(', ')}.`);
    }
  });
  return new StreamingDetector(options, lateness, detectors, allow);
}

/**
 * The detector {@link createDetector} returns. Its state lives in fields and its methods on the
 * prototype, not in closures made per detector: a caller's loop over `push` then calls one function
 * whichever detector it holds, so V8's optimized loop stays valid from one detector to the next.
 */
class StreamingDetector implements OffSystemDetector {
  private readonly bundleList: readonly BundleWithFlows[];
  private readonly bundleDefinitions = new Map<string, BundleDefinition>();
  private readonly flows = new Map<string, Map<string, FlowDefinition>>();
  private readonly latest = new Map<string, FlowDefinition>();
  private calendar: WorkingCalendar | undefined;
  /** Each detector's merged options for a matter, built once per matter. */
  private readonly optionsByMatter = new Map<string, object[]>();
  /** The bundle definition of each bundle instance whose own records (caseId = bundleId) were seen. */
  private readonly bundleOfInstance = new Map<string, BundleDefinition>();
  // Completed bundle instances in completion order, to forget them `closeMemory` records later.
  private readonly completedBundles = new Queue<{ readonly bundleId: string; readonly pos: number }>();
  /**
   * Open cases, and closed ones whose ids are still remembered, as `null` (one lookup per record finds
   * either): a closed case keeps nothing but its id.
   */
  private readonly held = new Map<string, HeldCase | null>();
  private open = 0;
  private readonly closeMemory: number;
  private readonly lastOfProject = new Map<string, HistoryEntry>();
  private readonly lastOfApplicant = new Map<string, HistoryEntry>();
  private readonly unknownMatters = new Set<string>();
  private readonly findingsByCode: Partial<Record<DeviationCode, number>> = {};
  // Due positions in push order; lateness is constant, so it is also due order (stale entries skipped).
  private readonly due = new Queue<{ readonly due: number; readonly held: HeldCase }>();
  // The ids of closed cases in closing order, and where each closed, to forget them `closeMemory` records later.
  private readonly closedIds = new Queue<string>();
  private readonly closedAt = new Queue<number>();
  private pos = 0;
  private accepted = 0;
  private rejected = 0;
  private late = 0;
  private cases = 0;
  private silenced = 0;

  constructor(
    private readonly options: DetectorOptions,
    private readonly lateness: number,
    private readonly detectors: ReadonlyArray<CaseDetector<object>>,
    private readonly allow: readonly AllowEntry[],
  ) {
    const defaults = options.flows === undefined && options.bundles === undefined;
    this.bundleList = defaults ? builtInBundles() : (options.bundles ?? []);
    const flowList = defaults ? builtInFlows() : [...(options.flows ?? []), ...this.bundleList.flatMap((b) => b.flows)];
    for (const { bundle } of this.bundleList) this.bundleDefinitions.set(`${bundle.id}@${bundle.version}`, bundle);
    for (const flow of flowList) {
      let versions = this.flows.get(flow.id);
      if (versions === undefined) this.flows.set(flow.id, (versions = new Map()));
      versions.set(flow.version, flow);
      this.latest.set(flow.id, flow);
    }
    this.calendar = options.calendar;
    this.closeMemory = Math.max(lateness, CLOSED_ID_MEMORY);
  }

  get openCases(): number {
    return this.open;
  }

  get stats(): DetectionStats {
    return {
      read: this.accepted + this.rejected,
      accepted: this.accepted,
      rejected: this.rejected,
      cases: this.cases,
      late: this.late,
      unknownMatters: [...this.unknownMatters],
      silenced: this.silenced,
      findingsByCode: { ...this.findingsByCode },
    };
  }

  push(record: EventRecord): Finding[] {
    const pos = ++this.pos;
    this.accepted++;
    if (record.bundleId !== undefined && record.caseId === record.bundleId) {
      this.noteBundleRecord(record as EventRecord & { readonly bundleId: string });
      return this.closeDue();
    }
    let c = this.held.get(record.caseId);
    let closes: boolean;
    if (c === undefined) {
      const flow = this.flowOf(record.matterId, record.flowVersion);
      const indexer = new CaseIndexer(flow);
      c = { caseId: record.caseId, records: [record], times: [instantMs(record.at)], flow, indexer, inOrder: true, firstPos: pos, terminalPos: -1, closed: false };
      this.held.set(record.caseId, c);
      this.open++;
      closes = indexer.add(record, 0);
    } else if (c === null) {
      this.late++;
      return this.closeDue();
    } else {
      const time = instantMs(record.at);
      if (c.inOrder && sortKey(time) < sortKey(c.times[c.times.length - 1]!)) c.inOrder = false;
      c.records.push(record);
      c.times.push(time);
      // Once out of order the indexer's lists are void (close indexes the sorted case), but it still tells what closes.
      closes = c.indexer.add(record, c.records.length - 1);
    }
    if (closes) {
      c.terminalPos = pos;
      if (Number.isFinite(this.lateness)) this.due.push({ due: pos + this.lateness, held: c });
    }
    return this.closeDue();
  }

  pushInput(input: unknown): { readonly findings: Finding[]; readonly issues: readonly EventLogIssue[] } {
    const checked = checkEventRecord(input);
    if (!checked.ok) {
      this.rejected++;
      return { findings: [], issues: checked.issues };
    }
    return { findings: this.push(checked.record), issues: [] };
  }

  flush(): Finding[] {
    this.due.clear();
    const order = [...this.held.values()]
      .filter((c) => c !== null)
      .sort((a, b) => {
        const ta = a.terminalPos < 0 ? Number.POSITIVE_INFINITY : a.terminalPos;
        const tb = b.terminalPos < 0 ? Number.POSITIVE_INFINITY : b.terminalPos;
        return ta - tb || a.firstPos - b.firstPos;
      });
    return order.flatMap((c) => this.close(c));
  }

  private bundleDefinitionOf(id: string, version: string): BundleDefinition | undefined {
    return this.bundleDefinitions.get(`${id}@${version}`) ?? this.bundleList.findLast(({ bundle }) => bundle.id === id)?.bundle;
  }

  private flowOf(matterId: string, version: string): FlowDefinition | undefined {
    return this.flows.get(matterId)?.get(version) ?? this.latest.get(matterId);
  }

  /** Each detector's merged options for a matter. */
  private optionsFor(matterId: string): object[] {
    let merged = this.optionsByMatter.get(matterId);
    if (merged === undefined) {
      const { thresholds, perMatter } = this.options;
      merged = this.detectors.map((detector) => ({ ...detector.defaults, ...thresholds?.[detector.code], ...perMatter?.[matterId]?.[detector.code] }));
      this.optionsByMatter.set(matterId, merged);
    }
    return merged;
  }

  private summarize(caseId: string, first: EventRecord, index: CaseIndex, listed: boolean): Summarized {
    let { projectCode, applicantId, bundleId } = index;
    const receivedAt = index.anyReceived?.at;
    const acceptedAt = index.anyAccepted?.at;
    const end = index.end;
    // Reuse the strings the history already holds, so a project's code, applicant id and bundle id are
    // kept once, not once per case.
    const ofProject = projectCode === undefined ? undefined : this.lastOfProject.get(projectCode);
    const ofApplicant = applicantId === undefined ? undefined : this.lastOfApplicant.get(applicantId);
    if (ofProject !== undefined) projectCode = ofProject.summary.projectCode;
    if (bundleId !== undefined && bundleId === ofProject?.summary.bundleId) bundleId = ofProject.summary.bundleId;
    if (ofApplicant !== undefined) applicantId = ofApplicant.summary.applicantId;
    const summary: Mutable<CaseSummary> = { caseId, matterId: first.matterId, firstRecordId: first.id };
    if (projectCode !== undefined) summary.projectCode = projectCode;
    if (applicantId !== undefined) summary.applicantId = applicantId;
    if (bundleId !== undefined) summary.bundleId = bundleId;
    if (receivedAt !== undefined) summary.receivedAt = receivedAt;
    if (acceptedAt !== undefined) summary.acceptedAt = acceptedAt;
    if (end !== undefined) summary.end = { activity: end.activity, at: end.at, recordId: end.id };
    if (!listed) summary.unlisted = true;
    return { summary, ofProject, ofApplicant };
  }

  private remember({ summary, ofProject, ofApplicant }: Summarized, start: number): void {
    const { projectCode, applicantId } = summary;
    const entry: HistoryEntry = { summary, start, previousOfProject: ofProject, previousOfApplicant: ofApplicant };
    if (projectCode !== undefined) this.lastOfProject.set(projectCode, entry);
    if (applicantId !== undefined) this.lastOfApplicant.set(applicantId, entry);
  }

  private isAllowed(finding: Finding): boolean {
    for (const a of this.allow) {
      if ((a.code === undefined || a.code === finding.code) && (a.matterId === undefined || a.matterId === finding.matterId) && (a.caseId === undefined || a.caseId === finding.caseId)) {
        return true;
      }
    }
    return false;
  }

  private close(c: HeldCase): Finding[] {
    c.closed = true;
    this.held.set(c.caseId, null);
    this.open--;
    this.forgetClosed();
    this.closedIds.push(c.caseId);
    this.closedAt.push(this.pos);
    this.cases++;
    let records = c.records;
    let times = c.times;
    let flow = c.flow;
    let index: CaseIndex = c.indexer;
    if (!c.inOrder) {
      const sorted = records.map((record, order) => ({ record, order, t: times[order]! })).sort((a, b) => sortKey(a.t) - sortKey(b.t) || a.order - b.order);
      records = sorted.map((x) => x.record);
      times = sorted.map((x) => x.t);
      flow = this.flowOf(records[0]!.matterId, records[0]!.flowVersion);
      index = indexCase(records, flow);
    }
    const first = records[0]!;
    if (flow === undefined) this.unknownMatters.add(first.matterId);
    const summarized = this.summarize(c.caseId, first, index, flow !== undefined);
    const { summary } = summarized;
    const detectors = this.detectors;
    const history = detectors.length === 0 ? NO_HISTORY : historyOf(summarized);
    // The case starts at its first receipt (summary.receivedAt), else at its first record.
    const startRecord = index.anyReceived === undefined ? 0 : records.indexOf(index.anyReceived);
    this.remember(summarized, sortKey(times[startRecord]!));
    const out: Finding[] = [];
    if (detectors.length === 0) return out;
    const calendar = (this.calendar ??= chinaMainlandCalendar());
    const bundle = summary.bundleId === undefined ? undefined : this.bundleOfInstance.get(summary.bundleId);
    const view: Mutable<IndexedCaseView> = { caseId: c.caseId, matterId: first.matterId, flow, records, calendar, times, [CASE_INDEX]: index };
    if (bundle !== undefined) view.bundle = bundle;
    const merged = this.optionsFor(view.matterId);
    for (let i = 0; i < detectors.length; i++) {
      const found = detectors[i]!.detect(view, merged[i]!, history);
      for (let f = 0; f < found.length; f++) {
        const finding = complete(found[f]!, view, summary.bundleId);
        if (this.allow.length > 0 && this.isAllowed(finding)) {
          this.silenced++;
          continue;
        }
        this.findingsByCode[finding.code] = (this.findingsByCode[finding.code] ?? 0) + 1;
        out.push(finding);
      }
    }
    return out;
  }

  /** Forgets the ids of cases closed more than `closeMemory` records ago. */
  private forgetClosed(): void {
    for (let at = this.closedAt.peek(); at !== undefined && at + this.closeMemory < this.pos; at = this.closedAt.peek()) {
      this.closedAt.shift();
      this.held.delete(this.closedIds.shift()!);
    }
  }

  /**
   * A record of a bundle instance itself (`bundle-submitted`, `bundle-completed`: its caseId is the
   * bundleId, its matterId the bundle definition's id) is not a case of a matter: it tells which
   * bundle the instance's cases belong to. Completed instances are forgotten `closeMemory` records later.
   */
  private noteBundleRecord(record: EventRecord & { readonly bundleId: string }): void {
    if (!this.bundleOfInstance.has(record.bundleId)) {
      const bundle = this.bundleDefinitionOf(record.matterId, record.flowVersion);
      if (bundle === undefined) this.unknownMatters.add(record.matterId);
      else this.bundleOfInstance.set(record.bundleId, bundle);
    }
    if (record.activity === 'bundle-completed') this.completedBundles.push({ bundleId: record.bundleId, pos: this.pos });
    for (let b = this.completedBundles.peek(); b !== undefined && b.pos + this.closeMemory < this.pos; b = this.completedBundles.peek()) {
      this.completedBundles.shift();
      this.bundleOfInstance.delete(b.bundleId);
    }
  }

  /** Closes the cases whose lateness window has passed. */
  private closeDue(): Finding[] {
    let out: Finding[] = [];
    for (let next = this.due.peek(); next !== undefined && next.due <= this.pos; next = this.due.peek()) {
      this.due.shift();
      const { held: d } = next;
      if (d.terminalPos + this.lateness === next.due && !d.closed) out = out.length === 0 ? this.close(d) : out.concat(this.close(d));
    }
    return out;
  }
}

/** Orders history entries by when their cases started. */
const byStart = (a: HistoryEntry, b: HistoryEntry): number => a.start - b.start;

/** The earlier closed cases of the same project (any matter), then of the same applicant and matter, by start. */
function historyOf({ summary, ofProject, ofApplicant }: Summarized): readonly CaseSummary[] {
  if (ofProject === undefined && ofApplicant === undefined) return NO_HISTORY;
  const { projectCode, matterId } = summary;
  const linked: HistoryEntry[] = [];
  for (let e = ofProject; e !== undefined; e = e.previousOfProject) linked.push(e);
  linked.reverse();
  const sameApplicant: HistoryEntry[] = [];
  for (let e = ofApplicant; e !== undefined; e = e.previousOfApplicant) {
    // A case of the same project is listed already.
    if (e.summary.matterId === matterId && (projectCode === undefined || e.summary.projectCode !== projectCode)) sameApplicant.push(e);
  }
  for (let i = sameApplicant.length - 1; i >= 0; i--) linked.push(sameApplicant[i]!);
  if (linked.length > 1) linked.sort(byStart);
  return linked.map((e) => e.summary);
}

/** The finding with the case's matter, department and bundle filled in where the detector left them out. */
function complete(found: Finding, view: CaseView, bundleId: string | undefined): Finding {
  const department = view.flow?.department;
  if (found.caseId !== undefined && found.matterId !== undefined && (found.department !== undefined || department === undefined) && (found.bundleId !== undefined || bundleId === undefined)) {
    return found;
  }
  return {
    ...found,
    caseId: found.caseId ?? view.caseId,
    matterId: found.matterId ?? view.matterId,
    ...(found.department === undefined && department !== undefined ? { department } : {}),
    ...(found.bundleId === undefined && bundleId !== undefined ? { bundleId } : {}),
  };
}
