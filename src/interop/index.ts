/**
 * `permitflow/interop`: formats and diagrams. Today: Mermaid diagrams of flows. Importers and
 * exporters (CSV, XES, OCEL 2.0, 工改 state-history tables) join here.
 */
export { toMermaid } from './to-mermaid';
export { formatTimeline } from './format-timeline';
export type { FormatTimelineOptions } from './format-timeline';
