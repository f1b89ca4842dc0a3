import type { FlowDefinition } from '../definition/schemas';
import { compileFlow, type FlowMachine } from '../compiler/compile-flow';
import type { StepIdOf } from '../compiler/flow-events';
import { PermitflowError } from '../errors';
import { formatIssues } from '../errors';
import { fromZodIssues, ZOD_PARSE_OPTIONS } from '../_internal/from-zod-issues';
import { chinaMainlandCalendar } from '../calendar';
import { systemClock } from './clock';
import { FlowInstanceImpl, type FlowInstance, type FlowInstanceOptions } from './flow-instance';
import { PersistedFlowInstanceSchema } from './persisted-instance';

/** Options of {@link restoreFlowInstance}. */
export interface RestoreFlowInstanceOptions<TStepId extends string = string> extends FlowInstanceOptions {
  /** A machine already compiled from `flow`. */
  readonly machine?: FlowMachine<TStepId>;
}

/**
 * Continues a case from `persist()` output exactly as the original would have.
 * @throws {PermitflowError} `invalid-snapshot` when `persisted` is not a persisted instance,
 *   `snapshot-mismatch` when it was made from another matter or flow version.
 * @example
 * const saved = JSON.stringify(instance.persist());
 * const again = restoreFlowInstance(flow, JSON.parse(saved), { clock });
 */
export function restoreFlowInstance<const TFlow extends FlowDefinition>(
  flow: TFlow,
  persisted: unknown,
  options: RestoreFlowInstanceOptions<StepIdOf<TFlow>> = {},
): FlowInstance<StepIdOf<TFlow>> {
  const parsed = PersistedFlowInstanceSchema.safeParse(persisted, ZOD_PARSE_OPTIONS);
  if (!parsed.success) {
    throw new PermitflowError(
      'invalid-snapshot',
      `This is not a persisted permitflow instance; pass the value persist() returned:\n${formatIssues(fromZodIssues(parsed.error))}`,
    );
  }
  const saved = parsed.data;
  if (saved.matterId !== flow.id || saved.flowVersion !== flow.version) {
    throw new PermitflowError(
      'snapshot-mismatch',
      `Case "${saved.caseId}" was saved from flow "${saved.matterId}" version "${saved.flowVersion}", not "${flow.id}" version "${flow.version}". ` +
        `Restore it with the definition it was made from; to move running cases to a new version, migrate them explicitly.`,
    );
  }
  const { applicantId, projectCode, bundleId } = saved;
  return new FlowInstanceImpl(flow, options.machine ?? compileFlow(flow), {
    caseId: saved.caseId,
    links: {
      ...(applicantId === undefined ? {} : { applicantId }),
      ...(projectCode === undefined ? {} : { projectCode }),
      ...(bundleId === undefined ? {} : { bundleId }),
    },
    utcOffset: saved.utcOffset,
    clock: options.clock ?? systemClock,
    calendar: options.calendar ?? chinaMainlandCalendar(),
    warning: options.warning ?? {},
    records: structuredClone(saved.records),
    snapshot: structuredClone(saved.snapshot),
  });
}
