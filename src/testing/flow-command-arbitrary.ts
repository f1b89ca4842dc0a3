import fc from 'fast-check';
import type { Actor } from '../event-log/event-record';
import type { FlowDefinition } from '../definition/schemas';
import { FLOW_EVENT_TYPES, type FlowEvent } from '../compiler/flow-events';
import { placeSteps } from '../_internal/process-tree';

const STEP_COMMANDS = new Set<string>(['start-step', 'complete-step', 'send-back']);
const STRANGER: Actor = { id: 'stranger', role: 'clerk', department: 'elsewhere' };

/**
 * Commands for a case of `flow`: every command type, for every step, mostly from the right actor
 * and sometimes from a wrong one — so random sequences reach deep into the process tree and
 * still exercise rejections.
 * @example
 * fc.assert(fc.property(fc.array(flowCommandArbitrary(flow)), (events) => { … }));
 */
export function flowCommandArbitrary(flow: FlowDefinition): fc.Arbitrary<FlowEvent> {
  const steps = placeSteps(flow.process).map((p) => p.step);
  const office: Actor = { id: 'officer-1', role: 'officer', department: flow.department };
  const actor = (right: Actor) => fc.oneof({ weight: 9, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: fc.constant(STRANGER) });
  const lifecycle = fc
    .record({
      type: fc.constantFrom(...FLOW_EVENT_TYPES.filter((t) => !STEP_COMMANDS.has(t))),
      actor: actor(office),
    })
    .map((e) => e as FlowEvent);
  if (steps.length === 0) return lifecycle;
  const stepCommand = fc
    .record({
      type: fc.constantFrom('start-step' as const, 'complete-step' as const, 'send-back' as const),
      step: fc.constantFrom(...steps),
      to: fc.constantFrom(...steps),
      wrong: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ type, step, to, wrong }): FlowEvent => {
      const who = wrong === 0 ? STRANGER : { id: `${step.role}-1`, role: step.role, department: step.department };
      if (type === 'send-back') {
        const target = step.sendBackTo?.[0] ?? to.id;
        return { type, step: step.id, to: target, actor: who, reason: { kind: 'incomplete-review', text: '材料需补充说明' } };
      }
      return { type, step: step.id, actor: who };
    });
  return fc.oneof({ weight: 1, arbitrary: lifecycle }, { weight: 3, arbitrary: stepCommand });
}
