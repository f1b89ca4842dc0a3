import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SimulatedClock } from 'xstate';
import type { FlowDefinition } from '../../definition';
import { validateFlow } from '../../definition';
import { compileFlow } from '../../compiler';
import { createFlowInstance } from '../../runtime';
import { PermitflowError } from '../../errors';
import { possibleCommands } from '../../testing';
import { placeSteps } from '../../_internal/process-tree';
import { completeProcess, officer, receiveAndAccept } from '../../../test/_helpers/drive';
import { FOOD_NOTIFY_COMMIT_CONDITIONS, LICENCE_SEPARATION_MODES, licenceSeparationFlow, type LicenceSeparationMode } from './index';

const registrar = { id: 'registrar-1', role: 'registrar', department: 'market-regulation' };

function start(flow: FlowDefinition, machine = compileFlow(flow)) {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2025-06-02T09:00:00+08:00'));
  const instance = createFlowInstance(flow, { caseId: `LS-${flow.mode}`, clock, machine, applicantId: 'firm-1' });
  expect(instance.send({ type: 'register-business', actor: registrar }).accepted).toBe(true);
  return instance;
}

const activities = (flow: FlowDefinition, run: (instance: ReturnType<typeof start>) => void) => {
  const instance = start(flow);
  run(instance);
  return instance.records.map((r) => r.activity);
};

