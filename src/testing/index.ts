/**
 * `permitflow/testing`: fast-check arbitraries for flows, commands and event logs, for authors of
 * property-based test suites. Needs the optional peer dependency `fast-check`.
 */
export { flowArbitrary } from './flow-arbitrary';
export type { FlowArbitraryOptions } from './flow-arbitrary';
export { flowCommandArbitrary } from './flow-command-arbitrary';
export { caseMovesArbitrary, possibleCommands, resolveMove } from './case-moves';
export type { CaseMove } from './case-moves';
export { eventRecordArbitrary } from './event-record-arbitrary';
export type { EventRecordArbitraryOptions } from './event-record-arbitrary';
export { conformantLogArbitrary, deviantLogArbitrary } from './log-arbitrary';
export type { LogArbitraryOptions, DeviantLogArbitraryOptions } from './log-arbitrary';
