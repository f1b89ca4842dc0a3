/**
 * Ends that closed nothing, kept for the latest instant only. A start under the same key at that
 * instant pairs with one of them: a pause or step begun and ended in one instant, its two records
 * written in reverse (as a log sorted by instant, then activity, has them). Several kinds can be
 * reversed at one instant, their records interleaved. Feed it records in time order.
 */
export class SameInstantEnds<T> {
  private readonly ends: Array<{ readonly key: string; readonly time: number; readonly value: T }> = [];

  /** Notes an end under `key` at `time` (epoch ms) that closed nothing; ends of an earlier instant can pair with nothing any more. */
  note(key: string, time: number, value: T): void {
    if (this.ends.length > 0 && this.ends[0]!.time !== time) this.ends.length = 0;
    this.ends.push({ key, time, value });
  }

  /** The end a start under `key` at `time` pairs with (used up), or `undefined`. */
  take(key: string, time: number): T | undefined {
    for (let i = 0; i < this.ends.length; i++) {
      const end = this.ends[i]!;
      if (end.key === key && end.time === time) {
        this.ends.splice(i, 1);
        return end.value;
      }
    }
    return undefined;
  }
}
