import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DAY, MIN_DAY, dayOfWeek, formatDay, parseDatePrefix } from './civil';

const DAY_MS = 86_400_000;
const iso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

describe('civil date arithmetic', () => {
  it('formats and parses every day of the years 0001–9999 as Date does', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (day) => {
        const text = iso(day);
        expect(formatDay(day)).toBe(text);
        expect(parseDatePrefix(text)).toBe(day);
        expect(dayOfWeek(day)).toBe(new Date(day * DAY_MS).getUTCDay());
      }),
    );
  });

  it('names the first and last days', () => {
    expect(formatDay(MIN_DAY)).toBe('0001-01-01');
    expect(formatDay(MAX_DAY)).toBe('9999-12-31');
  });

  it('rejects dates that do not exist', () => {
    for (const text of ['2023-02-29', '2024-04-31', '2024-00-10', '2024-01-00', '0000-01-01', '2024-1-01', 'abcd-01-01', '2024_01_01']) {
      expect(parseDatePrefix(text)).toBeNaN();
    }
    expect(parseDatePrefix('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / DAY_MS);
  });
});
