/**
 * `permitflow/interop`: formats and diagrams — Mermaid diagrams of flows and bundles, readable
 * timelines, Gantt charts of measured bundles, distribution charts and HTML reports. Importers and
 * exporters (CSV, XES, OCEL 2.0, 工改 state-history tables) join here.
 */
export { toMermaid } from './to-mermaid';
export type { ToMermaidOptions } from './to-mermaid';
export { formatTimeline } from './format-timeline';
export type { FormatTimelineOptions } from './format-timeline';
export { toGantt } from './to-gantt';
export type { ToGanttOptions } from './to-gantt';
export { toDistributionSvg } from './to-distribution-svg';
export type { ToDistributionSvgOptions } from './to-distribution-svg';
export { toHtmlReport } from './to-html-report';
export type { HtmlReportInput, ToHtmlReportOptions } from './to-html-report';
