/** Checks shared by the tests of the everyday bundles (not shipped: only tests import this file). */
import { expect } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { FlowDefinition } from '../../definition';
import { validateBundle, validateFlow } from '../../definition';
import { compileFlow } from '../../compiler';
import type { FlowEvent } from '../../compiler';
import { createBundleInstance, createFlowInstance, type FlowInstance } from '../../runtime';
import { completeProcess, officer, receiveAndAccept, stepActor } from '../../../test/_helpers/drive';
import type { BundleWithFlows } from '../bundle-with-flows';

/** Every flow validates and compiles, the bundle validates with them, and there is one flow per matter. */
export function expectValid({ bundle, flows }: BundleWithFlows): void {
  for (const flow of flows) {
    expect(validateFlow(flow).ok, flow.id).toBe(true);
    expect(() => compileFlow(flow), flow.id).not.toThrow();
    expect(['approval', 'optimized-approval'], flow.id).toContain(flow.mode);
  }
  expect(validateBundle(bundle, { flows }).ok).toBe(true);
  expect(flows.map((f) => f.id)).toEqual(bundle.matters.map((m) => m.matterId));
}

/**
 * 一套材料: a flow's material that is one of the shared ones has the same name; any other is the
 * result of a matter it waits for (directly or not), named in `produced` (material id → matter id);
 * and every shared material is used by some flow.
 */
export function expectOneSetOfMaterials({ bundle, flows }: BundleWithFlows, produced: Readonly<Record<string, string>>): void {
  const shared = new Map((bundle.sharedMaterials ?? []).map((m) => [m.id, m.name]));
  const deps = new Map(bundle.matters.map((m) => [m.matterId, m.dependsOn ?? []]));
  const upstream = (id: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (matter: string): void => {
      for (const dep of deps.get(matter) ?? []) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        visit(dep);
      }
    };
    visit(id);
    return seen;
  };
  for (const flow of flows) {
    for (const material of flow.materials) {
      if (shared.has(material.id)) {
        expect(material.name, `${flow.id}: ${material.id}`).toBe(shared.get(material.id));
      } else {
        expect(produced[material.id], `${flow.id}: ${material.id} is neither shared nor produced`).toBeDefined();
        expect([...upstream(flow.id)], `${flow.id} must wait for the matter producing ${material.id}`).toContain(produced[material.id]);
      }
    }
  }
  const used = new Set(flows.flatMap((f) => f.materials.map((m) => m.id)));
  for (const id of shared.keys()) expect(used.has(id), `shared material ${id} is used`).toBe(true);
}

/** Runs one case of a matter from receipt to approval. */
export function runToApproval(flow: FlowDefinition, clock: SimulatedClock, bundleId: string): FlowInstance {
  const instance = createFlowInstance(flow, { caseId: `${bundleId}-${flow.id}`, clock, bundleId });
  receiveAndAccept(instance);
  completeProcess(instance);
  expect(instance.send({ type: 'approve', actor: officer(instance) }).accepted, flow.id).toBe(true);
  expect(instance.state).toBe('approved');
  return instance;
}

/**
 * Runs the bundle on the bundle runtime from the one application to completion: each round works
 * every open matter (accept, steps, approve); the runtime receives a matter once what it waits for
 * is approved. Checks each case is received with the shared materials its own list names, and
 * returns the rounds, by matter id.
 */
export function runBundle({ bundle, flows }: BundleWithFlows): string[][] {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2025-06-03T09:00:00+08:00'));
  const shared = (bundle.sharedMaterials ?? []).map((m) => m.id);
  const instance = createBundleInstance(bundle, { bundleId: `${bundle.id}-1`, flows, clock, applicantId: 'applicant-1' });
  expect(instance.submit({ materials: shared, channel: 'online' }).accepted).toBe(true);
  const rounds: string[][] = [];
  while (!instance.done) {
    const open = Object.entries(instance.status())
      .filter(([, status]) => status === 'open')
      .map(([matterId]) => matterId);
    expect(open.length, 'some matter is open').toBeGreaterThan(0);
    for (const matterId of open) {
      const matterCase = instance.caseOf(matterId)!;
      const received = matterCase.records.find((r) => r.activity === 'received');
      expect(received?.materials ?? [], matterId).toEqual(matterCase.flow.materials.map((m) => m.id).filter((id) => shared.includes(id)));
      const send = (event: FlowEvent) => expect(instance.send(matterId, event).accepted, `${matterId}: ${event.type}`).toBe(true);
      send({ type: 'accept-in-department', actor: officer(matterCase) });
      for (;;) {
        const active = matterCase.activeSteps()[0];
        const next = active ?? matterCase.pendingSteps()[0];
        if (next === undefined) break;
        send({ type: active === undefined ? 'start-step' : 'complete-step', step: next, actor: stepActor(matterCase, next) });
      }
      send({ type: 'approve', actor: officer(matterCase) });
    }
    rounds.push(open);
    clock.increment(60 * 60 * 1000);
  }
  expect(instance.records.at(-1)?.activity).toBe('bundle-completed');
  expect(instance.records.every((r) => r.bundleId === `${bundle.id}-1`)).toBe(true);
  return rounds;
}
