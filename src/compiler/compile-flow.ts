import { and, assign, createMachine, stateIn, type StateMachine } from 'xstate';
import { DefinitionError, PermitflowError } from '../errors';
import { assertNever } from '../_internal/assert-never';
import { entrySteps } from '../_internal/process-tree';
import type { Actor } from '../event-log/event-record';
import type { FlowDefinition, ProcessNode, StepDefinition } from '../definition/schemas';
import { validateFlow } from '../definition/validate-flow';
import type { FlowEvent, StepIdOf } from './flow-events';

/** Context of a compiled flow's machine: only what the state value cannot hold. */
export interface FlowContext {
  /** Branches finished so far in each open `any`/vote parallel node, by node key. */
  readonly joined: Readonly<Record<string, number>>;
  /** Approved Art. 42 extensions (at most one). */
  readonly extensions: number;
}

/** The xstate machine compiled from a flow definition. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FlowMachine<TStepId extends string = string> = StateMachine<FlowContext, FlowEvent<TStepId>, any, any, any, any, any, any, any, any, any, any, any, any>;

/** Top-level states of a compiled approval flow; they mirror the 办理状态 codes. */
export const LIFECYCLE_STATES = [
  'new',
  'received',
  'supplement',
  'window-accepted',
  'processing',
  'approved',
  'approved-deferred',
  'certificate-issued',
  'withdrawn-before-acceptance',
  'not-accepted',
  'refused',
  'denied',
  'withdrawn',
  'revoked',
] as const;

/** A top-level state of a compiled flow. */
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** Tag prefix of the state where a step waits to be started. */
export const PENDING_TAG = 'pending:';
/** Tag prefix of the state where a step is being worked on. */
export const ACTIVE_TAG = 'active:';

/** The id of the xstate state node of a step, for `#` targets. */
export const stepStateId = (stepId: string): string => `step:${stepId}`;

type Guard = (args: { context: FlowContext; event: FlowEvent }) => boolean;
/** All of the guards hold; `stateIn` guards mix with predicates, which xstate's types cannot follow here. */
const all = (...guards: ReadonlyArray<Guard | ReturnType<typeof stateIn>>) => and(guards as never);
// xstate's config types cannot follow a tree built at run time; the shape is checked by tests instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StateConfig = Record<string, any>;

const fitsStep =
  (step: StepDefinition): ((actor: Actor | undefined) => boolean) =>
  (actor) =>
    actor !== undefined && actor.department === step.department && actor.role === step.role;

interface Compilation {
  readonly flow: FlowDefinition;
  readonly running: ReturnType<typeof stateIn>;
  nextKey(kind: string): string;
}

function stepState(step: StepDefinition, exit: string, c: Compilation): StateConfig {
  const fits = fitsStep(step);
  const is: Guard = ({ event }) => 'step' in event && event.step === step.id && fits(event.actor);
  return {
    id: stepStateId(step.id),
    initial: 'pending',
    onDone: exit,
    states: {
      pending: { tags: [`${PENDING_TAG}${step.id}`], on: { 'start-step': { guard: all(is, c.running), target: 'active' } } },
      active: {
        tags: [`${ACTIVE_TAG}${step.id}`],
        on: {
          'complete-step': { guard: all(is, c.running), target: 'done' },
          'send-back': (step.sendBackTo ?? []).map((to) => ({
            guard: all(is, ({ event }: { event: FlowEvent }) => 'to' in event && event.to === to, c.running),
            target: `#${stepStateId(to)}`,
          })),
        },
      },
      done: { type: 'final' },
    },
  };
}

const setJoined = (key: string, update: (n: number) => number) =>
  assign(({ context }: { context: FlowContext }) => ({
    joined: { ...context.joined, [key]: update(context.joined[key] ?? 0) },
  }));

function keyOf(node: ProcessNode, c: Compilation): string {
  return node.kind === 'step' ? node.id : (node.id ?? c.nextKey(node.kind));
}

function nodeState(node: ProcessNode, exit: string, c: Compilation): StateConfig {
  switch (node.kind) {
    case 'step':
      return stepState(node, exit, c);
    case 'sequence': {
      const keys = node.children.map((child) => keyOf(child, c));
      const states: Record<string, StateConfig> = {};
      node.children.forEach((child, i) => {
        states[keys[i]!] = nodeState(child, keys[i + 1] ?? '_done', c);
      });
      states._done = { type: 'final' };
      return { initial: keys[0], onDone: exit, states };
    }
    case 'choice': {
      const states: Record<string, StateConfig> = {};
      const undecided: StateConfig[] = [];
      for (const child of node.children) {
        states[keyOf(child, c)] = nodeState(child, '_done', c);
        for (const entry of entrySteps(child)) {
          const fits = fitsStep(entry);
          undecided.push({
            guard: all(({ event }: { event: FlowEvent }) => 'step' in event && event.step === entry.id && fits(event.actor), c.running),
            target: `#${stepStateId(entry.id)}.active`,
          });
        }
      }
      states._undecided = {
        tags: node.children.flatMap(entrySteps).map((entry) => `${PENDING_TAG}${entry.id}`),
        on: { 'start-step': undecided },
      };
      states._done = { type: 'final' };
      return { initial: '_undecided', onDone: exit, states };
    }
    case 'parallel': {
      const threshold = node.join === 'all' ? node.children.length : node.join === 'any' ? 1 : node.join.threshold;
      const counted = threshold < node.children.length;
      const key = counted ? c.nextKey('join') : '';
      const regions: Record<string, StateConfig> = {};
      node.children.forEach((child, i) => {
        regions[`_branch${i}`] = {
          initial: '_run',
          states: {
            _run: nodeState(child, '_joined', c),
            _joined: counted ? { type: 'final', entry: setJoined(key, (n) => n + 1) } : { type: 'final' },
          },
        };
      });
      if (!counted) return { type: 'parallel', onDone: exit, states: regions };
      return {
        type: 'parallel',
        entry: setJoined(key, () => 0),
        always: { guard: ({ context }: { context: FlowContext }) => (context.joined[key] ?? 0) >= threshold, target: exit },
        states: regions,
      };
    }
    default:
      return assertNever(node, 'process node');
  }
}

