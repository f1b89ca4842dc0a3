import { daysFromCivil, parseDatePrefix, twoDigits } from './civil';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime's time-zone database knows `timeZone` (an IANA name such as `Asia/Shanghai`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The UTC offset in minutes of `timeZone` at an instant given in minutes since the epoch. */
export function zoneOffsetAt(timeZone: string, epochMinutes: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(epochMinutes * 60_000)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      default:
        break;
    }
  }
  return daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - epochMinutes;
}

const BUCKET_MINUTES = 15;
const shared = new Map<string, ZoneDays>();
const MAX_CACHED_BUCKETS = 8192;

/**
 * Local dates of instants in one time zone.
 *
 * A zone whose offset is the same at every sample (the 1st and 15th of each month) across the
 * given years is treated as a fixed offset there — `Asia/Shanghai` is +08:00 throughout — and
 * needs no `Intl` call at all. Elsewhere the offset comes from `Intl.DateTimeFormat`, cached per
 * 15-minute bucket (offsets and their transitions are whole multiples of 15 minutes).
 */
export class ZoneDays {
  private fixedOffset: number | null | undefined;
  private fastFrom = 0;
  private fastTo = 0;
  private readonly buckets = new Map<number, number>();

  /** The shared instance for a zone and a span of years (calendars built from the same data share one). */
  static for(timeZone: string, fromYear: number, toYear: number): ZoneDays {
    const key = `${timeZone}|${fromYear}|${toYear}`;
    let zone = shared.get(key);
    if (zone === undefined) {
      zone = new ZoneDays(timeZone, fromYear, toYear);
      shared.set(key, zone);
    }
    return zone;
  }

  constructor(
    readonly timeZone: string,
    private readonly fromYear: number,
    private readonly toYear: number,
  ) {}

  /** The zone's offset in minutes at an instant (minutes since the epoch). */
  offsetAt(epochMinutes: number): number {
    if (this.fixedOffset === undefined) this.detectFixedOffset();
    const fixed = this.fixedOffset;
    if (fixed !== null && fixed !== undefined && epochMinutes >= this.fastFrom && epochMinutes <= this.fastTo) return fixed;
    const bucket = Math.floor(epochMinutes / BUCKET_MINUTES);
    let offset = this.buckets.get(bucket);
    if (offset === undefined) {
      offset = zoneOffsetAt(this.timeZone, bucket * BUCKET_MINUTES);
      if (this.buckets.size >= MAX_CACHED_BUCKETS) this.buckets.clear();
      this.buckets.set(bucket, offset);
    }
    return offset;
  }

  /**
   * The local day number of an ISO-8601 instant with an offset
   * (`YYYY-MM-DDTHH:mm[:ss[.fff…]](Z|±HH:MM)`), or `NaN` when `s` is not one.
   * When the instant's own offset is the zone's, its local date is its first ten characters.
   */
  localDayOfInstant(s: string): number {
    const day = parseDatePrefix(s);
    if (day !== day || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */) return NaN;
    const hour = twoDigits(s, 11);
    const minute = twoDigits(s, 14);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
    let i = 16;
    if (s.charCodeAt(i) === 58 /* : */) {
      const second = twoDigits(s, i + 1);
      if (second < 0 || second > 59) return NaN;
      i += 3;
      if (s.charCodeAt(i) === 46 /* . */) {
        i += 1;
        const from = i;
        for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(i)) i += 1;
        if (i === from) return NaN;
      }
    }
    const sign = s.charCodeAt(i);
    let offset: number;
    if (sign === 90 /* Z */ && i + 1 === s.length) {
      offset = 0;
    } else if ((sign === 43 /* + */ || sign === 45) /* - */ && i + 6 === s.length && s.charCodeAt(i + 3) === 58) {
      const oh = twoDigits(s, i + 1);
      const om = twoDigits(s, i + 4);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
      offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return NaN;
    }
    const epochMinutes = day * 1440 + hour * 60 + minute - offset;
    const zoneOffset = this.offsetAt(epochMinutes);
    if (zoneOffset === offset) return day;
    return Math.floor((epochMinutes + zoneOffset) / 1440);
  }

  private detectFixedOffset(): void {
    const from = daysFromCivil(this.fromYear, 1, 1) * 1440;
    const to = daysFromCivil(this.toYear + 1, 1, 1) * 1440;
    const offset = zoneOffsetAt(this.timeZone, from);
    this.fixedOffset = null;
    if (zoneOffsetAt(this.timeZone, to) !== offset) return;
    for (let year = this.fromYear; year <= this.toYear; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (const dayOfMonth of [1, 15]) {
          if (zoneOffsetAt(this.timeZone, daysFromCivil(year, month, dayOfMonth) * 1440) !== offset) return;
        }
      }
    }
    this.fastFrom = from;
    this.fastTo = to;
    this.fixedOffset = offset;
  }
}
