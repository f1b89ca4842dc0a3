import type { EventRecord } from '../event-log';
import { instantMs } from '../_internal/instant';
import { naturalDaysBetween } from '../_internal/local-date';

/** Options of {@link linkResubmissionChains}. */
export interface ResubmissionOptions {
  /** Longest gap, in natural days, between an attempt's end and the next attempt's receipt (default 180). */
  readonly maxGapDays?: number;
}

/** Attempts of one matter by one project or applicant, where each later one resubmits an earlier failure. */
export interface ResubmissionChain {
  /** `matterId` plus the project code (or applicant id) that links the attempts. */
  readonly key: string;
  readonly matterId: string;
  /** What links the attempts. */
  readonly linkedBy: 'projectCode' | 'applicantId';
  /** The case ids, first attempt first. */
  readonly caseIds: readonly string[];
}

/** Endings after which a new application is a resubmission of the same need (撤件重报, 退件重报). */
const RESUBMITTABLE = new Set(['withdrawn-before-acceptance', 'withdrawn', 'not-accepted', 'refused', 'denied']);
const ENDINGS = new Set([...RESUBMITTABLE, 'approved', 'approved-deferred']);

/**
 * One case as chaining sees it: what links it to others, and either its records (gathered with
 * {@link noteAttemptRecord}, timed only if it shares its link with another attempt) or, for a caller
 * that keeps no records, its timing noted as they arrived.
 */
export interface Attempt {
  readonly caseId: string;
  readonly matterId: string;
  readonly records: EventRecord[];
  timing?: Timing;
  link?: { by: 'projectCode' | 'applicantId'; value: string };
}

/** When an attempt began and how it ended, folded from its records in any order with {@link noteTiming}. */
interface Timing {
  firstAt: string;
  firstTime: number;
  /** Its first system record (the receipt); evidence may predate it. */
  receivedAt: string | undefined;
  receivedTime: number;
  end: { readonly activity: string; readonly at: string; readonly time: number } | undefined;
}

/** A new attempt for a case, from its first record (not yet noted). */
export function newAttempt(record: EventRecord): Attempt {
  return { caseId: record.caseId, matterId: record.matterId, records: [] };
}

/** Notes what chaining needs of one record of the attempt's case (its link and timing), without keeping the record. */
export function noteAttemptFacts(attempt: Attempt, record: EventRecord): void {
  noteLink(attempt, record);
  noteTiming((attempt.timing ??= newTiming(record.at)), record, instantMs(record.at));
}

/**
 * Adds to `attempt` the facts of `other`, an attempt of the same case noted apart (from records kept
 * elsewhere): the same facts as noting `other`'s records after `attempt`'s.
 */
export function mergeAttemptFacts(attempt: Attempt, other: Attempt): void {
  if (other.link !== undefined && (attempt.link === undefined || (attempt.link.by === 'applicantId' && other.link.by === 'projectCode'))) attempt.link = other.link;
  const from = other.timing;
  if (from === undefined) return;
  const timing = (attempt.timing ??= newTiming(from.firstAt));
  if (from.firstTime < timing.firstTime) {
    timing.firstAt = from.firstAt;
    timing.firstTime = from.firstTime;
  }
  if (from.receivedTime < timing.receivedTime) {
    timing.receivedAt = from.receivedAt;
    timing.receivedTime = from.receivedTime;
  }
  if (from.end !== undefined && (timing.end === undefined || from.end.time < timing.end.time)) timing.end = from.end;
}

/** Notes one record of the attempt's case, keeping it. */
export function noteAttemptRecord(attempt: Attempt, record: EventRecord): void {
  attempt.records.push(record);
  noteLink(attempt, record);
}

function noteLink(attempt: Attempt, record: EventRecord): void {
  if (attempt.link === undefined || attempt.link.by === 'applicantId') {
    if (record.projectCode !== undefined) attempt.link = { by: 'projectCode', value: record.projectCode };
    else if (record.applicantId !== undefined && attempt.link === undefined) attempt.link = { by: 'applicantId', value: record.applicantId };
  }
}

/** Folds one record, at `time` (epoch ms), into a timing. */
function noteTiming(timing: Timing, record: EventRecord, time: number): void {
  if (time < timing.firstTime) {
    timing.firstAt = record.at;
    timing.firstTime = time;
  }
  if (record.source !== 'system') return;
  if (time < timing.receivedTime) {
    timing.receivedAt = record.at;
    timing.receivedTime = time;
  }
  if (ENDINGS.has(record.activity) && (timing.end === undefined || time < timing.end.time)) timing.end = { activity: record.activity, at: record.at, time };
}

