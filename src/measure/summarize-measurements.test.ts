import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measurementArbitrary } from './_internal/measurement-arbitrary';
import { measurementFixture } from './_internal/measurement-fixture';
import type { Measurement, OffSystemPeriod } from './measurement';
import { createMeasurementSummarizer, summarizeMeasurements } from './summarize-measurements';
import type { Distribution, GroupSummary, MeasurementSummary } from './summary';

/** Nearest rank the slow way: sort everything, take the ⌈p·n/100⌉-th. */
function naivePercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1] ?? 0;
}

function groupsOf(summary: MeasurementSummary): GroupSummary[] {
  return [summary.overall, ...summary.byDefinition, ...summary.byStage, ...summary.byDepartment, ...summary.byMonth];
}

function distributionsOf(group: GroupSummary): Distribution[] {
  const time = [group.experienced, group.official, group.gap].flatMap((t) => [t.workingDays, t.naturalDays]);
  return [...time, group.offSystemWorkingDays, ...(group.trips ? [group.trips] : []), ...(group.materialSubmissions ? [group.materialSubmissions] : [])];
}

const sum = (ns: readonly number[]): number => ns.reduce((a, b) => a + b, 0);
const countsByKey = (groups: readonly GroupSummary[]): Record<string, number> => Object.fromEntries(groups.map((g) => [g.key, g.count]));

