/**
 * Errors and issues.
 *
 * Problems in what users wrote (definitions, logs, calendars) are data: an {@link Issue} list.
 * Misuse of the API and broken invariants throw a {@link PermitflowError} with a stable `code`.
 */

/** A path into the input where an issue was found, as zod reports it. */
export type IssuePath = ReadonlyArray<string | number>;

/** One problem found in user input: a stable code, where it is, and how to fix it. */
export interface Issue {
  /** Stable, kebab-case code, e.g. `duplicate-id`. */
  readonly code: string;
  /** Where in the input the problem is. */
  readonly path: IssuePath;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Codes of the errors permitflow throws. */
export type PermitflowErrorCode =
  | 'invalid-definition'
  | 'snapshot-mismatch'
  | 'invalid-snapshot'
  | 'calendar-coverage'
  | 'invalid-calendar'
  | 'invalid-argument'
  | 'store-conflict'
  | 'not-found';

/** Base class of every error permitflow throws; `code` is stable across versions. */
export class PermitflowError extends Error {
  /** Stable code of this error. */
  readonly code: PermitflowErrorCode;

  constructor(code: PermitflowErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Thrown when a definition that did not validate is used; `issues` lists why. */
export class DefinitionError extends PermitflowError {
  /** The validation issues. */
  readonly issues: readonly Issue[];

  constructor(what: string, issues: readonly Issue[]) {
    super('invalid-definition', `${what} is not valid:\n${formatIssues(issues)}`);
    this.issues = issues;
  }
}

/** Formats a path the way a reader finds it in JSON: `process.children[1].join`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Formats issues one per line as `- at path: message [code]`.
 * @example
 * formatIssues([{ code: 'duplicate-id', path: ['process'], message: 'Step id "x" is used twice.' }]);
 * // '- at process: Step id "x" is used twice. [duplicate-id]'
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `- at ${formatPath(i.path)}: ${i.message} [${i.code}]`).join('\n');
}
