/**
 * Working-day calendars and arithmetic (see docs/time.md).
 *
 * Working days come from published data — for the mainland, the State Council General Office's
 * yearly holiday notices with their make-up workdays (调休) — never from a weekday rule alone.
 */

/** The mainland China calendar, 2020–2026. */
export { chinaMainlandCalendar } from './china-mainland-calendar';
/** Builds a calendar from validated data (custom or regional calendars). */
export { createWorkingCalendar } from './create-working-calendar';
/** A new calendar: a base plus more years or more notices (local days off, corrections). */
export { extendCalendar, CalendarExtensionSchema, type CalendarExtension } from './extend-calendar';
/** Checks calendar data, returning `{ ok, data }` or `{ ok: false, issues }` instead of throwing. */
export { validateWorkingCalendarData, type CalendarDataValidation } from './validate-working-calendar-data';
/** The curated mainland data the mainland calendar is built from, with its sources. */
export { chinaMainlandCalendarData } from './data/china-mainland-calendar-data';
/** Thrown when a call needs a day outside the covered years (code `calendar-coverage`). */
export {
  CalendarCoverageError,
  type CalendarCoverage,
  type CalendarCoverageErrorDetails,
} from './calendar-coverage-error';
/** Thrown when calendar data is invalid (code `invalid-calendar`), with its issues. */
export { CalendarDataError } from './calendar-data-error';
/** The zod schemas of calendar data and their types. */
export {
  WorkingCalendarDataSchema,
  CalendarYearSchema,
  CalendarLayerSchema,
  CalendarHolidaySchema,
  CalendarWorkdaySchema,
  CalendarSourceSchema,
  type WorkingCalendarData,
  type CalendarYear,
  type CalendarLayer,
  type CalendarHoliday,
  type CalendarWorkday,
  type CalendarSource,
} from './working-calendar-data-schema';
/** The calendar interface and the types of its answers. */
export type {
  WorkingCalendar,
  WorkingCalendarOptions,
  DateOrInstant,
  DayInfo,
  DayKind,
  CalendarYearSources,
  DeepReadonly,
} from './working-calendar';
