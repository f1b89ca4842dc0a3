const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Minutes east of UTC of an offset written `+08:00`, `-05:30` or `Z`. */
export function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const m = OFFSET.exec(offset);
  if (!m) throw new RangeError(`Invalid UTC offset "${offset}"; write it as "+08:00" or "Z".`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

const offsets = new Map<string, number>();
let last = { ms: NaN, offset: '', text: '' };

/** Writes epoch milliseconds as ISO-8601 with the given offset, e.g. `2025-03-03T09:30:00.000+08:00`. */
export function formatInstant(ms: number, offset: string): string {
  if (ms === last.ms && offset === last.offset) return last.text; // consecutive records often share an instant
  let minutes = offsets.get(offset);
  if (minutes === undefined) {
    minutes = offsetMinutes(offset);
    offsets.set(offset, minutes);
  }
  const shifted = new Date(ms + minutes * 60_000).toISOString();
  // join writes one flat string. `+` or a template would make a rope over a slice, and every later
  // reader of its characters pays for that: parsing it back took ~1.4× as long.
  const text = offset === 'Z' ? shifted : [shifted.slice(0, -1), offset].join('');
  last = { ms, offset, text };
  return text;
}
