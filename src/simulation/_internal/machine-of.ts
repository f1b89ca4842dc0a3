import type { FlowDefinition } from '../../definition';
import { compileFlow, type FlowMachine } from '../../compiler';

const machines = new WeakMap<FlowDefinition, FlowMachine>();

/** The flow's compiled machine, compiled once per definition object (compiling costs milliseconds). */
export function machineOf(flow: FlowDefinition): FlowMachine {
  let machine = machines.get(flow);
  if (machine === undefined) machines.set(flow, (machine = compileFlow(flow) as unknown as FlowMachine));
  return machine;
}
