import { PermitflowError } from '../../errors';
import { formatInstant } from '../../_internal/format-instant';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO-8601 instant with offset; throws `invalid-argument` naming `what` otherwise. */
export function parseInstant(iso: string, what: string): number {
  const ms = ISO.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) {
    throw new PermitflowError('invalid-argument', `${what} is "${iso}", not an ISO-8601 instant with offset; write it like "2025-09-22T09:00:00+08:00".`);
  }
  return ms;
}

/** The offset an instant is written in (`+08:00`, `Z`), or `Z` when it has none. */
export function offsetOf(iso: string): string {
  return /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? 'Z';
}

/** Local wall time `YYYY-MM-DD HH:mm` of epoch milliseconds at an offset. */
export function wallTime(ms: number, offset: string): string {
  const text = formatInstant(ms, offset);
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}
