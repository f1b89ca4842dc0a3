import { chinaMainlandCalendar, type WorkingCalendar } from '../calendar';
import type { FlowDefinition } from '../definition';
import { PermitflowError } from '../errors';
import { checkEventRecord, type EventLogIssue, type EventRecord } from '../event-log';
import type { BundleWithFlows } from '../flows';
import type { CaseDetector, CaseSummary, CaseView } from './case-detector';
import { DEVIATION_CODES, type DeviationCode } from './deviation-codes';
import { BUILT_IN_DETECTORS } from './detectors';
import type { Finding } from './finding';
import { builtInFlows } from './_internal/default-flows';

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
   * case until `flush()`. A record arriving after its case closed is counted in `stats.late` and dropped.
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

const ACCEPTANCE = new Set(['window-accepted', 'department-accepted', 'committed']);

interface HeldCase {
  readonly caseId: string;
  readonly records: EventRecord[];
  readonly firstPos: number;
  /** Stream position of the latest terminal record, or -1. */
  terminalPos: number;
}

interface ClosedSummary {
  readonly summary: CaseSummary;
  readonly start: number;
}

const instant = (at: string): number => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

/**
 * Whether records are already in time order, told without parsing: instants written alike (same
 * length and offset, as one system writes them) compare as strings. Anything else is sorted.
 */
