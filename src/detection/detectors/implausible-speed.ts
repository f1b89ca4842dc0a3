import type { EventRecord } from '../../event-log';
import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS, type Finding } from '../finding';
import { indexOf, stepsOf } from '../case-index';
import { caseFields, minDurationMs, timesOf } from './_internal/case-facts';

/** Options of {@link implausibleSpeedDetector}. */
export interface ImplausibleSpeedOptions {
  /** A step counts when done in less than this share of its `minDuration`; default 1 (faster than the floor). */
  readonly floorShare: number;
}

const minutes = (n: number): string => (n >= 120 ? `${(n / 60).toFixed(1)} h` : `${Math.round(n)} min`);

/**
 * The record index of the start that the completion at `stepRecords[k]` closes, or -1: the latest
 * earlier record of the same step that started or completed it, if that is a start not closed
 * already (in `closed`).
 */
function openStart(records: readonly EventRecord[], stepRecords: readonly number[], k: number, activity: string, closed: readonly number[] | undefined): number {
  for (let j = k - 1; j >= 0; j--) {
    const r = records[stepRecords[j]!]!;
    if (r.activity !== activity) continue;
    if (r.lifecycle === 'start') return closed?.includes(stepRecords[j]!) === true ? -1 : stepRecords[j]!;
    if (r.lifecycle === 'complete') return -1;
  }
  return -1;
}

/**
 * Implausible speed (先批后录 seen from one step): a step completed faster than the least time it can
 * honestly take — its `minDuration` in the flow. The work happened before its `start` was logged, off
 * the system. No `hiddenWorkingDays`: how long the work really took is unknown. Cases without a flow
 * are skipped.
 */
export const implausibleSpeedDetector: CaseDetector<ImplausibleSpeedOptions> = {
  code: 'implausible-speed',
  signal: 'A step completed faster than its minimum duration (minDuration) in the flow.',
  defaults: { floorShare: 1 },
  detect(view, options) {
    const flow = view.flow;
    if (flow === undefined) return NO_FINDINGS;
    const steps = stepsOf(flow);
    const times = timesOf(view);
    const stepRecords = indexOf(view).steps;
    let findings: Finding[] | undefined;
    // Starts closed at once by a completion of their step written just before them, at the same
    // instant, that closed nothing: a step begun and ended in one instant, its records in reverse.
    let closedAtOnce: number[] | undefined;
    for (let k = 0; k < stepRecords.length; k++) {
      const i = stepRecords[k]!;
      const r = view.records[i]!;
      let startIndex = -1;
      let endIndex = i;
      if (r.lifecycle === 'start') {
        const before = stepRecords[k - 1] ?? -1;
        if (before < 0 || times[before] !== times[i] || view.records[before]!.activity !== r.activity || view.records[before]!.lifecycle !== 'complete') continue;
        if (openStart(view.records, stepRecords, k - 1, r.activity, closedAtOnce) >= 0) continue;
        (closedAtOnce ??= []).push((startIndex = i));
        endIndex = before;
      } else if (r.lifecycle !== 'complete') continue;
      const step = steps.get(r.activity)!;
      const floor = minDurationMs(step);
      if (floor === undefined || floor === 0) continue;
      if (startIndex < 0) startIndex = openStart(view.records, stepRecords, k, r.activity, closedAtOnce);
      if (startIndex < 0) continue;
      const elapsed = times[endIndex]! - times[startIndex]!;
      if (elapsed >= floor * options.floorShare) continue;
      const start = view.records[startIndex]!;
      const end = view.records[endIndex]!;
      const by = end.actor === undefined ? '' : ` by ${end.actor.id}`;
      (findings ??= []).push({
        code: 'implausible-speed',
        ...caseFields(view),
        severity: 'medium',
        recordIds: [start.id, end.id],
        interval: { from: start.at, to: end.at },
        message:
          `Implausible speed: step "${step.name}" (${step.id}) of case ${view.caseId} was completed${by} in ` +
          `${minutes(elapsed / 60_000)}, below its minimum of ${minutes(floor / 60_000)} (${step.minDuration}). ` +
          `Check whether the work was done off the system (体外循环) and only recorded afterwards.`,
      });
    }
    return findings ?? NO_FINDINGS;
  },
};