function newTiming(firstAt: string): Timing {
  return { firstAt, firstTime: Infinity, receivedAt: undefined, receivedTime: Infinity, end: undefined };
}

/** The attempt's timing: noted as its records arrived, or folded from its records now. */
function timingOf(attempt: Attempt): Timing {
  if (attempt.timing !== undefined) return attempt.timing;
  const timing = newTiming(attempt.records[0]!.at);
  for (const record of attempt.records) noteTiming(timing, record, instantMs(record.at));
  return timing;
}

/**
 * Where an attempt begins: at its receipt. Evidence of off-system work may predate the end of the
 * attempt it resubmits, and must not break the chain it is the strongest sign of.
 */
function startOf(timing: Timing): string {
  return timing.receivedAt ?? timing.firstAt;
}

/** {@link startOf} in epoch milliseconds. */
function startTime(timing: Timing): number {
  return timing.receivedAt === undefined ? timing.firstTime : timing.receivedTime;
}

/**
 * Groups cases into resubmission chains: cases of the same matter for the same project (or, without
 * a project code, the same applicant), where each attempt after the first was received within
 * `maxGapDays` of an earlier attempt that ended withdrawn, not accepted, refused or denied. An
 * approved case ends its chain. Statistics drop those failed attempts, so resubmitting erases
 * them; the chain keeps them, and experienced time starts at the first.
 * @example
 * for (const chain of linkResubmissionChains(records)) if (chain.caseIds.length > 1) console.log(chain.key, chain.caseIds);
 */
export function linkResubmissionChains(records: Iterable<EventRecord>, options: ResubmissionOptions = {}): ResubmissionChain[] {
  const attempts = new Map<string, Attempt>();
  for (const record of records) {
    let attempt = attempts.get(record.caseId);
    if (attempt === undefined) attempts.set(record.caseId, (attempt = newAttempt(record)));
    // The records are not kept: memory grows with the cases, not with the log.
    noteAttemptFacts(attempt, record);
  }
  return chainAttempts(attempts.values(), options).map(chainOf);
}

/**
 * Chains attempts noted record by record: {@link linkResubmissionChains} after its one pass, each
 * chain as its attempts, first attempt first (unlinked attempts alone, then chains in order of first sight).
 */
export function chainAttempts(attempts: Iterable<Attempt>, options: ResubmissionOptions = {}): Attempt[][] {
  const { maxGapDays = 180 } = options;
  // Linked attempts by matter, then by the project code or applicant id that links them.
  const byMatter = new Map<string, Record<'projectCode' | 'applicantId', Map<string, Attempt[]>>>();
  const groups: Attempt[][] = [];
  const chains: Attempt[][] = [];
  for (const attempt of attempts) {
    const link = attempt.link;
    if (link === undefined) {
      chains.push([attempt]);
      continue;
    }
    let links = byMatter.get(attempt.matterId);
    if (links === undefined) byMatter.set(attempt.matterId, (links = { projectCode: new Map(), applicantId: new Map() }));
    const group = links[link.by].get(link.value);
    if (group === undefined) {
      const created = [attempt];
      links[link.by].set(link.value, created);
      groups.push(created);
    } else group.push(attempt);
  }
  for (const group of groups) {
    if (group.length === 1) {
      chains.push(group);
      continue;
    }
    const timed = group.map((attempt) => ({ attempt, timing: timingOf(attempt) })).sort((a, b) => startTime(a.timing) - startTime(b.timing));
    let current: Attempt[] = [];
    let previous: Timing | undefined;
    for (const { attempt, timing } of timed) {
      const continues =
        previous?.end !== undefined &&
        RESUBMITTABLE.has(previous.end.activity) &&
        startTime(timing) >= previous.end.time &&
        naturalDaysBetween(previous.end.at.slice(0, 10), startOf(timing).slice(0, 10)) <= maxGapDays;
      if (!continues && current.length > 0) {
        chains.push(current);
        current = [];
      }
      current.push(attempt);
      previous = timing;
    }
    if (current.length > 0) chains.push(current);
  }
  return chains;
}

function chainOf(attempts: readonly Attempt[]): ResubmissionChain {
  const first = attempts[0]!;
  const key = first.link === undefined ? `${first.matterId}|case:${first.caseId}` : `${first.matterId}|${first.link.by}:${first.link.value}`;
  return { key, matterId: first.matterId, linkedBy: first.link?.by ?? 'applicantId', caseIds: attempts.map((a) => a.caseId) };
}
