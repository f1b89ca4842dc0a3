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

/** One case as chaining sees it: its records, gathered with {@link noteAttemptRecord}, and what links it to others. */
export interface Attempt {
  readonly caseId: string;
  readonly matterId: string;
  readonly records: EventRecord[];
  link?: { by: 'projectCode' | 'applicantId'; value: string };
}

/** A new attempt for a case, from its first record (not yet noted). */
export function newAttempt(record: EventRecord): Attempt {
  return { caseId: record.caseId, matterId: record.matterId, records: [] };
}

/** Notes one record of the attempt's case. */
export function noteAttemptRecord(attempt: Attempt, record: EventRecord): void {
  attempt.records.push(record);
  if (attempt.link === undefined || attempt.link.by === 'applicantId') {
    if (record.projectCode !== undefined) attempt.link = { by: 'projectCode', value: record.projectCode };
    else if (record.applicantId !== undefined && attempt.link === undefined) attempt.link = { by: 'applicantId', value: record.applicantId };
  }
}

/**
 * When an attempt began and how it ended, read from its records only for attempts that share a
 * link with others (most cases have none, and are never timed).
 */
interface Timing {
  readonly attempt: Attempt;
  /** Its first system record (the receipt), else its first record: evidence may predate a receipt. */
  readonly startAt: string;
  readonly startTime: number;
  readonly end: { readonly activity: string; readonly at: string; readonly time: number } | undefined;
}

function timingOf(attempt: Attempt): Timing {
  let firstAt = '';
  let firstTime = Infinity;
  let receivedAt: string | undefined;
  let receivedTime = Infinity;
  let end: Timing['end'];
  for (const record of attempt.records) {
    const time = instantMs(record.at);
    if (time < firstTime) {
      firstAt = record.at;
      firstTime = time;
    }
    if (record.source !== 'system') continue;
    if (time < receivedTime) {
      receivedAt = record.at;
      receivedTime = time;
    }
    if (ENDINGS.has(record.activity) && (end === undefined || time < end.time)) end = { activity: record.activity, at: record.at, time };
  }
  if (firstTime === Infinity) firstAt = attempt.records[0]!.at;
  return receivedAt === undefined ? { attempt, startAt: firstAt, startTime: firstTime, end } : { attempt, startAt: receivedAt, startTime: receivedTime, end };
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
    noteAttemptRecord(attempt, record);
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
    // An attempt begins at its receipt: evidence of off-system work may predate the end of the
    // attempt it resubmits, and must not break the chain it is the strongest sign of.
    const timed = group.map(timingOf).sort((a, b) => a.startTime - b.startTime);
    let current: Timing[] = [];
    for (const attempt of timed) {
      const previous = current.at(-1);
      const continues =
        previous?.end !== undefined &&
        RESUBMITTABLE.has(previous.end.activity) &&
        attempt.startTime >= previous.end.time &&
        naturalDaysBetween(previous.end.at.slice(0, 10), attempt.startAt.slice(0, 10)) <= maxGapDays;
      if (!continues && current.length > 0) {
        chains.push(current.map((t) => t.attempt));
        current = [];
      }
      current.push(attempt);
    }
    if (current.length > 0) chains.push(current.map((t) => t.attempt));
  }
  return chains;
}

function chainOf(attempts: readonly Attempt[]): ResubmissionChain {
  const first = attempts[0]!;
  const key = first.link === undefined ? `${first.matterId}|case:${first.caseId}` : `${first.matterId}|${first.link.by}:${first.link.value}`;
  return { key, matterId: first.matterId, linkedBy: first.link?.by ?? 'applicantId', caseIds: attempts.map((a) => a.caseId) };
}
