const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Calendar days d with a < d ≤ b (negative when b is before a). */
export function naturalDaysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date `days` calendar days after `date` (`YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}
