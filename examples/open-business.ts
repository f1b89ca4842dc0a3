/**
 * 开办企业 as one bundle (一件事一次办): one application and one set of materials fan out to
 * registration, seal engraving, invoices, social insurance, housing fund and the bank account;
 * each waits for what it needs; the bundle keeps its promised end-to-end limit.
 * Run: npx tsx examples/open-business.ts
 */
import { createBundleInstance, openBusinessBundle } from '../src/index';
import { formatTimeline } from '../src/interop';
import { clockAt, expectAccepted, runBundle, statutoryNote } from './_shared/case-driver';

const { bundle, flows } = openBusinessBundle();
const clock = clockAt('2025-09-01T10:00:00+08:00');
const founder = { id: 'founder-wang', role: 'applicant', department: 'applicant' };
const instance = createBundleInstance(bundle, { bundleId: 'KB-2025-0901', flows, clock, applicantId: founder.id });

console.log(`${bundle.name}: promised ${bundle.limits?.promisedWorkingDays} working days end to end, ${bundle.expectedTrips} trip(s) expected\n`);
expectAccepted(instance.submit({ materials: (bundle.sharedMaterials ?? []).map((m) => m.id), channel: 'online', actor: founder }), 'submit');

runBundle(instance, flows, clock, { hours: 1 });

const notes = new Map(flows.map((f) => [f.id, statutoryNote(f, instance.records)]));
console.log(formatTimeline(instance.records, { annotate: (r) => notes.get(r.matterId)?.(r) }));
const clocks = instance.clocks();
console.log(`\nmatters: ${Object.entries(instance.status()).map(([id, s]) => `${id} ${s}`).join(', ')}`);
console.log(`official: ${clocks.workingDays} working day(s) — the union of the matters from acceptance, the day of acceptance not counted`);
console.log(`experienced: ${clocks.experienced?.workingDays} working day(s), ${clocks.experienced?.naturalDays} natural day(s) — from the one application to the last result`);
console.log(`promised end to end: ${clocks.promised?.limitWorkingDays} working days → ${clocks.promised?.status}`);
instance.stop();
