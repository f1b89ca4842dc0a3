/**
 * What the examples share: a simulated clock that moves in working days, actors who may do each
 * step, a driver that works a case's process tree to its end, and a timeline with the statutory
 * clock beside each record.
 */
import { SimulatedClock } from 'xstate';
import {
  chinaMainlandCalendar,
  computeCaseClock,
  type Actor,
  type BundleInstance,
  type EventRecord,
  type FlowDefinition,
  type FlowEvent,
  type SendResult,
} from '../../src/index';
import { formatTimeline } from '../../src/interop';

export const calendar = chinaMainlandCalendar();

/** A clock set to `start` (ISO with offset), moved by {@link later} and {@link workingDaysLater}. */
export function clockAt(start: string): SimulatedClock {
  const clock = new SimulatedClock();
  clock.set(Date.parse(start));
  return clock;
}

/** Moves the clock some hours on. */
export function later(clock: SimulatedClock, hours: number): void {
  clock.increment(hours * 3_600_000);
}

/** Moves the clock to `hour` o'clock (Beijing time) of the n-th working day after today, or half an hour on if that has passed. */
export function workingDaysLater(clock: SimulatedClock, n: number, hour = 9): void {
  const today = calendar.toLocalDate(new Date(clock.now()).toISOString());
  const target = Date.parse(`${calendar.addWorkingDays(today, n)}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  clock.set(Math.max(target, clock.now() + 1_800_000));
}

/** An officer of a matter's department. */
export function officerOf(flow: FlowDefinition, role = 'officer'): Actor {
  return { id: `${flow.department}-${role}-01`, role, department: flow.department };
}

/** Throws when a command the example relies on is rejected, with the reason. */
export function expectAccepted(result: SendResult, what: string): void {
  if (!result.accepted) throw new Error(`${what}: ${result.rejection.message}`);
}

/** The bits of a case the driver needs: its open steps and how to send it a command. */
export interface Workable {
  readonly flow: FlowDefinition;
  activeSteps(): string[];
  pendingSteps(): string[];
  send(event: FlowEvent): SendResult;
}

/**
 * Works a case's process tree to its end: starts the open steps, then completes each after
 * `days(stepId)` working days (default 1), by an actor of the step's department and role.
 */
export function workProcess(instance: Workable, clock: SimulatedClock, days: (stepId: string) => number = () => 1): void {
  const actor = (id: string): Actor => stepActor(instance.flow, id);
  for (let guard = 0; guard < 500; guard++) {
    const pending = instance.pendingSteps();
    for (const id of pending) {
      later(clock, 1);
      expectAccepted(instance.send({ type: 'start-step', step: id, actor: actor(id) }), `start ${id}`);
    }
    const active = instance.activeSteps()[0];
    if (active === undefined) return;
    workingDaysLater(clock, days(active), 16);
    expectAccepted(instance.send({ type: 'complete-step', step: active, actor: actor(active) }), `complete ${active}`);
  }
  throw new Error('the process did not finish');
}

/** The statutory clock after each record: `used/limit wd`, and `paused` while suspended. */
export function statutoryNote(flow: FlowDefinition, records: readonly EventRecord[]) {
  return (record: EventRecord): string | undefined => {
    const upTo = records.slice(0, records.indexOf(record) + 1).filter((r) => r.caseId === record.caseId);
    const clock = computeCaseClock(upTo, flow, calendar, { at: record.at, caseId: record.caseId });
    const budget = clock.statutory;
    if (budget?.deadline === undefined) return undefined;
    return `${budget.usedWorkingDays}/${budget.limitWorkingDays} wd${clock.phase === 'suspended' ? ', paused' : ''}`;
  };
}

/** Prints a case's timeline with its statutory clock, indented under a title. */
export function printTimeline(title: string, flow: FlowDefinition, records: readonly EventRecord[]): void {
  console.log(`■ ${title}`);
  console.log(`${formatTimeline(records, { annotate: statutoryNote(flow, records) }).replace(/^/gm, '  ')}\n`);
}

/** The actor who may work on a step of a flow. */
export function stepActor(flow: FlowDefinition, stepId: string): Actor {
  const find = (node: FlowDefinition['process']): Actor | undefined => {
    if (node === undefined) return undefined;
    if (node.kind === 'step') return node.id === stepId ? { id: `${node.role}-01`, role: node.role, department: node.department } : undefined;
    return node.children.map(find).find((a) => a !== undefined);
  };
  const actor = find(flow.process);
  if (actor === undefined) throw new Error(`${flow.id} has no step ${stepId}`);
  return actor;
}

/** The next ordinary command of a case: accept it, start or complete a step, or decide. */
export function nextCommand(flow: FlowDefinition, case_: { state: string; activeSteps(): string[]; pendingSteps(): string[] }): FlowEvent {
  if (case_.state === 'received') return flow.mode === 'filing' ? { type: 'file', actor: officerOf(flow) } : { type: 'accept-in-department', actor: officerOf(flow) };
  const active = case_.activeSteps()[0];
  if (active !== undefined) return { type: 'complete-step', step: active, actor: stepActor(flow, active) };
  const pending = case_.pendingSteps()[0];
  if (pending !== undefined) return { type: 'start-step', step: pending, actor: stepActor(flow, pending) };
  return { type: 'approve', actor: officerOf(flow) };
}

/**
 * Runs a bundle in office hours: every `hours` hours (09:00–17:00 on working days) each open matter
 * moves one command forward, so its matters run side by side. `script` may put its own command
 * first (a 补正, an expert review that takes weeks); returning `undefined` keeps the ordinary one.
 */
export function runBundle(
  instance: BundleInstance,
  flows: readonly FlowDefinition[],
  clock: SimulatedClock,
  options: { readonly hours?: number; readonly script?: (matterId: string, ordinary: FlowEvent) => FlowEvent | 'wait' | undefined } = {},
): void {
  const { hours = 2, script } = options;
  const flowOf = new Map(flows.map((f) => [f.id, f]));
  for (let tick = 0; !instance.done; tick++) {
    if (tick > 20_000) throw new Error('the bundle did not finish');
    later(clock, hours);
    const hour = new Date(clock.now() + 8 * 3_600_000).getUTCHours();
    if (hour >= 17 || hour < 9 || !calendar.isWorkingDay(new Date(clock.now()).toISOString())) workingDaysLater(clock, 1, 9);
    for (const [matterId, status] of Object.entries(instance.status())) {
      if (status !== 'open') continue;
      const flow = flowOf.get(matterId)!;
      const ordinary = nextCommand(flow, instance.caseOf(matterId)!);
      const command = script?.(matterId, ordinary) ?? ordinary;
      if (command === 'wait') continue;
      expectAccepted(instance.send(matterId, command), `${command.type} ${matterId}`);
    }
  }
}
