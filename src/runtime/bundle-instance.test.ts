import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import example from '../../test/fixtures/works-planning-permit.json';
import { completeProcess, officer } from '../../test/_helpers/drive';
import type { BundleDefinition, FlowDefinition } from '../definition';
import { createBundleInstance } from './create-bundle-instance';
import { restoreBundleInstance } from './restore-bundle-instance';
import type { BundleInstance } from './bundle-instance';

const matter = (id: string, department: string): FlowDefinition => ({
  id,
  version: '1',
  name: id,
  department,
  mode: 'approval',
  caseType: 'promised',
  limits: { statutoryWorkingDays: 10 },
  materials: [
    { id: 'application-form', name: '申请表' },
    { id: `${id}-report`, name: '专项报告' },
  ],
  process: { kind: 'step', id: `${id}-review`, name: '审查', department, role: 'reviewer' },
});
const flows = [matter('land-use', 'natural-resources'), matter('environment', 'ecology'), matter('planning', 'natural-resources'), example as FlowDefinition];
const bundle: BundleDefinition = {
  id: 'mini-construction',
  version: '1',
  name: '小型工程审批',
  leadDepartment: 'housing',
  stages: [
    { id: 'land', name: '用地', leadDepartment: 'natural-resources', limitWorkingDays: 15 },
    { id: 'works', name: '工程建设许可', leadDepartment: 'natural-resources', limitWorkingDays: 20 },
  ],
  matters: [
    { matterId: 'land-use', stage: 'land' },
    { matterId: 'environment', stage: 'land' },
    { matterId: 'planning', stage: 'works' },
    { matterId: 'works-planning-permit', stage: 'works', dependsOn: ['planning'] },
  ],
  sharedMaterials: [{ id: 'application-form', name: '一张表单' }],
  limits: { promisedWorkingDays: 30 },
};

function start() {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2025-03-03T09:00:00+08:00'));
  const instance = createBundleInstance(bundle, { bundleId: 'B-1', flows, clock, applicantId: 'firm-1', projectCode: 'P-9' });
  return { clock, instance };
}
function approve(instance: BundleInstance, matterId: string): void {
  const case_ = instance.caseOf(matterId)!;
  expect(instance.send(matterId, { type: 'accept-in-department', actor: officer(case_) }).accepted).toBe(true);
  completeProcess(case_);
  expect(instance.send(matterId, { type: 'approve', actor: officer(case_) }).accepted).toBe(true);
}

