/**
 * Measurement: each 一件事 end to end, as the applicant lives it (experienced) and as statistics
 * count it (official), with trips, materials, limits and the critical path; and their aggregates.
 */
export type { Duration, Period, LimitCheck, SuspensionTotals, Pause, OffSystemPeriod, MatterMeasurement, StageMeasurement, MeasurementOutcome, Measurement } from './measurement';
export type { Distribution, TimeDistribution, SummaryGrouping, GroupSummary, MeasurementSummary } from './summary';
export { measureBundle, DEFAULT_TRIP_EVIDENCE_KINDS } from './measure-bundle';
export type { MeasureOptions } from './measure-bundle';
export { measureLog, planMeasurement } from './measure-log';
export type { MeasureLogOptions, MeasureLogResult, UnmeasuredGroup, MeasurementPlanner, LogMeasurer } from './measure-log';
export { createMeasurementSummarizer, summarizeMeasurements } from './summarize-measurements';
export type { MeasurementSummarizer } from './summarize-measurements';
export { compareSlowest } from './compare-slowest';
export { formatMeasurementMarkdown } from './format-measurement-report';
export type { MeasurementReportOptions } from './format-measurement-report';
