import { describe, expect, it } from 'vitest';
import { CalendarDataError, chinaMainlandCalendar, extendCalendar, type CalendarYear } from './index';

const base = chinaMainlandCalendar();

/** A made-up 2027 notice: test data only, not the real one. */
const year2027: CalendarYear = {
  year: 2027,
  source: { title: '测试用 2027 年通知 (test data, not a real notice)', issuer: 'Test issuer', publishedOn: '2026-11-01' },
  holidays: [{ from: '2027-10-01', to: '2027-10-07', name: '国庆节' }],
  workdays: [{ date: '2027-09-26', name: '国庆节' }],
};

const localSource = { title: '示例市关于地方节日放假的通知 (test data)', issuer: '示例市人民政府', publishedOn: '2025-03-01' };

describe('extendCalendar', () => {
  it('adds a year published after the package', () => {
    const cal = extendCalendar(base, { years: [year2027] });
    expect(cal.id).toBe('cn-mainland');
    expect(cal.coverage).toEqual({ firstYear: 2020, lastYear: 2027 });
    expect(cal.isWorkingDay('2027-10-04')).toBe(false);
    expect(cal.isWorkingDay('2027-09-26')).toBe(true);
    expect(cal.addWorkingDays('2026-12-28', 10)).toBe('2027-01-11');
    expect(cal.sources.at(-1)).toEqual({ year: 2027, source: year2027.source, amendments: [] });
  });

  it('adds a local day off to a covered year as a further notice', () => {
    const cal = extendCalendar(base, {
      id: 'cn-example-city',
      name: '示例市',
      years: [{ year: 2025, source: localSource, holidays: [{ date: '2025-03-31', name: '地方节日' }], workdays: [] }],
    });
    expect(cal.id).toBe('cn-example-city');
    expect(cal.isWorkingDay('2025-03-31')).toBe(false);
    expect(cal.describeDay('2025-03-31')).toMatchObject({ kind: 'holiday', name: '地方节日', source: localSource });
    expect(cal.workingDaysBetween('2025-03-28', '2025-04-01')).toBe(1);
    expect(cal.sources.find((s) => s.year === 2025)?.amendments).toEqual([localSource]);
    // Everything else is the mainland's.
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.workingDaysBetween('2025-06-01', '2025-12-31')).toBe(base.workingDaysBetween('2025-06-01', '2025-12-31'));
  });

  it('lets a later notice override a make-up workday of the national one', () => {
    const cal = extendCalendar(base, {
      years: [{ year: 2025, source: localSource, holidays: [{ date: '2025-09-28', name: '地方节日' }], workdays: [] }],
    });
    expect(base.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-09-28')).toBe(false);
  });

  it('leaves the base calendar unchanged', () => {
    extendCalendar(base, { years: [year2027] });
    expect(base.coverage.lastYear).toBe(2026);
    expect(base.isWorkingDay('2025-03-31')).toBe(true);
  });

  it('keeps the base provisional setting unless told otherwise', () => {
    expect(extendCalendar(base, { years: [year2027] }).provisional).toBe(false);
    expect(extendCalendar(chinaMainlandCalendar({ provisional: true }), { years: [year2027] }).provisional).toBe(true);
    expect(extendCalendar(base, { years: [year2027] }, { provisional: true }).isWorkingDay('2028-01-03')).toBe(true);
  });

  it('rejects a year that leaves a gap', () => {
    expect(() => extendCalendar(base, { years: [{ ...year2027, year: 2028, holidays: [], workdays: [] }] })).toThrow(CalendarDataError);
    try {
      extendCalendar(base, { years: [{ ...year2027, year: 2028, holidays: [], workdays: [] }] });
    } catch (e) {
      expect((e as CalendarDataError).issues).toEqual([
        { code: 'non-contiguous-years', path: ['years', 7, 'year'], message: 'Year 2028 follows 2026: years must be contiguous; add the data for 2027.' },
      ]);
    }
  });

  it('rejects an invalid extension with issues', () => {
    expect(() => extendCalendar(base, { years: [] })).toThrow(expect.objectContaining({ code: 'invalid-calendar', issues: [expect.objectContaining({ code: 'too-small', path: ['years'] })] }));
    expect(() => extendCalendar(base, { years: [{ ...year2027, workdays: [{ date: '2027-09-27', name: 'x' }] }] })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'redundant-workday' })] }),
    );
  });
});
