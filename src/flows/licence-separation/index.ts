/**
 * Licence separation (证照分离, 国发〔2021〕7号): one business-operating permit under each reform
 * mode, every case starting from the business registration (照后减证).
 */

/** One permit under a mode of 证照分离; by default 食品经营许可. */
export { licenceSeparationFlow } from './licence-separation-flow';
/** The modes {@link licenceSeparationFlow} takes, the four of 国发〔2021〕7号 and the pre-reform baseline. */
export { LICENCE_SEPARATION_MODES } from './licence-separation-flow';
/** A mode, and the options of {@link licenceSeparationFlow}. */
export type { LicenceSeparationMode, LicenceSeparationOptions } from './licence-separation-flow';
/** The defaults of {@link licenceSeparationFlow}, each with its source and [V]/[R] marker. */
export {
  FOOD_BUSINESS_PERMIT_ID_PREFIX,
  FOOD_BUSINESS_PERMIT_NAME,
  FOOD_BUSINESS_PERMIT_DEPARTMENT,
  FOOD_BUSINESS_PERMIT_LEGAL_BASIS,
  FOOD_BUSINESS_PERMIT_CURRENT_RULES,
  FOOD_BUSINESS_PERMIT_BASELINE_RULES,
  FOOD_BASELINE_STATUTORY_WORKING_DAYS,
  FOOD_BASELINE_EXTENSION_WORKING_DAYS,
  FOOD_OPTIMIZED_STATUTORY_WORKING_DAYS,
  FOOD_OPTIMIZED_EXTENSION_WORKING_DAYS,
  FOOD_BASELINE_MATERIALS,
  FOOD_OPTIMIZED_MATERIALS,
  FOOD_FILING_MATERIALS,
  FOOD_NOTIFY_COMMIT_MATERIALS,
  FOOD_NOTIFY_COMMIT_CONDITIONS,
  FOOD_NOTIFY_COMMIT_CONSEQUENCES,
  FOOD_NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS,
  FOOD_NOTIFY_COMMIT_VERIFICATION_METHODS,
  FOOD_NOTIFY_COMMIT_CORRECTION_WORKING_DAYS,
} from './defaults';
