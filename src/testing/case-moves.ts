import fc from 'fast-check';
import type { Actor } from '../event-log/event-record';
import type { FlowDefinition } from '../definition/schemas';
import { FLOW_EVENT_TYPES, type FlowEvent, type FlowEventType } from '../compiler/flow-events';
import type { FlowInstance } from '../runtime/flow-instance';
import { placeSteps } from '../_internal/process-tree';
import { flowCommandArbitrary } from './flow-command-arbitrary';

/**
 * One move in a random case: `guided` picks one of the commands the case takes now (so runs
 * reach deep into the process tree), `any` sends an arbitrary command (so rejections are tried too).
 */
export type CaseMove =
  | { readonly kind: 'guided'; readonly pick: number }
  | { readonly kind: 'any'; readonly event: FlowEvent };

const STEP_COMMANDS = new Set<FlowEventType>(['start-step', 'complete-step', 'send-back']);
/** Commands that end a case or take it off the main path are drawn less often, so runs go deep. */
const RARE = new Set<FlowEventType>(['withdraw', 'not-accept', 'refuse', 'deny', 'revoke']);

/** Every command a case of `flow` could ever take, each from an actor allowed to give it. */
export function possibleCommands(flow: FlowDefinition): FlowEvent[] {
  const office: Actor = { id: 'officer-1', role: 'officer', department: flow.department };
  const commands: FlowEvent[] = FLOW_EVENT_TYPES.filter((t) => !STEP_COMMANDS.has(t)).map(
    (type) => ({ type, actor: office }) as FlowEvent,
  );
  for (const { step } of placeSteps(flow.process)) {
    const actor: Actor = { id: `${step.role}-1`, role: step.role, department: step.department };
    commands.push({ type: 'start-step', step: step.id, actor }, { type: 'complete-step', step: step.id, actor });
    for (const to of step.sendBackTo ?? []) {
      commands.push({ type: 'send-back', step: step.id, to, actor, reason: { kind: 'incomplete-review', text: '需补充说明' } });
    }
  }
  return commands;
}

/**
 * The command a move stands for in the case's current state, or `undefined` when a guided move
 * finds nothing the case takes.
 */
export function resolveMove(instance: FlowInstance, move: CaseMove, commands = possibleCommands(instance.flow)): FlowEvent | undefined {
  if (move.kind === 'any') return move.event;
  const weighted: FlowEvent[] = [];
  for (const command of commands) {
    if (!instance.can(command)) continue;
    weighted.push(command);
    if (!RARE.has(command.type)) for (let i = 0; i < 9; i++) weighted.push(command);
  }
  return weighted.length === 0 ? undefined : weighted[move.pick % weighted.length];
}

/**
 * Random runs of a case of `flow`: mostly guided moves, some arbitrary commands.
 * @example
 * fc.assert(fc.property(caseMovesArbitrary(flow), (moves) => {
 *   const instance = createFlowInstance(flow, { caseId: 'C', clock: new SimulatedClock() });
 *   for (const move of moves) { const event = resolveMove(instance, move); if (event) instance.send(event); }
 * }));
 */
export function caseMovesArbitrary(flow: FlowDefinition, options: { readonly maxLength?: number } = {}): fc.Arbitrary<CaseMove[]> {
  const move: fc.Arbitrary<CaseMove> = fc.oneof(
    { weight: 9, arbitrary: fc.nat().map((pick) => ({ kind: 'guided' as const, pick })) },
    { weight: 1, arbitrary: flowCommandArbitrary(flow).map((event) => ({ kind: 'any' as const, event })) },
  );
  return fc.array(move, { maxLength: options.maxLength ?? 60 });
}
