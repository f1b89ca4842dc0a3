import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { validateFlow } from '../../definition';
import { compileFlow } from '../../compiler';
import { createFlowInstance } from '../../runtime';
import type { EventRecord } from '../../event-log';
import { DefinitionError, PermitflowError } from '../../errors';
import { EXAM_REGISTRATION_CONDITIONS, EXAM_REGISTRATION_VERIFICATION_WORKING_DAYS, notifyCommitFlow } from './index';

const officer = { id: 'exam-officer-1', role: 'officer', department: 'human-resources-social-security' };

function start(flow = notifyCommitFlow()) {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2025-03-10T09:00:00+08:00'));
  return createFlowInstance(flow, { caseId: 'KS-1', clock, applicantId: 'applicant-1' });
}

describe('notifyCommitFlow', () => {
  it('gives a valid, compilable exam-registration matter by default', () => {
    const flow = notifyCommitFlow();
    expect(validateFlow(flow).ok).toBe(true);
    expect(() => compileFlow(flow)).not.toThrow();
    expect(flow).toMatchObject({
      mode: 'notify-commit',
      caseType: 'immediate',
      department: 'human-resources-social-security',
      notifyCommit: { decision: 'on-the-spot', verification: { withinWorkingDays: EXAM_REGISTRATION_VERIFICATION_WORKING_DAYS } },
    });
    expect(flow.notifyCommit?.conditions.length).toBe(EXAM_REGISTRATION_CONDITIONS.length);
    // The commitment replaces the proofs: they are not on the material list.
    expect(flow.materials.map((m) => m.id)).not.toContain('education-proof');
  });

  it('runs from receipt to verification: notified → committed → approved → verified', () => {
    const instance = start();
    for (const event of [
      { type: 'receive', channel: 'online' },
      { type: 'notify', actor: officer },
      { type: 'commit', standing: {} },
      { type: 'approve', actor: officer },
      { type: 'start-verification', actor: officer },
      { type: 'verify', actor: officer },
    ] as const) {
      expect(instance.send(event).accepted, event.type).toBe(true);
    }
    expect(instance.records.map((r) => r.activity)).toEqual([
      'received',
      'notified',
      'committed',
      'approved',
      'verification-started',
      'verified',
    ]);
    expect(instance.done).toBe(true);
  });

  /** A case approved on the spot on Monday 2025-03-10 09:00, with `days` working days to verify it, and its clock. */
  function approvedWithWindow(days: number) {
    const clock = new SimulatedClock();
    clock.set(Date.parse('2025-03-10T09:00:00+08:00'));
    const instance = createFlowInstance(notifyCommitFlow({ notifyCommit: { verification: { withinWorkingDays: days } } }), { caseId: 'KS-2', clock });
    instance.send({ type: 'receive', channel: 'online' });
    instance.send({ type: 'notify', actor: officer });
    instance.send({ type: 'commit', standing: {} });
    expect(instance.send({ type: 'approve', actor: officer }).accepted).toBe(true);
    return { instance, clock };
  }
  const deadlineRecords = (records: readonly EventRecord[]) => records.filter((r) => r.activity.startsWith('deadline-')).map((r) => [r.activity, r.at.slice(0, 10), r.attrs?.budget]);

  it('keeps the post-verification window after the decision: warning and overdue records until the result', () => {
    // 5 working days from Monday 03-10: the window ends on Monday 03-17.
    const { instance, clock } = approvedWithWindow(5);
    expect(instance.clocks().verification).toMatchObject({ limitWorkingDays: 5, usedWorkingDays: 0, deadline: '2025-03-17', status: 'normal' });
    clock.increment(9 * 86_400_000); // Wednesday 03-19
    expect(deadlineRecords(instance.records)).toEqual([
      ['deadline-warning', '2025-03-13', 'verification'],
      ['deadline-overdue', '2025-03-18', 'verification'],
    ]);
    expect(instance.clocks().verification).toMatchObject({ usedWorkingDays: 7, status: 'overdue' });
    // Verified late: it stays overdue, and nothing more is written.
    for (const type of ['start-verification', 'verify'] as const) expect(instance.send({ type, actor: officer }).accepted, type).toBe(true);
    clock.increment(30 * 86_400_000);
    expect(instance.clocks().verification).toMatchObject({ usedWorkingDays: 7, status: 'overdue' });
    expect(deadlineRecords(instance.records)).toHaveLength(2);
  });

  it('writes no deadline record for a verification done within its window', () => {
    const { instance, clock } = approvedWithWindow(5);
    clock.increment(2 * 86_400_000); // Wednesday 03-12
    for (const type of ['start-verification', 'verify'] as const) expect(instance.send({ type, actor: officer }).accepted, type).toBe(true);
    clock.increment(30 * 86_400_000);
    expect(deadlineRecords(instance.records)).toEqual([]);
    expect(instance.clocks().verification).toMatchObject({ usedWorkingDays: 2, status: 'normal' });
  });

  it('gives the correction period it was built with to a breach', () => {
    const instance = start(notifyCommitFlow({ notifyCommit: { correctionWorkingDays: 7 } }));
    expect(instance.send({ type: 'receive', channel: 'online' }).accepted).toBe(true);
    expect(instance.send({ type: 'notify', actor: officer }).accepted).toBe(true);
    expect(instance.send({ type: 'commit', standing: {} }).accepted).toBe(true);
    for (const type of ['approve', 'start-verification', 'find-breach', 'order-correction'] as const) {
      expect(instance.send({ type, actor: officer }).accepted, type).toBe(true);
    }
    expect(instance.records.at(-1)).toMatchObject({ activity: 'correction-ordered', attrs: { workingDays: 7 } });
    expect(instance.send({ type: 'revoke', actor: officer, reason: { kind: 'false-commitment', text: '学历信息与承诺不符' } }).accepted).toBe(true);
    expect(instance.send({ type: 'record-credit', actor: officer }).accepted).toBe(true);
    expect(instance.state).toBe('credit-recorded');
  });

  it('refuses an applicant with a false commitment on record or serious dishonesty, with the reason', () => {
    for (const [standing, kind] of [
      [{ falseCommitment: true }, 'false-commitment-record'],
      [{ seriousDishonesty: true }, 'serious-dishonesty'],
    ] as const) {
      const instance = start();
      instance.send({ type: 'receive', channel: 'online' });
      instance.send({ type: 'notify', actor: officer });
      const result = instance.send({ type: 'commit', actor: { id: 'a1', role: 'applicant', department: 'applicant' }, channel: 'window', standing });
      expect(result.accepted && result.records[0]).toMatchObject({ activity: 'refused', status: 5, reason: { kind }, channel: 'window' });
      // The refusal is the office's check of the applicant's standing, not the applicant's act.
      expect(result.accepted && result.records[0]).not.toHaveProperty('actor');
      expect(instance.state).toBe('refused');
      expect(instance.send({ type: 'approve', actor: officer }).accepted).toBe(false);
    }
  });

  it('throws invalid-argument for a matter in an excluded area', () => {
    let error: unknown;
    try {
      notifyCommitFlow({ involves: ['life-health-safety'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PermitflowError);
    expect((error as PermitflowError).code).toBe('invalid-argument');
    const cause = (error as PermitflowError).cause;
    expect(cause).toBeInstanceOf(DefinitionError);
    expect((cause as DefinitionError).issues.map((i) => i.code)).toEqual(['excluded-from-notify-commit']);
    expect((error as Error).message).toMatchInlineSnapshot(`
      "notifyCommitFlow: the options give an invalid flow "qualification-exam-registration":
      - at involves: The matter involves life-health-safety; 国办发〔2020〕42号 excludes such matters from notify-and-commit (high risk, costly to correct). Use mode "approval" or "optimized-approval". [excluded-from-notify-commit]
      Change those options so the flow validates."
    `);
  });

  it('throws for other options that make the flow invalid', () => {
    expect(() => notifyCommitFlow({ notifyCommit: { conditions: [] } })).toThrow(/empty-node/);
    expect(() => notifyCommitFlow({ notifyCommit: { verification: { withinWorkingDays: 0 } } })).toThrow(/invalid-limit/);
    expect(() => notifyCommitFlow({ id: 'has.dot' })).toThrow(PermitflowError);
  });

  it('lets options override every default, and merges verification field by field', () => {
    const flow = notifyCommitFlow({
      id: 'household-transfer-kinship',
      name: '户口迁移（投靠亲属）亲属关系证明告知承诺',
      department: 'public-security',
      caseType: 'promised',
      limits: { statutoryWorkingDays: 20, promisedWorkingDays: 5 },
      materials: [{ id: 'application', name: '户口迁移申请表' }],
      process: { kind: 'step', id: 'household-review', name: '户籍审核', department: 'public-security', role: 'household-officer' },
      involves: [],
      notifyCommit: {
        decision: 'within-limit',
        conditions: [{ id: 'kinship', text: '与投靠人为夫妻、父母子女关系' }],
        verification: { methods: ['data-sharing'] },
      },
    });
    expect(flow).toMatchObject({
      id: 'household-transfer-kinship',
      department: 'public-security',
      caseType: 'promised',
      limits: { statutoryWorkingDays: 20, promisedWorkingDays: 5 },
      notifyCommit: {
        decision: 'within-limit',
        verification: { withinWorkingDays: EXAM_REGISTRATION_VERIFICATION_WORKING_DAYS, methods: ['data-sharing'] },
      },
    });
    // A decision within the limit runs the review after the commitment.
    const instance = start(flow);
    const police = { id: 'p-1', role: 'household-officer', department: 'public-security' };
    for (const event of [
      { type: 'receive' },
      { type: 'notify', actor: police },
      { type: 'commit', standing: {} },
      { type: 'accept-in-department', actor: police },
      { type: 'start-step', step: 'household-review', actor: police },
      { type: 'complete-step', step: 'household-review', actor: police },
      { type: 'approve', actor: police },
    ] as const) {
      expect(instance.send(event).accepted, event.type).toBe(true);
    }
    expect(instance.state).toBe('approved');
  });

  it('does not share its default lists with the flows it returns', () => {
    const a = notifyCommitFlow();
    a.notifyCommit!.conditions.pop();
    a.materials.pop();
    const b = notifyCommitFlow();
    expect(b.notifyCommit!.conditions.length).toBe(EXAM_REGISTRATION_CONDITIONS.length);
    expect(b.materials.length).toBe(3);
  });
});
