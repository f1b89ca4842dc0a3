import type { Measurement } from './measurement';

/**
 * Orders measurements slowest first: most experienced working days, then most official working
 * days, then the smaller id — the ranking both reports use for their slowest bundles.
 * @example
 * const slowest = [...measurements].sort(compareSlowest).slice(0, 10);
 */
export function compareSlowest(a: Measurement, b: Measurement): number {
  return b.experienced.workingDays - a.experienced.workingDays || b.official.workingDays - a.official.workingDays || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
