import { PermitflowError } from '../errors';
import { MAX_DAY, MIN_DAY, dayOfWeek, daysFromCivil, formatDay, parseDatePrefix } from './_internal/civil';
import { deepFreeze } from './_internal/deep-freeze';
import { ZoneDays } from './_internal/zone-days';
import { CalendarCoverageError } from './calendar-coverage-error';
import { CalendarDataError } from './calendar-data-error';
import { validateWorkingCalendarData } from './validate-working-calendar-data';
import type {
  DateOrInstant,
  DayInfo,
  DayKind,
  DeepReadonly,
  WorkingCalendar,
  WorkingCalendarOptions,
} from './working-calendar';
import type { CalendarSource, WorkingCalendarData } from './working-calendar-data-schema';

const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKE_UP = 3;
const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'make-up-workday'];

/**
 * Builds a working-day calendar from data: a weekly rest rule plus, per covered year, the days
 * off and make-up workdays of its notice and of any amendments (later ones win day by day).
 * The data is validated first; invalid data throws {@link CalendarDataError} listing every issue.
 *
 * @param data - calendar data, e.g. parsed from JSON (see {@link WorkingCalendarDataSchema})
 * @param options - `{ provisional: true }` answers outside the covered years by the weekday rule
 * @returns a calendar whose every operation is O(1)
 * @example
 * const cal = createWorkingCalendar({
 *   id: 'example-city', name: 'Example City', timeZone: 'Asia/Shanghai', weekend: [6, 0],
 *   years: [{
 *     year: 2025,
 *     source: { title: 'Example notice', issuer: 'Example City Government', publishedOn: '2024-11-20' },
 *     holidays: [{ from: '2025-10-01', to: '2025-10-08', name: '国庆节、中秋节' }],
 *     workdays: [{ date: '2025-09-28', name: '国庆节、中秋节' }, { date: '2025-10-11', name: '国庆节、中秋节' }],
 *   }],
 * });
 * cal.addWorkingDays('2025-09-30', 1); // '2025-10-09'
 */
export function createWorkingCalendar(
  data: DeepReadonly<WorkingCalendarData>,
  options: WorkingCalendarOptions = {},
): WorkingCalendar {
  const result = validateWorkingCalendarData(data);
  if (!result.ok) {
    const id = typeof (data as { id?: unknown } | null)?.id === 'string' ? ` "${(data as { id: string }).id}"` : '';
    throw new CalendarDataError(`Calendar data${id}`, result.issues);
  }
  return buildCalendar(deepFreeze(result.data), options.provisional === true);
}

interface DayLabel {
  readonly name: string;
  readonly source: CalendarSource;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Marks an absent second argument (hot paths pass arguments, not closures, for error messages). */
const NONE: unique symbol = Symbol('none');

/** The call as the user wrote it, for error messages: `addWorkingDays("2026-12-28", 10)`. */
function callText(method: string, first: unknown, second: unknown): string {
  return `${method}(${quote(first)}${second === NONE ? '' : `, ${quote(second)}`})`;
}

function buildCalendar(data: DeepReadonly<WorkingCalendarData>, provisional: boolean): WorkingCalendar {
  const years = data.years;
  const firstYear = years[0]?.year ?? 0;
  const lastYear = years[years.length - 1]?.year ?? 0;
  const start = daysFromCivil(firstYear, 1, 1);
  const end = daysFromCivil(lastYear, 12, 31);
  const size = end - start + 1;

  // Weekday rule, as tables indexed by day of the week (0 = Sunday).
  const rest = new Uint8Array(7);
  for (const day of data.weekend) rest[day] = 1;
  const perWeek = 7 - rest.reduce((n, r) => n + r, 0);
  const weekPrefix = new Int32Array(7 * 8); // [d*8+k]: working days among k days from weekday d
  const nthAfter = new Int32Array(7 * 7); // [d*7+j]: offset of the j-th working day at or after weekday d
  const nthBefore = new Int32Array(7 * 7); // [d*7+j]: offset back to the j-th working day at or before weekday d
  for (let d = 0; d < 7; d += 1) {
    let after = 0;
    let before = 0;
    for (let k = 0; k < 7; k += 1) {
      const fwd = (d + k) % 7;
      weekPrefix[d * 8 + k + 1] = (weekPrefix[d * 8 + k] ?? 0) + (rest[fwd] === 1 ? 0 : 1);
      if (rest[fwd] === 0) nthAfter[d * 7 + after++] = k;
      if (rest[(d - k + 7) % 7] === 0) nthBefore[d * 7 + before++] = k;
    }
  }
  const ruleWorking = (day: number): boolean => rest[dayOfWeek(day)] === 0;
  /** Working days by the weekday rule in [from, to), from ≤ to. */
  const ruleCount = (from: number, to: number): number => {
    const length = to - from;
    return Math.floor(length / 7) * perWeek + (weekPrefix[dayOfWeek(from) * 8 + (length % 7)] ?? 0);
  };

  // Published data, applied year by year, notice by notice.
  const kinds = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) kinds[i] = ruleWorking(start + i) ? WORKDAY : WEEKEND;
  const labelOf = new Int32Array(size).fill(-1);
  const labels: DayLabel[] = [];
  const mark = (day: number, kind: number, label: number): void => {
    if (day < start || day > end) return; // a notice reaching into an uncovered December
    kinds[day - start] = kind;
    labelOf[day - start] = label;
  };
  for (const year of years) {
    for (const layer of [year, ...(year.amendments ?? [])]) {
      for (const holiday of layer.holidays) {
        const label = labels.push({ name: holiday.name, source: layer.source }) - 1;
        const from = parseDatePrefix('date' in holiday ? holiday.date : holiday.from);
        const to = parseDatePrefix('date' in holiday ? holiday.date : holiday.to);
        for (let day = from; day <= to; day += 1) mark(day, HOLIDAY, label);
      }
      for (const workday of layer.workdays) {
        mark(parseDatePrefix(workday.date), MAKE_UP, labels.push({ name: workday.name, source: layer.source }) - 1);
      }
    }
  }

