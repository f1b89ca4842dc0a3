import { describe, expectTypeOf, it } from 'vitest';
import { chinaMainlandCalendar, createWorkingCalendar, type DayKind, type WorkingCalendar, type WorkingCalendarData } from './index';

describe('calendar types', () => {
  const cal = chinaMainlandCalendar();

  it('returns dates as strings and counts as numbers', () => {
    expectTypeOf(cal).toEqualTypeOf<WorkingCalendar>();
    expectTypeOf(cal.addWorkingDays('2025-09-30', 20)).toEqualTypeOf<string>();
    expectTypeOf(cal.workingDaysBetween('2025-09-30', '2025-10-09')).toEqualTypeOf<number>();
    expectTypeOf(cal.describeDay('2025-10-01').kind).toEqualTypeOf<DayKind>();
  });

  it('exposes read-only data', () => {
    // @ts-expect-error - calendar data is frozen and typed read-only
    cal.data.years[0]!.holidays.push({ date: '2025-01-02', name: 'x' });
    // @ts-expect-error - coverage is read-only
    cal.coverage.lastYear = 2030;
  });

  it('accepts the schema type and the read-only data of another calendar', () => {
    expectTypeOf<WorkingCalendarData>().toExtend<Parameters<typeof createWorkingCalendar>[0]>();
    createWorkingCalendar(cal.data);
    // @ts-expect-error - a year is a number
    createWorkingCalendar({ ...cal.data, years: [{ ...cal.data.years[0]!, year: '2025' }] });
  });
});
