import type { Reason } from '../event-log';

/** Where a case's clocks stand. */
export type ClockPhase = 'not-started' | 'running' | 'suspended' | 'ended';

/** How a budget stands: within it, close to its end, or past it. */
export type BudgetStatus = 'normal' | 'warning' | 'overdue';

/** A limit in working days, projected from acceptance, the suspension ledger and the calendar. */
export interface Budget {
  /** The limit in force: the base limit plus a counted Art. 42 extension. */
  readonly limitWorkingDays: number;
  /** Working days an approved extension added (0 if none). */
  readonly extensionWorkingDays: number;
  /** Working days counted so far: after acceptance, up to the evaluation day, suspensions removed. */
  readonly usedWorkingDays: number;
  /** `limitWorkingDays - usedWorkingDays`; negative once overdue. */
  readonly remainingWorkingDays: number;
  /**
   * The last day of the limit (`YYYY-MM-DD`): a working day, or the last day of a pause that began
   * on the day the limit ran out (the pause holds it). Absent before acceptance.
   */
  readonly deadline?: string;
  /** `overdue` once the evaluation day is after the deadline; `warning` near it. */
  readonly status: BudgetStatus;
}

/** Why the clock paused: 补正, 特别程序, or a step whose clock stops (Art. 45). */
export type SuspensionKind = 'supplement' | 'special-procedure' | 'stopped-step';

/** One entry of the suspension ledger. */
export interface Suspension {
  readonly kind: SuspensionKind;
  /** The instant it began. */
  readonly from: string;
  /** The instant it ended; absent while it is still open. */
  readonly to?: string;
  /** Whether it began after acceptance (a 补正 after acceptance is 过程补件). */
  readonly afterAcceptance: boolean;
  /** The recorded reason (for special procedures: the Art. 45 category or other kind). */
  readonly reason?: Reason;
  /** For `stopped-step`: the step. */
  readonly stepId?: string;
  /** Whether the statutory and promised clocks stop during it (the law's view). */
  readonly stopsStatutoryClock: boolean;
  /** Whether official statistics remove it (every 补正 and 特别程序 after acceptance). */
  readonly stopsOfficialClock: boolean;
  /** Working days d with from < d ≤ to (or the evaluation day while open). */
  readonly workingDays: number;
  /** The records that open and close it. */
  readonly recordIds: readonly string[];
}

/** An Art. 42 extension as recorded. */
export interface Extension {
  /** Working days it adds when counted. */
  readonly workingDays: number;
  /** Who approved it; an extension without an approver adds nothing. */
  readonly approvedBy?: string;
  /** Whether it adds to the statutory budget: the first extension with an approver recorded (Art. 42 extends once). */
  readonly counted: boolean;
  readonly recordId: string;
}

/** A span of time in working and natural days. */
export interface ElapsedTime {
  /** Start instant. */
  readonly from: string;
  /** End instant (the evaluation instant while the case is open). */
  readonly to: string;
  readonly workingDays: number;
  /** Calendar days d with from < d ≤ to, in the calendar's time zone. */
  readonly naturalDays: number;
  /** Whether the case is still open, so the span still grows. */
  readonly open: boolean;
}

/** Official time as statistics count it. */
export interface OfficialTime extends ElapsedTime {
  /** True when statistics drop the case (withdrawn, not accepted, refused, denied, revoked). */
  readonly dropped: boolean;
}

/** A case's clocks, derived from its records each time they are asked for. */
export interface CaseClock {
  readonly caseId: string;
  readonly matterId: string;
  /** The evaluation instant. */
  readonly at: string;
  readonly phase: ClockPhase;
  /** The acceptance instant (window or department, whichever came first). */
  readonly acceptedAt?: string;
  /** The instant the case ended (decision, withdrawal, refusal…). */
  readonly endedAt?: string;
  /** The activity that ended it. */
  readonly outcome?: string;
  /** 法定时限: the statutory budget, if the matter has one. */
  readonly statutory?: Budget;
  /** 承诺时限: the promised budget, if the matter has one. */
  readonly promised?: Budget;
  /**
   * 事中事后核查: for an approved notify-commit case, the post-verification window — its
   * `verification.withinWorkingDays`, counted from the decision until the verification's result
   * (`verified` or `breach-found`). Absent for other cases.
   */
  readonly verification?: Budget;
  /** Every suspension, in order. */
  readonly ledger: readonly Suspension[];
  readonly extension?: Extension;
  /** From acceptance to the result, with 补正 and 特别程序 removed; absent before acceptance. */
  readonly official?: OfficialTime;
  /**
   * From the first receipt — or the first evidence of work — of the first attempt in the
   * resubmission chain, to the result the applicant gets (certificate, or decision).
   */
  readonly experienced?: ElapsedTime;
  /** The case ids of the chain, first attempt first (just this case when there were none). */
  readonly chain: readonly string[];
  /** True when some answer depends on days outside the calendar's published years. */
  readonly provisional: boolean;
}
