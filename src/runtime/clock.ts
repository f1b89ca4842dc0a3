
/**
 * Where time comes from: xstate's clock shape plus `now()`. xstate's `SimulatedClock` fits it,
 * so tests and simulations move time by hand; nothing in permitflow reads the wall clock itself.
 */
export interface Clock {
  /** Schedules `fn` after `ms` milliseconds of this clock's time. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** Cancels what `setTimeout` scheduled. */
  clearTimeout(id: unknown): void;
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The wall clock, for production use; the one place permitflow reads real time. */
export const systemClock: Clock = {
  // eslint-disable-next-line no-restricted-properties -- the single sanctioned read of real time
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};