describe('summarizeMeasurements', () => {
  // Five bundles: experienced 3 8 1 10 5, official 2 5 1 4 5 working days.
  const five = [
    measurementFixture({ id: 'a', experienced: 3, official: 2, month: '2025-01' }),
    measurementFixture({ id: 'b', experienced: 8, official: 5, month: '2025-01' }),
    measurementFixture({ id: 'c', experienced: 1, official: 1, month: '2025-02' }),
    measurementFixture({ id: 'd', experienced: 10, official: 4, month: '2025-02' }),
    measurementFixture({ id: 'e', experienced: 5, official: 5, month: '2025-03' }),
  ];

  it('computes nearest-rank percentiles, the mean and the extremes of five bundles by hand', () => {
    const { overall } = summarizeMeasurements(five);
    expect(overall.count).toBe(5);
    // Sorted 1 3 5 8 10: ranks ⌈2.5⌉ = 3, ⌈4.5⌉ = 5, ⌈4.95⌉ = 5.
    expect(overall.experienced.workingDays).toEqual({ count: 5, mean: 5.4, p50: 5, p90: 10, p99: 10, min: 1, max: 10 });
    // Sorted 1 2 4 5 5.
    expect(overall.official.workingDays).toEqual({ count: 5, mean: 3.4, p50: 4, p90: 5, p99: 5, min: 1, max: 5 });
    // Gaps 1 3 0 6 0, sorted 0 0 1 3 6.
    expect(overall.gap.workingDays).toEqual({ count: 5, mean: 2, p50: 1, p90: 6, p99: 6, min: 0, max: 6 });
    // The fixture adds two weekend days per five working days: 3 10 1 14 7.
    expect(overall.experienced.naturalDays).toEqual({ count: 5, mean: 7, p50: 7, p90: 14, p99: 14, min: 1, max: 14 });
  });

  it('tells P90 from P99 on a hundred values', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => measurementFixture({ id: `m${i}`, experienced: 100 - i }));
    const { workingDays } = summarizeMeasurements(hundred).overall.experienced;
    expect(workingDays).toEqual({ count: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, min: 1, max: 100 });
    const ten = summarizeMeasurements(hundred.slice(90)).overall.experienced.workingDays;
    expect([ten.p50, ten.p90, ten.p99]).toEqual([5, 9, 10]);
  });

  it('takes the one value of a single bundle as every percentile', () => {
    const { workingDays } = summarizeMeasurements([measurementFixture({ experienced: 7 })]).overall.experienced;
    expect(workingDays).toEqual({ count: 1, mean: 7, p50: 7, p90: 7, p99: 7, min: 7, max: 7 });
  });

  it('groups bundles by month and by bundle type, each list sorted by key', () => {
    const summary = summarizeMeasurements([
      ...five,
      measurementFixture({ id: 'f', definitionId: 'open-a-restaurant', name: '开办餐饮店', month: '2024-12' }),
    ]);
    expect(summary.byMonth.map((g) => [g.key, g.count])).toEqual([
      ['2024-12', 1],
      ['2025-01', 2],
      ['2025-02', 2],
      ['2025-03', 1],
    ]);
    expect(summary.byDefinition.map((g) => [g.key, g.label, g.count])).toEqual([
      ['bundle-a', 'bundle-a name', 5],
      ['open-a-restaurant', '开办餐饮店', 1],
    ]);
    expect(summary.byMonth.find((g) => g.key === '2025-02')?.experienced.workingDays.max).toBe(10);
  });

  it('counts outcomes, limits with a verdict, 最多跑一次 and 一套材料', () => {
    const { overall } = summarizeMeasurements([
      measurementFixture({ id: 'a', official: 5, promised: { limit: 10 }, trips: 1 }),
      measurementFixture({ id: 'b', official: 15, promised: { limit: 10 }, trips: 2 }),
      measurementFixture({ id: 'c', official: 4, promised: { limit: 10 }, trips: 0, repeatedMaterials: ['营业执照'] }),
      // Open and within its limit: no verdict yet, so not counted.
      measurementFixture({ id: 'd', official: 3, promised: { limit: 10 }, outcome: 'open' }),
      // No limit at all.
      measurementFixture({ id: 'e', outcome: 'failed', trips: 3, repeatedMaterials: ['身份证', '营业执照'] }),
    ]);
    expect([overall.completed, overall.failed, overall.open]).toEqual([3, 1, 1]);
    expect(overall.limitChecked).toBe(3);
    expect(overall.limitMetRate).toBeCloseTo(2 / 3, 12);
    expect(overall.atMostOneTripRate).toBe(3 / 5);
    expect(overall.oneSetOfMaterialsRate).toBe(3 / 5);
    expect(overall.trips).toMatchObject({ count: 5, min: 0, max: 3, mean: 7 / 5 });
  });

  it('measures stages of a bundle type under <definitionId>/<stageId>, failing a stage with a dropped matter', () => {
    const staged = (id: string, s2Done: boolean, dropped: boolean): Measurement =>
      measurementFixture({
        id,
        definitionId: 'cp',
        outcome: s2Done ? 'completed' : 'open',
        experienced: 30,
        official: 20,
        stages: [
          { stageId: 's1', name: '立项用地规划许可', official: 6, experienced: 9, limit: { limit: 5 }, done: true },
          { stageId: 's2', name: '工程建设许可', official: 14, experienced: null, done: s2Done },
        ],
        matters: [
          { matterId: 'a', stageId: 's1', department: '自然资源局', dropped },
          { matterId: 'b', stageId: 's2', department: '住建局', offSystem: 4 },
        ],
      });
    const summary = summarizeMeasurements([staged('x', true, false), staged('y', false, true), staged('z', true, false)]);
    const [s1, s2] = summary.byStage;
    expect(summary.byStage.map((g) => [g.by, g.key, g.label, g.count])).toEqual([
      ['stage', 'cp/s1', '立项用地规划许可', 3],
      ['stage', 'cp/s2', '工程建设许可', 3],
    ]);
    expect([s1?.completed, s1?.failed, s1?.open]).toEqual([2, 1, 0]);
    expect([s2?.completed, s2?.failed, s2?.open]).toEqual([2, 0, 1]);
    expect(s1?.gap.workingDays).toMatchObject({ count: 3, mean: 3 });
    // No experienced period on s2: its official time counts, its gap does not.
    expect(s2?.official.workingDays.count).toBe(3);
    expect(s2?.experienced.workingDays.count).toBe(0);
    expect(s2?.gap.workingDays.count).toBe(0);
    expect(s1?.limitChecked).toBe(3);
    expect(s1?.limitMetRate).toBe(0);
    expect(s2?.limitMetRate).toBeUndefined();
    expect(s2?.offSystemWorkingDays).toMatchObject({ mean: 4, min: 4 });
    expect(s1?.offSystemWorkingDays).toMatchObject({ mean: 0, max: 0 });
    // Trips and materials belong to the bundle, not to a stage.
    expect(s1?.trips).toBeUndefined();
    expect(s1?.atMostOneTripRate).toBeUndefined();
  });

  it('groups matters by department, with their own outcomes, promised limits and off-system days', () => {
    const m = measurementFixture({
      outcome: 'open',
      offSystem: 5,
      matters: [
        { matterId: 'a', department: '住建局', official: 4, experienced: 9, promised: { limit: 5 }, outcome: 'approved', offSystem: 3 },
        { matterId: 'b', department: '住建局', official: null, experienced: 2 },
        { matterId: 'c', department: '消防救援支队', dropped: true, offSystem: 4 },
        { matterId: 'd', department: '消防救援支队', official: 1, experienced: 1, offSystem: 2, caseIds: ['d-1', 'd-2'] },
      ],
    });
    // Two findings on d: the sum (2 + 4) is capped at the bundle's union (5).
    const onCase: OffSystemPeriod = { code: 'backfilled-record', caseId: 'd-2', from: '2025-03-03T09:00:00+08:00', to: '2025-03-07T09:00:00+08:00', hiddenWorkingDays: 4, recordIds: ['r9'] };
    const both: Measurement = { ...m, offSystem: { ...m.offSystem, periods: [...m.offSystem.periods, onCase] } };
    const { byDepartment } = summarizeMeasurements([both]);
    expect(byDepartment.map((g) => [g.key, g.count, g.completed, g.failed, g.open])).toEqual([
      ['住建局', 2, 1, 0, 1],
      ['消防救援支队', 2, 0, 1, 1],
    ]);
    const [housing, fire] = byDepartment;
    expect(housing?.official.workingDays.count).toBe(1);
    expect(housing?.experienced.workingDays).toMatchObject({ count: 2, min: 2, max: 9 });
    expect(housing?.gap.workingDays).toMatchObject({ count: 1, mean: 5 });
    expect(housing?.limitChecked).toBe(1);
    expect(housing?.limitMetRate).toBe(1);
    expect(housing?.offSystemWorkingDays).toMatchObject({ min: 0, max: 3 });
    expect(fire?.offSystemWorkingDays).toMatchObject({ min: 4, max: 5 });
  });

  it('gives zeroed distributions and no rates for no measurements', () => {
    const summary = summarizeMeasurements([]);
    const zero = { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, min: 0, max: 0 };
    expect(summary.overall.count).toBe(0);
    expect(summary.overall.experienced).toEqual({ workingDays: zero, naturalDays: zero });
    expect(summary.overall.gap.workingDays).toEqual(zero);
    expect(summary.overall.trips).toEqual(zero);
    expect(summary.overall.limitChecked).toBe(0);
    expect(summary.overall.limitMetRate).toBeUndefined();
    expect(summary.overall.atMostOneTripRate).toBeUndefined();
    expect([summary.byDefinition, summary.byStage, summary.byDepartment, summary.byMonth]).toEqual([[], [], [], []]);
  });
});

