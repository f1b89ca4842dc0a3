import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, chinaMainlandCalendar, chinaMainlandCalendarData, type DeepReadonly, type WorkingCalendarData } from './index';

const DAY_MS = 86_400_000;
const strict = chinaMainlandCalendar();
const provisional = chinaMainlandCalendar({ provisional: true });

/**
 * A naive, day-by-day reference built with `Date` straight from the data: a table of working
 * days over 2010–2039 filled entry by entry, then counted and walked one day at a time.
 */
function naiveCalendar(data: DeepReadonly<WorkingCalendarData>) {
  const first = data.years[0]?.year ?? 0;
  const last = data.years.at(-1)?.year ?? 0;
  const origin = Date.UTC(2010, 0, 1) / DAY_MS;
  const toIndex = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS - origin;
  const toDate = (i: number): string => new Date((i + origin) * DAY_MS).toISOString().slice(0, 10);
  const covered = (d: string): boolean => Number(d.slice(0, 4)) >= first && Number(d.slice(0, 4)) <= last;
  const working: boolean[] = [];
  for (let i = 0; toDate(i) < '2040-01-01'; i += 1) working.push(!data.weekend.includes(new Date((i + origin) * DAY_MS).getUTCDay()));
  const set = (d: string, value: boolean): void => {
    if (covered(d)) working[toIndex(d)] = value;
  };
  for (const year of data.years) {
    for (const layer of [year, ...(year.amendments ?? [])]) {
      for (const h of layer.holidays) {
        if ('date' in h) set(h.date, false);
        else for (let i = toIndex(h.from); i <= toIndex(h.to); i += 1) set(toDate(i), false);
      }
      for (const w of layer.workdays) set(w.date, true);
    }
  }
  const isWorking = (d: string): boolean => working[toIndex(d)] === true;
  return {
    covered,
    isWorking,
    between(a: string, b: string): number {
      let n = 0;
      for (let i = toIndex(a) + 1; i <= toIndex(b); i += 1) n += working[i] === true ? 1 : 0;
      for (let i = toIndex(b) + 1; i <= toIndex(a); i += 1) n -= working[i] === true ? 1 : 0;
      return n;
    },
    add(a: string, n: number): string {
      let i = toIndex(a);
      if (n > 0) {
        for (let left = n; left > 0; ) if (working[++i] === true) left -= 1;
      } else if (n < 0) {
        // The working day before a with exactly |n| working days in (it, a].
        for (let left = -n; ; ) {
          if (working[i] === true) left -= 1;
          i -= 1;
          if (left === 0 && working[i] === true) break;
        }
      }
      return toDate(i);
    },
    shift: (d: string, days: number): string => toDate(toIndex(d) + days),
  };
}

const naive = naiveCalendar(chinaMainlandCalendarData);

const dayArb = (fromYear: number, toYear: number): fc.Arbitrary<string> =>
  fc
    .integer({ min: Date.UTC(fromYear, 0, 1) / DAY_MS, max: Date.UTC(toYear, 11, 31) / DAY_MS })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

const covered = dayArb(2020, 2026);
const wide = dayArb(2015, 2032);
const steps = fc.integer({ min: -400, max: 400 });

