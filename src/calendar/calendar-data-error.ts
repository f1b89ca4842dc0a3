import { PermitflowError, formatIssues, type Issue } from '../errors';

/** Thrown when calendar data does not validate (code `invalid-calendar`); `issues` lists why. */
export class CalendarDataError extends PermitflowError {
  /** The validation issues, each with a code, a path into the data and a fix. */
  readonly issues: readonly Issue[];

  constructor(what: string, issues: readonly Issue[]) {
    super('invalid-calendar', `${what} is not valid:\n${formatIssues(issues)}`);
    this.issues = issues;
  }
}
