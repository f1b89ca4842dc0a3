/**
 * 开办企业 as one bundle (一件事一次办): one application and one set of materials fan out to
 * registration, seal engraving, invoices, social insurance, housing fund and the bank account;
 * each waits for what it needs; the bundle keeps its promised end-to-end limit.
 * Run: npx tsx examples/open-business.ts
 */
import { createBundleInstance, type Actor, type FlowDefinition, type FlowEvent } from '../src/index';
import { openBusinessBundle } from '../src/flows/everyday';
import { formatTimeline } from '../src/interop';
import { calendar, clockAt, expectAccepted, later, officerOf, statutoryNote, workingDaysLater } from './_shared/case-driver';

const { bundle, flows } = openBusinessBundle();
const flowOf = (matterId: string): FlowDefinition => flows.find((f) => f.id === matterId)!;
const stepActor = (flow: FlowDefinition, stepId: string): Actor => {
  const find = (node: FlowDefinition['process']): Actor | undefined =>
    node === undefined ? undefined : node.kind === 'step' ? (node.id === stepId ? { id: `${node.role}-01`, role: node.role, department: node.department } : undefined) : node.children.map(find).find(Boolean);
  return find(flow.process)!;
};
const clock = clockAt('2025-09-01T10:00:00+08:00');
const founder = { id: 'founder-wang', role: 'applicant', department: 'applicant' };
const instance = createBundleInstance(bundle, { bundleId: 'KB-2025-0901', flows, clock, applicantId: founder.id });

console.log(`${bundle.name}: promised ${bundle.limits?.promisedWorkingDays} working days end to end, ${bundle.expectedTrips} trip(s) expected\n`);
expectAccepted(instance.submit({ materials: (bundle.sharedMaterials ?? []).map((m) => m.id), channel: 'online', actor: founder }), 'submit');

// Office hours: every hour, each open matter moves one command forward — acceptance, the next step,
// the decision — so the matters of the bundle run side by side, each waiting for what it needs.
const nextCommand = (matterId: string): FlowEvent | undefined => {
  const flow = flowOf(matterId);
  const case_ = instance.caseOf(matterId)!;
  if (case_.state === 'received') return { type: 'accept-in-department', actor: officerOf(flow) };
  const active = case_.activeSteps()[0];
  if (active !== undefined) return { type: 'complete-step', step: active, actor: stepActor(flow, active) };
  const pending = case_.pendingSteps()[0];
  if (pending !== undefined) return { type: 'start-step', step: pending, actor: stepActor(flow, pending) };
  return { type: 'approve', actor: officerOf(flow) };
};
while (!instance.done) {
  later(clock, 1);
  const hour = new Date(clock.now() + 8 * 3_600_000).getUTCHours();
  if (hour >= 17 || !calendar.isWorkingDay(new Date(clock.now()).toISOString())) workingDaysLater(clock, 1, 9);
  for (const [matterId, status] of Object.entries(instance.status())) {
    if (status !== 'open') continue;
    const command = nextCommand(matterId)!;
    expectAccepted(instance.send(matterId, command), `${command.type} ${matterId}`);
  }
}

const notes = new Map(flows.map((f) => [f.id, statutoryNote(f, instance.records)]));
console.log(formatTimeline(instance.records, { annotate: (r) => notes.get(r.matterId)?.(r) }));
const clocks = instance.clocks();
console.log(`\nmatters: ${Object.entries(instance.status()).map(([id, s]) => `${id} ${s}`).join(', ')}`);
console.log(`official: ${clocks.workingDays} working day(s) — the union of the matters from acceptance, the day of acceptance not counted`);
console.log(`experienced: ${clocks.experienced?.workingDays} working day(s), ${clocks.experienced?.naturalDays} natural day(s) — from the one application to the last result`);
console.log(`promised end to end: ${clocks.promised?.limitWorkingDays} working days → ${clocks.promised?.status}`);
instance.stop();
