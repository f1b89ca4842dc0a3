import type { EventRecord } from '../../event-log';
import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS, type Finding } from '../finding';
import { caseFields, short, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link unmodeledActivityDetector} (none yet: any unlisted activity counts). */
export type UnmodeledActivityOptions = Record<string, never>;

/**
 * Unmodeled activity (隐性审批 under another name: 征求意见, 会审, 方案预审…): a system activity that is
 * neither in the log's fixed vocabulary nor a step of the matter's flow. `hiddenWorkingDays` is the
 * working days from its first start to its last record: time spent on a step no published list shows.
 * Cases without a flow are skipped.
 */
export const unmodeledActivityDetector: CaseDetector<UnmodeledActivityOptions> = {
  code: 'unmodeled-activity',
  signal: 'A system activity that is neither in the fixed vocabulary nor a step of the configured flow (流程/阶段事项).',
  defaults: {},
  detect(view) {
    const flow = view.flow;
    if (flow === undefined) return NO_FINDINGS;
    let byActivity: Map<string, EventRecord[]> | undefined;
    for (const i of indexOf(view).unmodeled) {
      const r = view.records[i]!;
      byActivity ??= new Map();
      byActivity.set(r.activity, [...(byActivity.get(r.activity) ?? []), r]);
    }
    if (byActivity === undefined) return NO_FINDINGS;
    let findings: Finding[] | undefined;
    for (const [activity, records] of byActivity) {
      const first = records[0]!;
      const last = records.at(-1)!;
      const days = workingDaysFrom(view, first.at, last.at);
      const by = first.actor === undefined ? '' : ` by ${first.actor.department} (${first.actor.role})`;
      (findings ??= []).push({
        code: 'unmodeled-activity',
        ...caseFields(view),
        severity: 'medium',
        recordIds: records.map((r) => r.id),
        interval: { from: first.at, to: last.at },
        hiddenWorkingDays: days,
        message:
          `Unlisted step (隐性审批): case ${view.caseId} went through "${activity}"${by} from ${short(first.at)} to ` +
          `${short(last.at)} (${days} working days), which is not a step of matter ${flow.id}. ` +
          `Check whether it gates the approval; if so, publish it in the matter's list or stop requiring it.`,
      });
    }
    return findings ?? NO_FINDINGS;
  },
};
