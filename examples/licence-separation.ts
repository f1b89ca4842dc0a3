/**
 * One business-operating permit (食品经营许可) under each mode of 证照分离 (国发〔2021〕7号), side by
 * side: every case starts from the business registration (照后减证), then — cancelled: operate;
 * filing: filed on the spot; notify-commit: decided on the spot, verified later; optimized
 * approval vs the pre-reform approval: fewer materials, steps and days.
 * Run: npx tsx examples/licence-separation.ts
 */
import { createFlowInstance, LICENCE_SEPARATION_MODES, licenceSeparationFlow, type FlowInstance } from '../src/index';
import { clockAt, expectAccepted, later, officerOf, printTimeline, workProcess, workingDaysLater } from './_shared/case-driver';

const registrar = { id: 'scjg-registrar-01', role: 'registrar', department: 'market-registration' };
const owner = { id: 'owner-li', role: 'applicant', department: 'applicant' };

const rows: string[][] = [];
for (const mode of LICENCE_SEPARATION_MODES) {
  const flow = licenceSeparationFlow(mode);
  const clock = clockAt('2025-06-09T09:00:00+08:00');
  const instance: FlowInstance = createFlowInstance(flow, { caseId: `LS-${mode}`, clock, applicantId: owner.id });
  const officer = officerOf(flow);
  expectAccepted(instance.send({ type: 'register-business', actor: registrar, channel: 'online' }), 'register');
  later(clock, 2);
  switch (mode) {
    case 'cancelled':
      // No approval case at all: the shop operates on its business licence. A later demand for the
      // permit by anyone is logged as a violation.
      workingDaysLater(clock, 15, 10);
      expectAccepted(instance.send({ type: 'demand-permit', actor: { id: 'jd-inspector-02', role: 'inspector', department: 'sub-district-office' }, reason: { kind: 'cancelled-permit-demanded', text: '检查中要求出示食品经营许可证' } }), 'demand');
      break;
    case 'filing':
      expectAccepted(instance.send({ type: 'receive', actor: owner, channel: 'online', materials: flow.materials.map((m) => m.id) }), 'receive');
      later(clock, 1);
      expectAccepted(instance.send({ type: 'file', actor: officer }), 'file');
      break;
    case 'notify-commit':
      expectAccepted(instance.send({ type: 'receive', actor: owner, channel: 'online', materials: flow.materials.map((m) => m.id) }), 'receive');
      expectAccepted(instance.send({ type: 'notify', actor: officer }), 'notify');
      later(clock, 1);
      expectAccepted(instance.send({ type: 'commit', actor: owner, standing: {} }), 'commit');
      expectAccepted(instance.send({ type: 'approve', actor: officer }), 'approve on the spot');
      workingDaysLater(clock, 12, 10);
      expectAccepted(instance.send({ type: 'start-verification', actor: officer }), 'verify');
      later(clock, 3);
      expectAccepted(instance.send({ type: 'verify', actor: officer }), 'verified');
      break;
    case 'optimized-approval':
    case 'approval':
      expectAccepted(instance.send({ type: 'receive', actor: owner, channel: 'window', materials: flow.materials.map((m) => m.id) }), 'receive');
      later(clock, 1);
      expectAccepted(instance.send({ type: 'accept-in-department', actor: officer }), 'accept');
      workProcess(instance, clock, () => (mode === 'approval' ? 3 : 1));
      later(clock, 1);
      expectAccepted(instance.send({ type: 'approve', actor: officer }), 'approve');
      break;
  }
  printTimeline(`${mode} — ${flow.name}`, flow, instance.records);
  const steps = instance.records.filter((r) => r.lifecycle === 'start').length;
  const clocks = instance.clocks();
  rows.push([
    mode,
    String(flow.materials.length),
    String(steps),
    String(flow.limits?.statutoryWorkingDays ?? '—'),
    String(clocks.official?.workingDays ?? '—'),
    instance.records.at(-1)!.activity,
  ]);
  instance.stop();
}

const header = ['mode', 'materials', 'steps', 'statutory wd', 'official wd', 'last record'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
