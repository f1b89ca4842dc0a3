/**
 * Notify-and-commit (告知承诺制), to the end of the unhappy path: the applicant is told the
 * conditions and the consequences of a false commitment, commits instead of proving, is registered
 * on the spot; post-verification finds the work years untrue; a correction period passes; the
 * decision is revoked (撤销) and the false commitment goes on the credit record. A second applicant,
 * with a false commitment already on record, is refused at commitment with the reason.
 * Run: npx tsx examples/notify-commit.ts
 */
import { createFlowInstance, notifyCommitFlow } from '../src/index';
import { clockAt, expectAccepted, later, officerOf, printTimeline, workingDaysLater } from './_shared/case-driver';

const flow = notifyCommitFlow();
const officer = officerOf(flow, 'exam-officer');
console.log(`${flow.name} — decision ${flow.notifyCommit?.decision}, verification within ${flow.notifyCommit?.verification.withinWorkingDays} working days, correction period ${flow.notifyCommit?.correctionWorkingDays}\n`);
console.log(`Conditions told to the applicant (告知):\n${flow.notifyCommit?.conditions.map((c) => `  · ${c.text}`).join('\n')}\nConsequences of a false commitment: ${flow.notifyCommit?.falseCommitmentConsequences}\n`);

{
  const clock = clockAt('2025-03-10T20:15:00+08:00');
  const applicant = { id: 'candidate-0427', role: 'applicant', department: 'applicant' };
  const instance = createFlowInstance(flow, { caseId: 'KS-2025-0427', clock, applicantId: applicant.id });
  expectAccepted(instance.send({ type: 'receive', actor: applicant, channel: 'online', materials: ['registration-form', 'identity-document', 'commitment-letter'] }), 'receive');
  expectAccepted(instance.send({ type: 'notify', actor: officer, channel: 'online' }), 'notify');
  later(clock, 0.25);
  expectAccepted(instance.send({ type: 'commit', actor: applicant, channel: 'online', standing: {} }), 'commit');
  expectAccepted(instance.send({ type: 'approve', actor: officer }), 'registered on the spot');
  workingDaysLater(clock, 20, 10);
  expectAccepted(instance.send({ type: 'start-verification', actor: officer, reason: { kind: 'data-sharing', text: '与社保缴费数据比对工作年限' } }), 'verification');
  workingDaysLater(clock, 3, 15);
  expectAccepted(instance.send({ type: 'find-breach', actor: officer, reason: { kind: 'condition-not-met', text: '社保记录显示相关专业工作年限不足4年' } }), 'breach');
  later(clock, 1);
  expectAccepted(instance.send({ type: 'order-correction', actor: officer, reason: { kind: 'supply-proof', text: '限期提交工作年限证明' } }), 'correction');
  workingDaysLater(clock, flow.notifyCommit!.correctionWorkingDays + 1, 10);
  expectAccepted(instance.send({ type: 'revoke', actor: officer, reason: { kind: 'false-commitment', text: '逾期未提交证明，承诺不实，撤销报名及考试成绩' } }), 'revoke');
  later(clock, 2);
  expectAccepted(instance.send({ type: 'record-credit', actor: officer, reason: { kind: 'false-commitment', text: '记入专业技术人员资格考试诚信档案库' } }), 'credit');
  printTimeline(`${instance.caseId} — breach, correction period, revocation and credit record`, flow, instance.records);
}
{
  const clock = clockAt('2025-03-11T09:40:00+08:00');
  const applicant = { id: 'candidate-0311', role: 'applicant', department: 'applicant' };
  const instance = createFlowInstance(flow, { caseId: 'KS-2025-0311', clock, applicantId: applicant.id });
  expectAccepted(instance.send({ type: 'receive', actor: applicant, channel: 'online' }), 'receive');
  expectAccepted(instance.send({ type: 'notify', actor: officer, channel: 'online' }), 'notify');
  later(clock, 0.1);
  expectAccepted(instance.send({ type: 'commit', actor: applicant, standing: { falseCommitment: true } }), 'commit');
  printTimeline(`${instance.caseId} — a false commitment on record: refused at commitment (until 信用修复)`, flow, instance.records);
}
