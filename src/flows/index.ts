/**
 * The built-in flows and bundles: realistic starting points, as data validated by the schema.
 * Each folder's own index.ts has the defaults with their sources; docs/flows/ has a page per built-in.
 */
export type { BundleWithFlows } from './bundle-with-flows';
export {
  constructionPermitBundle,
  REFORM_ORDER,
  CONSTRUCTION_PERMIT_MATTER_IDS,
  CONSTRUCTION_PERMIT_STAGE_IDS,
  CONSTRUCTION_PROJECT_CATEGORIES,
} from './construction-permit';
export type {
  ConstructionPermitOptions,
  ConstructionPermitLimits,
  ConstructionPermitReforms,
  ConstructionPermitMatterId,
  ConstructionPermitStageId,
  ConstructionProjectCategory,
} from './construction-permit';
export { licenceSeparationFlow, LICENCE_SEPARATION_MODES } from './licence-separation';
export type { LicenceSeparationMode, LicenceSeparationOptions } from './licence-separation';
export { notifyCommitFlow } from './notify-commit';
export type { NotifyCommitFlowOptions, NotifyCommitOverrides } from './notify-commit';
export { openBusinessBundle, realEstateRegistrationBundle, OPEN_BUSINESS_MATTERS, REAL_ESTATE_MATTERS } from './everyday';
export type { OpenBusinessBundleOptions, RealEstateRegistrationBundleOptions, Utility } from './everyday';
export { builtInBundles, builtInFlows } from './built-ins';
