import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from './civil';
import { ZoneDays } from './zone-days';

function referenceDate(timeZone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const zones = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Kolkata', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];

describe('ZoneDays', () => {
  it('gives the local date Intl gives, for any zone, instant and written offset', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (zone, ms, quarter) => {
          const days = ZoneDays.for(zone, 2019, 2027);
          expect(formatDay(days.localDayOfInstant(withOffset(ms, quarter * 15)))).toBe(referenceDate(zone, ms));
        },
      ),
    );
  });

  it('crosses daylight-saving transitions on the minute', () => {
    const ny = ZoneDays.for('America/New_York', 2024, 2026);
    // 2025-11-02 01:59 EDT is 05:59Z; at 06:00Z clocks go back to 01:00 EST.
    expect(formatDay(ny.localDayOfInstant('2025-11-02T03:59:00Z'))).toBe('2025-11-01');
    expect(formatDay(ny.localDayOfInstant('2025-11-02T04:00:00Z'))).toBe('2025-11-02');
    expect(formatDay(ny.localDayOfInstant('2025-11-03T04:59:00Z'))).toBe('2025-11-02');
    expect(formatDay(ny.localDayOfInstant('2025-11-03T05:00:00Z'))).toBe('2025-11-03');
  });

  it('treats Asia/Shanghai as a fixed +08:00 and reads +08:00 instants by their date', () => {
    const sh = ZoneDays.for('Asia/Shanghai', 2019, 2027);
    expect(sh.offsetAt(Date.UTC(2025, 6, 1) / 60_000)).toBe(480);
    expect(formatDay(sh.localDayOfInstant('2025-10-01T00:00:00+08:00'))).toBe('2025-10-01');
    expect(formatDay(sh.localDayOfInstant('2025-10-01T23:59:59.999999+08:00'))).toBe('2025-10-01');
  });

  it('rejects malformed instants', () => {
    const sh = ZoneDays.for('Asia/Shanghai', 2019, 2027);
    for (const s of ['2025-10-01T10:00:00', '2025-10-01T10:00:00+08', '2025-10-01T10:60:00Z', '2025-10-01T10:00:00+24:00', '2025-10-01T10:00:00ZZ', '2025-10-01T1:00:00Z', '2025-10-01T10:00:60Z']) {
      expect(sh.localDayOfInstant(s)).toBeNaN();
    }
  });
});
