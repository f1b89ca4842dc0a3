/**
 * The main job, end to end: four cases of 建设工程规划许可证核发 run on the typed runtime with an
 * injected clock — a clean one, one with 补正 (supplement), one sent back (退回), one withdrawn —
 * and their event log printed as timelines. Run: npm run demo
 */
import { SimulatedClock } from 'xstate';
import { createFlowInstance, validateFlow, type Actor, type FlowEvent, type FlowInstance } from '../src/index';
import { formatTimeline } from '../src/interop';
import definition from './works-planning-permit.flow.json';

const checked = validateFlow(definition);
if (!checked.ok) throw new Error('the example flow should validate');
const flow = checked.flow;

const applicant: Actor = { id: 'firm-hengda-build', role: 'applicant', department: 'applicant' };
const window: Actor = { id: 'hall-clerk-07', role: 'clerk', department: 'government-service-hall' };
const clerk: Actor = { id: 'zr-clerk-02', role: 'clerk', department: 'natural-resources' };
const reviewer: Actor = { id: 'zr-reviewer-11', role: 'reviewer', department: 'natural-resources' };
const fire: Actor = { id: 'xf-reviewer-03', role: 'reviewer', department: 'fire' };
const civil: Actor = { id: 'rf-reviewer-05', role: 'reviewer', department: 'civil-air-defence' };
const expert: Actor = { id: 'expert-panel-2', role: 'expert', department: 'natural-resources' };
const director: Actor = { id: 'zr-director-01', role: 'director', department: 'natural-resources' };

/** One scripted moment: wait this many hours, then send the command. */
type Beat = readonly [hours: number, event: FlowEvent];

const step = (type: 'start-step' | 'complete-step', id: string, actor: Actor): FlowEvent => ({ type, step: id, actor });
const work = (id: string, actor: Actor, hours: number): Beat[] => [
  [1, step('start-step', id, actor)],
  [hours, step('complete-step', id, actor)],
];
const review: Beat[] = [
  ...work('review', reviewer, 20),
  ...work('fire-opinion', fire, 30),
  ...work('civil-air-defence-opinion', civil, 8),
  ...work('expert-review', expert, 72),
];
const decideAndIssue: Beat[] = [
  ...work('decide', director, 6),
  [1, { type: 'approve', actor: director }],
  [18, { type: 'issue-certificate', actor: clerk, channel: 'mail' }],
];
const receive = (materials: string[]): Beat => [0, { type: 'receive', actor: applicant, channel: 'online', materials }];
const accept: Beat[] = [
  [2, { type: 'accept-at-window', actor: window, channel: 'window' }],
  [20, { type: 'accept-in-department', actor: clerk }],
];
const allMaterials = ['application-form', 'design-scheme', 'land-certificate'];

const scripts: Record<string, { title: string; beats: Beat[] }> = {
  'WP-2025-0001': { title: 'clean case', beats: [receive(allMaterials), ...accept, ...review, ...decideAndIssue] },
  'WP-2025-0002': {
    title: '补正: the land certificate was missing at receipt',
    beats: [
      receive(['application-form', 'design-scheme']),
      [3, { type: 'start-supplement', actor: clerk, materials: ['land-certificate'], reason: { kind: 'incomplete-materials', text: '缺少不动产权证书，一次性告知' } }],
      [50, { type: 'end-supplement', actor: applicant, channel: 'online', materials: ['land-certificate'] }],
      ...accept,
      ...review,
      ...decideAndIssue,
    ],
  },
  'WP-2025-0003': {
    title: '退回: the director sends the case back to review',
    beats: [
      receive(allMaterials),
      ...accept,
      ...review,
      [1, step('start-step', 'decide', director)],
      [4, { type: 'send-back', step: 'decide', to: 'review', actor: director, reason: { kind: 'review-incomplete', text: '日照分析未复核' } }],
      ...work('review', reviewer, 10),
      ...work('fire-opinion', fire, 4),
      ...work('civil-air-defence-opinion', civil, 4),
      ...work('expert-review', expert, 24),
      ...decideAndIssue,
    ],
  },
  'WP-2025-0004': {
    title: '撤回: the applicant withdraws during review',
    beats: [receive(allMaterials), ...accept, [1, step('start-step', 'review', reviewer)], [30, { type: 'withdraw', actor: applicant, channel: 'online', reason: { kind: 'applicant-request', text: '设计方案调整后重报' } }]],
  },
};

function run(caseId: string, beats: Beat[], clock: SimulatedClock): FlowInstance {
  const instance = createFlowInstance(flow, { caseId, clock, applicantId: applicant.id, projectCode: `2025-330106-47-01-${caseId.slice(-4)}` });
  for (const [hours, event] of beats) {
    clock.increment(hours * 3_600_000);
    const result = instance.send(event);
    if (!result.accepted) throw new Error(`${caseId}: ${result.rejection.message}`);
  }
  return instance;
}

const start = Date.UTC(2025, 8, 15, 1); // Monday 2025-09-15, 09:00 Beijing time
console.log(`permitflow demo — ${flow.name} (${flow.id} v${flow.version}), statutory limit ${flow.limits?.statutoryWorkingDays} working days, promised ${flow.limits?.promisedWorkingDays}\n`);
const summary: string[][] = [];
for (const [caseId, { title, beats }] of Object.entries(scripts)) {
  const clock = new SimulatedClock();
  clock.set(start);
  const instance = run(caseId, beats, clock);
  console.log(`■ ${caseId} — ${title}`);
  console.log(`${formatTimeline(instance.records).replace(/^/gm, '  ')}\n`);
  const first = Date.parse(instance.records[0]!.at);
  const last = Date.parse(instance.records.at(-1)!.at);
  summary.push([caseId, instance.state, String(instance.records.length), ((last - first) / 86_400_000).toFixed(1)]);
}
console.log('case            outcome              records  elapsed (natural days)');
for (const [id, state, records, days] of summary) console.log(`${id!.padEnd(16)}${state!.padEnd(21)}${records!.padStart(7)}  ${days!.padStart(8)}`);
console.log('\nWorking-day clocks (statutory, promised, official vs experienced) come with the calendar module; see docs/.');
