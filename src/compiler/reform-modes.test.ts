import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SimulatedClock } from 'xstate';
import type { FlowDefinition } from '../definition';
import { validateFlow } from '../definition';
import { createFlowInstance } from '../runtime';
import { possibleCommands } from '../testing/case-moves';

const office = { id: 'sj-officer-1', role: 'officer', department: 'market-regulation' };
const base = {
  version: '1',
  name: '食品经营许可',
  department: 'market-regulation',
  caseType: 'immediate' as const,
  materials: [{ id: 'application-form', name: '申请书' }],
  afterBusinessRegistration: true,
};
const filing: FlowDefinition = { ...base, id: 'food-sales-filing', mode: 'filing' };
const cancelled: FlowDefinition = { ...base, id: 'food-sales-cancelled', mode: 'cancelled' };
const notifyCommit: FlowDefinition = {
  ...base,
  id: 'food-sales-notify-commit',
  mode: 'notify-commit',
  limits: { statutoryWorkingDays: 10 },
  notifyCommit: {
    conditions: [{ id: 'premises', text: '经营场所面积不少于20平方米，与有毒有害场所保持规定距离' }],
    falseCommitmentConsequences: '撤销许可，记入信用记录，依法予以处罚',
    decision: 'on-the-spot',
    verification: { withinWorkingDays: 20, methods: ['on-site-inspection'] },
    correctionWorkingDays: 15,
  },
};
const start = (flow: FlowDefinition) => {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2025-06-02T09:00:00+08:00'));
  const instance = createFlowInstance(flow, { caseId: 'LS-1', clock });
  instance.send({ type: 'register-business', actor: { id: 'registrar', role: 'registrar', department: 'market-registration' } });
  return instance;
};

describe('reform modes', () => {
  it('files on the spot after the business registration, and a filing machine cannot refuse or review', () => {
    const instance = start(filing);
    instance.send({ type: 'receive', channel: 'online' });
    expect(instance.send({ type: 'file', actor: office }).accepted).toBe(true);
    expect(instance.records.map((r) => r.activity)).toEqual(['business-registered', 'received', 'filed']);
    expect(instance.done).toBe(true);

    // No command sequence whatsoever reaches a refusal, denial, supplement or review record.
    const commands = [...possibleCommands(filing), { type: 'start-step', step: 'review', actor: office } as const];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...commands), { maxLength: 30 }), (events) => {
        const case_ = start(filing);
        for (const event of events) case_.send(event);
        const activities = case_.records.map((r) => r.activity);
        for (const forbidden of ['refused', 'not-accepted', 'denied', 'supplement-started', 'department-accepted']) {
          expect(activities).not.toContain(forbidden);
        }
        expect(case_.records.every((r) => r.lifecycle === undefined)).toBe(true);
      }),
    );
  });

  it('rejects a filing definition with review steps as approval in disguise', () => {
    const disguised = { ...filing, process: { kind: 'step', id: 'review', name: '审查', department: 'market-regulation', role: 'reviewer' } };
    const result = validateFlow(disguised);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['unexpected-process']);
  });

  it('has no approval case for a cancelled permit and logs each later demand for it', () => {
    const instance = start(cancelled);
    expect(instance.send({ type: 'receive' }).accepted).toBe(false);
    const demand = instance.send({ type: 'demand-permit', actor: { id: 'street-office', role: 'inspector', department: 'sub-district' }, reason: { kind: 'permit-demanded', text: '要求出示已取消的许可证' } });
    expect(demand.accepted && demand.records[0]?.activity).toBe('permit-demanded');
    expect(instance.snapshot.context.permitDemands).toBe(1);
  });

  it('runs notify → commit → decision on the spot → verification → breach → correction → revocation → credit record', () => {
    const instance = start(notifyCommit);
    for (const event of [
      { type: 'receive', channel: 'online' },
      { type: 'notify', actor: office },
      { type: 'commit', standing: {} },
      { type: 'approve', actor: office },
      { type: 'start-verification', actor: office },
      { type: 'find-breach', actor: office, reason: { kind: 'condition-not-met', text: '经营场所面积不足' } },
      { type: 'order-correction', actor: office },
      { type: 'revoke', actor: office, reason: { kind: 'false-commitment', text: '逾期未整改' } },
      { type: 'record-credit', actor: office },
    ] as const) {
      const result = instance.send(event);
      expect(result.accepted, event.type).toBe(true);
    }
    expect(instance.records.map((r) => r.activity)).toEqual([
      'business-registered',
      'received',
      'notified',
      'committed',
      'approved',
      'verification-started',
      'breach-found',
      'correction-ordered',
      'revoked',
      'credit-recorded',
    ]);
    expect(instance.records.find((r) => r.activity === 'correction-ordered')?.attrs).toEqual({ workingDays: 15 });
    expect(instance.done).toBe(true);
  });

  it('refuses an applicant with a false-commitment record or serious dishonesty, with the reason', () => {
    for (const standing of [{ falseCommitment: true }, { seriousDishonesty: true }]) {
      const instance = start(notifyCommit);
      instance.send({ type: 'receive' });
      instance.send({ type: 'notify', actor: office });
      const result = instance.send({ type: 'commit', standing });
      expect(result.accepted && result.records[0]).toMatchObject({ activity: 'refused', status: 5, reason: { kind: standing.falseCommitment ? 'false-commitment-record' : 'serious-dishonesty' } });
      expect(instance.state).toBe('refused');
    }
  });

  it('cannot define notify-and-commit for an excluded area', () => {
    const result = validateFlow({ ...notifyCommit, involves: ['public-safety'] });
    expect(result.ok ? '' : result.issues[0]?.message).toMatchInlineSnapshot(
      `"The matter involves public-safety; 国办发〔2020〕42号 excludes such matters from notify-and-commit (high risk, costly to correct). Use mode "approval" or "optimized-approval"."`,
    );
    expect(validateFlow({ ...notifyCommit, notifyCommit: undefined }).ok).toBe(false);
    expect(validateFlow({ ...filing, notifyCommit: notifyCommit.notifyCommit }).ok).toBe(false);
  });

  it('starts the statutory clock at the commitment and stops it at the decision', () => {
    const instance = start(notifyCommit);
    instance.send({ type: 'receive' });
    instance.send({ type: 'notify', actor: office });
    instance.send({ type: 'commit', standing: {} });
    expect(instance.clocks().statutory?.deadline).toBe('2025-06-16'); // 10 working days after 06-02
    instance.send({ type: 'approve', actor: office });
    expect(instance.clocks().phase).toBe('ended');
  });
});
