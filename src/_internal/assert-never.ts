/** Ends every switch over a tagged union, so a new variant breaks the compile, not production. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
