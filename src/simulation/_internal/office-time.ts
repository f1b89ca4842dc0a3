import type { WorkingCalendar } from '../../calendar';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Beijing time, the offset every simulated record is written in. */
const OFFSET = 8 * HOUR;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;

/**
 * Office hours (09:00–17:00 Beijing time on the calendar's working days) as millisecond arithmetic,
 * with the calendar's answer cached per day so large logs stay fast.
 */
export class OfficeTime {
  private readonly working = new Map<number, boolean>();

  constructor(private readonly calendar: WorkingCalendar) {}

  /** The Beijing day number of an instant. */
  day(ms: number): number {
    return Math.floor((ms + OFFSET) / DAY);
  }

  /** The instant `hours` (may be fractional) after Beijing midnight of a day. */
  at(day: number, hours: number): number {
    return day * DAY - OFFSET + Math.round(hours * 3600) * 1000;
  }

  isWorkingDay(day: number): boolean {
    let working = this.working.get(day);
    if (working === undefined) {
      working = this.calendar.isWorkingDay(new Date(day * DAY).toISOString().slice(0, 10));
      this.working.set(day, working);
    }
    return working;
  }

  /** The working days of a year, as day numbers. */
  workingDaysOf(year: number): number[] {
    const out: number[] = [];
    for (let day = Date.UTC(year, 0, 1) / DAY; day < Date.UTC(year + 1, 0, 1) / DAY; day++) if (this.isWorkingDay(day)) out.push(day);
    return out;
  }

  /** The first moment at or after `ms` inside office hours. */
  open(ms: number): number {
    let day = this.day(ms);
    for (;;) {
      if (this.isWorkingDay(day)) {
        if (ms < this.at(day, OPEN_HOUR)) return this.at(day, OPEN_HOUR);
        if (ms < this.at(day, CLOSE_HOUR)) return ms;
      }
      day += 1;
      ms = this.at(day, 0);
    }
  }

  /** `hours` of office time after `ms` (time outside office hours does not count). */
  addWorkingHours(ms: number, hours: number): number {
    let t = this.open(ms);
    let left = hours * HOUR;
    for (;;) {
      const close = this.at(this.day(t), CLOSE_HOUR);
      if (t + left <= close) return Math.ceil((t + left) / 1000) * 1000;
      left -= close - t;
      t = this.open(close);
    }
  }

  /** A time `hour` o'clock (fractional) on the n-th working day after the day of `ms` (n ≥ 0; 0 is that day, if working). */
  workingDaysLater(ms: number, n: number, hour: number): number {
    let day = this.day(ms);
    let left = n;
    while (left > 0 || !this.isWorkingDay(day)) {
      day += 1;
      if (this.isWorkingDay(day)) left -= 1;
    }
    return this.at(day, hour);
  }

  /** A time `hour` o'clock on the n-th working day before the day of `ms` (n ≥ 1). */
  workingDaysEarlier(ms: number, n: number, hour: number): number {
    let day = this.day(ms);
    let left = n;
    while (left > 0) {
      day -= 1;
      if (this.isWorkingDay(day)) left -= 1;
    }
    return this.at(day, hour);
  }
}

/** Milliseconds of an ISO-8601 duration as the definitions write it (`P3D`, `PT4H`, `P1DT2H30M`); days are 24 h. */
export function durationMs(iso: string): number {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (match === null) throw new Error(`Unsupported duration ${iso}`);
  const [, w = '0', d = '0', h = '0', m = '0', s = '0'] = match;
  return ((Number(w) * 7 + Number(d)) * 24 + Number(h)) * HOUR + Number(m) * MINUTE + Number(s) * 1000;
}
