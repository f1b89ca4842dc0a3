import type { WorkingCalendar } from '../calendar';
import type { BundleDefinition, FlowDefinition } from '../definition';
import type { EventRecord } from '../event-log';
import type { DeviationCode } from './deviation-codes';
import type { Finding } from './finding';

/** What a detector sees of one case once it has closed (or the log has ended). */
export interface CaseView {
  readonly caseId: string;
  readonly matterId: string;
  /** The case's definition; absent for a matter with no definition (reported once by the driver). */
  readonly flow: FlowDefinition | undefined;
  /** The case's records, system and evidence, sorted by `at` (ties in the order they came). */
  readonly records: readonly EventRecord[];
  readonly calendar: WorkingCalendar;
  /**
   * Milliseconds since the epoch of each record's `at` (what `Date.parse` gives), index for index with
   * `records`: the driver parses each instant once and shares it. Absent in a view built by hand.
   */
  readonly times?: readonly number[];
  /**
   * The bundle (一件事) definition of the instance the case belongs to, when the log shows it (the
   * instance's own records name a bundle among those passed): cross-matter detectors read its stages
   * and `dependsOn` instead of their defaults.
   */
  readonly bundle?: BundleDefinition;
}

/**
 * A summary of a closed case that outlives its records: what cross-case detectors (resubmission
 * chains, predecessors, parallel matters) need, so the driver holds per open case, not per event.
 */
export interface CaseSummary {
  readonly caseId: string;
  readonly matterId: string;
  readonly projectCode?: string;
  readonly applicantId?: string;
  readonly bundleId?: string;
  /** First `received` instant, if any. */
  readonly receivedAt?: string;
  /** First acceptance instant (window, department or commitment), if any. */
  readonly acceptedAt?: string;
  /** The closing activity and its instant, if the case ended. */
  readonly end?: { readonly activity: string; readonly at: string; readonly recordId: string };
  /** The first record's id, to prove a finding. */
  readonly firstRecordId: string;
  /** Set when the case's matter has no definition among those the driver was given: a matter on no list. */
  readonly unlisted?: true;
}

/** One detector: a stable code, what it looks for, its default thresholds, and the check itself. */
export interface CaseDetector<TOptions extends object = object> {
  readonly code: DeviationCode;
  /** The signal it looks for, in one sentence (DOMAIN.md §1). */
  readonly signal: string;
  /** Thresholds with their documented defaults; a caller may set them per matter. */
  readonly defaults: TOptions;
  /**
   * Findings for one closed case. `history` gives the summaries of the earlier closed cases linked
   * to it — same `projectCode` (any matter), or same `applicantId` and matter — oldest first, for
   * detectors that look across attempts or matters.
   */
  detect(view: CaseView, options: TOptions, history: readonly CaseSummary[]): readonly Finding[];
}
