import type { Actor } from '../../src/event-log/event-record';
import type { FlowInstance } from '../../src/runtime/flow-instance';
import { placeSteps } from '../../src/_internal/process-tree';

/** The actor who may work on a step of the instance's flow. */
export function stepActor(instance: FlowInstance, stepId: string): Actor {
  const step = placeSteps(instance.flow.process).find((p) => p.step.id === stepId)!.step;
  return { id: `${step.role}-1`, role: step.role, department: step.department };
}

/** An officer of the matter's department. */
export function officer(instance: FlowInstance): Actor {
  return { id: 'officer-1', role: 'officer', department: instance.flow.department };
}

/** Receives and accepts a new case. */
export function receiveAndAccept(instance: FlowInstance): void {
  expectAccepted(instance.send({ type: 'receive', channel: 'online' }));
  expectAccepted(instance.send({ type: 'accept-in-department', actor: officer(instance) }));
}

/**
 * Works the process tree by up to `count` commands: completes the first active step, else starts
 * the first pending one. Returns the number of commands sent (fewer when no step is open).
 */
export function workSteps(instance: FlowInstance, count: number): number {
  for (let sent = 0; sent < count; sent++) {
    const active = instance.activeSteps()[0];
    if (active !== undefined) {
      expectAccepted(instance.send({ type: 'complete-step', step: active, actor: stepActor(instance, active) }));
      continue;
    }
    const pending = instance.pendingSteps()[0];
    if (pending === undefined) return sent;
    expectAccepted(instance.send({ type: 'start-step', step: pending, actor: stepActor(instance, pending) }));
  }
  return count;
}

/** Works the process tree until no step is open. */
export function completeProcess(instance: FlowInstance): void {
  if (workSteps(instance, 10_000) === 10_000) throw new Error('The process did not finish within 10,000 commands');
}

function expectAccepted(result: ReturnType<FlowInstance['send']>): void {
  if (!result.accepted) throw new Error(`Rejected: ${result.rejection.message}`);
}
