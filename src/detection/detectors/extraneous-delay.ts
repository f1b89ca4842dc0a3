import type { EventRecord } from '../../event-log';
import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS, type Finding } from '../finding';
import { caseFields, short, timesOf, withinDays, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';
import { SameInstantEnds } from '../../_internal/same-instant-ends';

/** Options of {@link extraneousDelayDetector}. */
export interface ExtraneousDelayOptions {
  /** Most working days allowed with nothing in progress and nothing logged during processing; default 5. */
  readonly maxIdleWorkingDays: number;
  /** Records that do not count as activity: the system's own timers; default the deadline records. */
  readonly passiveActivities: readonly string[];
}

const CLOSES = new Set(['approved', 'approved-deferred', 'denied', 'withdrawn']);

/**
 * What is in progress while the detector walks a case: an open 补正 and an open 特别程序 (they keep
 * the case busy, or its clock lawfully stopped, until their end), and the ids of steps started and
 * not yet completed. An end closes every start of its kind before it, as the case clock pairs them.
 */
interface InProgress {
  supplement: boolean;
  specialProcedure: boolean;
  /** One entry per step id in progress. */
  readonly steps: string[];
  /** The ends (`supplement`, `special-procedure` or a step id) that closed nothing, for a start at their instant to pair with. */
  readonly unmatchedEnds: SameInstantEnds<true>;
}

/** Updates what is in progress with one record, at `time` (epoch ms). */
function track(progress: InProgress, activity: string, lifecycle: string | undefined, time: number): void {
  if (activity === 'supplement-started') {
    if (progress.unmatchedEnds.take('supplement', time) === undefined) progress.supplement = true;
  } else if (activity === 'special-procedure-started') {
    if (progress.unmatchedEnds.take('special-procedure', time) === undefined) progress.specialProcedure = true;
  } else if (lifecycle === 'start' && progress.unmatchedEnds.take(activity, time) === undefined && !progress.steps.includes(activity)) progress.steps.push(activity);
  if (activity === 'supplement-ended') {
    if (progress.supplement) progress.supplement = false;
    else progress.unmatchedEnds.note('supplement', time, true);
  } else if (activity === 'special-procedure-ended') {
    if (progress.specialProcedure) progress.specialProcedure = false;
    else progress.unmatchedEnds.note('special-procedure', time, true);
  } else if (lifecycle === 'complete' || lifecycle === 'send-back' || lifecycle === 'abort') {
    const steps = progress.steps;
    const open = steps.indexOf(activity);
    // Order does not matter: the last entry takes the closed one's place.
    if (open >= 0) {
      steps[open] = steps[steps.length - 1]!;
      steps.pop();
    } else progress.unmatchedEnds.note(activity, time, true);
  }
}

/**
 * Extraneous delay (DOMAIN §1 row 7: 中介服务、技术审查 kept out of the system): an idle gap inside
 * processing — from acceptance to the decision — longer than N working days, during which the case
 * logged nothing and had nothing in progress. Rule: a step that has started and not ended (completed,
 * sent back or aborted) is its own waiting (a long expert review, a clock-stopping Art. 45 step, a
 * publicity period), and so is an open 补正 or 特别程序; the gap counted is between the last record
 * that left nothing in progress (a step's end, a pause's end, the acceptance) and the next record.
 * Deadline records written by the system's timers are not activity. `hiddenWorkingDays` is the gap:
 * working days of work done somewhere the system does not see.
 */
export const extraneousDelayDetector: CaseDetector<ExtraneousDelayOptions> = {
  code: 'extraneous-delay',
  signal: 'An idle gap during processing — nothing in progress (no step, 补正 or 特别程序) and nothing logged — beyond N working days.',
  defaults: { maxIdleWorkingDays: 5, passiveActivities: ['deadline-warning', 'deadline-overdue'] },
  detect(view, options) {
    const index = indexOf(view);
    const accepted = index.departmentAccepted ?? index.windowAcceptedOrCommitted;
    if (accepted === undefined) return NO_FINDINGS;
    const records = view.records;
    const progress: InProgress = { supplement: false, specialProcedure: false, steps: [], unmatchedEnds: new SameInstantEnds() };
    let findings: Finding[] | undefined;
    const times = timesOf(view);
    let previousIndex = records.indexOf(accepted);
    let previous: EventRecord = accepted;
    for (let i = previousIndex + 1; i < records.length; i++) {
      const r = records[i]!;
      const activity = r.activity;
      if (r.source !== 'system' || options.passiveActivities.includes(activity)) continue;
      if (!progress.supplement && !progress.specialProcedure && progress.steps.length === 0 && !withinDays(times[previousIndex]!, times[i]!, options.maxIdleWorkingDays)) {
        const gap = workingDaysFrom(view, previous.at, r.at);
        if (gap > options.maxIdleWorkingDays) {
          (findings ??= []).push({
            code: 'extraneous-delay',
            ...caseFields(view),
            severity: 'medium',
            recordIds: [previous.id, r.id],
            interval: { from: previous.at, to: r.at },
            hiddenWorkingDays: gap,
            message:
              `Unexplained idle gap (体外循环: intermediary or technical review kept out of the system): case ${view.caseId} logged ` +
              `nothing and had no step, 补正 or 特别程序 in progress from "${previous.activity}" on ${short(previous.at)} to "${activity}" ` +
              `on ${short(r.at)}, ${gap} working days (allowed: ${options.maxIdleWorkingDays}). Ask what the case waited for — an ` +
              `intermediary's report, a technical review, another department — and bring that work into the system.`,
          });
        }
      }
      if (CLOSES.has(activity)) break;
      track(progress, activity, r.lifecycle, times[i]!);
      previous = r;
      previousIndex = i;
    }
    return findings ?? NO_FINDINGS;
  },
};
