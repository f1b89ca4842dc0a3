import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS } from '../finding';
import { bundleTables, constructionTables } from './_internal/bundle-tables';
import { caseFields, ms, msOf, short } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link missingPredecessorDetector}. */
export interface MissingPredecessorOptions {
  /**
   * Per matter, the matters it requires first (bundle `dependsOn`); default the construction-permit
   * bundle's. A case of a bundle instance whose bundle the log shows uses that bundle's own instead.
   */
  readonly dependsOn: Readonly<Record<string, readonly string[]>>;
  /** Endings that count as a predecessor done; default approved (11, 12), certificate issued and filed. */
  readonly doneEndings: readonly string[];
  /**
   * Report only projects the log shows before this case (an earlier closed case of another matter of the
   * project); default true: a project first seen at this matter may simply predate the log.
   */
  readonly requireProjectHistory: boolean;
}

/**
 * Missing predecessor (DOMAIN §1 row 10, wholly off-system items): a later milestone (e.g. 施工许可) is
 * filed for a project whose earlier matters are in the system, but a matter it requires (`dependsOn`,
 * e.g. 施工图审查) has no approved case of that project before this receipt — it was done off the
 * system, or not at all. No `hiddenWorkingDays`: how long the off-system item took is unknown.
 */
export const missingPredecessorDetector: CaseDetector<MissingPredecessorOptions> = {
  code: 'missing-predecessor',
  signal: 'A matter whose required predecessors (dependsOn) have no approved case of the same project before its receipt, in a project the log shows earlier.',
  get defaults() {
    return { dependsOn: constructionTables().dependsOn, doneEndings: ['approved', 'approved-deferred', 'certificate-issued', 'filed'], requireProjectHistory: true };
  },
  detect(view, options, history) {
    const required = (view.bundle === undefined ? options.dependsOn : bundleTables(view.bundle).dependsOn)[view.matterId];
    if (required === undefined || required.length === 0) return NO_FINDINGS;
    const { received, projectCode } = indexOf(view);
    if (received === undefined || projectCode === undefined) return NO_FINDINGS;
    const before = msOf(view, received);
    const project = history.filter(
      (h) => h.projectCode === projectCode && h.matterId !== view.matterId && h.end !== undefined && ms(h.end.at) <= before,
    );
    if (options.requireProjectHistory && project.length === 0) return NO_FINDINGS;
    const done = new Set(project.filter((h) => options.doneEndings.includes(h.end!.activity)).map((h) => h.matterId));
    const missing = required.filter((id) => !done.has(id));
    if (missing.length === 0) return NO_FINDINGS;
    const first = project[0];
    const seen = project.map((h) => h.matterId).filter((id, i, all) => all.indexOf(id) === i);
    return [
      {
        code: 'missing-predecessor',
        ...caseFields(view),
        severity: 'high',
        recordIds: [...project.map((h) => h.firstRecordId), received.id],
        interval: { from: first?.receivedAt ?? first?.end?.at ?? received.at, to: received.at },
        message:
          `Missing predecessor (体外循环, wholly off-system item): case ${view.caseId} of matter ${view.matterId} for project ${projectCode} ` +
          `was received on ${short(received.at)}, but ${missing.map((id) => `"${id}"`).join(', ')}, which it requires, has no approved case ` +
          `of the project in the system${seen.length === 0 ? '' : ` (the project's earlier cases: ${seen.join(', ')})`}. Ask for the ` +
          `${missing.length === 1 ? 'approval' : 'approvals'} the applicant holds and where ${missing.length === 1 ? 'it was' : 'they were'} handled; enter off-system items into the system.`,
      },
    ];
  },
};
