import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import example from '../../test/fixtures/works-planning-permit.json';
import { completeProcess, officer, receiveAndAccept, stepActor } from '../../test/_helpers/drive';
import type { FlowDefinition } from '../definition/schemas';
import type { PermitflowError } from '../errors';
import { createFlowInstance } from './create-flow-instance';
import { restoreFlowInstance } from './restore-flow-instance';

const flow = example as FlowDefinition;

describe('restoreFlowInstance', () => {
  it('continues a case from JSON exactly where it stopped, mid-parallel', () => {
    const clock = new SimulatedClock();
    const original = createFlowInstance(flow, { caseId: 'C-7', clock, bundleId: 'B-1' });
    receiveAndAccept(original);
    original.send({ type: 'start-step', step: 'review', actor: stepActor(original, 'review') });
    original.send({ type: 'complete-step', step: 'review', actor: stepActor(original, 'review') });
    original.send({ type: 'start-step', step: 'fire-opinion', actor: stepActor(original, 'fire-opinion') });

    const restored = restoreFlowInstance(flow, JSON.parse(JSON.stringify(original.persist())), { clock });
    expect(restored.snapshot.value).toEqual(original.snapshot.value);
    expect(restored.records).toEqual(original.records);
    expect(restored.activeSteps()).toEqual(['fire-opinion']);
    expect(restored.pendingSteps()).toEqual(['civil-air-defence-opinion']);
    for (const i of [original, restored]) {
      completeProcess(i);
      i.send({ type: 'approve', actor: officer(i) });
    }
    expect(restored.records).toEqual(original.records);
    expect(restored.records.at(-1)).toMatchObject({ bundleId: 'B-1', activity: 'approved' });
  });

  it('refuses a snapshot of another flow version', () => {
    const saved = createFlowInstance(flow, { caseId: 'C-8' }).persist();
    const next = { ...flow, version: '2' };
    expect(() => restoreFlowInstance(next, saved)).toThrowErrorMatchingInlineSnapshot(
      `[PermitflowError: Case "C-8" was saved from flow "works-planning-permit" version "1", not "works-planning-permit" version "2". Restore it with the definition it was made from; to move running cases to a new version, migrate them explicitly.]`,
    );
  });

  it('refuses something that is not a persisted instance', () => {
    const error = (() => {
      try {
        restoreFlowInstance(flow, { format: 'other' });
      } catch (e) {
        return e as PermitflowError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('invalid-snapshot');
    expect(error?.message).toContain('pass the value persist() returned');
  });

  it('keeps the persisted value independent of the running instance', () => {
    const instance = createFlowInstance(flow, { caseId: 'C-9' });
    const saved = instance.persist();
    instance.send({ type: 'receive' });
    expect(saved.records).toEqual([]);
  });
});
