import { z } from 'zod';
import { fromZodIssues, ZOD_PARSE_OPTIONS } from '../_internal/from-zod-issues';
import { CalendarDataError } from './calendar-data-error';
import { createWorkingCalendar } from './create-working-calendar';
import type { DeepReadonly, WorkingCalendar, WorkingCalendarOptions } from './working-calendar';
import { CalendarYearSchema, type CalendarYear } from './working-calendar-data-schema';

/** What {@link extendCalendar} adds to a calendar: years, each with the notice it comes from. */
export const CalendarExtensionSchema = z.strictObject({
  /** Id of the result; the base's id when left out. Give a regional calendar its own. */
  id: z.string().min(1).optional(),
  /** Name of the result; the base's name when left out. */
  name: z.string().min(1).optional(),
  /** Where to find notices for years not yet covered; the base's hint when left out. */
  updateHint: z.string().min(1).optional(),
  /**
   * A year the base covers becomes a further amendment of it (its notice applied after the
   * base's, day by day); a year it does not cover is added (years must stay contiguous).
   */
  years: z.array(CalendarYearSchema).min(1, { error: 'Add at least one year.' }),
});

/** Input of {@link extendCalendar} (see {@link CalendarExtensionSchema}). */
export type CalendarExtension = z.infer<typeof CalendarExtensionSchema>;

/**
 * A new calendar: the base plus more years (a notice published after this package) or more
 * notices for covered years (a city's or province's local days off, a correction). The base is
 * not changed. Invalid input throws {@link CalendarDataError}.
 *
 * @param base - the calendar to extend, e.g. `chinaMainlandCalendar()`
 * @param extension - the years to add or amend, each with its source notice
 * @param options - `provisional` defaults to the base's
 * @example
 * const withLocalDay = extendCalendar(chinaMainlandCalendar(), {
 *   id: 'cn-example-city',
 *   years: [{
 *     year: 2025,
 *     source: { title: '示例市关于2025年地方节日放假的通知', issuer: '示例市人民政府', publishedOn: '2025-03-01' },
 *     holidays: [{ date: '2025-03-31', name: '地方节日' }],
 *     workdays: [],
 *   }],
 * });
 * withLocalDay.isWorkingDay('2025-03-31'); // false
 */
export function extendCalendar(
  base: WorkingCalendar,
  extension: CalendarExtension,
  options: WorkingCalendarOptions = {},
): WorkingCalendar {
  const parsed = CalendarExtensionSchema.safeParse(extension, ZOD_PARSE_OPTIONS);
  if (!parsed.success) throw new CalendarDataError(`Extension of calendar "${base.id}"`, fromZodIssues(parsed.error));
  const { id, name, updateHint, years: added } = parsed.data;

  const years: (CalendarYear | DeepReadonly<CalendarYear>)[] = [...base.data.years];
  for (const year of added) {
    const at = years.findIndex((y) => y.year === year.year);
    const existing = years[at];
    if (existing === undefined) {
      years.push(year);
      continue;
    }
    years[at] = {
      ...existing,
      amendments: [
        ...(existing.amendments ?? []),
        { source: year.source, holidays: year.holidays, workdays: year.workdays },
        ...(year.amendments ?? []),
      ],
    };
  }
  years.sort((a, b) => a.year - b.year);

  const hint = updateHint ?? base.data.updateHint;
  return createWorkingCalendar(
    {
      id: id ?? base.id,
      name: name ?? base.name,
      timeZone: base.timeZone,
      weekend: base.weekend,
      ...(hint === undefined ? {} : { updateHint: hint }),
      years,
    },
    { provisional: options.provisional ?? base.provisional },
  );
}
