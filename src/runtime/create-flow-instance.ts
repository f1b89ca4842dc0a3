import type { FlowDefinition } from '../definition/schemas';
import { compileFlow, type FlowMachine } from '../compiler/compile-flow';
import type { StepIdOf } from '../compiler/flow-events';
import { PermitflowError } from '../errors';
import { offsetMinutes } from '../_internal/format-instant';
import { chinaMainlandCalendar } from '../calendar';
import { systemClock } from './clock';
import { FlowInstanceImpl, type CaseLinks, type FlowInstance, type FlowInstanceOptions } from './flow-instance';

/** Options of {@link createFlowInstance}. */
export interface CreateFlowInstanceOptions<TStepId extends string = string> extends FlowInstanceOptions, CaseLinks {
  /** The case id (办件编号); record ids are `<caseId>#<n>`. */
  readonly caseId: string;
  /** The UTC offset instants are written with; `+08:00` (Beijing time) by default. */
  readonly utcOffset?: string;
  /** A machine already compiled from `flow`, to skip compiling it again for every case. */
  readonly machine?: FlowMachine<TStepId>;
}

/**
 * Starts a new case of a flow, in state `new`; send `receive` to file it.
 * @throws {DefinitionError} when the flow does not validate.
 * @example
 * const clock = new SimulatedClock();
 * const instance = createFlowInstance(flow, { caseId: 'C-1', clock });
 * instance.send({ type: 'receive', channel: 'online', materials: ['application-form'] });
 * instance.send({ type: 'accept-in-department', actor: { id: 'u1', role: 'clerk', department: flow.department } });
 */
export function createFlowInstance<const TFlow extends FlowDefinition>(
  flow: TFlow,
  options: CreateFlowInstanceOptions<StepIdOf<TFlow>>,
): FlowInstance<StepIdOf<TFlow>> {
  const { caseId, clock = systemClock, utcOffset = '+08:00', machine, applicantId, projectCode, bundleId, calendar, warning = {} } = options;
  if (caseId.length === 0) {
    throw new PermitflowError('invalid-argument', 'caseId is empty; give every case an id (办件编号).');
  }
  try {
    offsetMinutes(utcOffset);
  } catch (cause) {
    throw new PermitflowError('invalid-argument', (cause as Error).message, { cause });
  }
  const links: CaseLinks = {
    ...(applicantId === undefined ? {} : { applicantId }),
    ...(projectCode === undefined ? {} : { projectCode }),
    ...(bundleId === undefined ? {} : { bundleId }),
  };
  return new FlowInstanceImpl(flow, machine ?? compileFlow(flow), {
    caseId,
    links,
    utcOffset,
    clock,
    calendar: calendar ?? chinaMainlandCalendar(),
    warning,
    records: [],
  });
}
