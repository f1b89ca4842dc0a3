import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS } from '../finding';
import { bundleTables, constructionTables, type BundleTables } from './_internal/bundle-tables';
import { caseFields, ms, short, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link serialAsParallelDetector}. */
export interface SerialAsParallelOptions {
  /**
   * Per matter, its stage (bundle `stages`); default the construction-permit bundle's. A case of a
   * bundle instance whose bundle the log shows uses that bundle's stages and `dependsOn` instead.
   */
  readonly stageOf: Readonly<Record<string, string>>;
  /** Per matter, the matters it requires first (bundle `dependsOn`): such pairs are serial by design; default the construction-permit bundle's. */
  readonly dependsOn: Readonly<Record<string, readonly string[]>>;
  /** Endings of the partner that count as decided; default approved (11, 12), denied (13), certificate issued and filed. */
  readonly decidedEndings: readonly string[];
}

/** Whether matter `a` requires matter `b` first. */
function requires(tables: BundleTables, a: string, b: string): boolean {
  return (tables.dependsOn[a] ?? []).includes(b);
}

/**
 * Serial work labelled as parallel (串联 disguised as 并联, DOMAIN §1 row 8): two matters of one bundle
 * instance (`bundleId`, the 并联审批实例编码) in the same stage, neither requiring the other, yet this
 * one was received only after the other was decided — the department waited for the other's result
 * although the flow runs them at once. `hiddenWorkingDays` is the wait: working days from the
 * partner's receipt to this receipt, which the stage's union of intervals does not show as a delay.
 */
export const serialAsParallelDetector: CaseDetector<SerialAsParallelOptions> = {
  code: 'serial-as-parallel',
  signal: 'A matter of a bundle instance received only after a parallel matter of the same stage (no dependsOn between them) was decided.',
  get defaults() {
    return { ...constructionTables(), decidedEndings: ['approved', 'approved-deferred', 'denied', 'certificate-issued', 'filed'] };
  },
  detect(view, options, history) {
    const { bundleId, received } = indexOf(view);
    const tables = view.bundle === undefined ? options : bundleTables(view.bundle);
    const stage = tables.stageOf[view.matterId];
    if (bundleId === undefined || stage === undefined || received === undefined) return NO_FINDINGS;
    // A matter that requires others is received when they are done, whatever its stage partners do.
    if ((tables.dependsOn[view.matterId] ?? []).length > 0) return NO_FINDINGS;
    const before = history.filter(
      (h) =>
        h.bundleId === bundleId &&
        h.matterId !== view.matterId &&
        tables.stageOf[h.matterId] === stage &&
        !requires(tables, view.matterId, h.matterId) &&
        !requires(tables, h.matterId, view.matterId) &&
        h.end !== undefined &&
        options.decidedEndings.includes(h.end.activity) &&
        ms(h.end.at) <= ms(received.at),
    );
    if (before.length === 0) return NO_FINDINGS;
    const first = before.reduce((a, b) => (ms(b.receivedAt ?? b.end!.at) < ms(a.receivedAt ?? a.end!.at) ? b : a));
    const from = first.receivedAt ?? first.end!.at;
    const days = workingDaysFrom(view, from, received.at);
    const last = before.reduce((a, b) => (ms(b.end!.at) > ms(a.end!.at) ? b : a));
    return [
      {
        code: 'serial-as-parallel',
        ...caseFields(view),
        bundleId,
        severity: 'medium',
        recordIds: [...before.flatMap((h) => [h.firstRecordId, h.end!.recordId]), received.id],
        interval: { from, to: received.at },
        hiddenWorkingDays: days,
        message:
          `Serial work labelled as parallel (串联 disguised as 并联): in bundle ${bundleId}, case ${view.caseId} (${view.matterId}) was received ` +
          `on ${short(received.at)}, ${workingDaysFrom(view, last.end!.at, received.at)} working days after parallel matter ${last.matterId} ` +
          `(case ${last.caseId}) ended "${last.end!.activity}" on ${short(last.end!.at)}, though stage ${stage} runs them at once. ` +
          `Ask whether the department demanded the other result first; the stage took ${days} working days from the first receipt.`,
      },
    ];
  },
};
