import type { EventRecord } from '../../event-log';
import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS } from '../finding';
import { caseFields, ms, short, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link disguisedFilingDetector}. */
export interface DisguisedFilingOptions {
  /** Most working days allowed from receipt to `filed`; default 1 (on the spot, the same or the next working day). */
  readonly maxFilingWorkingDays: number;
  /** Activities a filing cannot lawfully have: review-like pauses and refusals (不予备案); default 补正, 不受理, 不予受理, 不予许可. */
  readonly reviewActivities: readonly string[];
}

/**
 * Disguised filing (以备案之名行审批之实, DOMAIN §1 row 6): a matter in filing mode (备案, 备而不审) that
 * was treated as an approval — filed long after receipt, sent back for a 补正, or refused, none of
 * which a filing has (证照分离: filing is completed on the spot, with no 不予备案). `hiddenWorkingDays`
 * is the review time: working days from receipt to the filing or the refusal.
 */
export const disguisedFilingDetector: CaseDetector<DisguisedFilingOptions> = {
  code: 'disguised-filing',
  signal: 'A filing-mode matter (备案) with review time (receipt → filed beyond N working days), a 补正, or a refusal.',
  defaults: { maxFilingWorkingDays: 1, reviewActivities: ['supplement-started', 'refused', 'not-accepted', 'denied'] },
  detect(view, options) {
    if (view.flow?.mode !== 'filing') return NO_FINDINGS;
    const index = indexOf(view);
    const received = index.received;
    if (received === undefined) return NO_FINDINGS;
    const review: EventRecord[] = view.records.filter(
      (r) => r.source === 'system' && options.reviewActivities.includes(r.activity) && ms(r.at) >= ms(received.at),
    );
    const end = index.filed ?? review.find((r) => r.activity !== 'supplement-started');
    const days = end === undefined ? undefined : workingDaysFrom(view, received.at, end.at);
    const reasons: string[] = [];
    for (const r of review) reasons.push(`${r.activity === 'supplement-started' ? 'a 补正 (materials sent back)' : `"${r.activity}"`} on ${short(r.at)}`);
    if (end?.activity === 'filed' && days! > options.maxFilingWorkingDays) {
      reasons.push(`filed only on ${short(end.at)}, ${days} working days after receipt (allowed: ${options.maxFilingWorkingDays})`);
    }
    if (reasons.length === 0) return NO_FINDINGS;
    const proof = [received, ...review, ...(end !== undefined && !review.includes(end) ? [end] : [])];
    const last = proof.reduce((a, b) => (ms(b.at) > ms(a.at) ? b : a));
    return [
      {
        code: 'disguised-filing',
        ...caseFields(view),
        severity: 'high',
        recordIds: proof.map((r) => r.id),
        interval: { from: received.at, to: last.at },
        ...(days === undefined ? {} : { hiddenWorkingDays: days }),
        message:
          `Disguised filing (以备案之名行审批之实): case ${view.caseId} of matter ${view.matterId} is a filing (备案), received on ` +
          `${short(received.at)}, yet the log shows ${reasons.join('; ')}. A filing is completed on the spot, with no review, 补正 or ` +
          `refusal; check whether the department reviews it as an approval and, if so, stop or list it as one.`,
      },
    ];
  },
};
