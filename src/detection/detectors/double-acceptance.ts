import type { CaseDetector } from '../case-detector';
import { NO_FINDINGS } from '../finding';
import { caseFields, short, workingDaysFrom } from './_internal/case-facts';
import { indexOf } from '../case-index';

/** Options of {@link doubleAcceptanceDetector}. */
export interface DoubleAcceptanceOptions {
  /** Most working days allowed between hall acceptance and department acceptance; default 2. */
  readonly maxLagWorkingDays: number;
}

/**
 * Double acceptance (两头受理): the hall accepts (窗口受理, status 3) and the department accepts (部门受理,
 * status 8) much later, in working days — the department ran its own intake while the official clock
 * waited. `hiddenWorkingDays` is the lag.
 */
export const doubleAcceptanceDetector: CaseDetector<DoubleAcceptanceOptions> = {
  code: 'double-acceptance',
  signal: 'Long lag, in working days, between hall acceptance (窗口受理) and department acceptance (部门受理).',
  defaults: { maxLagWorkingDays: 2 },
  detect(view, options) {
    const { windowAccepted: hall, departmentAccepted: department } = indexOf(view);
    if (hall === undefined || department === undefined) return NO_FINDINGS;
    const lag = workingDaysFrom(view, hall.at, department.at);
    if (lag <= options.maxLagWorkingDays) return NO_FINDINGS;
    return [
      {
        code: 'double-acceptance',
        ...caseFields(view),
        severity: 'medium',
        recordIds: [hall.id, department.id],
        interval: { from: hall.at, to: department.at },
        hiddenWorkingDays: lag,
        message:
          `Double acceptance (两头受理): the hall accepted case ${view.caseId} on ${short(hall.at)} but the department ` +
          `accepted it only on ${short(department.at)}, ${lag} working days later (allowed: ${options.maxLagWorkingDays}). ` +
          `Ask the department what it did with the case in between and whether it ran a second intake of its own.`,
      },
    ];
  },
};
