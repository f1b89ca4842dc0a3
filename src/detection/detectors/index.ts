import type { CaseDetector } from '../case-detector';
import { backfilledRecordDetector } from './backfilled-record';
import { disguisedFilingDetector } from './disguised-filing';
import { doubleAcceptanceDetector } from './double-acceptance';
import { extraneousDelayDetector } from './extraneous-delay';
import { implausibleSpeedDetector } from './implausible-speed';
import { missingPredecessorDetector } from './missing-predecessor';
import { preAcceptanceWorkDetector } from './pre-acceptance-work';
import { serialAsParallelDetector } from './serial-as-parallel';
import { suspensionAbuseDetector } from './suspension-abuse';
import { unlistedMaterialDetector } from './unlisted-material';
import { unmodeledActivityDetector } from './unmodeled-activity';
import { withdrawResubmitDetector } from './withdraw-resubmit';

export { backfilledRecordDetector } from './backfilled-record';
export { disguisedFilingDetector } from './disguised-filing';
export { doubleAcceptanceDetector } from './double-acceptance';
export { extraneousDelayDetector } from './extraneous-delay';
export { implausibleSpeedDetector } from './implausible-speed';
export { missingPredecessorDetector } from './missing-predecessor';
export { preAcceptanceWorkDetector } from './pre-acceptance-work';
export { serialAsParallelDetector } from './serial-as-parallel';
export { suspensionAbuseDetector } from './suspension-abuse';
export { unlistedMaterialDetector } from './unlisted-material';
export { unmodeledActivityDetector } from './unmodeled-activity';
export { withdrawResubmitDetector } from './withdraw-resubmit';
export type { BackfilledRecordOptions } from './backfilled-record';
export type { DisguisedFilingOptions } from './disguised-filing';
export type { DoubleAcceptanceOptions } from './double-acceptance';
export type { ExtraneousDelayOptions } from './extraneous-delay';
export type { ImplausibleSpeedOptions } from './implausible-speed';
export type { MissingPredecessorOptions } from './missing-predecessor';
export type { PreAcceptanceWorkOptions } from './pre-acceptance-work';
export type { SerialAsParallelOptions } from './serial-as-parallel';
export type { SuspensionAbuseOptions } from './suspension-abuse';
export type { UnlistedMaterialOptions } from './unlisted-material';
export type { UnmodeledActivityOptions } from './unmodeled-activity';
export type { WithdrawResubmitOptions } from './withdraw-resubmit';

/** Every built-in detector, one module each; the driver runs them all unless told otherwise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each detector has its own options type
export const BUILT_IN_DETECTORS: ReadonlyArray<CaseDetector<any>> = [
  preAcceptanceWorkDetector,
  withdrawResubmitDetector,
  backfilledRecordDetector,
  implausibleSpeedDetector,
  suspensionAbuseDetector,
  unlistedMaterialDetector,
  unmodeledActivityDetector,
  doubleAcceptanceDetector,
  disguisedFilingDetector,
  extraneousDelayDetector,
  missingPredecessorDetector,
  serialAsParallelDetector,
];