function inTimeOrder(records: readonly EventRecord[]): boolean {
  const first = records[0]?.at;
  if (first === undefined) return true;
  const length = first.length;
  const offset = first.slice(-6);
  for (let i = 1; i < records.length; i++) {
    const at = records[i]!.at;
    if (at.length !== length || !at.endsWith(offset) || at < records[i - 1]!.at) return false;
  }
  return true;
}

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
 * with open cases (plus, per closed case, its id and a small summary for cross-case history), not
 * with events. History holds the cases closed earlier in the stream, so a log in time order (or
 * grouped by case in order of arrival) gives each case its earlier attempts.
 *
 * A case closes {@link DetectorOptions.lateness} records after its latest terminal record
 * ({@link TERMINAL_ACTIVITIES}; for a `cancelled`-mode matter also `business-registered`), so its
 * records may arrive out of order inside that window; each case's records are sorted by `at` before
 * the detectors see them.
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

  const flowList =
    options.flows === undefined && options.bundles === undefined
      ? builtInFlows()
      : [...(options.flows ?? []), ...(options.bundles ?? []).flatMap((b) => b.flows)];
  const flows = new Map<string, Map<string, FlowDefinition>>();
  const latest = new Map<string, FlowDefinition>();
  for (const flow of flowList) {
    let versions = flows.get(flow.id);
    if (versions === undefined) flows.set(flow.id, (versions = new Map()));
    versions.set(flow.version, flow);
    latest.set(flow.id, flow);
  }
  const flowOf = (matterId: string, version: string): FlowDefinition | undefined => flows.get(matterId)?.get(version) ?? latest.get(matterId);
  let calendar = options.calendar;

  /** Each detector's merged options for a matter, built once per matter. */
  const optionsByMatter = new Map<string, object[]>();
  const optionsFor = (matterId: string): object[] => {
    let merged = optionsByMatter.get(matterId);
    if (merged === undefined) {
      merged = detectors.map((detector) => ({ ...detector.defaults, ...options.thresholds?.[detector.code], ...options.perMatter?.[matterId]?.[detector.code] }));
      optionsByMatter.set(matterId, merged);
    }
    return merged;
  };

  const held = new Map<string, HeldCase>();
  const closedIds = new Set<string>();
  const byProject = new Map<string, ClosedSummary[]>();
  const byApplicantMatter = new Map<string, ClosedSummary[]>();
  const unknownMatters = new Set<string>();
  const findingsByCode: Partial<Record<DeviationCode, number>> = {};
  // Due positions in push order; lateness is constant, so it is also due order (stale entries skipped).
  const queue: Array<{ due: number; held: HeldCase }> = [];
  let queueHead = 0;
  let pos = 0;
  let accepted = 0;
  let rejected = 0;
  let late = 0;
  let cases = 0;
  let silenced = 0;

  function summarize(caseId: string, records: readonly EventRecord[]): ClosedSummary {
    const first = records[0]!;
    let projectCode: string | undefined;
    let applicantId: string | undefined;
    let bundleId: string | undefined;
    let receivedAt: string | undefined;
    let acceptedAt: string | undefined;
    let end: CaseSummary['end'];
    for (const r of records) {
      projectCode ??= r.projectCode;
      applicantId ??= r.applicantId;
      bundleId ??= r.bundleId;
      if (r.activity === 'received') receivedAt ??= r.at;
      if (ACCEPTANCE.has(r.activity)) acceptedAt ??= r.at;
      if (TERMINAL_ACTIVITIES.has(r.activity)) end = { activity: r.activity, at: r.at, recordId: r.id };
    }
    const summary: CaseSummary = {
      caseId,
      matterId: first.matterId,
      firstRecordId: first.id,
      ...(projectCode === undefined ? {} : { projectCode }),
      ...(applicantId === undefined ? {} : { applicantId }),
      ...(bundleId === undefined ? {} : { bundleId }),
      ...(receivedAt === undefined ? {} : { receivedAt }),
      ...(acceptedAt === undefined ? {} : { acceptedAt }),
      ...(end === undefined ? {} : { end }),
    };
    return { summary, start: instant(receivedAt ?? first.at) };
  }

  function historyOf(summary: CaseSummary): CaseSummary[] {
    const seen = new Set<ClosedSummary>();
    if (summary.projectCode !== undefined) for (const s of byProject.get(summary.projectCode) ?? []) seen.add(s);
    if (summary.applicantId !== undefined) for (const s of byApplicantMatter.get(`${summary.applicantId}\u0000${summary.matterId}`) ?? []) seen.add(s);
    return [...seen].sort((a, b) => a.start - b.start).map((s) => s.summary);
  }

  function remember(closed: ClosedSummary): void {
    const { projectCode, applicantId, matterId } = closed.summary;
    const add = (map: Map<string, ClosedSummary[]>, key: string) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [closed]);
      else list.push(closed);
    };
    if (projectCode !== undefined) add(byProject, projectCode);
    if (applicantId !== undefined) add(byApplicantMatter, `${applicantId}\u0000${matterId}`);
  }

  function close(c: HeldCase): Finding[] {
    held.delete(c.caseId);
    closedIds.add(c.caseId);
    cases++;
    const records = inTimeOrder(c.records)
      ? c.records
      : c.records
          .map((record, order) => ({ record, order, t: instant(record.at) }))
          .sort((a, b) => a.t - b.t || a.order - b.order)
          .map((x) => x.record);
    const first = records[0]!;
    const flow = flowOf(first.matterId, first.flowVersion);
    if (flow === undefined) unknownMatters.add(first.matterId);
    const closed = summarize(c.caseId, records);
    const history = detectors.length === 0 ? [] : historyOf(closed.summary);
    remember(closed);
    const out: Finding[] = [];
    if (detectors.length === 0) return out;
    calendar ??= chinaMainlandCalendar();
    const view: CaseView = { caseId: c.caseId, matterId: first.matterId, flow, records, calendar };
    const merged = optionsFor(view.matterId);
    detectors.forEach((detector, index) => {
      for (const found of detector.detect(view, merged[index]!, history)) {
        const finding: Finding = {
          ...found,
          caseId: found.caseId ?? c.caseId,
          matterId: found.matterId ?? view.matterId,
          ...(found.department === undefined && flow !== undefined ? { department: flow.department } : {}),
          ...(found.bundleId === undefined && closed.summary.bundleId !== undefined ? { bundleId: closed.summary.bundleId } : {}),
        };
        const allowed = allow.some(
          (a) =>
            (a.code === undefined || a.code === finding.code) &&
            (a.matterId === undefined || a.matterId === finding.matterId) &&
            (a.caseId === undefined || a.caseId === finding.caseId),
        );
        if (allowed) {
          silenced++;
          continue;
        }
        findingsByCode[finding.code] = (findingsByCode[finding.code] ?? 0) + 1;
        out.push(finding);
      }
    });
    return out;
  }

  function isTerminal(record: EventRecord): boolean {
    if (TERMINAL_ACTIVITIES.has(record.activity)) return true;
    // 直接取消审批: a cancelled permit has nothing after the business registration.
    return record.activity === 'business-registered' && flowOf(record.matterId, record.flowVersion)?.mode === 'cancelled';
  }

  function push(record: EventRecord): Finding[] {
    pos++;
    accepted++;
    if (closedIds.has(record.caseId)) {
      late++;
    } else {
      let c = held.get(record.caseId);
      if (c === undefined) held.set(record.caseId, (c = { caseId: record.caseId, records: [], firstPos: pos, terminalPos: -1 }));
      c.records.push(record);
      if (isTerminal(record)) {
        c.terminalPos = pos;
        if (Number.isFinite(lateness)) queue.push({ due: pos + lateness, held: c });
      }
    }
    const out: Finding[] = [];
    while (queueHead < queue.length && queue[queueHead]!.due <= pos) {
      const { due, held: c } = queue[queueHead++]!;
      if (c.terminalPos + lateness === due && held.get(c.caseId) === c) out.push(...close(c));
    }
    if (queueHead > 1024 && queueHead * 2 > queue.length) {
      queue.splice(0, queueHead);
      queueHead = 0;
    }
    return out;
  }

  return {
    push,
    pushInput(input) {
      const checked = checkEventRecord(input);
      if (!checked.ok) {
        rejected++;
        return { findings: [], issues: checked.issues };
      }
      return { findings: push(checked.record), issues: [] };
    },
    flush() {
      queue.length = 0;
      queueHead = 0;
      const order = [...held.values()].sort((a, b) => {
        const ta = a.terminalPos < 0 ? Number.POSITIVE_INFINITY : a.terminalPos;
        const tb = b.terminalPos < 0 ? Number.POSITIVE_INFINITY : b.terminalPos;
        return ta - tb || a.firstPos - b.firstPos;
      });
      return order.flatMap((c) => close(c));
    },
    get openCases() {
      return held.size;
    },
    get stats(): DetectionStats {
      return {
        read: accepted + rejected,
        accepted,
        rejected,
        cases,
        late,
        unknownMatters: [...unknownMatters],
        silenced,
        findingsByCode: { ...findingsByCode },
      };
    },
  };
}
