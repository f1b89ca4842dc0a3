import type { SuspensionKind } from '../clocks';
import type { DeviationCode } from '../detection/deviation-codes';

/** A length of time in working days (by the calendar's published notices) and natural days. */
export interface Duration {
  readonly workingDays: number;
  readonly naturalDays: number;
}

/** A span of time between two instants (ISO-8601 with offset), with its length. */
export interface Period extends Duration {
  readonly from: string;
  readonly to: string;
}

/** A limit in working days and whether it was kept. */
export interface LimitCheck {
  readonly limitWorkingDays: number;
  /** Working days counted against it (official time, as statistics count it). */
  readonly usedWorkingDays: number;
  /**
   * Whether the used days stayed within the limit: `false` once over it; `true` when the bundle
   * completed (a matter: was decided) within it; `undefined` otherwise (open, withdrawn, failed).
   */
  readonly met: boolean | undefined;
}

/** Working and natural days of suspension, by why the clock paused. */
export type SuspensionTotals = Readonly<Record<SuspensionKind, Duration>>;

/** One suspension of a case: why and when. */
export interface Pause {
  readonly kind: SuspensionKind;
  /** The reason its start record gives (`reason.kind`: an Art. 45 category such as `expert-review`, `incomplete-materials`…), or the step that stopped the clock. */
  readonly reason?: string;
  readonly from: string;
  readonly to: string;
}

/** A stretch of work done off the system, from a detection finding. */
export interface OffSystemPeriod {
  readonly code: DeviationCode;
  readonly caseId?: string;
  readonly matterId?: string;
  /** The interval the finding covers. */
  readonly from: string;
  readonly to: string;
  /** The working days the finding says were hidden from the official figures. */
  readonly hiddenWorkingDays: number;
  /** The records that prove it. */
  readonly recordIds: readonly string[];
}

/** One matter of a measured bundle (or the one matter of a lone case). */
export interface MatterMeasurement {
  readonly matterId: string;
  readonly name: string;
  readonly department: string;
  /** The bundle stage it belongs to, if the bundle has stages. */
  readonly stageId?: string;
  /** The cases of its resubmission chain, first attempt first (the last one is the case that counts). */
  readonly caseIds: readonly string[];
  /** The activity that ended the counted case (`approved`, `filed`, `withdrawn`, …); absent while it is open. */
  readonly outcome?: string;
  /** From the first receipt (or evidence) of the first attempt to the result; absent before any record. */
  readonly experienced?: Period;
  /** From acceptance to the result with 补正 and 特别程序 removed; absent before acceptance. */
  readonly official?: Period;
  /** True when statistics drop the counted case (withdrawn, not accepted, refused, denied, revoked). */
  readonly dropped: boolean;
  readonly suspensions: SuspensionTotals;
  /** Each suspension of the counted case, in order (open ones end at the evaluation instant). */
  readonly pauses: readonly Pause[];
  /** The matter's own promised limit (承诺时限), when it has one. */
  readonly promised?: LimitCheck;
  /** The matter's statutory limit (法定时限), when it has one. */
  readonly statutory?: LimitCheck;
  /** Whether this matter decided the bundle's end date (it lies on the critical path). */
  readonly critical: boolean;
}

/** One stage of a measured bundle. */
export interface StageMeasurement {
  readonly stageId: string;
  readonly name: string;
  readonly leadDepartment: string;
  /** From the first experienced start of its matters to the last result; absent before any record. */
  readonly experienced?: Period;
  /** The union of its matters' official periods, suspensions removed: parallel matters overlap. */
  readonly official: Duration;
  /** The stage limit, when the bundle sets one. */
  readonly limit?: LimitCheck;
  /** Whether every matter of the stage has its result. */
  readonly done: boolean;
}

/** How a measured bundle (or case) ended. */
export type MeasurementOutcome = 'completed' | 'failed' | 'open';

/**
 * The end-to-end measurement of one 一件事 as the applicant lives it and as statistics count it.
 * A lone case is measured as a one-matter bundle, so every figure means the same for both.
 * A read-only value: empty lists and small durations and limit checks are frozen and shared.
 */
export interface Measurement {
  /** `bundle` for a bundle instance, `case` for a lone case (a one-matter bundle). */
  readonly kind: 'bundle' | 'case';
  /** The bundle instance id, or the counted case id of a lone case. */
  readonly id: string;
  /** The bundle definition id, or the matter id of a lone case. */
  readonly definitionId: string;
  readonly name: string;
  /** The lead department: the bundle's (一家牵头), or the matter's own. */
  readonly department: string;
  readonly applicantId?: string;
  readonly projectCode?: string;
  readonly outcome: MeasurementOutcome;
  /**
   * What the applicant lives: from the submission — or the first receipt or evidence of work of the
   * first attempt — to the last result, pauses and off-system time included.
   */
  readonly experienced: Period;
  /** As statistics count it: the union of the matters' official periods, 补正 and 特别程序 removed. */
  readonly official: Duration;
  /** Suspension time by why the clock paused, as a union over the matters. */
  readonly suspensions: SuspensionTotals;
  /** Off-system time from detection findings: the union of their intervals, and each period. */
  readonly offSystem: { readonly workingDays: number; readonly periods: readonly OffSystemPeriod[] };
  readonly stages: readonly StageMeasurement[];
  readonly matters: readonly MatterMeasurement[];
  /** The matters that decided the end date, first to last: each one's start waited on the one before. */
  readonly criticalPath: readonly string[];
  /** Distinct in-person visits: days (`YYYY-MM-DD`) with a window or offline record of the applicant. */
  readonly trips: number;
  readonly tripDays: readonly string[];
  /** Whether 最多跑一次 held: at most `maxTrips` (default 1) in-person visits. */
  readonly atMostOneTrip: boolean;
  /** Application forms filled in: one for a bundle submitted once (一表申请), one per matter otherwise. */
  readonly forms: number;
  /** Material handed over, counted once per submission (application or 补正). */
  readonly materialSubmissions: number;
  /** Materials handed over on more than one application record: each breaks 一套材料. */
  readonly repeatedMaterials: readonly string[];
  /** The bundle's (or matter's) promised limit and whether it was met. */
  readonly promised?: LimitCheck;
  /** `promised.met`, when there is a promised limit and the bundle completed. */
  readonly promisedMet?: boolean;
  /** The statutory limit and whether it was met. */
  readonly statutory?: LimitCheck;
  /** The month (`YYYY-MM`) the experienced time began, for grouping. */
  readonly month: string;
  /** True when some figure depends on days outside the calendar's published years. */
  readonly provisional: boolean;
}
