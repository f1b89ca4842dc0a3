/**
 * Rates of the lawful behaviours that conformant cases include because a deviation can be mistaken
 * for them, each a probability per case (where the case's flow allows it):
 *
 * - `supplementBeforeAcceptance` — one 补正 round before acceptance, demanding listed materials
 *   (一次性告知, 行政许可法 Art. 32); looks like `suspension-abuse` and `unlisted-material`.
 * - `longExpertReview` — a clock-stopping expert review (Art. 45) of 20–45 working days; looks like
 *   `extraneous-delay` and `suspension-abuse`.
 * - `fastStep` — one step done in 1–1.2× its minimum duration, never below it; looks like
 *   `implausible-speed`.
 * - `extension` — an approved Art. 42 extension, with the director as approver and an Art. 42 reason;
 *   looks like an unapproved extension (`suspension-abuse`).
 * - `art45SpecialProcedure` — a 特别程序 with an Art. 45 reason (expert review, testing, hearing),
 *   started mid-process, not at acceptance; looks like `suspension-abuse`.
 * - `withdrawNeverReturn` — the applicant withdraws before acceptance (sometimes during 补正), or is
 *   not accepted, and never files again; looks like `withdraw-resubmit`.
 * - `evidenceAfterReceipt` — outside evidence (`document`, `signature`, `payment`) dated after
 *   receipt: the signed service receipt, fees, delivered notices; looks like `pre-acceptance-work`.
 * - `promptEntry` — system records with a `recordedAt` seconds to minutes after `at`; looks like
 *   `backfilled-record`.
 * - `projectHistory` — a matter that depends on others (施工许可 on 施工图审查, 消防 and 人防 design
 *   reviews, …) comes with its project's earlier matters in the log: every predecessor, approved
 *   10–40 working days or more before, and one other early matter of the project; looks like
 *   `missing-predecessor`. Otherwise the project is first seen at that matter (it predates the log).
 * - `parallelPair` — a matter that runs in parallel with others of its stage (并联审批) is filed with one
 *   of them under one bundle instance (`bundleId`), both received at once (一表申请), so they overlap;
 *   looks like `serial-as-parallel`.
 * - `filingNextDay` — a filing (备案) filed on the next working day rather than on the spot; looks like
 *   `disguised-filing`.
 */
export interface LawfulRates {
  readonly supplementBeforeAcceptance?: number;
  readonly longExpertReview?: number;
  readonly fastStep?: number;
  readonly extension?: number;
  readonly art45SpecialProcedure?: number;
  readonly withdrawNeverReturn?: number;
  readonly evidenceAfterReceipt?: number;
  readonly promptEntry?: number;
  readonly filingNextDay?: number;
  readonly projectHistory?: number;
  readonly parallelPair?: number;
}

/** The default rates of {@link LawfulRates}: realistic orders of magnitude, not measured figures [R]. */
export const DEFAULT_LAWFUL_RATES: Readonly<Required<LawfulRates>> = {
  supplementBeforeAcceptance: 0.25,
  longExpertReview: 0.2,
  fastStep: 0.15,
  extension: 0.06,
  art45SpecialProcedure: 0.05,
  withdrawNeverReturn: 0.04,
  evidenceAfterReceipt: 0.35,
  promptEntry: 0.3,
  filingNextDay: 0.2,
  projectHistory: 0.5,
  parallelPair: 0.3,
};
