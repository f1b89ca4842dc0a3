import type { EventRecord, EvidenceKind } from '../../event-log';
import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS } from '../finding';
import { caseFields, msOf, short, timesOf, withinDays, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link preAcceptanceWorkDetector}. */
export interface PreAcceptanceWorkOptions {
  /** Evidence more than this many working days before receipt counts; default 2. */
  readonly minWorkingDaysBeforeReceipt: number;
  /** Kinds of evidence that show work on the case; default document, meeting, opinion, signature, visit, call. */
  readonly evidenceKinds: readonly EvidenceKind[];
}

/**
 * Pre-acceptance work (线下预审 / 预受理): outside evidence of work on the case — documents, meetings,
 * opinions, signatures — dated well before the case was received in the system. `hiddenWorkingDays`
 * is the working days from the first such evidence to receipt: review the official figures never count.
 */
export const preAcceptanceWorkDetector: CaseDetector<PreAcceptanceWorkOptions> = {
  code: 'pre-acceptance-work',
  signal: 'Evidence of work on the case (documents, meetings, opinions, signatures) dated before its receipt (收件).',
  defaults: {
    minWorkingDaysBeforeReceipt: 2,
    evidenceKinds: ['document', 'meeting', 'opinion', 'signature', 'visit', 'call'],
  },
  detect(view, options) {
    const index = indexOf(view);
    const received = index.received;
    if (received === undefined || index.evidence.length === 0) return NO_FINDINGS;
    const times = timesOf(view);
    const receivedMs = msOf(view, received);
    const early: EventRecord[] = [];
    for (const i of index.evidence) {
      const r = view.records[i]!;
      if (
        r.evidenceKind !== undefined &&
        options.evidenceKinds.includes(r.evidenceKind) &&
        !withinDays(times[i]!, receivedMs, options.minWorkingDaysBeforeReceipt) &&
        workingDaysFrom(view, r.at, received.at) > options.minWorkingDaysBeforeReceipt
      ) {
        early.push(r);
      }
    }
    if (early.length === 0) return NO_FINDINGS;
    const first = early[0]!;
    const days = workingDaysFrom(view, first.at, received.at);
    const by = first.actor === undefined ? '' : ` by ${first.actor.department} (${first.actor.role})`;
    return [
      {
        code: 'pre-acceptance-work',
        ...caseFields(view),
        severity: 'high',
        recordIds: [...early.map((r) => r.id), received.id],
        interval: { from: first.at, to: received.at },
        hiddenWorkingDays: days,
        message:
          `Offline pre-review (线下预审): ${early.length} evidence record(s) of work on case ${view.caseId}${by} date from ` +
          `${short(first.at)}, ${days} working days before it was received on ${short(received.at)}. ` +
          `Check whether the case was reviewed off the system before filing; the official processing time omits those days.`,
      },
    ];
  },
};
