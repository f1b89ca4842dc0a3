import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstantSchema } from '../event-log/event-record';
import { instantMs, isFixedWidthInstant } from './instant';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

type Range = readonly [min: number, max: number];

/** Instants written `YYYY-MM-DDTHH:mm:ss[.sss](Z|±HH:MM)`, each field drawn from its range (which may go past the valid one). */
function instantText(ranges: { year: Range; month: Range; day: Range; hour: Range; minute: Range; second: Range; offsetMinutes: number }) {
  const field = ([min, max]: Range) => fc.integer({ min, max });
  return fc
    .record({
      year: field(ranges.year),
      month: field(ranges.month),
      day: field(ranges.day),
      hour: field(ranges.hour),
      minute: field(ranges.minute),
      second: field(ranges.second),
      milli: fc.option(fc.integer({ min: 0, max: 999 })),
      offset: fc.option(fc.integer({ min: -ranges.offsetMinutes, max: ranges.offsetMinutes })),
    })
    .map(({ year, month, day, hour, minute, second, milli, offset }) => {
      const zone = offset === null ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${milli === null ? '' : `.${pad(milli, 3)}`}${zone}`;
    });
}

describe('instantMs', () => {
  it('gives the number Date.parse gives for instants with an offset, Z or milliseconds', () => {
    const instant = instantText({ year: [1000, 9999], month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59], offsetMinutes: 23 * 60 + 59 });
    fc.assert(
      fc.property(instant, (s) => {
        expect(instantMs(s)).toBe(Date.parse(s));
      }),
    );
  });

  it('gives what Date.parse gives for near misses of the fixed-width forms', () => {
    const valid = instantText({ year: [0, 9999], month: [0, 13], day: [0, 32], hour: [0, 25], minute: [0, 60], second: [0, 60], offsetMinutes: 24 * 60 });
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

describe('isFixedWidthInstant', () => {
  it('holds only for instants the schema accepts, and for every valid fixed-width one', () => {
    const nearMiss = instantText({ year: [0, 9999], month: [0, 13], day: [0, 32], hour: [0, 25], minute: [0, 60], second: [0, 60], offsetMinutes: 24 * 60 });
    const edit = fc.record({ at: fc.nat(), char: fc.constantFrom(...'09-:T.Z+ z') });
    let fixed = 0;
    fc.assert(
      fc.property(nearMiss, edit, fc.boolean(), (s, { at, char }, edited) => {
        const i = at % s.length;
        const t = edited ? s.slice(0, i) + char + s.slice(i + 1) : s;
        const accepted = InstantSchema.safeParse(t).success;
        if (isFixedWidthInstant(t)) {
          fixed++;
          expect(accepted).toBe(true);
        } else if (accepted) {
          // Only other valid forms are left to the schema: none here has another fraction length.
          expect(t).not.toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:\d\d)$/);
        }
      }),
      { numRuns: 2000 },
    );
    expect(fixed).toBeGreaterThan(200);
  });

  it('answers false for valid instants of other forms, which the schema then checks', () => {
    expect(isFixedWidthInstant('2025-03-03T09:00:00+08:00')).toBe(true);
    expect(isFixedWidthInstant('2025-03-03T09:00:00.123Z')).toBe(true);
    expect(isFixedWidthInstant('2025-03-03T09:00:00.1+08:00')).toBe(false);
    expect(InstantSchema.safeParse('2025-03-03T09:00:00.1+08:00').success).toBe(true);
    expect(isFixedWidthInstant('2025-02-29T09:00:00+08:00')).toBe(false);
  });
});

