/**
 * The construction-permit bundle (工程建设项目审批制度改革, 国办发〔2019〕11号): four stages from 立项
 * to 竣工验收, three project categories, and the reforms as pure transforms of the definition.
 * Every default number and its source is in `./sources`.
 */
export {
  constructionPermitBundle,
  REFORM_ORDER,
  type ConstructionPermitOptions,
  type ConstructionPermitLimits,
  type ConstructionPermitReforms,
} from './construction-permit-bundle';
export {
  CONSTRUCTION_PERMIT_MATTER_IDS,
  CONSTRUCTION_PERMIT_STAGE_IDS,
  CONSTRUCTION_PROJECT_CATEGORIES,
  type ConstructionPermitMatterId,
  type ConstructionPermitStageId,
  type ConstructionPermitBaseStageId,
  type ConstructionProjectCategory,
} from './construction-permit-ids';
export { applyMultiPlanIntegration } from './reforms/apply-multi-plan-integration';
export { applyRegionalAssessment, REGIONALLY_ASSESSED_MATTERS } from './reforms/apply-regional-assessment';
export { applyStandardLand } from './reforms/apply-standard-land';
export { applyUnifiedSurvey } from './reforms/apply-unified-survey';
export { applyLandWithDesignScheme } from './reforms/apply-land-with-design-scheme';
export { applyJointDrawingReview } from './reforms/apply-joint-drawing-review';
export { applyJointAcceptance } from './reforms/apply-joint-acceptance';
export {
  applyNotifyCommit,
  DEFAULT_VERIFICATION_METHODS,
  FALSE_COMMITMENT_CONSEQUENCES,
  type ApplyNotifyCommitOptions,
} from './reforms/apply-notify-commit';
export { applyDeferredAcceptance, type ApplyDeferredAcceptanceOptions } from './reforms/apply-deferred-acceptance';
export * as constructionPermitSources from './sources';