  // cumulative[i]: working days among the first i covered days; ordinals[k]: index of the k-th.
  const cumulative = new Int32Array(size + 1);
  for (let i = 0; i < size; i += 1) {
    const kind = kinds[i];
    cumulative[i + 1] = (cumulative[i] ?? 0) + (kind === WORKDAY || kind === MAKE_UP ? 1 : 0);
  }
  const total = cumulative[size] ?? 0;
  const ordinals = new Int32Array(total);
  for (let i = 0, k = 0; i < size; i += 1) {
    const kind = kinds[i];
    if (kind === WORKDAY || kind === MAKE_UP) ordinals[k++] = i;
  }
  const dates: string[] = new Array<string>(size);
  for (let i = 0; i < size; i += 1) dates[i] = formatDay(start + i);
  const monthStarts = new Int32Array((lastYear - firstYear + 1) * 12);
  for (let i = 0; i < monthStarts.length; i += 1) monthStarts[i] = daysFromCivil(firstYear + Math.floor(i / 12), (i % 12) + 1, 1);
  /**
   * The day of a `YYYY-MM-DD` date of the covered years, or `NaN`: its digits are read without
   * checks, and the day they give is kept only when the calendar writes that day the same way.
   * Dates the calendar returned itself are read this way, several times faster than a full parse.
   */
  const coveredDay = (date: string): number => {
    const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48;
    const index = (year - firstYear) * 12 + (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 49;
    if (!(index >= 0 && index < monthStarts.length)) return NaN;
    const day = (monthStarts[index] ?? 0) + (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 49;
    return day >= start && day <= end && dates[day - start] === date ? day : NaN;
  };

  /** Working days in [start, day): negative before the covered years, by the weekday rule outside them. */
  const ordinalOf = (day: number): number => {
    if (day >= start && day <= end + 1) return cumulative[day - start] ?? 0;
    if (day > end) return total + ruleCount(end + 1, day);
    return -ruleCount(day, start);
  };
  /** The working day whose {@link ordinalOf} is k. */
  const dayOfOrdinal = (k: number): number => {
    if (k >= 0 && k < total) return start + (ordinals[k] ?? 0);
    if (k >= total) {
      const r = k - total;
      const base = end + 1;
      return base + 7 * Math.floor(r / perWeek) + (nthAfter[dayOfWeek(base) * 7 + (r % perWeek)] ?? 0);
    }
    const m = -k - 1;
    const base = start - 1;
    return base - 7 * Math.floor(m / perWeek) - (nthBefore[dayOfWeek(base) * 7 + (m % perWeek)] ?? 0);
  };

  const zone = ZoneDays.for(data.timeZone, firstYear - 1, lastYear + (provisional ? 10 : 1));
  const coverage = Object.freeze({ firstYear, lastYear });
  const format = (day: number): string => (day >= start && day <= end ? (dates[day - start] ?? '') : formatDay(day));

  const toDay = (input: DateOrInstant, method: string, first: unknown, second: unknown): number => {
    if (typeof input === 'string') {
      if (input.length === 10) {
        const covered = coveredDay(input);
        if (covered === covered) return covered;
        const day = parseDatePrefix(input);
        if (day === day) return day;
      } else if (input.length > 16) {
        const day = zone.localDayOfInstant(input);
        if (day >= MIN_DAY && day <= MAX_DAY) return day;
      }
    }
    throw new PermitflowError(
      'invalid-argument',
      `${callText(method, first, second)}: ${quote(input)} is not a date. Expected a local date "YYYY-MM-DD" such as "2025-10-01", ` +
        `or an ISO-8601 instant with an offset such as "2025-09-30T23:30:00Z" or "2025-10-01T07:30:00+08:00".`,
    );
  };
  const uncovered = (call: string, day: number): CalendarCoverageError =>
    new CalendarCoverageError({ calendarId: data.id, coverage, date: format(day), call, updateHint: data.updateHint });

  const describe = (day: number): DayInfo => {
    const date = format(day);
    if (day < start || day > end) {
      const working = ruleWorking(day);
      return { date, working, kind: working ? 'workday' : 'weekend', provisional: true };
    }
    const kind = kinds[day - start] ?? WORKDAY;
    const label = labels[labelOf[day - start] ?? -1];
    const working = kind === WORKDAY || kind === MAKE_UP;
    const info = { date, working, kind: KINDS[kind] ?? 'workday', provisional: false };
    return label === undefined ? info : { ...info, name: label.name, source: label.source };
  };

  const add = (day: number, n: number, method: string, first: unknown, second: unknown): string => {
    if (n === 0) return format(day);
    const target = dayOfOrdinal(ordinalOf(day + 1) + n - 1);
    if (!provisional) {
      if (n > 0 && (day < start - 1 || day > end)) throw uncovered(callText(method, first, second), day);
      if (n < 0 && (day < start || day > end)) throw uncovered(callText(method, first, second), day);
      if (target > end) throw uncovered(callText(method, first, second), end + 1);
      if (target < start) throw uncovered(callText(method, first, second), start - 1);
    }
    if (target < MIN_DAY || target > MAX_DAY) {
      throw new PermitflowError('invalid-argument', `${callText(method, first, second)} lands outside the years 0001–9999: use a smaller n.`);
    }
    return format(target);
  };

  const calendar: WorkingCalendar = {
    id: data.id,
    name: data.name,
    timeZone: data.timeZone,
    weekend: data.weekend,
    coverage,
    provisional,
    sources: Object.freeze(
      years.map((year) =>
        Object.freeze({ year: year.year, source: year.source, amendments: Object.freeze((year.amendments ?? []).map((a) => a.source)) }),
      ),
    ),
    data,

    toLocalDate(dateOrInstant) {
      return format(toDay(dateOrInstant, 'toLocalDate', dateOrInstant, NONE));
    },

    isWorkingDay(date) {
      const day = toDay(date, 'isWorkingDay', date, NONE);
      if (day >= start && day <= end) {
        const kind = kinds[day - start];
        return kind === WORKDAY || kind === MAKE_UP;
      }
      if (!provisional) throw uncovered(callText('isWorkingDay', date, NONE), day);
      return ruleWorking(day);
    },

    describeDay(date) {
      const day = toDay(date, 'describeDay', date, NONE);
      if (!provisional && (day < start || day > end)) throw uncovered(callText('describeDay', date, NONE), day);
      return describe(day);
    },

    workingDaysBetween(a, b) {
      const da = toDay(a, 'workingDaysBetween', a, b);
      const db = toDay(b, 'workingDaysBetween', a, b);
      const lo = da < db ? da : db;
      const hi = da < db ? db : da;
      let count: number;
      if (lo >= start - 1 && hi <= end) {
        count = (cumulative[hi + 1 - start] ?? 0) - (cumulative[lo + 1 - start] ?? 0);
      } else if (lo === hi) {
        return 0;
      } else if (provisional) {
        count = ordinalOf(hi + 1) - ordinalOf(lo + 1);
      } else {
        throw uncovered(callText('workingDaysBetween', a, b), hi > end ? hi : lo);
      }
      return da <= db ? count : 0 - count; // never -0
    },

    addWorkingDays(a, n) {
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
        throw new PermitflowError(
          'invalid-argument',
          `${callText('addWorkingDays', a, n)}: n must be a whole number of working days (a safe integer).`,
        );
      }
      return add(toDay(a, 'addWorkingDays', a, n), n, 'addWorkingDays', a, n);
    },

    nextWorkingDay(date) {
      return add(toDay(date, 'nextWorkingDay', date, NONE), 1, 'nextWorkingDay', date, NONE);
    },

    isProvisional(date) {
      const day = toDay(date, 'isProvisional', date, NONE);
      return day < start || day > end;
    },

    touchesProvisional(a, b) {
      const da = toDay(a, 'touchesProvisional', a, b);
      const db = toDay(b, 'touchesProvisional', a, b);
      if (da <= db) return da < db && (da < start - 1 || db > end);
      return db < start || da > end;
    },
  };
  return Object.freeze(calendar);
}
