// Test-only: random measurements for property tests of aggregates and reports. Library code never
// imports it (it needs fast-check).
import fc from 'fast-check';
import type { Measurement } from '../measurement';
import { measurementFixture, type MatterFixtureInput, type StageFixtureInput } from './measurement-fixture';

/** The bundle types measurements are drawn from: a few, so groups fill up; names fixed per type. */
const DEFINITIONS = [
  { id: 'construction-permit', name: '工程建设项目施工许可', kind: 'bundle', stages: ['s1', 's2', 's3'] },
  { id: 'open-a-restaurant', name: '开办餐饮店', kind: 'bundle', stages: [] },
  { id: 'JS-SGXK-001', name: '建筑工程施工许可证核发', kind: 'case', stages: [] },
] as const;

const DEPARTMENTS = ['住建局', '自然资源局', '市场监管局', '消防救援支队'] as const;
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-12'] as const;

const days = fc.integer({ min: 0, max: 60 });
const limit = fc.option(fc.record({ limit: fc.integer({ min: 1, max: 40 }) }), { nil: undefined });

/**
 * Valid measurements with small integer day counts over a few bundle types, departments and months,
 * so every group gets several members. Names are fixed per bundle type and stage, so a summary does
 * not depend on which measurement of a group came first.
 */
export function measurementArbitrary(): fc.Arbitrary<Measurement> {
  return fc
    .record({
      definition: fc.constantFrom(...DEFINITIONS),
      id: fc.string({ minLength: 1, maxLength: 6 }),
      month: fc.constantFrom(...MONTHS),
      outcome: fc.constantFrom('completed', 'failed', 'open'),
      official: days,
      extra: days,
      offSystem: fc.integer({ min: 0, max: 10 }),
      trips: fc.integer({ min: 0, max: 4 }),
      materialSubmissions: fc.integer({ min: 0, max: 30 }),
      repeated: fc.boolean(),
      promised: limit,
      matters: fc.array(
        fc.record({
          department: fc.constantFrom(...DEPARTMENTS),
          official: fc.option(days, { nil: null }),
          extra: days,
          dropped: fc.boolean(),
          offSystem: fc.integer({ min: 0, max: 5 }),
          promised: limit,
        }),
        { minLength: 1, maxLength: 4 },
      ),
      stages: fc.array(
        fc.record({ official: days, extra: fc.option(days, { nil: null }), done: fc.boolean(), limit }),
        { minLength: 3, maxLength: 3 },
      ),
    })
    .map((r) => {
      const stageIds: readonly string[] = r.definition.stages;
      const matters = (r.definition.kind === 'case' ? r.matters.slice(0, 1) : r.matters).map(
        (m, i): MatterFixtureInput => ({
          matterId: r.definition.kind === 'case' ? r.definition.id : `${r.definition.id}-m${i + 1}`,
          department: m.department,
          ...(stageIds.length > 0 ? { stageId: stageIds[i % stageIds.length] } : {}),
          official: m.official,
          experienced: m.official === null ? m.extra : m.official + m.extra,
          dropped: m.dropped,
          offSystem: m.offSystem,
          ...(m.promised !== undefined ? { promised: m.promised } : {}),
        }),
      );
      const stages = stageIds.map((stageId, i): StageFixtureInput => {
        const s = r.stages[i] ?? { official: 0, extra: null, done: true, limit: undefined };
        return {
          stageId,
          name: `${r.definition.name} 第${i + 1}阶段`,
          official: s.official,
          experienced: s.extra === null ? null : s.official + s.extra,
          done: r.outcome === 'open' ? s.done : true,
          ...(s.limit !== undefined ? { limit: s.limit } : {}),
        };
      });
      return measurementFixture({
        id: r.id,
        kind: r.definition.kind,
        definitionId: r.definition.id,
        name: r.definition.name,
        month: r.month,
        outcome: r.outcome,
        official: r.official,
        experienced: r.official + r.extra,
        offSystem: r.offSystem,
        trips: r.trips,
        materialSubmissions: r.materialSubmissions,
        repeatedMaterials: r.repeated ? ['营业执照'] : [],
        ...(r.promised !== undefined ? { promised: r.promised } : {}),
        stages,
        matters,
      });
    });
}
