export type { BenchRow } from './bench-row';
export { measure, compare } from './measure';
export type { MeasureOptions, Measurement, Contender, CompareOptions, Comparison } from './measure';
export { formatTable, verdictOf } from './format-table';
export type { Verdict } from './format-table';
export { transitionTables, groupByCaseFloor, copyOf, floorRows } from './group-floor';
export { medianRows } from './median-rows';