describe('working-day arithmetic (properties)', () => {
  it('agrees with the naive reference on whether a day is a working day', () => {
    fc.assert(fc.property(covered, (d) => strict.isWorkingDay(d) === naive.isWorking(d)));
  });

  it('agrees with the naive reference on workingDaysBetween', () => {
    fc.assert(fc.property(covered, covered, (a, b) => strict.workingDaysBetween(a, b) === naive.between(a, b)));
  });

  it('agrees with the naive reference on addWorkingDays, or refuses to leave the covered years', () => {
    fc.assert(
      fc.property(covered, steps, (a, n) => {
        const expected = naive.add(a, n);
        if (naive.covered(expected)) expect(strict.addWorkingDays(a, n)).toBe(expected);
        else expect(() => strict.addWorkingDays(a, n)).toThrow(CalendarCoverageError);
      }),
    );
  });

  it('agrees with the naive reference on nextWorkingDay', () => {
    fc.assert(fc.property(dayArb(2020, 2026), (d) => d === '2026-12-31' || strict.nextWorkingDay(d) === naive.add(d, 1)));
  });

  it('agrees with the reference plus the weekday rule when provisional, across and beyond the covered years', () => {
    fc.assert(
      fc.property(wide, wide, steps, (a, b, n) => {
        expect(provisional.isWorkingDay(a)).toBe(naive.isWorking(a));
        expect(provisional.workingDaysBetween(a, b)).toBe(naive.between(a, b));
        expect(provisional.addWorkingDays(a, n)).toBe(naive.add(a, n));
        expect(provisional.isProvisional(a)).toBe(!naive.covered(a));
      }),
    );
  });

  it('marks a provisional range exactly when it touches an uncovered day', () => {
    fc.assert(
      fc.property(wide, steps, (a, n) => {
        const b = provisional.addWorkingDays(a, n);
        const days: string[] = [];
        if (a < b) for (let d = naive.shift(a, 1); d <= b; d = naive.shift(d, 1)) days.push(d);
        else if (b < a) for (let d = b; d <= a; d = naive.shift(d, 1)) days.push(d);
        expect(provisional.touchesProvisional(a, b)).toBe(days.some((d) => !naive.covered(d)));
      }),
    );
  });

  it('inverts: workingDaysBetween(a, addWorkingDays(a, n)) is n', () => {
    fc.assert(fc.property(wide, steps, (a, n) => provisional.workingDaysBetween(a, provisional.addWorkingDays(a, n)) === n));
  });

  it('inverts: addWorkingDays(a, workingDaysBetween(a, b)) is b for a working day b', () => {
    fc.assert(
      fc.property(wide, wide, (a, b) => {
        fc.pre(provisional.isWorkingDay(b) && a !== b);
        const n = provisional.workingDaysBetween(a, b);
        fc.pre(n !== 0);
        return provisional.addWorkingDays(a, n) === b;
      }),
    );
  });

  it('returns a working day for every n ≠ 0', () => {
    fc.assert(fc.property(wide, steps, (a, n) => n === 0 || provisional.isWorkingDay(provisional.addWorkingDays(a, n))));
  });

  it('is antisymmetric and additive', () => {
    fc.assert(
      fc.property(wide, wide, wide, (a, b, c) => {
        const ab = provisional.workingDaysBetween(a, b);
        expect(ab).toBe(0 - provisional.workingDaysBetween(b, a));
        expect(ab + provisional.workingDaysBetween(b, c)).toBe(provisional.workingDaysBetween(a, c));
      }),
    );
  });

  it('is monotonic in every argument', () => {
    fc.assert(
      fc.property(wide, wide, wide, steps, steps, (a, b1, b2, n1, n2) => {
        const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
        expect(provisional.workingDaysBetween(a, lo)).toBeLessThanOrEqual(provisional.workingDaysBetween(a, hi));
        expect(provisional.workingDaysBetween(lo, a)).toBeGreaterThanOrEqual(provisional.workingDaysBetween(hi, a));
        expect(provisional.addWorkingDays(lo, n1) <= provisional.addWorkingDays(hi, n1)).toBe(true);
        if (n1 < n2) expect(provisional.addWorkingDays(a, n1) < provisional.addWorkingDays(a, n2)).toBe(true);
      }),
    );
  });

  it('reads an instant as its date in Asia/Shanghai', () => {
    const instants = fc.date({ min: new Date(Date.UTC(2019, 0, 1)), max: new Date(Date.UTC(2033, 0, 1)), noInvalidDate: true });
    const offsets = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15);
    fc.assert(
      fc.property(instants, offsets, (date, offset) => {
        const t = Math.floor(date.getTime() / 60_000) * 60_000;
        const local = new Date(t + offset * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const iso = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const expected = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(provisional.toLocalDate(iso)).toBe(expected);
        expect(provisional.toLocalDate(new Date(t).toISOString())).toBe(expected);
      }),
    );
  });
});
