export { computeCaseClock } from './compute-case-clock';
export type { CaseClockOptions, WarningThreshold } from './compute-case-clock';
export { linkResubmissionChains } from './link-resubmission-chains';
export type { ResubmissionChain, ResubmissionOptions } from './link-resubmission-chains';
export type {
  CaseClock,
  ClockPhase,
  Budget,
  BudgetStatus,
  Suspension,
  SuspensionKind,
  Extension,
  ElapsedTime,
  OfficialTime,
} from './case-clock';
export { computeBundleClock } from './compute-bundle-clock';
export type { BundleClock, BundleClockOptions, StageClock } from './compute-bundle-clock';
