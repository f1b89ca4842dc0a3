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

  it('gives what Date.parse gives for near misses of the fixed-width forms', () => {
    const valid = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 60 }),
        second: fc.integer({ min: 0, max: 60 }),
        milli: fc.option(fc.integer({ min: 0, max: 999 })),
        offset: fc.option(fc.integer({ min: -24 * 60, max: 24 * 60 })),
      })
      .map(({ year, month, day, hour, minute, second, milli, offset }) => {
        const zone = offset === null ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${milli === null ? '' : `.${pad(milli, 3)}`}${zone}`;
      });
    // One character replaced, inserted or deleted, from those the forms use and a few they do not.
    const edit = fc.record({ kind: fc.constantFrom('replace', 'insert', 'delete', 'none'), at: fc.nat(), char: fc.constantFrom(...'0123456789-:T.Z+ zt/,a\u0000\u0660') });
    fc.assert(
      fc.property(valid, edit, (s, { kind, at, char }) => {
        const i = at % (s.length + 1);
        const t = kind === 'replace' ? s.slice(0, i) + char + s.slice(i + 1) : kind === 'insert' ? s.slice(0, i) + char + s.slice(i) : kind === 'delete' ? s.slice(0, i) + s.slice(i + 1) : s;
        expect(Object.is(instantMs(t), Date.parse(t)) || [instantMs(t), Date.parse(t)]).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads 29 February only in leap years, and the last day of every month', () => {
    for (const year of [1900, 2000, 2023, 2024, 2100]) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [28, 29, 30, 31]) {
          for (const rest of ['T00:00:00Z', 'T23:59:59.999+08:00', 'T12:00:00-05:30']) {
            const s = `${year}-${pad(month)}-${pad(day)}${rest}`;
            expect(Object.is(instantMs(s), Date.parse(s))).toBe(true);
          }
        }
      }
    }
  });

  it('leaves other forms to Date.parse', () => {
    for (const s of ['2025-02-29T09:00:00+08:00', '2025-03-03T24:00:00Z', '2025-03-03T09:00+08:00', '2025-03-03', '2025-03-03T09:00:00.1+08:00', 'soon', '']) {
      expect(instantMs(s)).toBe(Date.parse(s));
    }
  });
});
