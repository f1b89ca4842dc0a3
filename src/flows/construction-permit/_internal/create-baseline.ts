import type { BundleDefinition, BundleMatter, FlowDefinition, Material, Stage } from '../../../definition';
import type { BundleWithFlows } from '../../bundle-with-flows';
import type {
  ConstructionPermitBaseStageId,
  ConstructionPermitMatterId,
  ConstructionProjectCategory,
} from '../construction-permit-ids';
import {
  EXPECTED_TRIPS_PER_STAGE,
  NATIONAL_TOTAL_CEILING_WORKING_DAYS,
  STAGE_LIMITS_GOVERNMENT_INVESTED,
  STAGE_LIMITS_SMALL_LOW_RISK,
  STAGE_LIMITS_SOCIAL_INVESTED,
  TOTAL_LIMIT_GOVERNMENT_INVESTED,
  TOTAL_LIMIT_SMALL_LOW_RISK,
  TOTAL_LIMIT_SOCIAL_INVESTED,
} from '../sources';
import { catalogueFlow } from './catalogue';
import { BASE_VERSION, material } from './define';
import { replaceMaterial } from './edit-flow';
import { mapSteps } from './process';

/** Total and stage limits of each category (see ../sources). */
export const CATEGORY_LIMITS: Readonly<
  Record<ConstructionProjectCategory, { readonly total: number; readonly stages: Readonly<Record<ConstructionPermitBaseStageId, number>> }>
> = {
  'government-invested': { total: TOTAL_LIMIT_GOVERNMENT_INVESTED, stages: STAGE_LIMITS_GOVERNMENT_INVESTED },
  'social-invested': { total: TOTAL_LIMIT_SOCIAL_INVESTED, stages: STAGE_LIMITS_SOCIAL_INVESTED },
  'small-low-risk': { total: TOTAL_LIMIT_SMALL_LOW_RISK, stages: STAGE_LIMITS_SMALL_LOW_RISK },
};

const CATEGORY_NAMES: Readonly<Record<ConstructionProjectCategory, string>> = {
  'government-invested': '政府投资项目',
  'social-invested': '社会投资项目',
  'small-low-risk': '社会投资小型低风险项目',
};

type MatterRow = readonly [ConstructionPermitMatterId, (readonly ConstructionPermitMatterId[])?];

/** Stages 2 and 3 of government-invested and social-invested projects, which share them. */
const STAGE_2: readonly MatterRow[] = [['design-scheme-review'], ['works-planning-permit', ['design-scheme-review']]];
const STAGE_3: readonly MatterRow[] = [
  ['construction-drawing-review'],
  ['fire-design-review'],
  ['civil-air-defence-design-review'],
  ['construction-permit', ['construction-drawing-review', 'fire-design-review', 'civil-air-defence-design-review']],
];

const STAGE_4: readonly MatterRow[] = [
  ['planning-verification'],
  ['land-verification'],
  ['fire-acceptance'],
  ['civil-air-defence-acceptance'],
  ['archives-acceptance'],
  ['completion-filing', ['planning-verification', 'land-verification', 'fire-acceptance', 'civil-air-defence-acceptance', 'archives-acceptance']],
];

/**
 * The matters of each category by stage, with what each waits for inside its stage.
 * - government-invested: 可研审批 after 用地预审与选址 (划拨 land: 城乡规划法 Art. 36, 土地管理法实施条例 Art. 24);
 * - social-invested: 备案 instead, and no 用地预审与选址 (land sold by 出让 on approved construction land);
 * - small-low-risk: no per-project assessments (below the thresholds of the EIA catalogue, 水保,
 *   节能 and 压覆), 设计方案 examined within the 规划许可, no 特殊建设工程 fire or 人防 reviews, and
 *   a 消防验收备案 instead of a 消防验收 [R: typical local low-risk tracks].
 */
