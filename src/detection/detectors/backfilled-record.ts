import type { EventRecord } from '../../event-log';
import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS, type Finding } from '../finding';
import { caseFields, isPauseEnteredAfterDecision, ms, msOf, short, timesOf, withinDays, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link backfilledRecordDetector}. */
export interface BackfilledRecordOptions {
  /** A system record entered more than this many working days after its business time counts; default 2. */
  readonly maxEntryLagWorkingDays: number;
  /** Receipt, acceptance and decision all within this many minutes, by one officer, count; default 30. */
  readonly compressedMinutes: number;
}

/**
 * Backfilled record (先批后录): the approval was done first and entered later. Three signals: system
 * records entered (`recordedAt`) long after their business time (`at`) — but not a 特别程序 entered
 * after the decision, which is `suspension-abuse`'s; receipt → acceptance →
 * decision compressed into minutes by one officer (promised cases only); a decision or certificate
 * dated before acceptance. `hiddenWorkingDays`, for late entry, is the working days from the first
 * late record's business time to its entry: the time the case ran outside the system.
 */
export const backfilledRecordDetector: CaseDetector<BackfilledRecordOptions> = {
  code: 'backfilled-record',
  signal: 'Records entered long after their business time, receipt→acceptance→decision within minutes by one officer, or a decision dated before acceptance.',
  defaults: { maxEntryLagWorkingDays: 2, compressedMinutes: 30 },
  detect(view, options) {
    let findings: Finding[] | undefined;
    const times = timesOf(view);
    const maxLag = options.maxEntryLagWorkingDays;
    const index = indexOf(view);
    const late: EventRecord[] = [];
    for (const i of index.entered) {
      const r = view.records[i]!;
      if (index.decided !== undefined && isPauseEnteredAfterDecision(r, index.decided)) continue; // suspension-abuse's
      if (!withinDays(times[i]!, ms(r.recordedAt!), maxLag) && workingDaysFrom(view, r.at, r.recordedAt!) > maxLag) late.push(r);
    }
    if (late.length > 0) {
      const first = late[0]!;
      const entered = late.reduce((min, r) => (ms(r.recordedAt!) < ms(min) ? r.recordedAt! : min), first.recordedAt!);
      const lastEntered = late.reduce((max, r) => (ms(r.recordedAt!) > ms(max) ? r.recordedAt! : max), first.recordedAt!);
      const days = workingDaysFrom(view, first.at, entered);
      (findings ??= []).push({
        code: 'backfilled-record',
        ...caseFields(view),
        severity: 'high',
        recordIds: late.map((r) => r.id),
        interval: { from: first.at, to: lastEntered },
        hiddenWorkingDays: days,
        message:
          `Backfilled records (先批后录): ${late.length} record(s) of case ${view.caseId}, from "${first.activity}" on ${short(first.at)} ` +
          `to "${late.at(-1)!.activity}" on ${short(late.at(-1)!.at)}, were entered between ${short(entered)} and ${short(lastEntered)}, ` +
          `${days} working days after the work began. Compare with the paper file: the case was likely handled off the system.`,
      });
    }
    const { received, accepted, decided } = index;
    if (accepted === undefined || decided === undefined) return findings ?? NO_FINDINGS;
    const decidedMs = msOf(view, decided);
    if (decidedMs < msOf(view, accepted)) {
      (findings ??= []).push({
        code: 'backfilled-record',
        ...caseFields(view),
        severity: 'high',
        recordIds: [decided.id, accepted.id],
        interval: { from: decided.at, to: accepted.at },
        message:
          `Decision before acceptance (先批后录): case ${view.caseId} has "${decided.activity}" dated ${short(decided.at)}, before its ` +
          `acceptance on ${short(accepted.at)}. The approval was made off the system; check the paper file's dates.`,
      });
    } else if (
      received !== undefined &&
      view.flow?.caseType !== 'immediate' &&
      decidedMs - msOf(view, received) <= options.compressedMinutes * 60_000 &&
      sameOfficer([accepted, decided])
    ) {
      (findings ??= []).push({
        code: 'backfilled-record',
        ...caseFields(view),
        severity: 'high',
        recordIds: [received.id, accepted.id, decided.id],
        interval: { from: received.at, to: decided.at },
        message:
          `Compressed processing (先批后录): case ${view.caseId} was received, accepted and decided within ` +
          `${Math.round((decidedMs - msOf(view, received)) / 60_000)} minutes by ${accepted.actor!.id}. ` +
          `A promised case cannot be reviewed that fast; check whether it was approved off the system and entered afterwards.`,
      });
    }
    return findings ?? NO_FINDINGS;
  },
};

function sameOfficer(records: readonly EventRecord[]): boolean {
  const ids = records.map((r) => r.actor?.id);
  return ids[0] !== undefined && ids.every((id) => id === ids[0]);
}
