import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testCase } from './test-case';
import { withinDays, workingDaysFrom } from './case-facts';

const view = testCase([]);
const pad = (n: number) => String(n).padStart(2, '0');
/** An instant in 2024–2025 written with any offset from −12:00 to +14:00. */
const instant = fc.record({ at: fc.integer({ min: Date.UTC(2024, 0, 2), max: Date.UTC(2025, 11, 30) }), offset: fc.integer({ min: -48, max: 56 }) }).map(({ at, offset }) => {
  const minutes = offset * 15;
  const local = new Date(at + minutes * 60_000).toISOString().slice(0, 19);
  const sign = minutes < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
});

describe('withinDays', () => {
  it('holds only for pairs the calendar counts at most n working days apart', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 2 * 86_400_000 }), fc.integer({ min: 0, max: 10 }), (a, lag, n) => {
        const aMs = Date.parse(a);
        const b = new Date(aMs + lag).toISOString();
        if (withinDays(aMs, aMs + lag, n)) expect(workingDaysFrom(view, a, b)).toBeLessThanOrEqual(n);
      }),
    );
  });

  it('leaves a pair more than n days apart to the calendar', () => {
    expect(withinDays(Date.parse('2025-03-03T09:00:00+08:00'), Date.parse('2025-03-06T09:00:00+08:00'), 2)).toBe(false);
    expect(withinDays(Date.parse('2025-03-03T09:00:00+08:00'), Date.parse('2025-03-03T19:00:00+08:00'), 2)).toBe(true);
  });
});
