import type { WorkingCalendar } from '../../../calendar';
import type { FlowDefinition } from '../../../definition';
import type { EventRecord } from '../../../event-log';
import type { CaseSummary, CaseView } from '../../case-detector';
import { ACCEPTANCE_ACTIVITIES, TERMINAL_ACTIVITIES } from '../../case-index';

/** A case's view and the history a driver would hand its detectors. */
export interface CaseInput {
  readonly view: CaseView;
  readonly history: readonly CaseSummary[];
}

/** The summary of a closed case (what the driver keeps once its records are gone). */
export function summarize(records: readonly EventRecord[]): CaseSummary {
  const first = records[0]!;
  const system = records.filter((r) => r.source === 'system');
  const received = system.find((r) => r.activity === 'received');
  const accepted = system.find((r) => ACCEPTANCE_ACTIVITIES.has(r.activity));
  const end = system.filter((r) => TERMINAL_ACTIVITIES.has(r.activity)).at(-1); // the activities that end a case in the driver's index
  const withProject = records.find((r) => r.projectCode !== undefined);
  const withApplicant = records.find((r) => r.applicantId !== undefined);
  const withBundle = records.find((r) => r.bundleId !== undefined);
  return {
    caseId: first.caseId,
    matterId: first.matterId,
    ...(withProject?.projectCode === undefined ? {} : { projectCode: withProject.projectCode }),
    ...(withApplicant?.applicantId === undefined ? {} : { applicantId: withApplicant.applicantId }),
    ...(withBundle?.bundleId === undefined ? {} : { bundleId: withBundle.bundleId }),
    ...(received === undefined ? {} : { receivedAt: received.at }),
    ...(accepted === undefined ? {} : { acceptedAt: accepted.at }),
    ...(end === undefined ? {} : { end: { activity: end.activity, at: end.at, recordId: end.id } }),
    firstRecordId: first.id,
  };
}

/**
 * Groups a log by case and gives each case its view and history as the driver will (for tests until
 * the driver lands): records sorted by `at`; history = the earlier cases, in receipt order, that ended
 * before this receipt and share its project code, or its applicant and matter.
 */
export function caseInputs(records: readonly EventRecord[], flows: readonly FlowDefinition[], calendar: WorkingCalendar): CaseInput[] {
  const flowOf = new Map(flows.map((f) => [f.id, f]));
  const grouped = new Map<string, EventRecord[]>();
  for (const r of records) {
    const list = grouped.get(r.caseId);
    if (list === undefined) grouped.set(r.caseId, [r]);
    else list.push(r);
  }
  const cases = [...grouped.values()].map((list) => {
    const sorted = list.map((r, i) => ({ r, i, t: Date.parse(r.at) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.r);
    const summarized = summarize(sorted);
    // As the driver marks it: a case of a matter with no flow among those passed is on no list.
    const summary: CaseSummary = flowOf.has(summarized.matterId) ? summarized : { ...summarized, unlisted: true };
    return { sorted, summary, key: Date.parse(summary.receivedAt ?? sorted[0]!.at) };
  });
  cases.sort((a, b) => a.key - b.key);
  const linked = new Map<string, CaseSummary[]>();
  const link = (key: string | undefined, summary: CaseSummary) => {
    if (key === undefined) return;
    linked.set(key, [...(linked.get(key) ?? []), summary]);
  };
  const out: CaseInput[] = [];
  for (const { sorted, summary, key } of cases) {
    const keys = [
      summary.projectCode === undefined ? undefined : `p:${summary.projectCode}`,
      summary.applicantId === undefined ? undefined : `a:${summary.applicantId}:${summary.matterId}`,
    ];
    const seen = new Set<string>();
    const history = keys
      .flatMap((k) => (k === undefined ? [] : (linked.get(k) ?? [])))
      .filter((s) => s.end !== undefined && Date.parse(s.end.at) <= key && !seen.has(s.caseId) && seen.add(s.caseId) !== undefined)
      .sort((a, b) => Date.parse(a.receivedAt ?? a.end!.at) - Date.parse(b.receivedAt ?? b.end!.at));
    out.push({ view: { caseId: summary.caseId, matterId: summary.matterId, flow: flowOf.get(summary.matterId), records: sorted, calendar }, history });
    for (const k of keys) link(k, summary);
  }
  return out;
}
