/**
 * Every matter (事项) the construction-permit bundle can hold, in stage order. Which of them a
 * bundle holds depends on the project category and the reforms (see `constructionPermitBundle`).
 */
export const CONSTRUCTION_PERMIT_MATTER_IDS = [
  // 立项用地规划许可 (stage 1)
  'project-approval',
  'project-filing',
  'land-pre-review-site-selection',
  'land-use-planning-permit',
  'environmental-impact-assessment',
  'soil-water-conservation',
  'energy-conservation-review',
  'mineral-overlay-review',
  // 工程建设许可 (stage 2)
  'design-scheme-review',
  'works-planning-permit',
  // 施工许可 (stage 3)
  'construction-drawing-review',
  'fire-design-review',
  'civil-air-defence-design-review',
  'joint-drawing-review',
  'construction-permit',
  // 竣工验收 (stage 4)
  'unified-survey',
  'planning-verification',
  'land-verification',
  'fire-acceptance',
  'fire-acceptance-filing',
  'civil-air-defence-acceptance',
  'archives-acceptance',
  'joint-acceptance',
  'completion-filing',
] as const;

/** Id of a matter of the construction-permit bundle. */
export type ConstructionPermitMatterId = (typeof CONSTRUCTION_PERMIT_MATTER_IDS)[number];

/**
 * The stages of 国办发〔2019〕11号 in order, and the one 带方案出让 makes of stages 2 and 3:
 * `land-planning` 立项用地规划许可, `works-planning` 工程建设许可, `construction` 施工许可,
 * `completion` 竣工验收, `works-and-construction` 工程建设许可和施工许可 (merged).
 */
export const CONSTRUCTION_PERMIT_STAGE_IDS = ['land-planning', 'works-planning', 'construction', 'completion', 'works-and-construction'] as const;

/** Id of a stage of the construction-permit bundle. */
export type ConstructionPermitStageId = (typeof CONSTRUCTION_PERMIT_STAGE_IDS)[number];

/** Id of one of the four stages of 国办发〔2019〕11号 (every stage but the merged one). */
export type ConstructionPermitBaseStageId = Exclude<ConstructionPermitStageId, 'works-and-construction'>;

/**
 * Project categories with their own matter lists and limits (tiers used locally, DOMAIN.md §2 [R]):
 * 政府投资 government-invested, 社会投资 social-invested, 社会投资小型低风险 small-low-risk.
 */
export const CONSTRUCTION_PROJECT_CATEGORIES = ['government-invested', 'social-invested', 'small-low-risk'] as const;

/** A project category. */
export type ConstructionProjectCategory = (typeof CONSTRUCTION_PROJECT_CATEGORIES)[number];
