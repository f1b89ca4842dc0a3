import { expectTypeOf, it } from 'vitest';
import { compileFlow } from '../compiler';
import type { FlowDefinition } from '../definition';
import { createFlowInstance } from './create-flow-instance';

const flow = {
  id: 'typed',
  version: '1',
  name: '类型',
  department: 'd',
  mode: 'approval',
  caseType: 'promised',
  limits: { statutoryWorkingDays: 20 },
  materials: [],
  process: {
    kind: 'sequence',
    children: [
      { kind: 'step', id: 'review', name: '审查', department: 'd', role: 'reviewer' },
      { kind: 'step', id: 'decide', name: '决定', department: 'd', role: 'director' },
    ],
  },
} as const satisfies FlowDefinition;

it('infers the step ids of a literal flow, and a compiled machine fits the machine option', () => {
  const instance = createFlowInstance(flow, { caseId: 'C', machine: compileFlow(flow) });
  expectTypeOf(instance.activeSteps()).toEqualTypeOf<Array<'review' | 'decide'>>();
  instance.send({ type: 'start-step', step: 'review' });
  // @ts-expect-error - 'reveiw' is not a step of this flow
  instance.send({ type: 'start-step', step: 'reveiw' });
});

it('gives string step ids to a flow known only at run time', () => {
  const loaded: FlowDefinition = flow;
  expectTypeOf(createFlowInstance(loaded, { caseId: 'C' }).activeSteps()).toEqualTypeOf<string[]>();
});
