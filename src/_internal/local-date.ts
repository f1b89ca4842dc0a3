import { civilDays } from './instant';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, read by hand (it runs for every record). */
export function dayNumber(date: string): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48;
  return civilDays(year, (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48, (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48);
}

/** Calendar days d with a < d ≤ b (negative when b is before a). */
export function naturalDaysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date `days` calendar days after `date` (`YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}
