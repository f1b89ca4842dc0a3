/**
 * Five cases of 建设工程规划许可证核发, end to end, run on the typed runtime with an
 * injected clock on the real working-day calendar — a clean one, one with 补正 (supplement), one
 * sent back (退回), one withdrawn and resubmitted (撤件重报) — printed as timelines with their
 * statutory clocks, then official vs experienced time. Run: npx tsx examples/planning-permit-cases.ts
 */
import type { SimulatedClock } from 'xstate';
import { computeCaseClock, createFlowInstance, validateFlow, type Actor, type EventRecord, type FlowEvent, type FlowInstance } from '../src/index';
import { calendar, clockAt, later, printTimeline, workingDaysLater } from './_shared/case-driver';
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

/** When the next command comes: some hours later the same day, or at an hour some working days later. */
type Wait = { readonly hours: number } | { readonly workingDays: number; readonly hour: number };
type Beat = readonly [Wait, FlowEvent];
const hoursLater = (hours: number): Wait => ({ hours });
const wd = (workingDays: number, hour = 9): Wait => ({ workingDays, hour });

function advance(clock: SimulatedClock, wait: Wait): void {
  if ('hours' in wait) later(clock, wait.hours);
  else workingDaysLater(clock, wait.workingDays, wait.hour);
}

const step = (type: 'start-step' | 'complete-step', id: string, actor: Actor): FlowEvent => ({ type, step: id, actor });
const work = (id: string, actor: Actor, days: number, hour = 16): Beat[] => [
  [hoursLater(1), step('start-step', id, actor)],
  [wd(days, hour), step('complete-step', id, actor)],
];
const allMaterials = ['application-form', 'design-scheme', 'land-certificate'];
const receive = (materials: string[]): Beat => [hoursLater(0), { type: 'receive', actor: applicant, channel: 'online', materials }];
const accept: Beat[] = [
  [hoursLater(2), { type: 'accept-at-window', actor: window, channel: 'window' }],
  [wd(1, 10), { type: 'accept-in-department', actor: clerk }],
];
const review = (days: { review: number; fire: number; expert: number }): Beat[] => [
  ...work('review', reviewer, days.review),
  [wd(1), step('start-step', 'fire-opinion', fire)],
  [hoursLater(1), step('start-step', 'civil-air-defence-opinion', civil)],
  [hoursLater(5), step('complete-step', 'civil-air-defence-opinion', civil)],
  [wd(days.fire, 15), step('complete-step', 'fire-opinion', fire)],
  [wd(1), step('start-step', 'expert-review', expert)],
  [wd(days.expert, 17), step('complete-step', 'expert-review', expert)],
];
const decideAndIssue: Beat[] = [
  [wd(1), step('start-step', 'decide', director)],
  [hoursLater(5), step('complete-step', 'decide', director)],
  [hoursLater(1), { type: 'approve', actor: director }],
  [wd(1, 11), { type: 'issue-certificate', actor: clerk, channel: 'mail' }],
];

