import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import example from '../../test/fixtures/works-planning-permit.json';
import { completeProcess, officer, receiveAndAccept, stepActor } from '../../test/_helpers/drive';
import type { FlowDefinition } from '../definition/schemas';
import { EventRecordSchema } from '../event-log/event-record';
import { createFlowInstance } from './create-flow-instance';

const flow = example as FlowDefinition;
const start = Date.UTC(2025, 8, 30, 1, 0); // 2025-09-30 09:00 Beijing time

function setup() {
  const clock = new SimulatedClock();
  clock.set(start);
  const instance = createFlowInstance(flow, { caseId: 'WP-2025-001', clock, applicantId: 'firm-1', projectCode: 'P-1' });
  return { clock, instance };
}

describe('createFlowInstance', () => {
  it('writes one valid record per accepted command, stamped by the injected clock', () => {
    const { clock, instance } = setup();
    const result = instance.send({ type: 'receive', channel: 'window', materials: ['application-form'], actor: { id: 'w1', role: 'clerk', department: 'hall' } });
    clock.increment(90 * 60_000);
    instance.send({ type: 'accept-at-window', actor: { id: 'w1', role: 'clerk', department: 'hall' } });
    expect(result).toEqual({ accepted: true, records: [instance.records[0]] });
    expect(instance.records.map((r) => [r.id, r.activity, r.status, r.at])).toEqual([
      ['WP-2025-001#1', 'received', 1, '2025-09-30T09:00:00.000+08:00'],
      ['WP-2025-001#2', 'window-accepted', 3, '2025-09-30T10:30:00.000+08:00'],
    ]);
    expect(instance.records[0]).toMatchObject({ applicantId: 'firm-1', projectCode: 'P-1', channel: 'window', materials: ['application-form'], source: 'system' });
    for (const record of instance.records) expect(EventRecordSchema.safeParse(record).success).toBe(true);
  });

  it('logs a withdrawal before acceptance as 撤件 (2) and after it as 撤回 (14)', () => {
    const before = setup().instance;
    before.send({ type: 'receive' });
    before.send({ type: 'withdraw' });
    expect(before.records.at(-1)).toMatchObject({ activity: 'withdrawn-before-acceptance', status: 2 });
    expect(before.done).toBe(true);

    const after = setup().instance;
    receiveAndAccept(after);
    after.send({ type: 'withdraw' });
    expect(after.records.at(-1)).toMatchObject({ activity: 'withdrawn', status: 14 });
  });

  it('lets only the step’s own department and role complete it', () => {
    const { instance } = setup();
    receiveAndAccept(instance);
    instance.send({ type: 'start-step', step: 'review', actor: stepActor(instance, 'review') });
    const stranger = { id: 'f1', role: 'reviewer', department: 'fire' };
    const result = instance.send({ type: 'complete-step', step: 'review', actor: stranger });
    expect(result).toMatchInlineSnapshot(`
      {
        "accepted": false,
        "rejection": {
          "code": "wrong-actor",
          "message": "Step "review" is done by a reviewer of natural-resources; the command came from f1 (reviewer, fire).",
        },
      }
    `);
    expect(instance.send({ type: 'complete-step', step: 'review', actor: { ...stepActor(instance, 'review'), role: 'director' } }).accepted).toBe(false);
    expect(instance.send({ type: 'complete-step', step: 'review' }).accepted).toBe(false);
    expect(instance.send({ type: 'complete-step', step: 'review', actor: stepActor(instance, 'review') }).accepted).toBe(true);
  });

  it('changes neither state nor log on a rejected command', () => {
    const { instance } = setup();
    receiveAndAccept(instance);
    const snapshot = instance.snapshot;
    const records = [...instance.records];
    const results = [
      instance.send({ type: 'approve', actor: officer(instance) }),
      instance.send({ type: 'start-step', step: 'decide', actor: stepActor(instance, 'decide') }),
      instance.send({ type: 'start-step', step: 'no-such-step', actor: officer(instance) }),
      instance.send({ type: 'deny', actor: { id: 'x', role: 'officer', department: 'fire' } }),
      instance.send({ type: 'teleport' } as never),
    ];
    expect(results.map((r) => (r.accepted ? 'accepted' : r.rejection.code))).toEqual([
      'not-allowed-now',
      'not-allowed-now',
      'unknown-step',
      'wrong-actor',
      'unknown-command',
    ]);
    expect(instance.snapshot).toBe(snapshot);
    expect(instance.records).toEqual(records);
  });

  it('explains what is open when a command comes at the wrong time', () => {
    const { instance } = setup();
    receiveAndAccept(instance);
    const result = instance.send({ type: 'start-step', step: 'decide', actor: stepActor(instance, 'decide') });
    expect(result.accepted ? '' : result.rejection.message).toMatchInlineSnapshot(
      `""start-step" on "decide" is not allowed while case "WP-2025-001" is processing. Steps open now: review."`,
    );
  });

  it('runs the example from receipt to certificate and then takes nothing more after revocation', () => {
    const { clock, instance } = setup();
    receiveAndAccept(instance);
    clock.increment(3_600_000);
    completeProcess(instance);
    expect(instance.send({ type: 'approve-extension', actor: officer(instance), reason: { kind: 'art42-extension', text: '情况复杂' } }).accepted).toBe(true);
    expect(instance.records.at(-1)?.attrs).toEqual({ workingDays: 10 });
    expect(instance.send({ type: 'approve-extension', actor: officer(instance) }).accepted).toBe(false);
    instance.send({ type: 'approve', actor: officer(instance) });
    instance.send({ type: 'issue-certificate', actor: officer(instance) });
    instance.send({ type: 'revoke', actor: officer(instance), reason: { kind: 'fraud', text: '以欺骗手段取得' } });
    expect(instance.state).toBe('revoked');
    const closed = instance.send({ type: 'receive' });
    expect(closed.accepted ? '' : closed.rejection.code).toBe('case-closed');
    expect(instance.records.map((r) => r.status).filter(Boolean)).toEqual([1, 8, 11, 15]);
  });

  it('refuses an empty case id or a malformed offset with a typed error', () => {
    expect(() => createFlowInstance(flow, { caseId: '' })).toThrowErrorMatchingInlineSnapshot(
      `[PermitflowError: caseId is empty; give every case an id (办件编号).]`,
    );
    expect(() => createFlowInstance(flow, { caseId: 'C', utcOffset: '8' })).toThrow(/"\+08:00"/);
  });
});

describe('records', () => {
  it('keep only the contract fields of an actor, so a richer caller object still gives a valid record', () => {
    const instance = createFlowInstance(flow, { caseId: 'A-1' });
    const staff = { id: 'w1', role: 'clerk', department: 'hall', name: '王', phone: '12345' };
    instance.send({ type: 'receive', actor: staff });
    instance.stop();
    expect(instance.records[0]?.actor).toEqual({ id: 'w1', role: 'clerk', department: 'hall' });
    expect(EventRecordSchema.safeParse(instance.records[0]).success).toBe(true);
  });
});
