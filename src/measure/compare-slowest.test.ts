import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSlowest } from './compare-slowest';
import { measurementArbitrary } from './_internal/measurement-arbitrary';
import { measurementFixture } from './_internal/measurement-fixture';

describe('compareSlowest', () => {
  it('ranks by experienced working days, then official ones, then the smaller id', () => {
    const ms = [
      measurementFixture({ id: 'b', experienced: 9, official: 4 }),
      measurementFixture({ id: 'a', experienced: 9, official: 4 }),
      measurementFixture({ id: 'c', experienced: 9, official: 6 }),
      measurementFixture({ id: 'd', experienced: 12, official: 1 }),
      measurementFixture({ id: 'e', experienced: 3, official: 3 }),
    ];
    expect([...ms].sort(compareSlowest).map((m) => m.id)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });

  it('is a total order: antisymmetric, and zero only for the same ranking keys', () => {
    fc.assert(
      fc.property(measurementArbitrary(), measurementArbitrary(), (a, b) => {
        expect(Math.sign(compareSlowest(a, b))).toBe(-Math.sign(compareSlowest(b, a)) || 0);
        const same = a.experienced.workingDays === b.experienced.workingDays && a.official.workingDays === b.official.workingDays && a.id === b.id;
        expect(compareSlowest(a, b) === 0).toBe(same);
      }),
    );
  });
});
