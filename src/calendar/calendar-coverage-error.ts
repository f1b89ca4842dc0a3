import { PermitflowError } from '../errors';

/** The years a calendar has published data for, inclusive. */
export interface CalendarCoverage {
  /** First covered year. */
  readonly firstYear: number;
  /** Last covered year. */
  readonly lastYear: number;
}

/** What a {@link CalendarCoverageError} is about. */
export interface CalendarCoverageErrorDetails {
  /** Id of the calendar asked. */
  readonly calendarId: string;
  /** The years it covers. */
  readonly coverage: CalendarCoverage;
  /** The uncovered date the call needed (`YYYY-MM-DD`, in the calendar's time zone). */
  readonly date: string;
  /** The call, as the user wrote it, e.g. `addWorkingDays("2026-12-28", 10)`. */
  readonly call: string;
  /** Where the missing year's notice is published. */
  readonly updateHint?: string | undefined;
}

/**
 * Thrown when a call needs a day outside the years a calendar covers (code `calendar-coverage`).
 * Working days are published year by year; a calendar does not guess them unless it was
 * created with `{ provisional: true }`.
 */
export class CalendarCoverageError extends PermitflowError {
  /** Id of the calendar asked. */
  readonly calendarId: string;
  /** The years it covers. */
  readonly coverage: CalendarCoverage;
  /** The uncovered date the call needed. */
  readonly date: string;

  constructor(details: CalendarCoverageErrorDetails) {
    const { calendarId, coverage, date, call } = details;
    const year = date.slice(0, 4);
    const years =
      coverage.firstYear === coverage.lastYear ? `${coverage.firstYear}` : `${coverage.firstYear}–${coverage.lastYear}`;
    super(
      'calendar-coverage',
      `${call} needs ${date}, but calendar "${calendarId}" only has published working days for ${years}.\n` +
        `Working days come from each year's official notice, not from a weekday rule. ` +
        `Add ${year} with extendCalendar(calendar, { years: [{ year: ${year}, source, holidays, workdays }] }) ` +
        `or build a calendar with createWorkingCalendar(data) (see docs/time.md).` +
        (details.updateHint === undefined ? '' : `\n${details.updateHint}`) +
        `\nTo count by the weekday rule instead and mark the results provisional, create the calendar with { provisional: true }.`,
    );
    this.calendarId = calendarId;
    this.coverage = coverage;
    this.date = date;
  }
}