describe('createMeasurementSummarizer', () => {
  it('answers mid-stream and keeps counting afterwards', () => {
    const summarizer = createMeasurementSummarizer();
    summarizer.add(measurementFixture({ id: 'a', experienced: 4 }));
    expect(summarizer.summary().overall.experienced.workingDays.max).toBe(4);
    summarizer.add(measurementFixture({ id: 'b', experienced: 9 }));
    expect(summarizer.summary().overall.experienced.workingDays).toMatchObject({ count: 2, max: 9, mean: 6.5 });
  });
});

describe('summarizeMeasurements properties', () => {
  const measurements = fc.array(measurementArbitrary(), { maxLength: 40 });

  it('orders every distribution: min ≤ p50 ≤ p90 ≤ p99 ≤ max and min ≤ mean ≤ max; rates in [0, 1]', () => {
    fc.assert(
      fc.property(measurements, (ms) => {
        for (const group of groupsOf(summarizeMeasurements(ms))) {
          for (const d of distributionsOf(group)) {
            expect(d.min <= d.p50 && d.p50 <= d.p90 && d.p90 <= d.p99 && d.p99 <= d.max).toBe(true);
            expect(d.min <= d.mean && d.mean <= d.max).toBe(true);
          }
          for (const rate of [group.limitMetRate, group.atMostOneTripRate, group.oneSetOfMaterialsRate]) {
            if (rate !== undefined) expect(rate >= 0 && rate <= 1).toBe(true);
          }
          expect(group.completed + group.failed + group.open).toBe(group.count);
        }
      }),
    );
  });

  it('agrees with sorting every value and taking the nearest rank', () => {
    fc.assert(
      fc.property(measurements, (ms) => {
        const { overall } = summarizeMeasurements(ms);
        const gaps = ms.map((m) => m.experienced.workingDays - m.official.workingDays);
        const expected = ms.length === 0 ? [0, 0, 0] : [50, 90, 99].map((p) => naivePercentile(gaps, p));
        expect([overall.gap.workingDays.p50, overall.gap.workingDays.p90, overall.gap.workingDays.p99]).toEqual(expected);
        expect(overall.gap.workingDays.mean).toBe(ms.length === 0 ? 0 : sum(gaps) / ms.length);
      }),
    );
  });

  it('agrees with the naive percentiles for negative, fractional and very large values too', () => {
    const value = fc.oneof(fc.integer({ min: -50, max: 200 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: -20, max: 20 }).map((n) => n / 2));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), (values) => {
        const d = summarizeMeasurements(values.map((v, i) => measurementFixture({ id: `m${i}`, offSystem: v }))).overall.offSystemWorkingDays;
        expect([d.p50, d.p90, d.p99]).toEqual([50, 90, 99].map((p) => naivePercentile(values, p)));
        expect([d.min, d.max]).toEqual([Math.min(...values), Math.max(...values)]);
        expect(d.mean).toBeCloseTo(sum(values) / values.length, 9);
      }),
    );
  });

  it('adds group counts up to the whole: bundles by type and by month, stages, matters by department', () => {
    fc.assert(
      fc.property(measurements, (ms) => {
        const summary = summarizeMeasurements(ms);
        expect(summary.overall.count).toBe(ms.length);
        expect(sum(summary.byDefinition.map((g) => g.count))).toBe(ms.length);
        expect(sum(summary.byMonth.map((g) => g.count))).toBe(ms.length);
        expect(sum(summary.byStage.map((g) => g.count))).toBe(sum(ms.map((m) => m.stages.length)));
        expect(sum(summary.byDepartment.map((g) => g.count))).toBe(sum(ms.map((m) => m.matters.length)));
      }),
    );
  });

  it('does not depend on the order measurements are added in', () => {
    fc.assert(
      fc.property(
        measurements.chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length }))),
        ([ms, shuffled]) => {
          expect(summarizeMeasurements(shuffled)).toEqual(summarizeMeasurements(ms));
        },
      ),
    );
  });

  it('never changes the counts when the input is split in two', () => {
    fc.assert(
      fc.property(measurements, fc.nat(), (ms, n) => {
        const cut = ms.length === 0 ? 0 : n % (ms.length + 1);
        const [left, right, whole] = [ms.slice(0, cut), ms.slice(cut), ms].map(summarizeMeasurements) as [MeasurementSummary, MeasurementSummary, MeasurementSummary];
        const pick = (s: MeasurementSummary) => ({
          overall: [s.overall.count, s.overall.completed, s.overall.failed, s.overall.open, s.overall.limitChecked, s.overall.gap.workingDays.count],
          byDefinition: countsByKey(s.byDefinition),
          byStage: countsByKey(s.byStage),
          byDepartment: countsByKey(s.byDepartment),
          byMonth: countsByKey(s.byMonth),
        });
        const [l, r, w] = [pick(left), pick(right), pick(whole)];
        expect(w.overall).toEqual(l.overall.map((x, i) => x + (r.overall[i] ?? 0)));
        for (const grouping of ['byDefinition', 'byStage', 'byDepartment', 'byMonth'] as const) {
          const keys = new Set([...Object.keys(l[grouping]), ...Object.keys(r[grouping])]);
          expect(Object.keys(w[grouping]).sort()).toEqual([...keys].sort());
          for (const key of keys) expect(w[grouping][key]).toBe((l[grouping][key] ?? 0) + (r[grouping][key] ?? 0));
        }
      }),
    );
  });

  it('streams to the same summary as the batch entry point', () => {
    fc.assert(
      fc.property(measurements, (ms) => {
        const summarizer = createMeasurementSummarizer();
        for (const m of ms) summarizer.add(m);
        expect(summarizer.summary()).toEqual(summarizeMeasurements(ms));
      }),
    );
  });
});

describe('group labels', () => {
  it('add the key when two groups share a name, so each row can be told apart', () => {
    const summary = summarizeMeasurements([
      measurementFixture({ id: 'a', definitionId: 'food-business-permit-filing', name: '食品经营许可' }),
      measurementFixture({ id: 'b', definitionId: 'food-business-permit-approval', name: '食品经营许可' }),
      measurementFixture({ id: 'c', definitionId: 'open-business', name: '开办企业' }),
    ]);
    expect(summary.byDefinition.map((g) => g.label)).toEqual(['食品经营许可 (food-business-permit-approval)', '食品经营许可 (food-business-permit-filing)', '开办企业']);
  });
});
