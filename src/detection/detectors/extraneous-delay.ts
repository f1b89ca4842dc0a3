import type { EventRecord } from '../../event-log';
import type { CaseDetector } from '../case-detector';
import type { Finding } from '../finding';
import { caseFields, short, timesOf, withinDays, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link extraneousDelayDetector}. */
export interface ExtraneousDelayOptions {
  /** Most working days allowed with nothing in progress and nothing logged during processing; default 5. */
  readonly maxIdleWorkingDays: number;
  /** Records that do not count as activity: the system's own timers; default the deadline records. */
  readonly passiveActivities: readonly string[];
}

/** Pairs that keep a case busy, or its clock lawfully stopped, between their start and end. */
const PAUSES: ReadonlyMap<string, string> = new Map([
  ['supplement-started', 'supplement-ended'],
  ['special-procedure-started', 'special-procedure-ended'],
]);
const PAUSE_ENDS: ReadonlySet<string> = new Set(PAUSES.values());
const CLOSES = new Set(['approved', 'approved-deferred', 'denied', 'withdrawn']);

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = counts.get(key);
  if (left === undefined) return;
  if (left === 1) counts.delete(key);
  else counts.set(key, left - 1);
}

/**
 * Extraneous delay (DOMAIN §1 row 7: 中介服务、技术审查 kept out of the system): an idle gap inside
 * processing — from acceptance to the decision — longer than N working days, during which the case
 * logged nothing and had nothing in progress. Rule: a step that has started and not completed is its
 * own waiting (a long expert review, a clock-stopping Art. 45 step, a publicity period), and so is an
 * open 补正 or 特别程序; the gap counted is between the last record that left nothing in progress (a
 * step's completion, a pause's end, the acceptance) and the next record. Deadline records written by
 * the system's timers are not activity. `hiddenWorkingDays` is the gap: working days of work done
 * somewhere the system does not see.
 */
export const extraneousDelayDetector: CaseDetector<ExtraneousDelayOptions> = {
  code: 'extraneous-delay',
  signal: 'An idle gap during processing — nothing in progress (no step, 补正 or 特别程序) and nothing logged — beyond N working days.',
  defaults: { maxIdleWorkingDays: 5, passiveActivities: ['deadline-warning', 'deadline-overdue'] },
  detect(view, options) {
    const index = indexOf(view);
    const accepted = index.departmentAccepted ?? index.windowAcceptedOrCommitted;
    if (accepted === undefined) return [];
    const records = view.records;
    // What is in progress: pauses by the activity that ends them, steps by their id, each with how many are open.
    const openPauses = new Map<string, number>();
    const openSteps = new Map<string, number>();
    const findings: Finding[] = [];
    const times = timesOf(view);
    let previousIndex = records.indexOf(accepted);
    let previous: EventRecord = accepted;
    for (let i = previousIndex + 1; i < records.length; i++) {
      const r = records[i]!;
      if (r.source !== 'system' || options.passiveActivities.includes(r.activity)) continue;
      if (openPauses.size === 0 && openSteps.size === 0 && !withinDays(times[previousIndex]!, times[i]!, options.maxIdleWorkingDays)) {
        const gap = workingDaysFrom(view, previous.at, r.at);
        if (gap > options.maxIdleWorkingDays) {
          findings.push({
            code: 'extraneous-delay',
            ...caseFields(view),
            severity: 'medium',
            recordIds: [previous.id, r.id],
            interval: { from: previous.at, to: r.at },
            hiddenWorkingDays: gap,
            message:
              `Unexplained idle gap (体外循环: intermediary or technical review kept out of the system): case ${view.caseId} logged ` +
              `nothing and had no step, 补正 or 特别程序 in progress from "${previous.activity}" on ${short(previous.at)} to "${r.activity}" ` +
              `on ${short(r.at)}, ${gap} working days (allowed: ${options.maxIdleWorkingDays}). Ask what the case waited for — an ` +
              `intermediary's report, a technical review, another department — and bring that work into the system.`,
          });
        }
      }
      if (CLOSES.has(r.activity)) break;
      const pauseEnd = PAUSES.get(r.activity);
      if (pauseEnd !== undefined) increment(openPauses, pauseEnd);
      else if (r.lifecycle === 'start') increment(openSteps, r.activity);
      if (PAUSE_ENDS.has(r.activity)) decrement(openPauses, r.activity);
      else if (r.lifecycle === 'complete') decrement(openSteps, r.activity);
      previous = r;
      previousIndex = i;
    }
    return findings;
  },
};
