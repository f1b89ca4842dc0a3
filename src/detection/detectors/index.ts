import type { CaseDetector } from '../case-detector';

/** Every built-in detector, one module each; the driver runs them all unless told otherwise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each detector has its own options type
export const BUILT_IN_DETECTORS: ReadonlyArray<CaseDetector<any>> = [];
