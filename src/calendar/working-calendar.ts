import type { CalendarCoverage } from './calendar-coverage-error';
import type { CalendarSource, WorkingCalendarData } from './working-calendar-data-schema';

/**
 * A calendar date `YYYY-MM-DD` in the calendar's time zone, or an ISO-8601 instant with an
 * offset (`2025-09-30T23:30:00Z`, `2025-10-01T07:30:00+08:00`), which stands for its local date.
 */
export type DateOrInstant = string;

/** How a day is classified: by the weekday rule or by a notice. */
export type DayKind =
  /** A working weekday nothing changed. */
  | 'workday'
  /** A weekly rest day nothing changed. */
  | 'weekend'
  /** A day off set by a notice (放假, including weekdays given off in exchange: 调休). */
  | 'holiday'
  /** A weekly rest day made a working day by a notice (调休上班, 补班). */
  | 'make-up-workday';

/** What a calendar knows about one day. */
export interface DayInfo {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Whether it is a working day. */
  readonly working: boolean;
  /** Why. */
  readonly kind: DayKind;
  /** The holiday it belongs to or pays for, for `holiday` and `make-up-workday`. */
  readonly name?: string;
  /** The notice that set it, for `holiday` and `make-up-workday`. */
  readonly source?: CalendarSource;
  /** True when the day lies outside the published years and follows the weekday rule. */
  readonly provisional: boolean;
}

/** The notices behind one covered year. */
export interface CalendarYearSources {
  /** The year. */
  readonly year: number;
  /** The notice that publishes it. */
  readonly source: CalendarSource;
  /** Later notices that amend it or add local days, in the order applied. */
  readonly amendments: readonly CalendarSource[];
}

/** Options of {@link createWorkingCalendar} and {@link chinaMainlandCalendar}. */
export interface WorkingCalendarOptions {
  /**
   * Answer outside the covered years by the weekday rule instead of throwing
   * {@link CalendarCoverageError}. Callers then mark what they compute from such days
   * provisional (see {@link WorkingCalendar.touchesProvisional}). Default `false`.
   */
  readonly provisional?: boolean;
}

/** Deeply read-only view of a value. */
export type DeepReadonly<T> = T extends (infer TItem)[]
  ? readonly DeepReadonly<TItem>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Working-day arithmetic on published data, following 行政许可法 Art. 82: limits are counted in
 * working days; the day of the triggering event is not counted.
 *
 * Every argument is a {@link DateOrInstant}; every returned date is `YYYY-MM-DD` in the
 * calendar's time zone. Every call is O(1). A call that needs a day outside the covered years
 * throws {@link CalendarCoverageError}, unless the calendar is provisional. Invalid strings throw
 * a `PermitflowError` with code `invalid-argument`. Methods may be called detached.
 */
export interface WorkingCalendar {
  /** Stable id, e.g. `cn-mainland`. */
  readonly id: string;
  /** Human-readable name. */
  readonly name: string;
  /** IANA time zone of the calendar's dates. */
  readonly timeZone: string;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. */
  readonly weekend: readonly number[];
  /** The years with published data. */
  readonly coverage: CalendarCoverage;
  /** Whether it answers outside {@link coverage} by the weekday rule. */
  readonly provisional: boolean;
  /** The notices behind each covered year. */
  readonly sources: readonly CalendarYearSources[];
  /** The validated data it was built from (frozen); the input of {@link extendCalendar}. */
  readonly data: DeepReadonly<WorkingCalendarData>;

  /** The local date of a date or instant in the calendar's time zone. */
  toLocalDate(dateOrInstant: DateOrInstant): string;
  /** Whether a day is a working day (make-up workdays are; holidays and weekends are not). */
  isWorkingDay(date: DateOrInstant): boolean;
  /** What the calendar knows about a day: working or not, and why. */
  describeDay(date: DateOrInstant): DayInfo;
  /**
   * The number of working days d with a < d ≤ b (the day of a is not counted);
   * `-workingDaysBetween(b, a)` when b is before a.
   */
  workingDaysBetween(a: DateOrInstant, b: DateOrInstant): number;
  /**
   * The working day d with `workingDaysBetween(a, d) === n`: for n > 0 the end of a limit of n
   * working days triggered on a; for n < 0 the latest working day from which a limit of |n|
   * working days ends by a. `n === 0` returns a's local date itself, working day or not.
   */
  addWorkingDays(a: DateOrInstant, n: number): string;
  /** The first working day strictly after a date (`addWorkingDays(date, 1)`). */
  nextWorkingDay(date: DateOrInstant): string;
  /** Whether a day lies outside the published years (an answer about it is provisional). */
  isProvisional(date: DateOrInstant): boolean;
  /**
   * Whether an answer spanning a → b depends on a day outside the published years: any day in
   * (a, b] when a ≤ b — `workingDaysBetween(a, b)`, or `addWorkingDays(a, n ≥ 0) === b` — and any
   * day in [b, a] when b < a — `addWorkingDays(a, n < 0) === b`, whose result must itself be a
   * working day. Mark such results `provisional: true`.
   */
  touchesProvisional(a: DateOrInstant, b: DateOrInstant): boolean;
}
