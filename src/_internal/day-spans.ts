import type { WorkingCalendar } from '../calendar';
import { naturalDaysBetween } from './local-date';

/** A span of local days (s, e]: the days after `s` up to and including `e`, as the law counts. */
export type DaySpan = [from: string, to: string];

/** Merges day spans clipped to (lo, hi], in order. */
export function mergeSpans(spans: ReadonlyArray<readonly [string, string]>, lo: string, hi: string): DaySpan[] {
  const clipped: DaySpan[] = [];
  for (const [s, e] of spans) {
    const from = s < lo ? lo : s;
    const to = e > hi ? hi : e;
    if (from < to) clipped.push([from, to]);
  }
  if (clipped.length < 2) return clipped;
  clipped.sort(byStart);
  const merged: DaySpan[] = [];
  for (const span of clipped) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) {
      if (span[1] > last[1]) last[1] = span[1];
    } else merged.push(span);
  }
  return merged;
}

function byStart(a: DaySpan, b: DaySpan): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** The parts of merged spans `from` not covered by merged spans `minus`. */
export function subtractSpans(from: readonly DaySpan[], minus: readonly DaySpan[]): DaySpan[] {
  const out: DaySpan[] = [];
  for (const [s, e] of from) {
    let cursor = s;
    for (const [ms, me] of minus) {
      if (me <= cursor || ms >= e) continue;
      if (ms > cursor) out.push([cursor, ms]);
      cursor = me > cursor ? me : cursor;
      if (cursor >= e) break;
    }
    if (cursor < e) out.push([cursor, e]);
  }
  return out;
}

/** Working days in the union of merged spans. */
export function spanWorkingDays(calendar: WorkingCalendar, spans: readonly DaySpan[]): number {
  let total = 0;
  for (const [s, e] of spans) total += calendar.workingDaysBetween(s, e);
  return total;
}

/** Natural (calendar) days in the union of merged spans. */
export function spanNaturalDays(spans: readonly DaySpan[]): number {
  let total = 0;
  for (const [s, e] of spans) total += naturalDaysBetween(s, e);
  return total;
}
