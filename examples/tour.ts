/** The README's tour, runnable: npx tsx examples/tour.ts */
import { readFileSync } from 'node:fs';
import { SimulatedClock } from 'xstate';
import { createFlowInstance, formatIssues, restoreFlowInstance, validateFlow } from '../src/index';
import { formatTimeline } from '../src/interop';

const text = readFileSync(new URL('./works-planning-permit.flow.json', import.meta.url), 'utf8');

// 1. A matter is JSON, validated with messages that say how to fix it.
const checked = validateFlow(JSON.parse(text));
if (!checked.ok) throw new Error(formatIssues(checked.issues));
const flow = checked.flow;

// 2. A case runs on the compiled machine; time comes from an injected clock.
const clock = new SimulatedClock();
clock.set(Date.parse('2025-09-15T09:00:00+08:00'));
const instance = createFlowInstance(flow, { caseId: 'WP-2025-0001', clock, applicantId: 'firm-1' });
const clerk = { id: 'zr-clerk-02', role: 'clerk', department: 'natural-resources' };

instance.send({ type: 'receive', channel: 'online', materials: ['application-form'] });
instance.send({ type: 'accept-in-department', actor: clerk });
const result = instance.send({ type: 'start-step', step: 'review', actor: clerk });
console.log(result); // rejected: wrong-actor — the review is done by a reviewer

// 3. Every accepted command appended an EventRecord; a rejected one changed nothing.
console.log(formatTimeline(instance.records));

// 4. The statutory clocks, derived from the records on the mainland working-day calendar.
console.log(instance.clocks().statutory);

// 5. Persist as plain JSON, restore later (refused for another flow version).
const saved = JSON.stringify(instance.persist());
const again = restoreFlowInstance(flow, JSON.parse(saved), { clock });
console.log(again.state, again.clocks().statutory?.deadline);
instance.stop();
again.stop();
