import type { BundleWithFlows } from '../../bundle-with-flows';
import type { ConstructionPermitMatterId } from '../construction-permit-ids';
import { draftOf, finish, removeMatters } from '../_internal/draft';

/**
 * The per-project assessments a zone's 区域评估 takes over: 水土保持方案审批, 节能审查 and 压覆重要矿产资源审批
 * (国办发〔2019〕11号 lists 压覆矿产、环评、节能、地灾、地震安评、水资源论证 among the zone assessments).
 */
export const REGIONALLY_ASSESSED_MATTERS: readonly ConstructionPermitMatterId[] = [
  'soil-water-conservation',
  'energy-conservation-review',
  'mineral-overlay-review',
];

/**
 * 区域评估: the government has assessed the zone once, so a project in it skips the per-project
 * assessments: {@link REGIONALLY_ASSESSED_MATTERS} leave the bundle, with every dependency on them.
 * The 环评 (`environmental-impact-assessment`) stays: the law still asks for a project EIA, which a
 * zone's planning EIA only simplifies. Pure: the input is not changed.
 */
export function applyRegionalAssessment(input: BundleWithFlows): BundleWithFlows {
  const draft = draftOf(input);
  removeMatters(draft, REGIONALLY_ASSESSED_MATTERS);
  return finish(input, draft);
}
