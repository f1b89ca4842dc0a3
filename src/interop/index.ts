/**
 * `permitflow/interop`: formats and diagrams — Mermaid diagrams of flows and bundles, readable
 * timelines. Importers and exporters (CSV, XES, OCEL 2.0, 工改 state-history tables) join here.
 */
export { toMermaid } from './to-mermaid';
export type { ToMermaidOptions } from './to-mermaid';
export { formatTimeline } from './format-timeline';
export type { FormatTimelineOptions } from './format-timeline';
