import { Art45CategorySchema, DEFAULT_EXTENSION_WORKING_DAYS } from '../../definition';
import type { EventRecord } from '../../event-log';
import type { CaseDetector, CaseView } from '../case-detector';
import { NO_FINDINGS, type Finding } from '../finding';
import { caseFields, isPauseEnteredAfterDecision, ms, short, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';
import { SameInstantEnds } from '../../_internal/same-instant-ends';

/** Options of {@link suspensionAbuseDetector}. */
export interface SuspensionAbuseOptions {
  /** 补正 rounds allowed before acceptance (or in a case never accepted); more break the 一次性告知 duty (Art. 32). Default 1. */
  readonly maxPreAcceptanceSupplements: number;
  /**
   * 补正 rounds allowed after acceptance (过程补件, a known clock-stopper: Art. 32 places 补正 before
   * acceptance). Default 0; set 1 where local 限时办结 rules allow one round during processing.
   */
  readonly maxPostAcceptanceSupplements: number;
  /** A 特别程序 starting within this many seconds of acceptance counts as starting at acceptance; default 60. */
  readonly atAcceptanceSeconds: number;
  /** Reason kinds that justify a 特别程序 besides the Art. 45 categories, when an Art. 42 extension was approved; default `art-42-extension`, `extension`. */
  readonly extensionReasonKinds: readonly string[];
  /** Art. 42 extensions allowed per case; default 1 (Art. 42 extends once). */
  readonly maxExtensions: number;
}

const ART45 = new Set<string>(Art45CategorySchema.options);

/**
 * Start → end pairs of one kind of pause among the case's pause records. An end closes every start
 * of its kind before it (a second notice before the first was answered is a round of its own that
 * the same end answers); a start never ended is open until the case's last record. An end that
 * closed nothing pairs with a start at the same instant after it: a pause begun and ended in one
 * instant, its records written in reverse. The case clock pairs them the same way.
 */
function pauses(view: CaseView, start: string, end: string): Pause[] {
  const out: Pause[] = [];
  const open: EventRecord[] = [];
  let unmatched: SameInstantEnds<EventRecord> | undefined; // made only when an end closes nothing (rare)
  for (const i of indexOf(view).pauses) {
    const r = view.records[i]!;
    if (r.activity === start) {
      const reversed = unmatched?.take(start, ms(r.at));
      if (reversed !== undefined) out.push({ start: r, end: reversed });
      else open.push(r);
    } else if (r.activity === end) {
      if (open.length === 0) (unmatched ??= new SameInstantEnds()).note(start, ms(r.at), r);
      for (const s of open) out.push({ start: s, end: r });
      open.length = 0;
    }
  }
  for (const s of open) out.push({ start: s, end: undefined });
  return out;
}

interface Pause {
  readonly start: EventRecord;
  readonly end: EventRecord | undefined;
}

/** Working days a pause lasted (an open one: see {@link endOf}). */
function pausedDays(view: CaseView, p: Pause): number {
  return workingDaysFrom(view, p.start.at, endOf(view, p));
}

/** When a pause ends: its end, else — as the case clock closes it — the case's ending (else its last record). */
function endOf(view: CaseView, p: Pause): string {
  if (p.end !== undefined) return p.end.at;
  const ending = indexOf(view).end;
  if (ending !== undefined && ms(ending.at) >= ms(p.start.at)) return ending.at;
  return view.records.at(-1)?.at ?? p.start.at;
}

/**
 * Working days the pauses after the first `allowed` stopped the clock beyond what those did: the union
 * of all, less the union of the allowed (a round inside an earlier one adds nothing).
 */
function extraDays(view: CaseView, rounds: readonly Pause[], allowed: number): number {
  return Math.max(0, unionDays(view, rounds) - unionDays(view, rounds.slice(0, allowed)));
}

/** Working days of the union of some pauses (in order of their starts). */
function unionDays(view: CaseView, rounds: readonly Pause[]): number {
  let days = 0;
  let from: string | undefined;
  let to = '';
  for (const p of rounds) {
    const end = endOf(view, p);
    if (from !== undefined && ms(p.start.at) < ms(to)) {
      if (ms(end) > ms(to)) to = end;
      continue;
    }
    if (from !== undefined) days += workingDaysFrom(view, from, to);
    from = p.start.at;
    to = end;
  }
  return from === undefined ? days : days + workingDaysFrom(view, from, to);
}

/** A finding on 补正 rounds: their records in order (the acceptance among them, where it falls), from the first start to the last end. */
function roundsFinding(view: CaseView, rounds: readonly Pause[], accepted: EventRecord | undefined, days: number, message: string): Finding {
  const recordIds = rounds.flatMap((p) => (p.end === undefined ? [p.start.id] : [p.start.id, p.end.id]));
  if (accepted !== undefined) {
    if (ms(accepted.at) < ms(rounds[0]!.start.at)) recordIds.unshift(accepted.id);
    else recordIds.push(accepted.id);
  }
  const last = rounds.at(-1)!;
  return {
    code: 'suspension-abuse',
    ...caseFields(view),
    severity: 'high',
    recordIds,
    interval: { from: rounds[0]!.start.at, to: endOf(view, last) },
    hiddenWorkingDays: days,
    message,
  };
}

/**
 * Suspension abuse (clock-stopping via 补正 / 特别程序 misuse): more than the allowed 补正 rounds before
 * acceptance (一次性告知; one by default), or any after it (过程补件; none by default); or a 特别程序
 * whose reason is neither an Art. 45 category nor an approved Art. 42 extension, that starts at the
 * very instant of acceptance, that was entered after the decision was, or that was never ended though
 * the case was decided; or an Art. 42 extension with no approver, repeated, or too long.
 * `hiddenWorkingDays` is the suspended working days not justified: those the extra 补正 rounds held
 * the case beyond the allowed ones (before acceptance, days the official figure never counts), or the
 * flagged 特别程序's (none for an extension).
 */
export const suspensionAbuseDetector: CaseDetector<SuspensionAbuseOptions> = {
  code: 'suspension-abuse',
  signal: 'Repeated 补正 before acceptance, 补正 after it, a 特别程序 without an Art. 45 reason or approved Art. 42 extension, starting at acceptance, entered after the decision, or never ended; an Art. 42 extension unapproved, repeated or too long.',
  defaults: { maxPreAcceptanceSupplements: 1, maxPostAcceptanceSupplements: 0, atAcceptanceSeconds: 60, extensionReasonKinds: ['art-42-extension', 'extension'], maxExtensions: 1 },
  detect(view, options) {
    const index = indexOf(view);
    // Every signal is about 补正, 特别程序 or extension records.
    if (index.pauses.length === 0 && index.extensions.length === 0) return NO_FINDINGS;
    let findings: Finding[] | undefined;
    const accepted = index.departmentAccepted ?? index.windowAcceptedOrCommitted;
    const decided = index.decided;

    const supplements = pauses(view, 'supplement-started', 'supplement-ended');
    // Before acceptance, and from its instant on, as the case clock divides them.
    const before = accepted === undefined ? supplements : supplements.filter((p) => ms(p.start.at) < ms(accepted.at));
    if (before.length > options.maxPreAcceptanceSupplements) {
      const allowed = options.maxPreAcceptanceSupplements;
      const days = extraDays(view, before, allowed);
      const message =
        `Repeated 补正 before acceptance: case ${view.caseId} was asked for materials ${before.length} times ` +
        `${accepted === undefined ? 'and never accepted' : `before its acceptance on ${short(accepted.at)}`}; the rounds beyond ` +
        `${allowed} held the application ${days} working days more, time the official figure (from acceptance) ` +
        `does not show. Materials must be asked for once and in full (一次性告知, Art. 32); check what the later rounds asked for.`;
      (findings ??= []).push(roundsFinding(view, before, accepted, days, message));
    }
    const after = accepted === undefined ? [] : supplements.filter((p) => ms(p.start.at) >= ms(accepted.at));
    if (accepted !== undefined && after.length > options.maxPostAcceptanceSupplements) {
      const allowed = options.maxPostAcceptanceSupplements;
      const days = extraDays(view, after, allowed);
      const once = after.length === 1;
      const message =
        `${once ? '补正' : 'Repeated 补正'} after acceptance (过程补件): case ${view.caseId} was sent back for materials ` +
        `${once ? 'once' : `${after.length} times`} after its acceptance on ${short(accepted.at)}, stopping the clock; ` +
        `${allowed === 0 ? 'that' : `the rounds beyond ${allowed}`} hid ${days} working days. Materials must be asked for once, ` +
        `before acceptance (一次性告知, Art. 32); check whether the ${once ? 'round was' : 'rounds were'} used to stop the clock.`;
      (findings ??= []).push(roundsFinding(view, after, accepted, days, message));
    }

    const special = pauses(view, 'special-procedure-started', 'special-procedure-ended');
    // Only an extension with an approver justifies a 特别程序 (as only it counts on the case clock).
    const extended = special.length > 0 && index.extensions.some((i) => view.records[i]!.actor !== undefined);
    for (const p of special) {
      const kind = p.start.reason?.kind ?? '';
      const reasons: string[] = [];
      if (!ART45.has(kind) && !(extended && options.extensionReasonKinds.includes(kind))) {
        reasons.push(`its reason "${kind || 'none'}" is neither an Art. 45 category nor an approved Art. 42 extension`);
      }
      if (accepted !== undefined && Math.abs(ms(p.start.at) - ms(accepted.at)) <= options.atAcceptanceSeconds * 1000) {
        reasons.push(`it starts at the very moment of acceptance (${short(accepted.at)})`);
      }
      // Entered after the decision was: a pause added, or stretched, to cover an overrun (a whole case keyed in late is backfilled-record's).
      const late = decided === undefined ? undefined : enteredAfterDecision(p, decided);
      if (late !== undefined) reasons.push(`${late === p.start ? 'it was' : 'its end was'} entered on ${short(late.recordedAt!)}, after the decision of ${short(decided!.at)} was`);
      // Never ended, yet the case was decided: the clock stayed stopped to the decision.
      if (p.end === undefined && decided !== undefined && ms(decided.at) >= ms(p.start.at)) {
        reasons.push(`it was never ended, so the clock stayed stopped until the decision of ${short(decided.at)}`);
      }
      if (reasons.length === 0) continue;
      const days = pausedDays(view, p);
      (findings ??= []).push({
        code: 'suspension-abuse',
        ...caseFields(view),
        severity: 'high',
        recordIds: [...(accepted === undefined ? [] : [accepted.id]), p.start.id, ...(p.end === undefined ? [] : [p.end.id])],
        interval: { from: p.start.at, to: endOf(view, p) },
        hiddenWorkingDays: days,
        message:
          `Unjustified special procedure (特别程序): case ${view.caseId} stopped its clock for ${days} working days from ` +
          `${short(p.start.at)}, and ${reasons.join('; ')}. Check the suspension's basis and restore the days to the processing time.`,
      });
    }
    if (index.extensions.length > 0) for (const finding of extensionFindings(view, index.extensions, options)) (findings ??= []).push(finding);
    return findings ?? NO_FINDINGS;
  },
};

/** The record of a 特别程序 — its start, else its end — entered after the decision was (see {@link isPauseEnteredAfterDecision}). */
function enteredAfterDecision(p: Pause, decided: EventRecord): EventRecord | undefined {
  if (isPauseEnteredAfterDecision(p.start, decided)) return p.start;
  return p.end !== undefined && isPauseEnteredAfterDecision(p.end, decided) ? p.end : undefined;
}

/**
 * DOMAIN §1 row 11, unapproved extensions: an Art. 42 extension (`extension-approved`) with no
 * approver, one beyond the allowed number, or one longer than the matter's `extensionWorkingDays`
 * (10 by default). No hidden days: what an extension covered depends on when the case ended.
 */
function extensionFindings(view: CaseView, extensions: readonly number[], options: SuspensionAbuseOptions): Finding[] {
  const allowedDays = view.flow?.limits?.extensionWorkingDays ?? DEFAULT_EXTENSION_WORKING_DAYS;
  const out: Finding[] = [];
  let count = 0;
  for (const i of extensions) {
    const r = view.records[i]!;
    count++;
    const days = typeof r.attrs?.workingDays === 'number' ? r.attrs.workingDays : allowedDays;
    const reasons: string[] = [];
    if (r.actor === undefined) reasons.push('it names no approver (Art. 42: the head of the office approves an extension)');
    if (count > options.maxExtensions) reasons.push(`it is extension ${count}, where ${options.maxExtensions} is allowed (Art. 42 extends once)`);
    if (days > allowedDays) reasons.push(`it adds ${days} working days, beyond the ${allowedDays} the matter allows`);
    if (reasons.length === 0) continue;
    out.push({
      code: 'suspension-abuse',
      ...caseFields(view),
      severity: 'high',
      recordIds: [r.id],
      interval: { from: r.at, to: r.at },
      message:
        `Unapproved extension (延长审批): case ${view.caseId} extended its time limit on ${short(r.at)} by ${days} working days, and ` +
        `${reasons.join('; ')}. An extension that does not count must not hide an overrun: check the case against its limit without it.`,
    });
  }
  return out;
}