const CATEGORY_MATTERS: Readonly<Record<ConstructionProjectCategory, Readonly<Record<ConstructionPermitBaseStageId, readonly MatterRow[]>>>> = {
  'government-invested': {
    'land-planning': [
      ['land-pre-review-site-selection'],
      ['project-approval', ['land-pre-review-site-selection']],
      ['land-use-planning-permit', ['project-approval']],
      ['environmental-impact-assessment'],
      ['soil-water-conservation'],
      ['energy-conservation-review'],
      ['mineral-overlay-review'],
    ],
    'works-planning': STAGE_2,
    construction: STAGE_3,
    completion: STAGE_4,
  },
  'social-invested': {
    'land-planning': [
      ['project-filing'],
      ['land-use-planning-permit', ['project-filing']],
      ['environmental-impact-assessment'],
      ['soil-water-conservation'],
      ['energy-conservation-review'],
      ['mineral-overlay-review'],
    ],
    'works-planning': STAGE_2,
    construction: STAGE_3,
    completion: STAGE_4,
  },
  'small-low-risk': {
    'land-planning': [['project-filing'], ['land-use-planning-permit', ['project-filing']]],
    'works-planning': [['works-planning-permit']],
    construction: [['construction-drawing-review'], ['construction-permit', ['construction-drawing-review']]],
    completion: [
      ['planning-verification'],
      ['land-verification'],
      ['fire-acceptance-filing'],
      ['archives-acceptance'],
      ['completion-filing', ['planning-verification', 'land-verification', 'fire-acceptance-filing', 'archives-acceptance']],
    ],
  },
};

const STAGES: ReadonlyArray<readonly [ConstructionPermitBaseStageId, string, string]> = [
  ['land-planning', '立项用地规划许可阶段', 'development-reform'],
  ['works-planning', '工程建设许可阶段', 'natural-resources'],
  ['construction', '施工许可阶段', 'housing-construction'],
  ['completion', '竣工验收阶段', 'housing-construction'],
];

/** Materials that are not shared between matters even when their ids agree: each matter has its own form. */
const OWN_FORMS = new Set(['application-form', 'filing-form']);

/**
 * 规划许可 for a small low-risk project examines the design scheme itself (方案审查与规划许可合并),
 * so it asks for the scheme instead of the scheme's approval.
 */
function smallWorksPlanningPermit(flow: FlowDefinition): FlowDefinition {
  const merged = replaceMaterial(flow, 'scheme-approval', material('design-scheme', '建设工程设计方案（总平面图及单体方案）'));
  return {
    ...merged,
    process: mapSteps(merged.process!, (s) => (s.id === 'indicator-check' ? { ...s, name: '设计方案与规划指标审查', minDuration: 'PT4H' } : s)),
  };
}

/**
 * The bundle of a category with its default limits and no reform: the four stages of
 * 国办发〔2019〕11号, one lead department each, matters in parallel within a stage unless one waits
 * for another.
 */
export function createBaseline(category: ConstructionProjectCategory): BundleWithFlows {
  const limits = CATEGORY_LIMITS[category];
  const rows = CATEGORY_MATTERS[category];
  const stages: Stage[] = STAGES.map(([id, name, lead]) => ({
    id,
    name,
    leadDepartment: id === 'land-planning' && category !== 'government-invested' ? 'natural-resources' : lead,
    limitWorkingDays: limits.stages[id],
  }));
  const matters: BundleMatter[] = STAGES.flatMap(([stage]) =>
    rows[stage].map(([matterId, dependsOn]): BundleMatter => ({ matterId, stage, ...(dependsOn === undefined ? {} : { dependsOn: [...dependsOn] }) })),
  );
  const flows = matters.map(({ matterId }) => {
    const flow = catalogueFlow(matterId as ConstructionPermitMatterId);
    if (category === 'small-low-risk' && matterId === 'works-planning-permit') {
      const variant = smallWorksPlanningPermit(flow);
      return { ...variant, version: `${BASE_VERSION}+small-low-risk` };
    }
    return flow;
  });
  const bundle: BundleDefinition = {
    id: `construction-project-${category}`,
    version: BASE_VERSION,
    name: `工程建设项目审批（${CATEGORY_NAMES[category]}，立项到竣工验收）`,
    leadDepartment: 'housing-construction',
    matters,
    stages,
    sharedMaterials: sharedMaterialsOf(flows),
    limits: { statutoryWorkingDays: NATIONAL_TOTAL_CEILING_WORKING_DAYS, promisedWorkingDays: limits.total },
    expectedTrips: stages.length * EXPECTED_TRIPS_PER_STAGE,
  };
  return { bundle, flows };
}

/** The one set of materials (一套材料): every material that two or more matters ask for, listed once. */
function sharedMaterialsOf(flows: readonly FlowDefinition[]): Material[] {
  const seen = new Map<string, { material: Material; count: number }>();
  for (const flow of flows) {
    for (const m of flow.materials) {
      if (OWN_FORMS.has(m.id)) continue;
      const entry = seen.get(m.id);
      if (entry) entry.count++;
      else seen.set(m.id, { material: { ...m }, count: 1 });
    }
  }
  return [...seen.values()].filter((e) => e.count > 1).map((e) => e.material);
}
