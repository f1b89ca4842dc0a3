import type { BundleWithFlows } from '../../bundle-with-flows';
import { EXPECTED_TRIPS_PER_STAGE } from '../sources';
import { draftOf, finish, holds, withDependsOn } from '../_internal/draft';

/**
 * 带方案出让: the land is sold with its design scheme, so 工程建设许可 and 施工许可 merge into one
 * stage. Exactly:
 * - stages `works-planning` and `construction` become one stage `works-and-construction`
 *   (工程建设许可和施工许可阶段, lead housing-construction) in their place, whose limit is the sum
 *   of theirs;
 * - their matters move into it and keep their flows; now that they run in parallel,
 *   `construction-permit` waits for `works-planning-permit` explicitly (建筑法 Art. 8: a 施工许可
 *   needs the 规划许可), which the stage order used to guarantee;
 * - one stage fewer means one trip fewer (`expectedTrips`).
 * Does nothing when the bundle does not have both stages. Pure: the input is not changed.
 */
export function applyLandWithDesignScheme(input: BundleWithFlows): BundleWithFlows {
  const stages = input.bundle.stages ?? [];
  const works = stages.find((s) => s.id === 'works-planning');
  const construction = stages.find((s) => s.id === 'construction');
  if (!works || !construction) return input;
  const draft = draftOf(input);
  const limit =
    works.limitWorkingDays === undefined && construction.limitWorkingDays === undefined
      ? undefined
      : (works.limitWorkingDays ?? 0) + (construction.limitWorkingDays ?? 0);
  const merged = {
    id: 'works-and-construction',
    name: '工程建设许可和施工许可阶段（带方案出让）',
    leadDepartment: 'housing-construction',
    ...(limit === undefined ? {} : { limitWorkingDays: limit }),
  };
  draft.bundle.stages = stages.flatMap((s) => (s.id === 'works-planning' ? [merged] : s.id === 'construction' ? [] : [{ ...s }]));
  const waitForPlanning = holds(draft, 'works-planning-permit');
  draft.bundle.matters = draft.bundle.matters.map((m) => {
    if (m.stage !== 'works-planning' && m.stage !== 'construction') return m;
    const moved = { ...m, stage: merged.id };
    return m.matterId === 'construction-permit' && waitForPlanning ? withDependsOn(moved, [...(m.dependsOn ?? []), 'works-planning-permit']) : moved;
  });
  if (draft.bundle.expectedTrips !== undefined) draft.bundle.expectedTrips = Math.max(0, draft.bundle.expectedTrips - EXPECTED_TRIPS_PER_STAGE);
  return finish(input, draft);
}
