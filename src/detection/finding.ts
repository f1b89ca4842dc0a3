import type { DeviationCode } from './deviation-codes';

/** How much a finding weighs for a supervisor. */
export type Severity = 'low' | 'medium' | 'high';

/**
 * What a detector found: a code, the case (or bundle) it concerns, the records that prove it, the
 * interval it covers, the working days it hid from the official figures where that can be
 * estimated, and a message a supervisor can act on.
 */
export interface Finding {
  readonly code: DeviationCode;
  readonly caseId?: string;
  readonly bundleId?: string;
  readonly matterId?: string;
  /** The department responsible (the matter's), for reports by department. */
  readonly department?: string;
  readonly severity: Severity;
  /** Ids of the records that prove it. */
  readonly recordIds: readonly string[];
  /** The time it covers: instants with offsets. */
  readonly interval?: { readonly from: string; readonly to: string };
  /** Working days of off-system work it hid from the official figures, where that can be estimated. */
  readonly hiddenWorkingDays?: number;
  /** What happened and what to check, in words a supervisor can act on. */
  readonly message: string;
}

/** The findings of a case with none, shared: a detector returns it instead of a new empty array. */
export const NO_FINDINGS: readonly Finding[] = [];
