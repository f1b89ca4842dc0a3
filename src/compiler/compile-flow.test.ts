import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, getStateNodes } from 'xstate';
import example from '../../test/fixtures/works-planning-permit.json';
import { completeProcess, officer, receiveAndAccept, stepActor, workSteps } from '../../test/_helpers/drive';
import type { FlowDefinition, ProcessNode } from '../definition/schemas';
import { createFlowInstance } from '../runtime/create-flow-instance';
import { flowArbitrary } from '../testing/flow-arbitrary';
import { DefinitionError } from '../errors';
import { compileFlow, LIFECYCLE_STATES } from './compile-flow';

const base = example as FlowDefinition;
const step = (id: string, department = 'natural-resources', role = 'reviewer'): ProcessNode => ({
  kind: 'step',
  id,
  name: id,
  department,
  role,
});
const instanceOf = (process: ProcessNode) => createFlowInstance({ ...base, process }, { caseId: 'C-1' });

describe('compileFlow', () => {
  it('compiles the example into a machine that starts in state new', () => {
    const actor = createActor(compileFlow(base)).start();
    expect(actor.getSnapshot().value).toBe('new');
    actor.send({ type: 'receive' });
    expect(actor.getSnapshot().value).toBe('received');
  });

  it('throws a DefinitionError that lists the issues of an invalid flow', () => {
    const invalid = { ...base, process: { kind: 'sequence', children: [] } } as FlowDefinition;
    expect(() => compileFlow(invalid)).toThrowErrorMatchingInlineSnapshot(`
      [DefinitionError: Flow "works-planning-permit" is not valid:
      - at process.children: This sequence has no children; add at least one node or remove the sequence. [empty-node]]
    `);
    expect(() => compileFlow(invalid)).toThrow(DefinitionError);
  });

  it('runs a sequence in order', () => {
    const i = instanceOf({ kind: 'sequence', children: [step('a'), step('b')] });
    receiveAndAccept(i);
    expect(i.pendingSteps()).toEqual(['a']);
    expect(i.send({ type: 'start-step', step: 'b', actor: stepActor(i, 'b') }).accepted).toBe(false);
    i.send({ type: 'start-step', step: 'a', actor: stepActor(i, 'a') });
    i.send({ type: 'complete-step', step: 'a', actor: stepActor(i, 'a') });
    expect(i.pendingSteps()).toEqual(['b']);
  });

  it('joins a parallel node only when every branch is done under join all (会签)', () => {
    const i = instanceOf({ kind: 'sequence', children: [{ kind: 'parallel', join: 'all', children: [step('a'), step('b', 'fire')] }, step('c')] });
    receiveAndAccept(i);
    expect(i.pendingSteps().sort()).toEqual(['a', 'b']);
    for (const id of ['a']) {
      i.send({ type: 'start-step', step: id, actor: stepActor(i, id) });
      i.send({ type: 'complete-step', step: id, actor: stepActor(i, id) });
    }
    expect(i.pendingSteps()).toEqual(['b']);
    i.send({ type: 'start-step', step: 'b', actor: stepActor(i, 'b') });
    i.send({ type: 'complete-step', step: 'b', actor: stepActor(i, 'b') });
    expect(i.pendingSteps()).toEqual(['c']);
  });

  it('joins on the first branch under join any (或签) and on the threshold under a vote (票签)', () => {
    const any = instanceOf({ kind: 'sequence', children: [{ kind: 'parallel', join: 'any', children: [step('a'), step('b')] }, step('c')] });
    receiveAndAccept(any);
    any.send({ type: 'start-step', step: 'b', actor: stepActor(any, 'b') });
    any.send({ type: 'complete-step', step: 'b', actor: stepActor(any, 'b') });
    expect(any.pendingSteps()).toEqual(['c']);

    const vote = instanceOf({
      kind: 'sequence',
      children: [{ kind: 'parallel', join: { kind: 'vote', threshold: 2 }, children: [step('a'), step('b'), step('x')] }, step('c')],
    });
    receiveAndAccept(vote);
    for (const id of ['a', 'x']) {
      expect(vote.pendingSteps()).not.toContain('c');
      vote.send({ type: 'start-step', step: id, actor: stepActor(vote, id) });
      vote.send({ type: 'complete-step', step: id, actor: stepActor(vote, id) });
    }
    expect(vote.pendingSteps()).toEqual(['c']);
  });

  it('runs only the branch of a choice whose first step starts first', () => {
    const i = instanceOf({ kind: 'choice', children: [step('simple'), { kind: 'sequence', children: [step('full'), step('hearing')] }] });
    receiveAndAccept(i);
    expect(i.pendingSteps().sort()).toEqual(['full', 'simple']);
    i.send({ type: 'start-step', step: 'full', actor: stepActor(i, 'full') });
    expect(i.activeSteps()).toEqual(['full']);
    expect(i.send({ type: 'start-step', step: 'simple', actor: stepActor(i, 'simple') }).accepted).toBe(false);
    completeProcess(i);
    expect(i.records.map((r) => r.activity)).toEqual(['received', 'department-accepted', 'full', 'full', 'hearing', 'hearing']);
  });

  it('sends a case back to the declared earlier step (退回)', () => {
    const i = instanceOf({
      kind: 'sequence',
      children: [step('review'), { ...step('decide', 'natural-resources', 'director'), sendBackTo: ['review'] } as ProcessNode],
    });
    receiveAndAccept(i);
    workSteps(i, 3);
    expect(i.activeSteps()).toEqual(['decide']);
    expect(i.send({ type: 'send-back', step: 'decide', to: 'decide', actor: stepActor(i, 'decide') }).accepted).toBe(false);
    const back = i.send({ type: 'send-back', step: 'decide', to: 'review', actor: stepActor(i, 'decide') });
    expect(back.accepted && back.records[0]).toMatchObject({ activity: 'decide', lifecycle: 'send-back', attrs: { to: 'review' } });
    expect(i.pendingSteps()).toEqual(['review']);
  });

  it('holds every step while a case is suspended and decides only when the process is done', () => {
    const i = instanceOf({ kind: 'sequence', children: [step('a')] });
    receiveAndAccept(i);
    expect(i.send({ type: 'approve', actor: officer(i) }).accepted).toBe(false);
    i.send({ type: 'start-special-procedure', actor: officer(i), reason: { kind: 'expert-review' } });
    const held = i.send({ type: 'start-step', step: 'a', actor: stepActor(i, 'a') });
    expect(held.accepted ? '' : held.rejection.code).toBe('suspended');
    i.send({ type: 'end-special-procedure', actor: officer(i) });
    completeProcess(i);
    expect(i.send({ type: 'approve', actor: officer(i) }).accepted).toBe(true);
    expect(i.state).toBe('approved');
  });

  it('compiles every generated flow, and driving it always finishes the process', () => {
    fc.assert(
      fc.property(flowArbitrary(), (flow) => {
        const machine = compileFlow(flow);
        const i = createFlowInstance(flow, { caseId: 'C', machine });
        receiveAndAccept(i);
        completeProcess(i);
        expect(i.send({ type: 'approve', actor: officer(i) }).accepted).toBe(true);
        expect(getStateNodes(machine.root, i.snapshot.value).length).toBeGreaterThan(0);
        expect(LIFECYCLE_STATES).toContain(i.state);
      }),
    );
  });
});
