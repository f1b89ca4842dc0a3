import type { BundleWithFlows } from '../../bundle-with-flows';
import type { ConstructionPermitMatterId } from '../construction-permit-ids';
import { SEPARATE_SURVEYS, catalogueFlow } from '../_internal/catalogue';
import { draftOf, finish, flowOf, putFlow, withDependsOn } from '../_internal/draft';
import { removeFromFlow } from '../_internal/edit-flow';

/**
 * 多测合一: one survey commission, one joint survey, shared results. Without it the planning, land
 * and civil-air-defence acceptances each need their own survey report (竣工规划核实测量, 土地核验测量,
 * 人防面积测绘) from a separate commission, and each checks it. Exactly:
 * - each of those acceptances the bundle holds loses its survey report material and its step
 *   `survey-result-check` (测绘成果核查), and waits for `unified-survey`;
 * - the matter `unified-survey` (“多测合一”测绘成果审核, natural-resources) joins their stage, just
 *   before the first of them, and its report joins the shared materials (一套材料).
 * Only the completion surveys are modelled. Does nothing when fewer than two separate surveys are
 * left to merge. Pure: the input is not changed.
 */
export function applyUnifiedSurvey(input: BundleWithFlows): BundleWithFlows {
  const draft = draftOf(input);
  const surveyed = draft.bundle.matters.filter((m) => Object.hasOwn(SEPARATE_SURVEYS, m.matterId) && flowOf(draft, m.matterId));
  if (surveyed.length < 2 || draft.bundle.matters.some((m) => m.matterId === 'unified-survey')) return input;
  for (const { matterId } of surveyed) {
    const { report, check } = SEPARATE_SURVEYS[matterId as ConstructionPermitMatterId]!;
    putFlow(draft, removeFromFlow(flowOf(draft, matterId)!, { steps: [check], materials: [report] }));
  }
  const first = surveyed[0]!;
  const unified = catalogueFlow('unified-survey');
  draft.bundle.matters = draft.bundle.matters.flatMap((m) => {
    const waits = surveyed.includes(m) ? withDependsOn(m, [...(m.dependsOn ?? []), unified.id]) : m;
    return m === first ? [{ matterId: unified.id, ...(m.stage === undefined ? {} : { stage: m.stage }) }, waits] : [waits];
  });
  draft.flows.splice(draft.flows.findIndex((f) => f.id === first.matterId), 0, unified);
  const report = unified.materials.find((m) => m.id === 'unified-survey-report')!;
  draft.bundle.sharedMaterials = [...(draft.bundle.sharedMaterials ?? []), { ...report }];
  return finish(input, draft);
}
