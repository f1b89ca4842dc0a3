import type { Issue, IssuePath } from '../errors';
import { dayOfWeek, daysFromCivil, parseDatePrefix } from './_internal/civil';
import { fromZodIssues, ZOD_PARSE_OPTIONS } from '../_internal/from-zod-issues';
import { WorkingCalendarDataSchema, type CalendarLayer, type WorkingCalendarData } from './working-calendar-data-schema';

/** The result of {@link validateWorkingCalendarData}: the parsed data, or the issues found. */
export type CalendarDataValidation =
  | { readonly ok: true; readonly data: WorkingCalendarData }
  | { readonly ok: false; readonly issues: readonly Issue[] };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

type DayState = 'off' | 'on';

/**
 * Checks calendar data against {@link WorkingCalendarDataSchema} and the rules a schema cannot
 * say: years contiguous and in order; each notice's dates within its year (or the December
 * before, where a New Year block starts); blocks not inverted; no day listed twice or both off
 * and on in one notice; every make-up workday on a day that was a rest day.
 */
export function validateWorkingCalendarData(input: unknown): CalendarDataValidation {
  const parsed = WorkingCalendarDataSchema.safeParse(input, ZOD_PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error) };
  const data = parsed.data;
  const issues: Issue[] = [];

  const rest = new Set<number>();
  data.weekend.forEach((day, i) => {
    if (rest.has(day)) {
      issues.push({ code: 'duplicate-weekend-day', path: ['weekend', i], message: `${WEEKDAYS[day] ?? day} is listed twice: list each rest day once.` });
    }
    rest.add(day);
  });

  let previous: number | undefined;
  data.years.forEach((entry, i) => {
    if (previous !== undefined && entry.year !== previous + 1) {
      const missing = entry.year - 1 > previous + 1 ? `${previous + 1}–${entry.year - 1}` : `${previous + 1}`;
      issues.push({
        code: 'non-contiguous-years',
        path: ['years', i, 'year'],
        message:
          entry.year <= previous
            ? `Year ${entry.year} comes after ${previous}: list each year once, in increasing order.`
            : `Year ${entry.year} follows ${previous}: years must be contiguous; add the data for ${missing}.`,
      });
    }
    previous = entry.year;
  });

  const state = new Map<number, DayState>();
  data.years.forEach((entry, i) => {
    checkLayer(entry.year, entry, ['years', i], rest, state, issues);
    entry.amendments?.forEach((layer, j) => checkLayer(entry.year, layer, ['years', i, 'amendments', j], rest, state, issues));
  });

  return issues.length === 0 ? { ok: true, data } : { ok: false, issues };
}

function checkLayer(
  year: number,
  layer: CalendarLayer,
  path: IssuePath,
  rest: ReadonlySet<number>,
  state: Map<number, DayState>,
  issues: Issue[],
): void {
  const lo = daysFromCivil(year - 1, 12, 1);
  const hi = daysFromCivil(year, 12, 31);
  const inLayer = new Map<number, 'holiday' | 'workday'>();
  const within = (day: number, date: string, at: IssuePath): boolean => {
    if (day >= lo && day <= hi) return true;
    issues.push({
      code: 'date-outside-year',
      path: at,
      message: `${date} is outside the reach of a ${year} notice (${year - 1}-12-01 to ${year}-12-31): move it to the year it belongs to.`,
    });
    return false;
  };

  layer.holidays.forEach((holiday, k) => {
    const at = [...path, 'holidays', k];
    let from: number;
    let to: number;
    if ('date' in holiday) {
      from = to = parseDatePrefix(holiday.date);
      if (!within(from, holiday.date, [...at, 'date'])) return;
    } else {
      from = parseDatePrefix(holiday.from);
      to = parseDatePrefix(holiday.to);
      const fromOk = within(from, holiday.from, [...at, 'from']);
      if (!within(to, holiday.to, [...at, 'to']) || !fromOk) return;
      if (to < from) {
        issues.push({ code: 'inverted-range', path: at, message: `The block ends on ${holiday.to}, before it starts on ${holiday.from}: swap "from" and "to".` });
        return;
      }
    }
    for (let day = from; day <= to; day += 1) {
      if (inLayer.has(day)) {
        issues.push({ code: 'duplicate-day', path: at, message: `A day of this entry is already a day off in the same notice: list each day once.` });
        break;
      }
      inLayer.set(day, 'holiday');
    }
  });

  layer.workdays.forEach((workday, k) => {
    const at = [...path, 'workdays', k];
    const day = parseDatePrefix(workday.date);
    if (!within(day, workday.date, [...at, 'date'])) return;
    const seen = inLayer.get(day);
    if (seen === 'holiday') {
      issues.push({ code: 'conflicting-day', path: at, message: `${workday.date} is both a day off and a make-up workday in this notice: check the dates against the notice.` });
    } else if (seen === 'workday') {
      issues.push({ code: 'duplicate-day', path: at, message: `${workday.date} is listed twice as a make-up workday: list each day once.` });
    } else if ((state.get(day) ?? (rest.has(dayOfWeek(day)) ? 'off' : 'on')) === 'on') {
      issues.push({
        code: 'redundant-workday',
        path: at,
        message: `${workday.date} is a ${WEEKDAYS[dayOfWeek(day)] ?? ''}, already a working day: a make-up workday (补班) must fall on a rest day. Check the date against the notice.`,
      });
    }
    inLayer.set(day, 'workday');
  });

  for (const [day, kind] of inLayer) state.set(day, kind === 'holiday' ? 'off' : 'on');
}
