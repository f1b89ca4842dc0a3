import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PermitflowError } from '../errors';
import {
  CalendarCoverageError,
  CalendarDataError,
  createWorkingCalendar,
  validateWorkingCalendarData,
  type WorkingCalendarData,
} from './index';

const source = { title: 'Test notice', issuer: 'Test issuer', publishedOn: '2024-11-01' };

/** A small two-year calendar: National Day 2025 as the mainland has it, nothing else. */
function data(overrides: Partial<WorkingCalendarData> = {}): WorkingCalendarData {
  return {
    id: 'test',
    name: 'Test calendar',
    timeZone: 'Asia/Shanghai',
    weekend: [6, 0],
    years: [
      { year: 2025, source, holidays: [{ from: '2025-10-01', to: '2025-10-08', name: '国庆节' }], workdays: [{ date: '2025-09-28', name: '国庆节' }, { date: '2025-10-11', name: '国庆节' }] },
      { year: 2026, source, holidays: [], workdays: [] },
    ],
    ...overrides,
  };
}

function issuesOf(input: unknown): { code: string; path: readonly (string | number)[] }[] {
  const result = validateWorkingCalendarData(input);
  return result.ok ? [] : result.issues.map(({ code, path }) => ({ code, path }));
}

describe('createWorkingCalendar', () => {
  const cal = createWorkingCalendar(data());

  it('builds a calendar from data', () => {
    expect(cal.id).toBe('test');
    expect(cal.coverage).toEqual({ firstYear: 2025, lastYear: 2026 });
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    expect(cal.isWorkingDay('2026-10-01')).toBe(true);
    expect(cal.sources).toEqual([
      { year: 2025, source, amendments: [] },
      { year: 2026, source, amendments: [] },
    ]);
  });

  it('freezes the calendar and its data', () => {
    expect(Object.isFrozen(cal)).toBe(true);
    expect(Object.isFrozen(cal.data.years[0]?.holidays)).toBe(true);
  });

  it('works with detached methods', () => {
    const { addWorkingDays, workingDaysBetween } = cal;
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
  });

  it('describes each kind of day', () => {
    expect(cal.describeDay('2025-10-01')).toEqual({ date: '2025-10-01', working: false, kind: 'holiday', name: '国庆节', source, provisional: false });
    expect(cal.describeDay('2025-10-11')).toEqual({ date: '2025-10-11', working: true, kind: 'make-up-workday', name: '国庆节', source, provisional: false });
    expect(cal.describeDay('2025-10-18')).toEqual({ date: '2025-10-18', working: false, kind: 'weekend', provisional: false });
    expect(cal.describeDay('2025-10-20')).toEqual({ date: '2025-10-20', working: true, kind: 'workday', provisional: false });
  });

  it('uses the weekend the data gives', () => {
    const fridays = createWorkingCalendar(data({ weekend: [5], years: [{ year: 2025, source, holidays: [], workdays: [] }] }));
    expect(fridays.isWorkingDay('2025-10-03')).toBe(false); // Friday
    expect(fridays.isWorkingDay('2025-10-04')).toBe(true); // Saturday
    expect(fridays.workingDaysBetween('2025-10-02', '2025-10-09')).toBe(6);
  });

  describe('counting', () => {
    it('does not count the triggering day', () => {
      expect(cal.workingDaysBetween('2025-10-09', '2025-10-09')).toBe(0);
      expect(cal.workingDaysBetween('2025-10-09', '2025-10-10')).toBe(1);
    });

    it('counts negatively backwards', () => {
      expect(cal.workingDaysBetween('2025-10-10', '2025-10-09')).toBe(-1);
      expect(cal.workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
    });

    it('returns the day itself for n = 0, working day or not', () => {
      expect(cal.addWorkingDays('2025-10-09', 0)).toBe('2025-10-09');
      expect(cal.addWorkingDays('2025-10-04', 0)).toBe('2025-10-04');
      expect(cal.addWorkingDays('2025-10-01T02:00:00+08:00', 0)).toBe('2025-10-01');
    });

    it('steps back to the latest working day whose limit ends by the given day for n < 0', () => {
      expect(cal.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
      // Sunday 2025-10-12: a 1-day limit from Friday 10-10 ends on Saturday 10-11 (a make-up workday).
      expect(cal.addWorkingDays('2025-10-12', -1)).toBe('2025-10-10');
      expect(cal.addWorkingDays('2025-10-05', -1)).toBe('2025-09-29');
    });

    it('finds the next working day strictly after a day', () => {
      expect(cal.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
      expect(cal.nextWorkingDay('2025-10-10')).toBe('2025-10-11');
      expect(cal.nextWorkingDay('2025-10-11')).toBe('2025-10-13');
    });
  });

  describe('dates and instants', () => {
    it('converts instants to the calendar zone', () => {
      expect(cal.toLocalDate('2025-09-30T23:30:00Z')).toBe('2025-10-01');
      expect(cal.toLocalDate('2025-09-30T15:59:00Z')).toBe('2025-09-30');
      expect(cal.toLocalDate('2025-09-30T16:00:00Z')).toBe('2025-10-01');
      expect(cal.toLocalDate('2025-10-01T00:30:00+09:00')).toBe('2025-09-30');
      expect(cal.toLocalDate('2025-09-30T12:00:00-12:00')).toBe('2025-10-01');
      expect(cal.toLocalDate('2025-10-01T07:30:00.123456+08:00')).toBe('2025-10-01');
      expect(cal.toLocalDate('2025-10-01T07:30+08:00')).toBe('2025-10-01');
      expect(cal.toLocalDate('2025-10-01')).toBe('2025-10-01');
    });

    it('converts instants in a zone with daylight saving time', () => {
      const ny = createWorkingCalendar(data({ timeZone: 'America/New_York' }));
      expect(ny.toLocalDate('2025-03-09T04:59:00Z')).toBe('2025-03-08'); // 23:59 EST
      expect(ny.toLocalDate('2025-03-09T05:00:00Z')).toBe('2025-03-09'); // 00:00 EST
      expect(ny.toLocalDate('2025-07-01T03:59:00Z')).toBe('2025-06-30'); // 23:59 EDT
      expect(ny.toLocalDate('2025-07-01T04:00:00Z')).toBe('2025-07-01'); // 00:00 EDT
      expect(ny.toLocalDate('2025-11-02T04:30:00Z')).toBe('2025-11-02'); // 00:30 EDT
      expect(ny.toLocalDate('2025-07-01T00:00:00-04:00')).toBe('2025-07-01');
    });

    it.each([
      ['2025-02-29'],
      ['2025-13-01'],
      ['2025/10/01'],
      ['25-10-01'],
      ['2025-10-1'],
      ['2025-10-01T10:00:00'],
      ['2025-10-01T24:00:00Z'],
      ['2025-10-01T10:00:00+0800'],
      ['2025-10-01T10:00:00.Z'],
      ['2025-10-01 10:00:00Z'],
      ['0000-01-01'],
      [''],
    ])('rejects %j with the expected format', (input) => {
      expect(() => cal.isWorkingDay(input)).toThrow(PermitflowError);
      expect(() => cal.isWorkingDay(input)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
      expect(() => cal.isWorkingDay(input)).toThrow(/Expected a local date "YYYY-MM-DD"/);
    });

    it('reads any ten characters shaped like a date exactly as a full parse would', () => {
      // Dates of the covered years are read by a shortcut that must agree with the full parse,
      // even for strings that only look like dates (month 13, day 00, February 30).
      const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
      const lookalike = fc.tuple(fc.constantFrom('2024', '2025', '2026', '2027'), two(19), two(39)).map(([y, m, d]) => `${y}-${m}-${d}`);
      fc.assert(
        fc.property(lookalike, (date) => {
          const parsed = new Date(`${date}T00:00:00Z`);
          const real = !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
          const covered = date.startsWith('2025') || date.startsWith('2026');
          if (real && covered) expect(cal.toLocalDate(date)).toBe(date);
          else if (real) expect(() => cal.isWorkingDay(date)).toThrow(CalendarCoverageError);
          else expect(() => cal.isWorkingDay(date)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
        }),
      );
    });

    it('rejects a value that is not a string', () => {
      expect(() => cal.isWorkingDay(20251001 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    });

    it('pins the invalid-date message', () => {
      expect(() => cal.workingDaysBetween('2025-10-01', '2025-02-30')).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: workingDaysBetween("2025-10-01", "2025-02-30"): "2025-02-30" is not a date. Expected a local date "YYYY-MM-DD" such as "2025-10-01", or an ISO-8601 instant with an offset such as "2025-09-30T23:30:00Z" or "2025-10-01T07:30:00+08:00".]`);
    });

    it('rejects n that is not a whole number', () => {
      expect(() => cal.addWorkingDays('2025-10-09', 1.5)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
      expect(() => cal.addWorkingDays('2025-10-09', Number.NaN)).toThrow(/safe integer/);
    });
  });

  describe('coverage', () => {
    it('refuses days outside the covered years', () => {
      expect(() => cal.isWorkingDay('2024-12-31')).toThrow(CalendarCoverageError);
      expect(() => cal.describeDay('2027-01-01')).toThrow(CalendarCoverageError);
      expect(() => cal.workingDaysBetween('2026-12-01', '2027-01-05')).toThrow(expect.objectContaining({ date: '2027-01-05', coverage: { firstYear: 2025, lastYear: 2026 } }));
    });

    it('answers a question about an empty range without needing any day', () => {
      expect(cal.workingDaysBetween('2030-01-01', '2030-01-01')).toBe(0);
      expect(cal.addWorkingDays('2030-01-01', 0)).toBe('2030-01-01');
    });

    it('reports provisional days and ranges without throwing', () => {
      expect(cal.isProvisional('2027-01-01')).toBe(true);
      expect(cal.isProvisional('2025-01-01')).toBe(false);
      expect(cal.touchesProvisional('2024-12-31', '2026-12-31')).toBe(false);
      expect(cal.touchesProvisional('2024-12-30', '2025-01-02')).toBe(true);
      expect(cal.touchesProvisional('2026-12-31', '2027-01-01')).toBe(true);
      expect(cal.touchesProvisional('2030-01-01', '2030-01-01')).toBe(false);
      // Backwards, the result day itself counts.
      expect(cal.touchesProvisional('2025-01-02', '2024-12-31')).toBe(true);
      expect(cal.touchesProvisional('2025-01-03', '2025-01-01')).toBe(false);
    });

    it('follows the weekday rule outside the covered years when provisional', () => {
      const p = createWorkingCalendar(data(), { provisional: true });
      expect(p.provisional).toBe(true);
      expect(p.isWorkingDay('2024-10-01')).toBe(true);
      expect(p.isWorkingDay('2027-10-02')).toBe(false); // Saturday
      expect(p.workingDaysBetween('2024-12-27', '2025-01-06')).toBe(6);
      expect(p.addWorkingDays('2025-01-02', -3)).toBe('2024-12-30');
      expect(p.addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
      expect(p.workingDaysBetween('2027-01-04', '2027-01-11')).toBe(5);
      expect(p.addWorkingDays('2030-06-15', 1)).toBe('2030-06-17');
    });

    it('rejects results beyond the year 9999 even when provisional', () => {
      const p = createWorkingCalendar(data(), { provisional: true });
      expect(() => p.addWorkingDays('2025-01-02', 10_000_000)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    });
  });
});

describe('validateWorkingCalendarData', () => {
  it('accepts valid data', () => {
    expect(validateWorkingCalendarData(data())).toMatchObject({ ok: true, data: { id: 'test' } });
  });

  it('rejects years that are not contiguous', () => {
    const years = data().years;
    const gap = { year: 2028, source, holidays: [], workdays: [] };
    expect(issuesOf(data({ years: [...years, gap] }))).toEqual([{ code: 'non-contiguous-years', path: ['years', 2, 'year'] }]);
    expect(issuesOf(data({ years: [...years].reverse() }))).toEqual([{ code: 'non-contiguous-years', path: ['years', 1, 'year'] }]);
  });

  it('rejects an unknown time zone and a repeated or out-of-range weekend day', () => {
    expect(issuesOf(data({ timeZone: 'Asia/Beijing' }))).toEqual([{ code: 'invalid-value', path: ['timeZone'] }]);
    expect(issuesOf(data({ weekend: [6, 0, 0] }))).toEqual([{ code: 'duplicate-weekend-day', path: ['weekend', 2] }]);
    expect(issuesOf(data({ weekend: [7] }))).toEqual([{ code: 'too-big', path: ['weekend', 0] }]);
    expect(issuesOf(data({ weekend: [0, 1, 2, 3, 4, 5, 6] }))).toEqual([{ code: 'too-big', path: ['weekend'] }]);
  });

  it('rejects inverted blocks, dates outside the year, conflicts, duplicates and make-up days on working days', () => {
    const year = (holidays: unknown[], workdays: unknown[]): unknown => ({ ...data(), years: [{ year: 2025, source, holidays, workdays }] });
    expect(issuesOf(year([{ from: '2025-10-08', to: '2025-10-01', name: 'x' }], []))).toEqual([{ code: 'inverted-range', path: ['years', 0, 'holidays', 0] }]);
    expect(issuesOf(year([{ date: '2026-01-01', name: 'x' }], []))).toEqual([{ code: 'date-outside-year', path: ['years', 0, 'holidays', 0, 'date'] }]);
    expect(issuesOf(year([{ date: '2024-11-30', name: 'x' }], []))).toEqual([{ code: 'date-outside-year', path: ['years', 0, 'holidays', 0, 'date'] }]);
    expect(issuesOf(year([{ from: '2024-12-31', to: '2025-01-01', name: '元旦' }], []))).toEqual([]);
    expect(issuesOf(year([{ date: '2025-10-04', name: 'x' }], [{ date: '2025-10-04', name: 'x' }]))).toEqual([{ code: 'conflicting-day', path: ['years', 0, 'workdays', 0] }]);
    expect(issuesOf(year([{ from: '2025-10-01', to: '2025-10-03', name: 'x' }, { date: '2025-10-03', name: 'y' }], []))).toEqual([{ code: 'duplicate-day', path: ['years', 0, 'holidays', 1] }]);
    expect(issuesOf(year([], [{ date: '2025-09-28', name: 'x' }, { date: '2025-09-28', name: 'x' }]))).toEqual([{ code: 'duplicate-day', path: ['years', 0, 'workdays', 1] }]);
    expect(issuesOf(year([], [{ date: '2025-09-29', name: 'x' }]))).toEqual([{ code: 'redundant-workday', path: ['years', 0, 'workdays', 0] }]);
  });

  it('lets an amendment make a day off of an earlier notice a working day again', () => {
    const amended = { ...data(), years: [{ year: 2025, source, holidays: [{ date: '2025-10-08', name: 'x' }], workdays: [], amendments: [{ source, holidays: [], workdays: [{ date: '2025-10-08', name: 'x' }] }] }] };
    expect(issuesOf(amended)).toEqual([]);
    expect(createWorkingCalendar(amended).isWorkingDay('2025-10-08')).toBe(true);
  });

  it('reports schema problems with paths', () => {
    expect(issuesOf({ ...data(), extra: 1 })).toEqual([{ code: 'unknown-field', path: [] }]);
    expect(issuesOf({ ...data(), years: [{ year: 2025, source, holidays: [{ from: '2025-10-01', name: 'x' }], workdays: [] }] })).toEqual([
      { code: 'missing-field', path: ['years', 0, 'holidays', 0, 'to'] },
    ]);
    expect(issuesOf({ ...data(), years: [{ year: 2025, source: { ...source, publishedOn: '2024-02-30' }, holidays: [], workdays: [] }] })).toEqual([
      { code: 'invalid-format', path: ['years', 0, 'source', 'publishedOn'] },
    ]);
    expect(issuesOf({ ...data(), years: [] })).toEqual([{ code: 'too-small', path: ['years'] }]);
    expect(issuesOf(null)).toEqual([{ code: 'invalid-type', path: [] }]);
  });
});

describe('CalendarDataError', () => {
  it('is thrown by createWorkingCalendar with every issue', () => {
    const bad = { ...data(), timeZone: 'Nowhere/City', weekend: [6, 6] };
    let error: unknown;
    try {
      createWorkingCalendar(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarDataError);
    expect(error).toBeInstanceOf(PermitflowError);
    expect(error).toMatchObject({ code: 'invalid-calendar', name: 'CalendarDataError', issues: [{ code: 'invalid-value', path: ['timeZone'] }] });
    expect((error as Error).message).toMatchInlineSnapshot(`
      "Calendar data "test" is not valid:
      - at timeZone: Expected an IANA time zone known to this runtime, e.g. "Asia/Shanghai". [invalid-value]"
    `);
  });
});
