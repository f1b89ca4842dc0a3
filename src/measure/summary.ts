/**
 * The spread of one measure over a group: nearest-rank percentiles, the mean, the extremes. The
 * nearest-rank p-th percentile of n sorted values is the k-th smallest, k = max(1, ⌈p·n/100⌉): always
 * one of the values, never an interpolation.
 */
export interface Distribution {
  /** How many values (0 leaves every other field 0). */
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
}

/** A time measure's spread, in working and natural days. */
export interface TimeDistribution {
  readonly workingDays: Distribution;
  readonly naturalDays: Distribution;
}

/** What a group gathers: all measurements, one bundle type, one stage, one department, or one month. */
export type SummaryGrouping = 'all' | 'definition' | 'stage' | 'department' | 'month';

/**
 * The aggregate of one group. Bundle-level groups (`all`, `definition`, `month`) count whole
 * bundles; `stage` groups count the stages of that type, `department` groups the matters a
 * department handled — so trips and materials, which belong to the whole bundle, are only on
 * bundle-level groups.
 */
export interface GroupSummary {
  readonly by: SummaryGrouping;
  /** The group's key: `all`, the definition id, `<definition id>/<stage id>`, the department, or `YYYY-MM`. */
  readonly key: string;
  /** A readable name (the bundle or stage name; the key otherwise). */
  readonly label: string;
  /** How many bundles (stages, matters) the group holds: `completed + failed + open`. */
  readonly count: number;
  /**
   * Ended with a result. A stage is open until `done` and failed when one of its matters was
   * dropped; a matter is open without an `outcome` and failed when `dropped`.
   */
  readonly completed: number;
  readonly failed: number;
  readonly open: number;
  /**
   * Time measures count only items that have the period (a stage or matter may lack one before any
   * record or before acceptance), so their `count` may be below the group's.
   */
  readonly experienced: TimeDistribution;
  readonly official: TimeDistribution;
  /** Experienced minus official, per bundle (stage, matter) that has both: the headline figure for 体外循环. */
  readonly gap: TimeDistribution;
  /**
   * Off-system working days found by detection, per bundle (stage, matter). A bundle counts the union
   * of its findings; a stage or matter the sum of the findings on its matters' cases, capped at the
   * bundle's union (findings on one matter may overlap).
   */
  readonly offSystemWorkingDays: Distribution;
  /** How many had a limit and a verdict (`met !== undefined`): the denominator of `limitMetRate`. */
  readonly limitChecked: number;
  /** Share of those with a limit and a verdict that kept it (promised limit; a stage's own limit for stages); absent when `limitChecked` is 0. */
  readonly limitMetRate?: number;
  /** Bundle-level groups only: in-person visits per bundle. */
  readonly trips?: Distribution;
  /** Bundle-level groups only: material submissions per bundle. */
  readonly materialSubmissions?: Distribution;
  /** Bundle-level groups only, absent when the group is empty: share of bundles where 最多跑一次 held. */
  readonly atMostOneTripRate?: number;
  /** Bundle-level groups only, absent when the group is empty: share of bundles where no material was handed over twice (一套材料). */
  readonly oneSetOfMaterialsRate?: number;
}

/** The aggregates of a set of measurements, overall and per group, each group list sorted by key. */
export interface MeasurementSummary {
  readonly overall: GroupSummary;
  readonly byDefinition: readonly GroupSummary[];
  readonly byStage: readonly GroupSummary[];
  readonly byDepartment: readonly GroupSummary[];
  readonly byMonth: readonly GroupSummary[];
}
