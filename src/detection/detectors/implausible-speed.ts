import type { CaseDetector } from '../case-detector';
import type { Finding } from '../finding';
import { indexOf, stepsOf } from '../case-index';
import { caseFields, minDurationMs, timesOf } from './_internal/case-facts';

/** Options of {@link implausibleSpeedDetector}. */
export interface ImplausibleSpeedOptions {
  /** A step counts when done in less than this share of its `minDuration`; default 1 (faster than the floor). */
  readonly floorShare: number;
}

const minutes = (n: number): string => (n >= 120 ? `${(n / 60).toFixed(1)} h` : `${Math.round(n)} min`);

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
    if (flow === undefined) return [];
    const steps = stepsOf(flow);
    const times = timesOf(view);
    // Per step, the index of its open start.
    const started = new Map<string, number>();
    const findings: Finding[] = [];
    for (const i of indexOf(view).steps) {
      const r = view.records[i]!;
      const step = steps.get(r.activity)!;
      if (r.lifecycle === 'start') {
        started.set(r.activity, i);
        continue;
      }
      if (r.lifecycle !== 'complete') continue;
      const startIndex = started.get(r.activity);
      started.delete(r.activity);
      const floor = minDurationMs(step);
      if (startIndex === undefined || floor === undefined || floor === 0) continue;
      const start = view.records[startIndex]!;
      const elapsed = times[i]! - times[startIndex]!;
      if (elapsed >= floor * options.floorShare) continue;
      const by = r.actor === undefined ? '' : ` by ${r.actor.id}`;
      findings.push({
        code: 'implausible-speed',
        ...caseFields(view),
        severity: 'medium',
        recordIds: [start.id, r.id],
        interval: { from: start.at, to: r.at },
        message:
          `Implausible speed: step "${step.name}" (${step.id}) of case ${view.caseId} was completed${by} in ` +
          `${minutes(elapsed / 60_000)}, below its minimum of ${minutes(floor / 60_000)} (${step.minDuration}). ` +
          `Check whether the work was done off the system (体外循环) and only recorded afterwards.`,
      });
    }
    return findings;
  },
};