describe('createBundleInstance', () => {
  it('fans one application out to the first stage only, with the shared materials', () => {
    const { instance } = start();
    const result = instance.submit({ materials: ['application-form', 'land-use-report'], channel: 'online' });
    expect(result.accepted && result.records.map((r) => [r.caseId, r.activity, r.materials])).toEqual([
      ['B-1', 'bundle-submitted', ['application-form', 'land-use-report']],
      ['B-1:land-use', 'received', ['application-form', 'land-use-report']],
      ['B-1:environment', 'received', ['application-form']],
    ]);
    expect(instance.status()).toEqual({ 'land-use': 'open', environment: 'open', planning: 'waiting', 'works-planning-permit': 'waiting' });
    expect(instance.currentStage).toBe('land');
    const early = instance.send('planning', { type: 'receive' });
    expect(early.accepted ? '' : early.rejection.message).toMatchInlineSnapshot(
      `"Matter "planning" has no case yet: its stage "works" has not started: an earlier stage is still open."`,
    );
    expect(instance.submit().accepted).toBe(false);
  });

  it('receives a matter the moment its stage opens and what it depends on is approved, then completes', () => {
    const { clock, instance } = start();
    instance.submit({ materials: ['application-form'] });
    approve(instance, 'land-use');
    expect(instance.status().planning).toBe('waiting');
    clock.increment(2 * 86_400_000);
    approve(instance, 'environment');
    expect(instance.status()).toMatchObject({ planning: 'open', 'works-planning-permit': 'waiting' });
    approve(instance, 'planning');
    expect(instance.status()['works-planning-permit']).toBe('open');
    approve(instance, 'works-planning-permit');
    expect(instance.done).toBe(true);
    expect(instance.records.at(-1)).toMatchObject({ caseId: 'B-1', activity: 'bundle-completed' });
    expect(instance.records.every((r) => r.bundleId === 'B-1' && r.applicantId === 'firm-1' && r.projectCode === 'P-9')).toBe(true);
  });

  it('counts parallel matters of a stage once: the stage time is their union, not their sum', () => {
    const { clock, instance } = start();
    instance.submit();
    for (const id of ['land-use', 'environment']) instance.send(id, { type: 'accept-in-department', actor: officer(instance.caseOf(id)!) });
    clock.set(Date.parse('2025-03-10T09:00:00+08:00')); // five working days later
    const clocks = instance.clocks();
    expect(clocks.cases['land-use']?.official?.workingDays).toBe(5);
    expect(clocks.cases.environment?.official?.workingDays).toBe(5);
    expect(clocks.stages[0]).toMatchObject({ stageId: 'land', workingDays: 5, budget: { usedWorkingDays: 5, remainingWorkingDays: 10, status: 'normal' } });
    expect(clocks.promised).toMatchObject({ limitWorkingDays: 30, usedWorkingDays: 5 });
  });

  it('restores a bundle mid-way and continues exactly as the original', () => {
    const a = start();
    const b = start();
    for (const { instance } of [a, b]) {
      instance.submit({ materials: ['application-form'] });
      approve(instance, 'land-use');
    }
    b.instance.stop();
    const restored = restoreBundleInstance(bundle, JSON.parse(JSON.stringify(b.instance.persist())), { flows, clock: b.clock });
    for (const instance of [a.instance, restored]) {
      approve(instance, 'environment');
      approve(instance, 'planning');
    }
    expect(restored.records).toEqual(a.instance.records);
    expect(restored.status()).toEqual(a.instance.status());
  });

  it('refuses a bundle whose flows are missing, and a snapshot of another bundle version', () => {
    expect(() => createBundleInstance(bundle, { bundleId: 'B-2', flows: flows.slice(1) })).toThrow(/unknown-matter/);
    const saved = start().instance.persist();
    expect(() => restoreBundleInstance({ ...bundle, version: '2' }, saved, { flows })).toThrow(/version "1"/);
  });
});

describe('bundles with licence-separation matters', () => {
  it('starts a matter that follows the business registration from it, counts a cancelled permit as done, and reports a failed matter', () => {
    const permit = (id: string, mode: 'filing' | 'cancelled'): FlowDefinition => ({
      id,
      version: '1',
      name: id,
      department: 'market-regulation',
      mode,
      caseType: 'immediate',
      materials: [{ id: 'application-form', name: '申请表' }],
      afterBusinessRegistration: true,
    });
    const flows2 = [matter('land-use', 'natural-resources'), permit('food-filing', 'filing'), permit('cancelled-permit', 'cancelled')];
    const shop: BundleDefinition = {
      id: 'open-shop',
      version: '1',
      name: '开小店一件事',
      leadDepartment: 'market-regulation',
      matters: [{ matterId: 'land-use' }, { matterId: 'food-filing' }, { matterId: 'cancelled-permit' }],
    };
    const clock = new SimulatedClock();
    clock.set(Date.parse('2025-03-03T09:00:00+08:00'));
    const instance = createBundleInstance(shop, { bundleId: 'S-1', flows: flows2, clock });
    instance.submit({ materials: ['application-form'] });
    expect(instance.caseOf('food-filing')?.records.map((r) => r.activity)).toEqual(['business-registered', 'received']);
    expect(instance.status()).toEqual({ 'land-use': 'open', 'food-filing': 'open', 'cancelled-permit': 'approved' });
    instance.send('food-filing', { type: 'file', actor: officer(instance.caseOf('food-filing')!) });
    expect(instance.outcome).toBeUndefined();
    instance.send('land-use', { type: 'withdraw' });
    expect(instance.status()['land-use']).toBe('failed');
    expect(instance.outcome).toBe('failed');
  });
});
