/**
 * A copy of `list` at its exact length. An array grown by `push` keeps spare room (16 slots from
 * its first push); results kept by the thousand, like measurements, should not carry it.
 */
export function exactLength<T>(list: readonly T[]): T[] {
  return list.slice();
}