describe('licenceSeparationFlow', () => {
  it.each(LICENCE_SEPARATION_MODES)('gives a valid, compilable %s flow of the same permit, starting from the business registration', (mode) => {
    const flow = licenceSeparationFlow(mode);
    expect(validateFlow(flow).ok).toBe(true);
    expect(() => compileFlow(flow)).not.toThrow();
    expect(flow).toMatchObject({
      id: `food-business-permit-${mode}`,
      name: '食品经营许可',
      department: 'market-regulation',
      mode,
      afterBusinessRegistration: true,
    });
  });

  it('cancelled: the business registration is all there is, and a later demand for the permit is logged', () => {
    const instance = start(licenceSeparationFlow('cancelled'));
    expect(instance.state).toBe('business-registered');
    expect(instance.send({ type: 'receive', channel: 'window' }).accepted).toBe(false);
    const inspector = { id: 'street-1', role: 'inspector', department: 'sub-district' };
    const demand = instance.send({ type: 'demand-permit', actor: inspector, reason: { kind: 'permit-demanded', text: '要求出示食品经营许可证' } });
    expect(demand.accepted && demand.records[0]).toMatchObject({ activity: 'permit-demanded', actor: inspector });
    expect(instance.records.map((r) => r.activity)).toEqual(['business-registered', 'permit-demanded']);
    expect(instance.snapshot.context.permitDemands).toBe(1);
  });

  it('filing: filed on the spot after the business registration', () => {
    const flow = licenceSeparationFlow('filing');
    expect(
      activities(flow, (instance) => {
        instance.send({ type: 'receive', channel: 'online', materials: ['filing-form'] });
        expect(instance.send({ type: 'file', actor: officer(instance) }).accepted).toBe(true);
        expect(instance.done).toBe(true);
      }),
    ).toEqual(['business-registered', 'received', 'filed']);
  });

  it('filing: no command sequence refuses, reviews or runs the approval steps', () => {
    const flow = licenceSeparationFlow('filing');
    const machine = compileFlow(flow);
    // Every command a case could take, plus the review steps of the approval the filing replaced.
    const commands = [...possibleCommands(flow), ...possibleCommands(licenceSeparationFlow('approval')).filter((c) => 'step' in c)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...commands), { maxLength: 20 }), (events) => {
        const instance = start(flow, machine);
        for (const event of events) instance.send(event);
        const seen = instance.records.map((r) => r.activity);
        for (const forbidden of ['refused', 'not-accepted', 'denied', 'supplement-started', 'department-accepted', 'approved']) {
          expect(seen).not.toContain(forbidden);
        }
        expect(instance.records.every((r) => r.lifecycle === undefined)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('notify-commit: committed → approved on the spot → verified', () => {
    const flow = licenceSeparationFlow('notify-commit');
    expect(
      activities(flow, (instance) => {
        const office = officer(instance);
        for (const event of [
          { type: 'receive', channel: 'online' },
          { type: 'notify', actor: office },
          { type: 'commit', standing: {} },
          { type: 'approve', actor: office },
          { type: 'start-verification', actor: office },
          { type: 'verify', actor: office, attrs: { method: 'on-site-inspection' } },
        ] as const) {
          expect(instance.send(event).accepted, event.type).toBe(true);
        }
      }),
    ).toEqual(['business-registered', 'received', 'notified', 'committed', 'approved', 'verification-started', 'verified']);
  });

  it('notify-commit: refuses an applicant with a false commitment on record', () => {
    const instance = start(licenceSeparationFlow('notify-commit'));
    instance.send({ type: 'receive' });
    instance.send({ type: 'notify', actor: officer(instance) });
    const result = instance.send({ type: 'commit', standing: { falseCommitment: true } });
    expect(result.accepted && result.records[0]).toMatchObject({ activity: 'refused', reason: { kind: 'false-commitment-record' } });
  });

  it.each(['optimized-approval', 'approval'] as const)('%s: accepted, reviewed and approved', (mode) => {
    const flow = licenceSeparationFlow(mode);
    const seen = activities(flow, (instance) => {
      receiveAndAccept(instance);
      completeProcess(instance);
      expect(instance.send({ type: 'approve', actor: officer(instance) }).accepted).toBe(true);
      expect(instance.state).toBe('approved');
    });
    expect(seen.slice(0, 3)).toEqual(['business-registered', 'received', 'department-accepted']);
    expect(seen.at(-1)).toBe('approved');
  });

  it('optimized-approval has strictly fewer materials, steps and statutory days than the approval it replaced', () => {
    const before = licenceSeparationFlow('approval');
    const after = licenceSeparationFlow('optimized-approval');
    const measure = (flow: FlowDefinition) => ({
      materials: flow.materials.length,
      steps: placeSteps(flow.process).length,
      days: flow.limits!.statutoryWorkingDays!,
    });
    const [b, a] = [measure(before), measure(after)];
    expect(a.materials).toBeLessThan(b.materials);
    expect(a.steps).toBeLessThan(b.steps);
    expect(a.days).toBeLessThan(b.days);
    expect({ before: b, after: a }).toEqual({ before: { materials: 6, steps: 4, days: 20 }, after: { materials: 3, steps: 2, days: 10 } });
  });

  it('lets options override name, department, limits and materials; the steps follow', () => {
    const flow = licenceSeparationFlow('optimized-approval', {
      id: 'public-place-hygiene-permit',
      name: '公共场所卫生许可',
      department: 'health',
      limits: { statutoryWorkingDays: 20, promisedWorkingDays: 8 },
      materials: [
        { id: 'application-form', name: '公共场所卫生许可申请表' },
        { id: 'hygiene-rules', name: '卫生管理制度' },
      ],
    });
    expect(flow).toMatchObject({ id: 'public-place-hygiene-permit', name: '公共场所卫生许可', department: 'health', limits: { statutoryWorkingDays: 20, promisedWorkingDays: 8 } });
    const steps = placeSteps(flow.process).map((p) => p.step);
    expect(steps.every((s) => s.department === 'health')).toBe(true);
    expect(steps[0]?.materials).toEqual(['application-form']);
    const instance = start(flow);
    receiveAndAccept(instance);
    completeProcess(instance);
    expect(instance.send({ type: 'approve', actor: officer(instance) }).accepted).toBe(true);
  });

  it('merges notify-commit settings into the defaults', () => {
    const flow = licenceSeparationFlow('notify-commit', { notifyCommit: { verification: { withinWorkingDays: 30 }, correctionWorkingDays: 10 } });
    expect(flow.notifyCommit).toMatchObject({
      conditions: FOOD_NOTIFY_COMMIT_CONDITIONS,
      decision: 'on-the-spot',
      verification: { withinWorkingDays: 30, methods: ['on-site-inspection', 'data-sharing'] },
      correctionWorkingDays: 10,
    });
  });

  it('throws invalid-argument for an unknown mode, settings on the wrong mode, or options that break the flow', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof PermitflowError ? e.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => licenceSeparationFlow('licensing' as LicenceSeparationMode))).toBe('invalid-argument');
    expect(codeOf(() => licenceSeparationFlow('filing', { notifyCommit: { correctionWorkingDays: 5 } }))).toBe('invalid-argument');
    expect(codeOf(() => licenceSeparationFlow('approval', { limits: { statutoryWorkingDays: 10, promisedWorkingDays: 12 } }))).toBe('invalid-argument');
    expect(() => licenceSeparationFlow('filing', { notifyCommit: {} })).toThrowErrorMatchingInlineSnapshot(
      `[PermitflowError: licenceSeparationFlow: notifyCommit settings only apply to mode "notify-commit", not "filing"; remove them or change the mode.]`,
    );
  });
});