interface Script {
  readonly caseId: string;
  readonly title: string;
  readonly start: string;
  readonly beats: Beat[];
}
const scripts: Script[] = [
  { caseId: 'WP-2025-0001', title: 'clean case, accepted just before the National Day holiday', start: '2025-09-29T09:30:00+08:00', beats: [receive(allMaterials), ...accept, ...review({ review: 3, fire: 4, expert: 6 }), ...decideAndIssue] },
  {
    caseId: 'WP-2025-0002',
    title: '补正 after acceptance: the clock stops until the materials arrive',
    start: '2025-11-03T09:30:00+08:00',
    beats: [
      receive(allMaterials),
      ...accept,
      ...work('review', reviewer, 2),
      [hoursLater(1), { type: 'start-supplement', actor: clerk, materials: ['land-certificate'], reason: { kind: 'incomplete-materials', text: '不动产权证书需补充附图，一次性告知' } }],
      [wd(5, 14), { type: 'end-supplement', actor: applicant, channel: 'online', materials: ['land-certificate'] }],
      [wd(1), step('start-step', 'fire-opinion', fire)],
      [hoursLater(1), step('start-step', 'civil-air-defence-opinion', civil)],
      [hoursLater(5), step('complete-step', 'civil-air-defence-opinion', civil)],
      [wd(3, 15), step('complete-step', 'fire-opinion', fire)],
      ...work('expert-review', expert, 5),
      ...decideAndIssue,
    ],
  },
  {
    caseId: 'WP-2025-0003',
    title: '退回: the director sends the case back to review, and the promise is missed',
    start: '2025-11-10T09:30:00+08:00',
    beats: [
      receive(allMaterials),
      ...accept,
      ...review({ review: 3, fire: 3, expert: 4 }),
      [wd(1), step('start-step', 'decide', director)],
      [hoursLater(3), { type: 'send-back', step: 'decide', to: 'review', actor: director, reason: { kind: 'review-incomplete', text: '日照分析未复核' } }],
      ...review({ review: 2, fire: 2, expert: 2 }),
      ...decideAndIssue,
    ],
  },
  {
    caseId: 'WP-2025-0004',
    title: '撤件: withdrawn under pressure after two weeks of review…',
    start: '2025-12-01T09:30:00+08:00',
    beats: [receive(allMaterials), ...accept, ...work('review', reviewer, 8), [wd(2, 10), { type: 'withdraw', actor: applicant, channel: 'window', reason: { kind: 'applicant-request', text: '按窗口建议撤件，修改后重报' } }]],
  },
  {
    caseId: 'WP-2025-0005',
    title: '…重报: resubmitted, and approved quickly on paper',
    start: '2025-12-22T09:30:00+08:00',
    beats: [receive(allMaterials), ...accept, ...review({ review: 1, fire: 1, expert: 2 }), ...decideAndIssue],
  },
];

function run({ caseId, start, beats }: Script): FlowInstance {
  const clock = clockAt(start);
  const instance = createFlowInstance(flow, { caseId, clock, calendar, applicantId: applicant.id, projectCode: '2025-330106-47-01-000123' });
  for (const [wait, event] of beats) {
    advance(clock, wait);
    const result = instance.send(event);
    if (!result.accepted) throw new Error(`${caseId}: ${result.rejection.message}`);
  }
  instance.stop();
  return instance;
}

console.log(`permitflow demo — ${flow.name} (${flow.id} v${flow.version})`);
console.log(`statutory limit ${flow.limits?.statutoryWorkingDays} working days, promised ${flow.limits?.promisedWorkingDays}; calendar ${calendar.name} ${calendar.coverage.firstYear}–${calendar.coverage.lastYear}\n`);
const all: EventRecord[] = [];
for (const script of scripts) {
  const instance = run(script);
  all.push(...instance.records);
  printTimeline(`${script.caseId} — ${script.title}`, flow, instance.records);
}

const header = ['case', 'outcome', 'deadline', 'promised', 'statutory', 'official wd', 'experienced wd', 'chain'];
const rows = scripts.map(({ caseId }) => {
  const clock = computeCaseClock(all.filter((r) => r.caseId === caseId || (caseId === 'WP-2025-0005' && r.caseId === 'WP-2025-0004')), flow, calendar, { at: '2026-03-31T18:00:00+08:00', caseId });
  const official = clock.official ? (clock.official.dropped ? `(dropped) ${clock.official.workingDays}` : String(clock.official.workingDays)) : '—';
  return [caseId, clock.outcome ?? clock.phase, clock.statutory?.deadline ?? '—', clock.promised?.status ?? '—', clock.statutory?.status ?? '—', official, String(clock.experienced?.workingDays ?? '—'), clock.chain.join(' → ')];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(line(header));
console.log(line(widths.map((w) => '─'.repeat(w))));
for (const row of rows) console.log(line(row));
console.log(`
Official time counts from acceptance, removes 补正 and 特别程序, and drops the withdrawn attempt —
as statistics do. Experienced time runs from the first receipt of the first attempt to the
certificate. For WP-2025-0005 the gap between them is the time the withdrawal erased from the figures.`);
