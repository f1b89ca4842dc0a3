/**
 * The simulator: seeded, labeled event logs — ground truth for the detectors of off-system work
 * (体外循环, 隐性审批). Conformant cases carry the lawful behaviours each deviation can be mistaken
 * for; injected deviations look as they would in a real log, and only the labels say which is which.
 */

/** Generates a labeled event log from a seed; see {@link GenerateLogOptions}. */
export { generateLog } from './generate-log';
/** Options, the output and one label of {@link generateLog}. */
export type { GenerateLogOptions, GeneratedLog, DeviationLabel } from './generate-log';
/** Generates a labeled year of 一件事 bundle instances from a seed; see {@link GenerateBundleLogOptions}. */
export { generateBundleLog, defaultBundleMix, BUNDLE_INJECTABLE_DEVIATION_CODES } from './generate-bundle-log';
/** Options of {@link generateBundleLog}, one entry of its mix, and a code it can inject. */
export type { GenerateBundleLogOptions, BundleMixEntry, BundleInjectableDeviationCode } from './generate-bundle-log';
/** Every deviation code detectors report, and the ones {@link generateLog} injects today. */
export { DEVIATION_CODES } from '../detection/deviation-codes';
export { INJECTABLE_DEVIATION_CODES } from './injectable-codes';
/** The ways an injected `suspension-abuse` or `unmodeled-activity` can look, and those injected by default. */
export { SUSPENSION_ABUSE_VARIANTS, DEFAULT_SUSPENSION_ABUSE_VARIANTS, UNMODELED_ACTIVITY_VARIANTS, DEFAULT_UNMODELED_ACTIVITY_VARIANTS } from './injectable-codes';
/** A deviation code, and an injectable one. */
export type { DeviationCode } from '../detection/deviation-codes';
export type { InjectableDeviationCode, SuspensionAbuseVariant, UnmodeledActivityVariant } from './injectable-codes';
/** The default rates of the lawful look-alikes in conformant cases. */
export { DEFAULT_LAWFUL_RATES } from './lawful-behaviours';
/** Rates of the lawful look-alikes, per case. */
export type { LawfulRates } from './lawful-behaviours';
