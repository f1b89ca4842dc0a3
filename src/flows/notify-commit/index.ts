/**
 * Notify-and-commit (告知承诺制, 国办发〔2020〕42号): a built-in matter whose applicant commits
 * instead of proving, is decided on the spot and verified afterwards.
 */

/** A notify-and-commit flow; by default 资格考试报名 under 证明事项告知承诺制. */
export { notifyCommitFlow } from './notify-commit-flow';
/** Applies partial notify-and-commit settings to complete ones. */
export { mergeNotifyCommitSettings } from './notify-commit-flow';
/** Options and overrides of {@link notifyCommitFlow}. */
export type { NotifyCommitFlowOptions, NotifyCommitOverrides, CommitmentCondition } from './notify-commit-flow';
/** The defaults of {@link notifyCommitFlow}, each with its source and [V]/[R] marker. */
export {
  EXAM_REGISTRATION_ID,
  EXAM_REGISTRATION_NAME,
  EXAM_REGISTRATION_DEPARTMENT,
  EXAM_REGISTRATION_LEGAL_BASIS,
  EXAM_REGISTRATION_MATERIALS,
  EXAM_REGISTRATION_REPLACED_PROOFS,
  EXAM_REGISTRATION_CONDITIONS,
  EXAM_REGISTRATION_CONSEQUENCES,
  EXAM_REGISTRATION_VERIFICATION_WORKING_DAYS,
  EXAM_REGISTRATION_VERIFICATION_METHODS,
  EXAM_REGISTRATION_CORRECTION_WORKING_DAYS,
} from './defaults';
