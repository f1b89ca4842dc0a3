import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS } from '../finding';
import { caseFields, listedMaterialsOf, short } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link unlistedMaterialDetector}. */
export interface UnlistedMaterialOptions {
  /** Activities whose materials the office demands; default the 补正 request (`supplement-started`) and `permit-demanded`. */
  readonly demandActivities: readonly string[];
}

/**
 * Unlisted material (清单外材料, 行政许可法 Art. 31): a material demanded — in a 补正 request above all —
 * that is not on the matter's published list (its materials and those its steps examine). The
 * applicant's hand-in of it is cited too. No `hiddenWorkingDays`: the wait is on the record, the harm
 * is the demand itself. Cases without a flow are skipped.
 */
export const unlistedMaterialDetector: CaseDetector<UnlistedMaterialOptions> = {
  code: 'unlisted-material',
  signal: 'Materials demanded or asked for in a 补正 that are not on the matter\'s published material list (办事指南).',
  defaults: { demandActivities: ['supplement-started', 'permit-demanded'] },
  detect(view, options) {
    const flow = view.flow;
    if (flow === undefined) return NO_FINDINGS;
    const listed = listedMaterialsOf(flow);
    const withMaterials = indexOf(view).withMaterials;
    let found: Set<string> | undefined;
    for (const i of withMaterials) {
      const r = view.records[i]!;
      if (!options.demandActivities.includes(r.activity)) continue;
      for (const m of r.materials!) if (!listed.has(m)) (found ??= new Set()).add(m);
    }
    if (found === undefined) return NO_FINDINGS;
    const unlisted = [...found];
    const proving = withMaterials.map((i) => view.records[i]!).filter((r) => r.materials!.some((m) => unlisted.includes(m)));
    const first = proving[0]!;
    const last = proving.at(-1)!;
    return [
      {
        code: 'unlisted-material',
        ...caseFields(view),
        severity: 'medium',
        recordIds: proving.map((r) => r.id),
        interval: { from: first.at, to: last.at },
        message:
          `Unlisted material (清单外材料): on ${short(first.at)} case ${view.caseId} was asked for ${unlisted.map((m) => `"${m}"`).join(', ')}, ` +
          `which is not on the material list of matter ${flow.id}. Materials off the list may not be demanded ` +
          `(行政许可法 Art. 31); ask who required it and drop it or publish it.`,
      },
    ];
  },
};
