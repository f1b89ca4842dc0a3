import type { EventRecord } from '../../event-log';
import type { CaseDetector, CaseSummary, CaseView } from '../case-detector';
import { NO_FINDINGS, type Finding } from '../finding';
import { caseFields, ms, short, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link unmodeledActivityDetector}. */
export interface UnmodeledActivityOptions {
  /** Most working days from an unlisted matter's approval to the receipt of a listed matter of its project for the first to gate the second; default 5. */
  readonly maxGateWorkingDays: number;
}

/** Endings of a case whose matter was passed (approved, filed, verified): what a gate must reach before the next matter may start. */
const PASSED = new Set(['approved', 'approved-deferred', 'filed', 'verified']);

/**
 * Unmodeled activity (隐性审批 under another name: 征求意见, 会审, 方案预审…): a system activity that is
 * neither in the log's fixed vocabulary nor a step of the matter's flow; or a whole matter on no list
 * (a case whose matter has no definition) that gates a listed one: approved, and a listed matter of
 * the same project received within N working days after it, before any other listed matter of the
 * project. `hiddenWorkingDays` is the working days from the activity's first start to its last
 * record, or from the unlisted matter's receipt to the listed one's: time spent on an approval no
 * published list shows. Activities of cases without a flow are not judged (their matter is).
 */
export const unmodeledActivityDetector: CaseDetector<UnmodeledActivityOptions> = {
  code: 'unmodeled-activity',
  signal: 'A system activity that is neither in the fixed vocabulary nor a step of the configured flow (流程/阶段事项), or an approval of a matter on no list that a listed matter of the project waits for.',
  defaults: { maxGateWorkingDays: 5 },
  detect(view, options, history) {
    const flow = view.flow;
    if (flow === undefined) return NO_FINDINGS;
    const gate = history.length === 0 ? undefined : unlistedGate(view, options, history);
    let byActivity: Map<string, EventRecord[]> | undefined;
    for (const i of indexOf(view).unmodeled) {
      const r = view.records[i]!;
      byActivity ??= new Map();
      byActivity.set(r.activity, [...(byActivity.get(r.activity) ?? []), r]);
    }
    if (byActivity === undefined) return gate === undefined ? NO_FINDINGS : [gate];
    let findings: Finding[] | undefined = gate === undefined ? undefined : [gate];
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

/** The unlisted matter of the project this case waited for, as a finding: the latest approved within the window before its receipt. */
function unlistedGate(view: CaseView, options: UnmodeledActivityOptions, history: readonly CaseSummary[]): Finding | undefined {
  const index = indexOf(view);
  const project = index.projectCode;
  const received = index.anyReceived ?? view.records[0];
  if (project === undefined || received === undefined) return undefined;
  const receivedAt = ms(received.at);
  let gate: CaseSummary | undefined;
  let gatePassedAt = -Infinity;
  for (const h of history) {
    if (h.unlisted !== true || h.projectCode !== project || h.end === undefined || !PASSED.has(h.end.activity)) continue;
    const passedAt = ms(h.end.at);
    if (passedAt > receivedAt || passedAt < gatePassedAt || workingDaysFrom(view, h.end.at, received.at) > options.maxGateWorkingDays) continue;
    gate = h;
    gatePassedAt = passedAt;
  }
  if (gate === undefined) return undefined;
  const passed = gate.end!;
  // Only the first listed matter received after the gate waited for it; a later one waited for that one.
  for (const h of history) {
    if (h.unlisted !== true && h.projectCode === project && h.caseId !== view.caseId && h.receivedAt !== undefined && ms(h.receivedAt) >= gatePassedAt && ms(h.receivedAt) < receivedAt) return undefined;
  }
  const from = gate.receivedAt ?? passed.at;
  const days = workingDaysFrom(view, from, received.at);
  return {
    code: 'unmodeled-activity',
    ...caseFields(view),
    severity: 'medium',
    recordIds: [gate.firstRecordId, passed.recordId, received.id],
    interval: { from, to: received.at },
    hiddenWorkingDays: days,
    message:
      `Unlisted matter (隐性审批): case ${view.caseId} of matter ${view.matterId} was received on ${short(received.at)}, ` +
      `right after case ${gate.caseId} of matter "${gate.matterId}" — a matter on no list — was ${passed.activity} on ${short(passed.at)} ` +
      `for the same project ${project}; that approval took ${days} working days before this matter could start. ` +
      `If the listed matter really waits for it, publish it in the catalogue (and the flows passed); otherwise stop requiring it.`,
  };
}
