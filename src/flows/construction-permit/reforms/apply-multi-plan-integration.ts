import type { BundleWithFlows } from '../../bundle-with-flows';
import { draftOf, finish, flowOf, putFlow } from '../_internal/draft';
import { removeFromFlow } from '../_internal/edit-flow';

/**
 * 多规合一: planning conditions come up front from the one spatial-planning blueprint (一张蓝图), so
 * no matter works them out case by case. Exactly:
 * - 建设用地规划许可证 (`land-use-planning-permit`) loses the step `planning-conditions` (核定规划条件)
 *   and the material `planning-conditions-request` (规划条件核定申请及用地红线图);
 * - 用地预审与选址意见书 (`land-pre-review-site-selection`, government-invested only) loses the
 *   separate site study: steps `site-selection-review` (选址论证审查) and
 *   `site-selection-expert-review` (选址论证专家评审), and the material `site-selection-report`.
 * Matters the bundle does not hold are skipped. Pure: the input is not changed.
 * @example
 * const reformed = applyMultiPlanIntegration(constructionPermitBundle({ category: 'government-invested' }));
 */
export function applyMultiPlanIntegration(input: BundleWithFlows): BundleWithFlows {
  const draft = draftOf(input);
  const planning = flowOf(draft, 'land-use-planning-permit');
  if (planning) putFlow(draft, removeFromFlow(planning, { steps: ['planning-conditions'], materials: ['planning-conditions-request'] }));
  const siting = flowOf(draft, 'land-pre-review-site-selection');
  if (siting) {
    putFlow(
      draft,
      removeFromFlow(siting, { steps: ['site-selection-review', 'site-selection-expert-review'], materials: ['site-selection-report'] }),
    );
  }
  return finish(input, draft);
}
