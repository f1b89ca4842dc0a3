import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, chinaMainlandCalendar, type WorkingCalendar } from './index';

const cal = chinaMainlandCalendar();

function expectDays(calendar: WorkingCalendar, working: boolean, dates: readonly string[]): void {
  for (const date of dates) expect({ date, working: calendar.isWorkingDay(date) }).toEqual({ date, working });
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('chinaMainlandCalendar', () => {
  it('covers 2020–2026 in Asia/Shanghai', () => {
    expect(cal.id).toBe('cn-mainland');
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.coverage).toEqual({ firstYear: 2020, lastYear: 2026 });
    expect(cal.provisional).toBe(false);
    expect(cal.weekend).toEqual([6, 0]);
  });

  it('records the source notice of every year', () => {
    expect(cal.sources.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const { year, source } of cal.sources) {
      expect(source.issuer).toBe('国务院办公厅');
      expect(source.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
      expect(Number(source.publishedOn.slice(0, 4))).toBe(year - 1);
    }
    expect(cal.sources.find((s) => s.year === 2025)?.source.number).toBe('国办发明电〔2024〕12号');
    expect(cal.sources.find((s) => s.year === 2026)?.source).not.toHaveProperty('number');
    expect(cal.sources.find((s) => s.year === 2020)?.amendments.map((a) => a.title)).toEqual([
      '国务院办公厅关于延长2020年春节假期的通知',
    ]);
  });

  it('returns the same shared instance per options', () => {
    expect(chinaMainlandCalendar()).toBe(cal);
    expect(chinaMainlandCalendar({ provisional: true })).toBe(chinaMainlandCalendar({ provisional: true }));
    expect(chinaMainlandCalendar({ provisional: true })).not.toBe(cal);
  });

  describe('2024', () => {
    it('takes the Spring Festival 2024-02-10 to 02-17 off and works Sundays 02-04 and 02-18', () => {
      expectDays(cal, false, range('2024-02-10', '2024-02-17'));
      expectDays(cal, true, ['2024-02-04', '2024-02-18', '2024-02-09', '2024-02-19']);
    });

    it('takes National Day 2024-10-01 to 10-07 off and works Sunday 09-29 and Saturday 10-12', () => {
      expectDays(cal, false, range('2024-10-01', '2024-10-07'));
      expectDays(cal, true, ['2024-09-29', '2024-10-12', '2024-10-08']);
    });

    it('works the other make-up days of 2024', () => {
      expectDays(cal, true, ['2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14']);
      expectDays(cal, false, ['2024-01-01', '2024-04-04', '2024-04-05', '2024-05-01', '2024-05-05', '2024-06-10', '2024-09-16', '2024-09-17']);
    });
  });

  describe('2025', () => {
    it('takes the Spring Festival from 除夕 2025-01-28 to 02-04 off and works Sunday 01-26 and Saturday 02-08', () => {
      expectDays(cal, false, range('2025-01-28', '2025-02-04'));
      expectDays(cal, true, ['2025-01-26', '2025-02-08', '2025-01-27', '2025-02-05']);
    });

    it('takes National Day and Mid-Autumn 2025-10-01 to 10-08 off and works Sunday 09-28 and Saturday 10-11', () => {
      expectDays(cal, false, range('2025-10-01', '2025-10-08'));
      expectDays(cal, true, ['2025-09-28', '2025-10-11', '2025-09-30', '2025-10-09']);
    });

    it('gives the second 劳动节 day of the amended 放假办法: 2025-05-01 to 05-05 off, Sunday 04-27 worked', () => {
      expectDays(cal, false, range('2025-05-01', '2025-05-05'));
      expectDays(cal, true, ['2025-04-27', '2025-05-06']);
    });
  });

  describe('2026', () => {
    it('takes the Spring Festival 2026-02-15 to 02-23 off and works Saturdays 02-14 and 02-28', () => {
      expectDays(cal, false, range('2026-02-15', '2026-02-23'));
      expectDays(cal, true, ['2026-02-14', '2026-02-28', '2026-02-13', '2026-02-24']);
    });

    it('takes National Day 2026-10-01 to 10-07 off and works Sunday 09-20 and Saturday 10-10', () => {
      expectDays(cal, false, range('2026-10-01', '2026-10-07'));
      expectDays(cal, true, ['2026-09-20', '2026-10-10', '2026-10-08']);
    });

    it('works Sunday 2026-01-04 after New Year and Saturday 2026-05-09 after Labour Day', () => {
      expectDays(cal, false, ['2026-01-01', '2026-01-02', '2026-01-03', '2026-05-01', '2026-05-04', '2026-05-05', '2026-09-25']);
      expectDays(cal, true, ['2026-01-04', '2026-05-09']);
    });
  });

  it('applies the 2020 extension of the Spring Festival, cancelling the make-up Saturday 2020-02-01', () => {
    expectDays(cal, false, range('2020-01-24', '2020-02-02'));
    expectDays(cal, true, ['2020-01-19', '2020-02-03']);
    expect(cal.describeDay('2020-02-01')).toMatchObject({ kind: 'holiday', name: '春节（延长）', source: { number: '国办发明电〔2020〕1号' } });
  });

  it('counts a 20-working-day limit from the last working day before National Day 2025 to 2025-11-04', () => {
    // Oct 1–8 off; Oct 9, 10, Sat 11 (make-up), then 13–17, 20–24, 27–31, Nov 3, Nov 4.
    expect(cal.addWorkingDays('2025-09-30', 20)).toBe('2025-11-04');
    expect(cal.workingDaysBetween('2025-09-30', '2025-11-04')).toBe(20);
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(cal.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
  });

  it('counts the make-up Sunday as the first working day after the 2024 Spring Festival', () => {
    expect(cal.addWorkingDays('2024-02-09', 1)).toBe('2024-02-18');
    expect(cal.addWorkingDays('2024-02-09', 2)).toBe('2024-02-19');
    expect(cal.workingDaysBetween('2024-02-09', '2024-02-18')).toBe(1);
  });

  it('counts a case received during the holiday from the first working day after it', () => {
    expect(cal.addWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
    expect(cal.workingDaysBetween('2025-10-03', '2025-10-08')).toBe(0);
  });

  it('counts 249, 250, 249, 249, 251, 248 and 248 working days in 2020–2026', () => {
    const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
    const perYear = years.map((y) => cal.workingDaysBetween(`${y - 1}-12-31`, `${y}-12-31`));
    expect(perYear).toEqual([249, 250, 249, 249, 251, 248, 248]);
    for (const [i, y] of years.entries()) {
      expect(perYear[i]).toBe(range(`${y}-01-01`, `${y}-12-31`).filter((d) => cal.isWorkingDay(d)).length);
    }
  });

  it('reads instants in Asia/Shanghai: 2025-09-30T23:30:00Z is National Day', () => {
    expect(cal.toLocalDate('2025-09-30T23:30:00Z')).toBe('2025-10-01');
    expect(cal.isWorkingDay('2025-09-30T23:30:00Z')).toBe(false);
    expect(cal.isWorkingDay('2025-09-30T15:59:59.999Z')).toBe(true);
    expect(cal.toLocalDate('2025-10-01T07:30:00+08:00')).toBe('2025-10-01');
    expect(cal.workingDaysBetween('2025-09-30T09:00:00+08:00', '2025-10-09T01:00:00Z')).toBe(1);
  });

  it('agrees with the chinese-days package on every day of 2020–2026', () => {
    const disagreements = range('2020-01-01', '2026-12-31').filter((d) => cal.isWorkingDay(d) !== chineseDays.isWorkday(d));
    expect(disagreements).toEqual([]);
  });

  it('throws CalendarCoverageError for 2027 and says how to add the year', () => {
    expect(() => cal.isWorkingDay('2027-01-04')).toThrow(CalendarCoverageError);
    expect(() => cal.isWorkingDay('2027-01-04')).toThrowErrorMatchingInlineSnapshot(`
      [CalendarCoverageError: isWorkingDay("2027-01-04") needs 2027-01-04, but calendar "cn-mainland" only has published working days for 2020–2026.
      Working days come from each year's official notice, not from a weekday rule. Add 2027 with extendCalendar(calendar, { years: [{ year: 2027, source, holidays, workdays }] }) or build a calendar with createWorkingCalendar(data) (see docs/time.md).
      The mainland's notice for a year, 国务院办公厅《关于XXXX年部分节假日安排的通知》, is published on www.gov.cn (https://www.gov.cn/zhengce/), usually between October and December of the year before.
      To count by the weekday rule instead and mark the results provisional, create the calendar with { provisional: true }.]
    `);
  });

  it('throws CalendarCoverageError when a count runs past 2026 or starts before 2020', () => {
    expect(() => cal.addWorkingDays('2026-12-28', 10)).toThrow(expect.objectContaining({ code: 'calendar-coverage', date: '2027-01-01' }));
    expect(() => cal.workingDaysBetween('2019-06-01', '2020-03-01')).toThrow(expect.objectContaining({ date: '2019-06-01' }));
    expect(() => cal.nextWorkingDay('2026-12-31')).toThrow(CalendarCoverageError);
    expect(() => cal.addWorkingDays('2020-01-02', -5)).toThrow(expect.objectContaining({ date: '2019-12-31' }));
  });

  it('counts from the day before coverage, which it never needs to know', () => {
    expect(cal.workingDaysBetween('2019-12-31', '2020-01-03')).toBe(2);
    expect(cal.addWorkingDays('2019-12-31', 1)).toBe('2020-01-02');
  });

  it('answers for 2027 by the weekday rule only when provisional, and says so', () => {
    const p = chinaMainlandCalendar({ provisional: true });
    expect(p.isWorkingDay('2027-01-04')).toBe(true);
    expect(p.isWorkingDay('2027-01-02')).toBe(false);
    expect(p.isProvisional('2027-01-04')).toBe(true);
    expect(p.isProvisional('2026-12-31')).toBe(false);
    const due = p.addWorkingDays('2026-12-28', 10);
    expect(due).toBe('2027-01-11');
    expect(p.touchesProvisional('2026-12-28', due)).toBe(true);
    expect(p.touchesProvisional('2026-01-05', p.addWorkingDays('2026-01-05', 10))).toBe(false);
    expect(p.describeDay('2027-01-04')).toEqual({ date: '2027-01-04', working: true, kind: 'workday', provisional: true });
  });
});
