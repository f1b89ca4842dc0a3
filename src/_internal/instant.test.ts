import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from './instant';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('instantMs', () => {
  it('gives the number Date.parse gives for instants with an offset, Z or milliseconds', () => {
    const instant = fc
      .record({
        year: fc.integer({ min: 1000, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        milli: fc.option(fc.integer({ min: 0, max: 999 })),
        offset: fc.option(fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 })),
      })
      .map(({ year, month, day, hour, minute, second, milli, offset }) => {
        const zone = offset === null ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${milli === null ? '' : `.${pad(milli, 3)}`}${zone}`;
      });
    fc.assert(
      fc.property(instant, (s) => {
        expect(instantMs(s)).toBe(Date.parse(s));
      }),
    );
  });

  it('leaves other forms to Date.parse', () => {
    for (const s of ['2025-02-29T09:00:00+08:00', '2025-03-03T24:00:00Z', '2025-03-03T09:00+08:00', '2025-03-03', '2025-03-03T09:00:00.1+08:00', 'soon', '']) {
      expect(instantMs(s)).toBe(Date.parse(s));
    }
  });
});
