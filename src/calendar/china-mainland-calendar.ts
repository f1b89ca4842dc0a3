import { createWorkingCalendar } from './create-working-calendar';
import { chinaMainlandCalendarData } from './data/china-mainland-calendar-data';
import type { WorkingCalendar, WorkingCalendarOptions } from './working-calendar';

let strict: WorkingCalendar | undefined;
let provisional: WorkingCalendar | undefined;

/**
 * The mainland China working-day calendar (`cn-mainland`, `Asia/Shanghai`, 2020–2026), built
 * from the State Council General Office's yearly notices 《关于XXXX年部分节假日安排的通知》:
 * weekends off, the notices' days off (放假调休) off, their make-up weekend workdays (补班) on.
 * Built once per options and shared; calendars are immutable.
 *
 * @param options - `{ provisional: true }` answers beyond 2020–2026 by the weekday rule
 * @example
 * const cal = chinaMainlandCalendar();
 * cal.isWorkingDay('2025-09-28');                   // true: a Sunday made a workday (补班)
 * cal.workingDaysBetween('2025-09-30', '2025-10-09'); // 1: the National Day holiday is not counted
 * cal.addWorkingDays('2025-09-30', 20);             // '2025-11-04'
 * cal.toLocalDate('2025-09-30T23:30:00Z');          // '2025-10-01'
 * cal.isWorkingDay('2027-01-04');                   // throws CalendarCoverageError
 */
export function chinaMainlandCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  if (options.provisional === true) return (provisional ??= createWorkingCalendar(chinaMainlandCalendarData, { provisional: true }));
  return (strict ??= createWorkingCalendar(chinaMainlandCalendarData));
}
