/**
 * The construction-permit bundle (工程建设项目审批制度改革, 国办发〔2019〕11号): four stages from 立项
 * to 竣工验收, three project categories, and the reforms as pure transforms of the definition.
 * Every default number is in `./sources` with its source and [V]/[R] marker.
 */

/** The bundle for a project category, with limits and reforms applied. */
export { constructionPermitBundle } from './construction-permit-bundle';
/** The fixed order in which `constructionPermitBundle` applies the reforms. */
export { REFORM_ORDER } from './construction-permit-bundle';
/** Options of `constructionPermitBundle`: category, limits and reforms. */
export type { ConstructionPermitOptions, ConstructionPermitLimits, ConstructionPermitReforms } from './construction-permit-bundle';
/** Every matter id, stage id and project category the bundle knows, in order. */
export { CONSTRUCTION_PERMIT_MATTER_IDS, CONSTRUCTION_PERMIT_STAGE_IDS, CONSTRUCTION_PROJECT_CATEGORIES } from './construction-permit-ids';
/** The typed ids of matters, stages and categories. */
export type {
  ConstructionPermitMatterId,
  ConstructionPermitStageId,
  ConstructionPermitBaseStageId,
  ConstructionProjectCategory,
} from './construction-permit-ids';
/** 多规合一: planning conditions given up front. */
export { applyMultiPlanIntegration } from './reforms/apply-multi-plan-integration';
/** 区域评估: per-project assessments leave the bundle; the matters it removes. */
export { applyRegionalAssessment, REGIONALLY_ASSESSED_MATTERS } from './reforms/apply-regional-assessment';
/** 标准地: 拿地即开工 on land sold with its indicators after 区域评估. */
export { applyStandardLand } from './reforms/apply-standard-land';
/** 多测合一: one survey commission replaces the separate completion surveys. */
export { applyUnifiedSurvey } from './reforms/apply-unified-survey';
/** 带方案出让: stages 2 and 3 merge. */
export { applyLandWithDesignScheme } from './reforms/apply-land-with-design-scheme';
/** 联合审图: one combined drawing review. */
export { applyJointDrawingReview } from './reforms/apply-joint-drawing-review';
/** 联合验收: one joint acceptance with the departments' checks in parallel. */
export { applyJointAcceptance } from './reforms/apply-joint-acceptance';
/** 告知承诺 for chosen matters, with its default verification methods and consequences. */
export { applyNotifyCommit, DEFAULT_VERIFICATION_METHODS, FALSE_COMMITMENT_CONSEQUENCES } from './reforms/apply-notify-commit';
/** Options of `applyNotifyCommit`. */
export type { ApplyNotifyCommitOptions } from './reforms/apply-notify-commit';
/** 容缺受理 for chosen matters. */
export { applyDeferredAcceptance } from './reforms/apply-deferred-acceptance';
/** Options of `applyDeferredAcceptance`. */
export type { ApplyDeferredAcceptanceOptions } from './reforms/apply-deferred-acceptance';
/** Every default number of the bundle, each with its source and [V]/[R] marker. */
export {
  NATIONAL_TOTAL_CEILING_WORKING_DAYS,
  TOTAL_LIMIT_GOVERNMENT_INVESTED,
  TOTAL_LIMIT_SOCIAL_INVESTED,
  TOTAL_LIMIT_SMALL_LOW_RISK,
  STAGE_LIMITS_GOVERNMENT_INVESTED,
  STAGE_LIMITS_SOCIAL_INVESTED,
  STAGE_LIMITS_SMALL_LOW_RISK,
  DEFAULT_STATUTORY_WORKING_DAYS,
  JOINT_HANDLING_STATUTORY_WORKING_DAYS,
  JOINT_HANDLING_EXTENSION_WORKING_DAYS,
  CONSTRUCTION_PERMIT_STATUTORY_WORKING_DAYS,
  FIRE_DESIGN_REVIEW_STATUTORY_WORKING_DAYS,
  FIRE_ACCEPTANCE_STATUTORY_WORKING_DAYS,
  DRAWING_REVIEW_STATUTORY_WORKING_DAYS,
  EIA_REPORT_FORM_STATUTORY_WORKING_DAYS,
  PROMISED_WORKING_DAYS,
  NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS,
  NOTIFY_COMMIT_CORRECTION_WORKING_DAYS,
  EXPECTED_TRIPS_PER_STAGE,
} from './sources';
