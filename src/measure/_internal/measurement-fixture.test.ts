import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Measurement } from '../measurement';
import { measurementArbitrary } from './measurement-arbitrary';
import { measurementFixture } from './measurement-fixture';

/** What every measurement must satisfy, whoever made it. */
function expectConsistent(m: Measurement): void {
  expect(m.month).toMatch(/^\d{4}-\d{2}$/);
  expect(m.experienced.from.slice(0, 7)).toBe(m.month);
  expect(Date.parse(m.experienced.to) - Date.parse(m.experienced.from)).toBe(m.experienced.naturalDays * 86_400_000);
  for (const d of [m.experienced, m.official]) expect(d.naturalDays).toBeGreaterThanOrEqual(d.workingDays);
  expect(m.tripDays).toHaveLength(m.trips);
  expect(m.atMostOneTrip).toBe(m.trips <= 1);
  expect(m.promisedMet).toBe(m.promised?.met);
  const matterIds = new Set(m.matters.map((matter) => matter.matterId));
  expect(matterIds.size).toBe(m.matters.length);
  for (const id of m.criticalPath) expect(matterIds.has(id)).toBe(true);
  const stageIds = new Set(m.stages.map((s) => s.stageId));
  for (const matter of m.matters) if (matter.stageId !== undefined) expect(stageIds.has(matter.stageId)).toBe(true);
  for (const period of m.offSystem.periods) expect(period.matterId === undefined || matterIds.has(period.matterId)).toBe(true);
  if (m.outcome !== 'open') for (const s of m.stages) expect(s.done).toBe(true);
}

describe('measurementFixture', () => {
  it('makes a completed one-matter bundle of 10 working days by default', () => {
    const m = measurementFixture();
    expectConsistent(m);
    expect(m).toMatchObject({ kind: 'bundle', id: 'm1', definitionId: 'bundle-a', department: 'dept-a', outcome: 'completed', month: '2025-03', trips: 1 });
    expect(m.experienced).toEqual({ workingDays: 10, naturalDays: 14, from: '2025-03-01T09:00:00+08:00', to: '2025-03-15T09:00:00+08:00' });
    expect(m.official).toEqual({ workingDays: 10, naturalDays: 14 });
    expect(m.matters.map((matter) => [matter.matterId, matter.department, matter.outcome])).toEqual([['bundle-a-m1', 'dept-a', 'approved']]);
    expect(m.stages).toEqual([]);
    expect(m.offSystem).toEqual({ workingDays: 0, periods: [] });
    expect(m.promised).toBeUndefined();
    expect('promisedMet' in m).toBe(false);
  });

  it('takes natural days when given, and crosses month ends', () => {
    const m = measurementFixture({ month: '2024-12', experienced: { workingDays: 20, naturalDays: 40 }, official: 3 });
    expect(m.experienced.to).toBe('2025-01-10T09:00:00+08:00');
    expect(m.official).toEqual({ workingDays: 3, naturalDays: 3 });
  });

  it('judges limits against official days once ended, and leaves open ones without a verdict', () => {
    expect(measurementFixture({ official: 5, promised: { limit: 5 } }).promised).toEqual({ limitWorkingDays: 5, usedWorkingDays: 5, met: true });
    expect(measurementFixture({ official: 6, promised: { limit: 5 } }).promisedMet).toBe(false);
    expect(measurementFixture({ outcome: 'open', promised: { limit: 5 } }).promised?.met).toBeUndefined();
    expect(measurementFixture({ official: 9, promised: { limit: 5, met: true } }).promisedMet).toBe(true);
  });

  it('names a lone case after its matter', () => {
    const m = measurementFixture({ kind: 'case', definitionId: 'JS-SGXK-001' });
    expect(m.matters.map((matter) => matter.matterId)).toEqual(['JS-SGXK-001']);
  });

  it('builds stages and matters, with one off-system finding per matter that has some', () => {
    const m = measurementFixture({
      stages: [{ stageId: 's1' }, { stageId: 's2', experienced: null, official: 4, limit: { limit: 3 } }],
      matters: [
        { matterId: 'a', stageId: 's1', offSystem: 2, department: '自然资源局' },
        { matterId: 'b', stageId: 's2', official: null, dropped: true, offSystem: 3 },
      ],
    });
    expectConsistent(m);
    expect(m.stages[1]).toMatchObject({ stageId: 's2', name: 'stage s2', official: { workingDays: 4 }, limit: { met: false }, done: true });
    expect(m.stages[1]?.experienced).toBeUndefined();
    expect(m.matters[1]).toMatchObject({ matterId: 'b', outcome: 'withdrawn', dropped: true });
    expect(m.matters[1]?.official).toBeUndefined();
    expect(m.offSystem.workingDays).toBe(5);
    expect(m.offSystem.periods.map((p) => [p.matterId, p.caseId, p.hiddenWorkingDays])).toEqual([
      ['a', 'a-case', 2],
      ['b', 'b-case', 3],
    ]);
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => measurementFixture({ month: 'March' })).toThrow('month must be YYYY-MM');
  });
});

describe('measurementArbitrary', () => {
  it('makes consistent measurements', () => {
    fc.assert(fc.property(measurementArbitrary(), expectConsistent));
  });

  it('makes the same measurements from the same seed', () => {
    const sample = (): Measurement[] => fc.sample(measurementArbitrary(), { numRuns: 20, seed: 42 });
    expect(sample()).toEqual(sample());
  });
});
