import { readFileSync } from 'node:fs';
import { Engine } from 'bpmn-engine';
import { createActor, SimulatedClock } from 'xstate';
import { compileFlow, type FlowEvent } from '../src/compiler';
import type { FlowDefinition, ProcessNode, StepDefinition } from '../src/definition';
import { createFlowInstance } from '../src/runtime';
import { compare, type BenchRow, type CompareOptions } from './_lib';
import { tenStepFlow } from './fixtures/ten-step-flow';

/**
 * Cases per second of one 10-step case (receive → accept → start and complete every step → approve
 * → issue the certificate), three ways, side by side in one run:
 * - permitflow: `createFlowInstance` with the machine compiled once, `send` for every command
 *   (guards, event records with ids and instants);
 * - raw xstate: the same compiled machine under `createActor`, the same events, no records — the
 *   practical floor of any runtime built on that machine;
 * - bpmn-engine: the same process as BPMN 2.0 (`fixtures/ten-step-flow.bpmn`), parsed once, one
 *   engine per case, every user task signalled.
 */

const STEP_ORDER = [
  'preliminary-review',
  // The three opinions run in parallel (会签): all start, then finish in another order.
  'fire-opinion',
  'civil-air-defence-opinion',
  'transport-opinion',
  'site-inspection',
  'expert-review',
  'decision-draft',
  'legal-review',
  'decision',
  'archive',
] as const;
const PARALLEL_STARTS = ['fire-opinion', 'civil-air-defence-opinion', 'transport-opinion'] as const;
const PARALLEL_COMPLETES = ['transport-opinion', 'fire-opinion', 'civil-air-defence-opinion'] as const;

type StepId = (typeof STEP_ORDER)[number];
type Actor = NonNullable<FlowEvent['actor']>;

function stepsOf(node: ProcessNode): StepDefinition[] {
  return node.kind === 'step' ? [node] : node.children.flatMap(stepsOf);
}

const steps = new Map(stepsOf(tenStepFlow.process).map((s) => [s.id, s]));

function officerOf(step: StepId): Actor {
  const def = steps.get(step);
  if (def === undefined) throw new Error(`bench fixture has no step "${step}"`);
  return { id: `${def.department}-${def.role}`, department: def.department, role: def.role };
}

/** The 24 commands of one case, built once and shared by permitflow and raw xstate. */
function caseEvents(): FlowEvent[] {
  const clerk: Actor = { id: 'window-clerk-01', department: tenStepFlow.department, role: 'clerk' };
  const director: Actor = { id: 'director-01', department: tenStepFlow.department, role: 'director' };
  const start = (step: StepId): FlowEvent => ({ type: 'start-step', step, actor: officerOf(step) });
  const complete = (step: StepId): FlowEvent => ({ type: 'complete-step', step, actor: officerOf(step) });
  const events: FlowEvent[] = [
    { type: 'receive', channel: 'online', materials: ['application-form', 'land-certificate', 'design-scheme'] },
    { type: 'accept-in-department', actor: clerk },
    start('preliminary-review'),
    complete('preliminary-review'),
    ...PARALLEL_STARTS.map(start),
    ...PARALLEL_COMPLETES.map(complete),
  ];
  for (const step of STEP_ORDER.slice(4)) events.push(start(step), complete(step));
  events.push({ type: 'approve', actor: director }, { type: 'issue-certificate', actor: clerk });
  return events;
}

/**
 * The user tasks in the order the case completes them. A BPMN user task has no start/complete pair
 * and no actor check: one signal per task, 10 per case against permitflow's 24 commands.
 */
const BPMN_SIGNALS: readonly string[] = [STEP_ORDER[0], ...PARALLEL_COMPLETES, ...STEP_ORDER.slice(4)];

/** The source context of the BPMN fixture: parsed once, like the flow is compiled once. */
async function bpmnSourceContext() {
  const xml = readFileSync(new URL('./fixtures/ten-step-flow.bpmn', import.meta.url), 'utf8');
  const [definition] = await new Engine({ name: 'parse-once', source: xml }).getDefinitions();
  if (definition === undefined) throw new Error('ten-step-flow.bpmn has no definition');
  const userTasks = definition
    .getProcesses()
    .flatMap((p) => p.getActivities())
    .filter((a) => a.type === 'bpmn:UserTask')
    .map((a) => a.id)
    .sort();
  const stepIds = [...steps.keys()].sort();
  if (userTasks.join() !== stepIds.join()) {
    throw new Error(`ten-step-flow.bpmn has user tasks ${userTasks.join(', ')}; the flow has steps ${stepIds.join(', ')}`);
  }
  return definition.context.definitionContext;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`runtime bench: ${message}`);
}

/** When every case runs; the simulated clock stays there. */
const CASE_TIME = '2025-03-03T09:30:00+08:00';

/** Options of {@link runRuntimeBench}. */
export type RuntimeBenchOptions = CompareOptions;

