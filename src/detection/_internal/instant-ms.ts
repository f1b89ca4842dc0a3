// Character codes of the separators.
const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const LETTER_T = 84;
const LETTER_Z = 90;

/** The number at `s[from..to)` if every character there is an ASCII digit, else -1. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Days from 1970-01-01 to a Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Milliseconds since the epoch of an ISO-8601 instant: the same number as `Date.parse(s)`, but
 * several times faster for the form logs write (`2025-03-04T09:23:00+08:00`, optionally with
 * `.sss` milliseconds, or `Z`). Any other form goes to `Date.parse`.
 */
export function instantMs(s: string): number {
  // YYYY-MM-DDTHH:MM:SS, then .sss (optional), then Z or ±HH:MM
  const end = s.length === 20 || s.length === 25 ? 19 : s.length === 24 || s.length === 29 ? 23 : -1;
  if (end < 0 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH || s.charCodeAt(10) !== LETTER_T || s.charCodeAt(13) !== COLON || s.charCodeAt(16) !== COLON) return Date.parse(s);
  if (end === 23 && s.charCodeAt(19) !== DOT) return Date.parse(s);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  const hour = digits(s, 11, 13);
  const minute = digits(s, 14, 16);
  const second = digits(s, 17, 19);
  const milli = end === 23 ? digits(s, 20, 23) : 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Date.parse(s);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return Date.parse(s);
  let offset = 0;
  if (s.length === end + 6) {
    const sign = s.charCodeAt(end) === PLUS ? 1 : s.charCodeAt(end) === DASH ? -1 : 0;
    const offsetHours = digits(s, end + 1, end + 3);
    const offsetMinutes = digits(s, end + 4, end + 6);
    if (sign === 0 || s.charCodeAt(end + 3) !== COLON || offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Date.parse(s);
    offset = sign * (offsetHours * 60 + offsetMinutes);
  } else if (s.charCodeAt(end) !== LETTER_Z) {
    return Date.parse(s);
  }
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60 + second) * 1000 + milli;
}
