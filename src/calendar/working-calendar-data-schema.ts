import { z } from 'zod';
import { isKnownTimeZone } from './_internal/zone-days';

const LocalDateSchema = z.iso.date({ error: 'Expected a real calendar date written "YYYY-MM-DD".' });

const NameSchema = z.string({ error: 'Expected a name, e.g. "春节".' }).min(1, { error: 'Give the day a name, e.g. "春节".' });

/** The notice a year's data comes from, e.g. 国务院办公厅《关于2025年部分节假日安排的通知》. */
export const CalendarSourceSchema = z.strictObject({
  /** Full title, e.g. `国务院办公厅关于2025年部分节假日安排的通知`. */
  title: z.string().min(1, { error: 'Give the title of the notice.' }),
  /** Issuing body, e.g. `国务院办公厅`. */
  issuer: z.string().min(1, { error: 'Give the issuer of the notice, e.g. "国务院办公厅".' }),
  /** Document number (文号) where one is known, e.g. `国办发明电〔2024〕12号`. */
  number: z.string().min(1).optional(),
  /** Publication date. */
  publishedOn: LocalDateSchema,
  /** Where the notice is published. */
  url: z.url({ error: 'Expected an absolute URL.' }).optional(),
});

/** A day off: one date, or a block `from`–`to` (inclusive) as the notice writes it (放假调休). */
export const CalendarHolidaySchema = z.union([
  z.strictObject({ date: LocalDateSchema, name: NameSchema }),
  z.strictObject({ from: LocalDateSchema, to: LocalDateSchema, name: NameSchema }),
]);

/** A weekend day made a working day (调休上班, 补班); `name` is the holiday it pays for. */
export const CalendarWorkdaySchema = z.strictObject({ date: LocalDateSchema, name: NameSchema });

/** One notice's changes to the weekday rule: its source, its days off, its make-up workdays. */
export const CalendarLayerSchema = z.strictObject({
  source: CalendarSourceSchema,
  holidays: z.array(CalendarHolidaySchema),
  workdays: z.array(CalendarWorkdaySchema),
});

/**
 * One year: the notice that publishes it and, in order, later notices that amend it (such as
 * the 2020 extension of the Spring Festival) or add local days. Later notices win day by day.
 */
export const CalendarYearSchema = z.strictObject({
  year: z.int({ error: 'Expected a year such as 2025.' }).min(1900).max(2999),
  source: CalendarSourceSchema,
  holidays: z.array(CalendarHolidaySchema),
  workdays: z.array(CalendarWorkdaySchema),
  amendments: z.array(CalendarLayerSchema).optional(),
});

/**
 * The data of a working-day calendar: a weekly rest rule plus, for each covered year, the
 * published days off and make-up workdays. Years must be contiguous.
 */
export const WorkingCalendarDataSchema = z.strictObject({
  /** Stable id, e.g. `cn-mainland`. */
  id: z.string().min(1, { error: 'Give the calendar an id, e.g. "cn-mainland".' }),
  /** Human-readable name. */
  name: z.string().min(1, { error: 'Give the calendar a name.' }),
  /** IANA time zone the calendar's dates are in, e.g. `Asia/Shanghai`. */
  timeZone: z.string().refine(isKnownTimeZone, { error: 'Expected an IANA time zone known to this runtime, e.g. "Asia/Shanghai".' }),
  /** Weekly rest days, 0 = Sunday … 6 = Saturday; `[6, 0]` for Saturday and Sunday. */
  weekend: z
    .array(z.int().min(0, { error: 'Use 0 (Sunday) to 6 (Saturday).' }).max(6, { error: 'Use 0 (Sunday) to 6 (Saturday).' }))
    .max(6, { error: 'At least one day of the week must be a working day.' }),
  /** Where to find the notice for a year not yet covered; shown in coverage errors. */
  updateHint: z.string().min(1).optional(),
  /** The covered years, contiguous and in order. */
  years: z.array(CalendarYearSchema).min(1, { error: 'Add at least one year of data.' }),
});

/** Data of a working-day calendar (see {@link WorkingCalendarDataSchema}). */
export type WorkingCalendarData = z.infer<typeof WorkingCalendarDataSchema>;
/** One covered year of calendar data. */
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
/** One notice's changes: source, days off, make-up workdays. */
export type CalendarLayer = z.infer<typeof CalendarLayerSchema>;
/** A day off or a block of days off. */
export type CalendarHoliday = z.infer<typeof CalendarHolidaySchema>;
/** A make-up workday (补班). */
export type CalendarWorkday = z.infer<typeof CalendarWorkdaySchema>;
/** The notice a year's data comes from. */
export type CalendarSource = z.infer<typeof CalendarSourceSchema>;