/** Runs the runtime benchmark; see the comment at the top of this file. */
export async function runRuntimeBench(options: RuntimeBenchOptions = {}): Promise<BenchRow[]> {
  // Typed as a flow known only at run time, as a service loading definitions would have it; a
  // literal flow's machine (FlowMachine<'a' | 'b'>) does not fit the `machine` option (FlowMachine<string>).
  const flow: FlowDefinition = tenStepFlow;
  const machine = compileFlow(flow);
  // A working Monday the calendar covers: at epoch 0 (SimulatedClock's default) the statutory
  // clocks are out of the calendar's years, and the runtime skips them.
  const clock = new SimulatedClock();
  clock.set(Date.parse(CASE_TIME));
  const events = caseEvents();
  const sourceContext = await bpmnSourceContext();
  let caseNo = 0;

  const permitflowCase = () => {
    const instance = createFlowInstance(flow, { caseId: `C-${++caseNo}`, clock, machine });
    for (const event of events) instance.send(event);
    return instance;
  };
  const rawCase = () => {
    const actor = createActor(machine, { clock }).start();
    for (const event of events) actor.send(event);
    return actor;
  };
  const bpmnCase = async () => {
    const engine = new Engine({ name: `C-${++caseNo}`, sourceContext });
    const execution = await engine.execute();
    for (const id of BPMN_SIGNALS) execution.signal({ id });
    return { engine, execution };
  };

  // Before timing, make sure each contender really runs a whole case, every command taking effect.
  const instance = createFlowInstance(flow, { caseId: 'verify', clock, machine });
  for (const event of events) {
    const result = instance.send(event);
    check(result.accepted, `permitflow rejected ${event.type}: ${result.accepted ? '' : result.rejection.message}`);
  }
  check(instance.state === 'certificate-issued', `permitflow ended in ${instance.state}`);
  check(instance.records.length === events.length, `permitflow wrote ${instance.records.length} records`);
  check(permitflowCase().records.length === events.length, 'permitflow case did not record every command');

  const actor = createActor(machine, { clock }).start();
  for (const event of events) {
    const before = actor.getSnapshot();
    actor.send(event);
    check(actor.getSnapshot() !== before, `raw xstate ignored ${event.type}`);
  }
  check(actor.getSnapshot().value === 'certificate-issued', `raw xstate ended in ${JSON.stringify(actor.getSnapshot().value)}`);
  check(rawCase().getSnapshot().value === 'certificate-issued', 'raw xstate case did not finish');

  const { engine, execution } = await bpmnCase();
  check(engine.state === 'idle' && execution.getPostponed().length === 0, `bpmn-engine ended ${engine.state}`);
  const completed = execution.definitions.flatMap((d) => d.getProcesses()).map((p) => p.counters.completed);
  check(completed.join() === '1', `bpmn-engine completed processes: ${completed.join()}`);
  const ended: string[] = [];
  const probe = new Engine({ name: 'verify', sourceContext });
  const listener = {
    emit: (name: string, api?: { id: string; type: string }) => {
      if (name === 'activity.end' && api?.type === 'bpmn:UserTask') ended.push(api.id);
    },
  };
  const probeRun = await probe.execute({ listener });
  for (const id of BPMN_SIGNALS) {
    check(probeRun.getPostponed().some((a) => a.id === id), `bpmn-engine is not waiting on ${id}`);
    probeRun.signal({ id });
  }
  check(ended.join() === BPMN_SIGNALS.join(), `bpmn-engine completed ${ended.join(', ')}`);
  check(probe.state === 'idle', `bpmn-engine probe ended ${probe.state}`);

  const result = await compare(
    [
      { name: 'permitflow', run: permitflowCase },
      { name: 'xstate', run: rawCase },
      { name: 'bpmn', run: bpmnCase },
    ],
    { rounds: 12, minMs: 300, ...options },
  );
  const ours = result.median.get('permitflow')!;
  return [
    {
      name: '10-step case, createFlowInstance: overhead over raw xstate',
      ours,
      baseline: result.median.get('xstate')!,
      baselineName: 'xstate createActor, same machine',
      ratio: result.ratio('xstate', 'permitflow'),
      target: '≤ 1.5× overhead',
      unit: 'cases/s',
    },
    {
      name: '10-step case, createFlowInstance: speedup over bpmn-engine',
      ours,
      baseline: result.median.get('bpmn')!,
      baselineName: 'bpmn-engine, engine per case',
      ratio: result.ratio('permitflow', 'bpmn'),
      target: '≥ 50× speedup',
      unit: 'cases/s',
    },
    {
      // With no overhead at all, row 2 could reach this: the rest of the gap is the machine's.
      name: '(reference) raw xstate: speedup over bpmn-engine',
      ours: result.median.get('xstate')!,
      baseline: result.median.get('bpmn')!,
      baselineName: 'bpmn-engine, engine per case',
      ratio: result.ratio('xstate', 'bpmn'),
      target: 'ceiling of row 2',
      unit: 'cases/s',
    },
  ];
}