const SUPPORTED_MODES = new Set<FlowDefinition['mode']>(['approval', 'optimized-approval']);

/**
 * Compiles a flow definition into an xstate v5 machine. The outer lifecycle follows the 办理状态
 * codes; the process tree runs inside `processing` with real parallel regions, join policies,
 * choices and declared send-backs; a `pause` region holds 补正 and 特别程序 suspensions, during
 * which no step moves. Guards check who acts: a step only for its department and role, decisions
 * only for the matter's department.
 * @throws {DefinitionError} when the flow does not validate (see {@link validateFlow}).
 * @example
 * const machine = compileFlow(flow);
 * const actor = createActor(machine).start();
 * actor.send({ type: 'receive' });
 */
export function compileFlow<const TFlow extends FlowDefinition>(flow: TFlow): FlowMachine<StepIdOf<TFlow>> {
  const result = validateFlow(flow);
  if (!result.ok) throw new DefinitionError(`Flow "${flow.id}"`, result.issues);
  if (!SUPPORTED_MODES.has(flow.mode)) {
    throw new PermitflowError(
      'invalid-argument',
      `Flow "${flow.id}" has mode "${flow.mode}"; compileFlow runs approval and optimized-approval matters. ` +
        `Use mode "approval" or "optimized-approval" for a flow with a process tree.`,
    );
  }
  const id = flow.id;
  let counter = 0;
  const c: Compilation = {
    flow,
    running: stateIn(`#${id}.processing.pause.running`),
    nextKey: (kind) => `_${kind}${counter++}`,
  };
  const byDepartment: Guard = ({ event }) => event.actor?.department === flow.department;
  const processDone = stateIn(`#${id}.processing.process._done`);
  const decision = (target: LifecycleState) => ({ guard: all(byDepartment, processDone, c.running), target });
  const department = (target: LifecycleState | string) => ({ guard: byDepartment, target });
  const rootKey = keyOf(flow.process, c);
  const revocable = {
    on: { 'issue-certificate': department('certificate-issued'), revoke: department('revoked') },
  };

  const config: StateConfig = {
    id,
    context: { joined: {}, extensions: 0 } satisfies FlowContext,
    initial: 'new',
    states: {
      new: { on: { receive: 'received' } },
      received: {
        on: {
          withdraw: 'withdrawn-before-acceptance',
          'not-accept': department('not-accepted'),
          refuse: department('refused'),
          'start-supplement': department('supplement'),
          'accept-at-window': 'window-accepted',
          'accept-in-department': department('processing'),
        },
      },
      supplement: { on: { 'end-supplement': 'received', withdraw: 'withdrawn-before-acceptance' } },
      'window-accepted': {
        on: {
          'accept-in-department': department('processing'),
          'not-accept': department('not-accepted'),
          withdraw: 'withdrawn',
        },
      },
      processing: {
        type: 'parallel',
        states: {
          process: {
            initial: rootKey,
            states: { [rootKey]: nodeState(flow.process, '_done', c), _done: { type: 'final' } },
          },
          pause: {
            initial: 'running',
            states: {
              running: {
                on: {
                  'start-supplement': department('supplement'),
                  'start-special-procedure': department('special-procedure'),
                },
              },
              supplement: { on: { 'end-supplement': 'running' } },
              'special-procedure': { on: { 'end-special-procedure': department('running') } },
            },
          },
        },
        on: {
          withdraw: 'withdrawn',
          approve: decision('approved'),
          'approve-deferred': decision('approved-deferred'),
          deny: decision('denied'),
          'approve-extension': {
            guard: all(byDepartment, ({ context }: { context: FlowContext }) => context.extensions === 0),
            actions: assign(({ context }: { context: FlowContext }) => ({ extensions: context.extensions + 1 })),
          },
        },
      },
      approved: revocable,
      'approved-deferred': revocable,
      'certificate-issued': { on: { revoke: department('revoked') } },
      'withdrawn-before-acceptance': { type: 'final' },
      'not-accepted': { type: 'final' },
      refused: { type: 'final' },
      denied: { type: 'final' },
      withdrawn: { type: 'final' },
      revoked: { type: 'final' },
    },
  };
  return createMachine(config) as unknown as FlowMachine<StepIdOf<TFlow>>;
}
