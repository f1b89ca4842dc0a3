import type { CaseDetector, CaseSummary } from '../case-detector';
import { NO_FINDINGS } from '../finding';
import { caseFields, ms, msOf, short, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link withdrawResubmitDetector}. */
export interface WithdrawResubmitOptions {
  /** An earlier attempt that ended at most this many working days before this receipt counts; default 15. */
  readonly maxGapWorkingDays: number;
  /** Endings that drop an attempt from the official stage time; default 撤件 (2, 14), 不受理 (4) and 不予受理 (5). */
  readonly abandonedEndings: readonly string[];
}

/**
 * Withdraw and resubmit (撤件重报 / 退件重报): an earlier attempt at the same matter — same project, or
 * same applicant — ended withdrawn, not accepted or refused, and this case was received soon after.
 * Official statistics drop such attempts, so the clock restarts. `hiddenWorkingDays` is the working
 * days from the earliest such attempt's receipt to this receipt: the chain's time the figures erase.
 */
export const withdrawResubmitDetector: CaseDetector<WithdrawResubmitOptions> = {
  code: 'withdraw-resubmit',
  signal: 'An earlier attempt at the same matter (same project or applicant) ended withdrawn, not accepted or refused shortly before this receipt.',
  defaults: {
    maxGapWorkingDays: 15,
    abandonedEndings: ['withdrawn-before-acceptance', 'withdrawn', 'not-accepted', 'refused'],
  },
  detect(view, options, history) {
    const received = indexOf(view).received;
    if (received === undefined || history.length === 0) return NO_FINDINGS;
    const receivedMs = msOf(view, received);
    // Walk back from the latest attempt: each link must end within the gap of the next one's receipt.
    const chain: CaseSummary[] = [];
    let nextReceipt = received.at;
    for (let h = history.length - 1; h >= 0; h--) {
      const earlier = history[h]!;
      if (earlier.matterId !== view.matterId || earlier.caseId === view.caseId || earlier.end === undefined) continue;
      if (!options.abandonedEndings.includes(earlier.end.activity)) continue;
      const endMs = ms(earlier.end.at);
      if (endMs > ms(nextReceipt) || endMs > receivedMs) continue;
      if (workingDaysFrom(view, earlier.end.at, nextReceipt) > options.maxGapWorkingDays) continue;
      chain.unshift(earlier);
      nextReceipt = earlier.receivedAt ?? earlier.end.at;
    }
    if (chain.length === 0) return NO_FINDINGS;
    const first = chain[0]!;
    const last = chain.at(-1)!;
    const from = first.receivedAt ?? first.end!.at;
    const days = workingDaysFrom(view, from, received.at);
    return [
      {
        code: 'withdraw-resubmit',
        ...caseFields(view),
        severity: 'high',
        recordIds: [...chain.flatMap((c) => [c.firstRecordId, c.end!.recordId]), received.id],
        interval: { from, to: received.at },
        hiddenWorkingDays: days,
        message:
          `Withdraw and resubmit (撤件重报): case ${view.caseId} was received on ${short(received.at)}, ` +
          `${workingDaysFrom(view, last.end!.at, received.at)} working days after earlier attempt ${last.caseId} ended ` +
          `"${last.end!.activity}"${chain.length > 1 ? ` (${chain.length} earlier attempts)` : ''}. Count the matter's time from the first ` +
          `receipt on ${short(from)}, ${days} working days earlier, and ask why the first attempt was withdrawn.`,
      },
    ];
  },
};
