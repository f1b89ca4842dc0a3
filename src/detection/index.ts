/**
 * Detection of off-system work (体外循环) and hidden approvals (隐性审批) in event logs: the detector
 * contract, the streaming driver and its batch and JSON Lines entries, and reports for supervisors.
 */

/** A detector's result. */
export type { Finding, Severity } from './finding';
/** What a detector sees of one case, a closed case's summary, and the detector contract. */
export type { CaseView, CaseSummary, CaseDetector } from './case-detector';
/** Every deviation code detectors report. */
export { DEVIATION_CODES } from './deviation-codes';
/** One deviation code. */
export type { DeviationCode } from './deviation-codes';
/** Every built-in detector; the driver runs them all unless told otherwise. */
export { BUILT_IN_DETECTORS } from './detectors';

/**
 * Creates a streaming detector: `push` records, get the findings of cases as they close, `flush` at the end.
 * @example
 * const detector = createDetector();
 * for await (const record of readEventLog(createReadStream('province.jsonl'))) handle(detector.push(record));
 * handle(detector.flush());
 */
export { createDetector } from './create-detector';
/** Default lateness window, in accepted records of the stream. */
export { DEFAULT_LATENESS } from './create-detector';
/** Activities that end a case (and start its lateness window). */
export { TERMINAL_ACTIVITIES } from './case-index';
/** Options, counts, an allow-list entry, thresholds, and the streaming detector's shape. */
export type { DetectorOptions, DetectionStats, AllowEntry, DetectorThresholds, OffSystemDetector } from './create-detector';

/**
 * Finds off-system work in typed records: the streaming detector run to the end.
 * @example
 * const { findings, stats } = detectOffSystemWork(records);
 * console.log(stats.findingsByCode);
 */
export { detectOffSystemWork } from './detect-off-system-work';
/** Finds off-system work in a JSON Lines log read as a stream; bad lines are counted and reported. */
export { detectOffSystemWorkInLog } from './detect-off-system-work';
/** Results and options of the batch and JSON Lines entries. */
export type { DetectionResult, LogDetectionResult, LogDetectionOptions } from './detect-off-system-work';

/** Summarizes findings per code, department and matter, with hidden working days and top cases. */
export { summarizeFindings } from './report';
/** Formats a findings report as Markdown tables. */
export { formatReportMarkdown } from './report';
/** A findings report, one tally, one top case, and the summary's options. */
export type { FindingsReport, FindingTally, TopCase, SummarizeFindingsOptions } from './report';
