/** A fast reader of the fixed-width instants the runtime and importers write. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two decimal digits at `i`, or -1 when they are not both digits. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Where {@link readInstant} leaves its result. */
const RESULT = new Float64Array(1);

/**
 * Epoch milliseconds of an ISO-8601 instant, as `Date.parse` reads it. The shapes the runtime and
 * importers write — `YYYY-MM-DDTHH:mm:ss[.sss](Z|±HH:MM)` — are read by hand (several times faster,
 * and this runs for every record); anything else goes to `Date.parse`.
 *
 * The reading is done by {@link readInstant}, too large for V8 to inline: a number it returned would
 * be boxed on the heap (an epoch millisecond count is no small integer), once per call. It leaves the
 * number in a typed array instead, and this function, small enough to be inlined, reads it from there.
 */
export function instantMs(s: string): number {
  readInstant(s);
  return RESULT[0]!;
}

/**
 * Whether `s` is a valid instant of the fixed-width form `YYYY-MM-DDTHH:mm:ss[.sss](Z|±HH:MM)`: a real
 * date, hours 00–23, minutes and seconds 00–59, offset hours 00–23. Every such string is an ISO-8601
 * instant as `InstantSchema` accepts it; other valid forms (another fraction length) answer false.
 */
export function isFixedWidthInstant(s: string): boolean {
  return readInstant(s);
}

/** Reads instant `s` as {@link instantMs} describes into `RESULT[0]`; returns whether it was read by hand (the fixed-width form, valid). */
function readInstant(s: string): boolean {
  const n = s.length;
  const fraction = s.charCodeAt(19) === 46 /* . */;
  const zone = fraction ? 23 : 19;
  if ((n !== zone + 1 && n !== zone + 6) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return byDateParse(s);
  }
  const century = two(s, 0);
  const yy = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  let ms = 0;
  if (fraction) {
    const hundreds = s.charCodeAt(20) - 48;
    const rest = two(s, 21);
    if (hundreds < 0 || hundreds > 9 || rest < 0) return byDateParse(s);
    ms = hundreds * 100 + rest;
  }
  let offset = 0;
  const sign = s.charCodeAt(zone);
  if (n === zone + 1) {
    if (sign !== 90 /* Z */) return byDateParse(s);
  } else {
    const oh = two(s, zone + 1);
    const om = two(s, zone + 4);
    if ((sign !== 43 && sign !== 45) || s.charCodeAt(zone + 3) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59) return byDateParse(s);
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  const year = century * 100 + yy;
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return byDateParse(s);
  if (day > MONTH_DAYS[month - 1]! || (month === 2 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0)))) return byDateParse(s);
  RESULT[0] = civilDays(year, month, day) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
  return true;
}

/** Leaves `Date.parse(s)` in `RESULT[0]`; returns false (the instant was not read by hand). */
function byDateParse(s: string): false {
  RESULT[0] = Date.parse(s);
  return false;
}

/** Where the offset of an instant written `YYYY-MM-DDTHH:mm:ss[.sss](Z|±HH:MM)` starts, or -1 for any other form. */
export function offsetIndex(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return -1;
  const zone = s.charCodeAt(19) === 46 /* . */ ? 23 : 19;
  const sign = s.charCodeAt(zone);
  if (s.length === zone + 1) return sign === 90 /* Z */ ? zone : -1;
  return s.length === zone + 6 && (sign === 43 || sign === 45) && s.charCodeAt(zone + 3) === 58 ? zone : -1;
}

/** Whether `s` is written like `ref` (whose offset starts at `zone`): the same fixed-width fields and the same offset. */
export function writtenLike(s: string, ref: string, zone: number): boolean {
  const n = ref.length;
  if (s.length !== n || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  if (s.charCodeAt(19) !== ref.charCodeAt(19)) return false;
  for (let k = zone; k < n; k++) if (s.charCodeAt(k) !== ref.charCodeAt(k)) return false;
  return true;
}
