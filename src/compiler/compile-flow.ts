import { and, assign, createMachine, stateIn, type StateMachine } from 'xstate';
import { DefinitionError } from '../errors';
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
  /** The suspension in force during processing: 补正 (`supplement`), 特别程序, or none. */
  readonly suspension: ProcessingSuspension;
  /** Demands for a cancelled permit, each one a violation (cancelled mode). */
  readonly permitDemands: number;
}

/** A suspension during processing: 补正, 特别程序, or `null` while the case runs. */
export type ProcessingSuspension = 'supplement' | 'special-procedure' | null;

/** The xstate machine compiled from a flow definition. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FlowMachine<TStepId extends string = string> = StateMachine<FlowContext, FlowEvent<TStepId>, any, any, any, any, any, any, any, any, any, any, any, any>;

/** Top-level states of compiled flows; they mirror the 办理状态 codes and the reform modes' own activities. */
export const LIFECYCLE_STATES = [
  'new',
  'business-registered',
  'received',
  'supplement',
  'window-accepted',
  'processing',
  'approved',
  'approved-deferred',
  'certificate-issued',
  'filed',
  'notified',
  'committed',
  'verifying',
  'breach',
  'correcting',
  'verified',
  'credit-recorded',
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
  /** Holds while no suspension is in force. */
  readonly running: Guard;
  readonly byDepartment: Guard;
  department(target: string): { guard: Guard; target: string };
  nextKey(kind: string): string;
}

/**
 * A step: `pending` until started, `active` until completed. Completing it jumps straight to
 * where the tree goes next (`exit`, an absolute `#` target), so a step costs one microstep.
 */
function stepState(step: StepDefinition, exit: string, c: Compilation): StateConfig {
  const fits = fitsStep(step);
  const is: Guard = ({ event }) => 'step' in event && event.step === step.id && fits(event.actor);
  return {
    id: stepStateId(step.id),
    initial: 'pending',
    states: {
      pending: { tags: [`${PENDING_TAG}${step.id}`], on: { 'start-step': { guard: all(is, c.running), target: 'active' } } },
      active: {
        tags: [`${ACTIVE_TAG}${step.id}`],
        on: {
          'complete-step': { guard: all(is, c.running), target: exit },
          'send-back': (step.sendBackTo ?? []).map((to) => ({
            guard: all(is, ({ event }: { event: FlowEvent }) => 'to' in event && event.to === to, c.running),
            target: `#${stepStateId(to)}`,
          })),
        },
      },
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

/** The absolute target of the state a node compiles to, at `path` below the machine. */
function targetOf(node: ProcessNode, path: readonly string[], c: Compilation): string {
  return node.kind === 'step' ? `#${stepStateId(node.id)}` : `#${[c.flow.id, ...path].join('.')}`;
}

/**
 * The state of a process node at `path`; when the node is done the case goes to `exit` (an
 * absolute target). A sequence hands each child the next child as its exit and its last child its
 * own exit, so no completion passes through intermediate final states.
 */
function nodeState(node: ProcessNode, exit: string, path: readonly string[], c: Compilation): StateConfig {
  switch (node.kind) {
    case 'step':
      return stepState(node, exit, c);
    case 'sequence': {
      const keys = node.children.map((child) => keyOf(child, c));
      const states: Record<string, StateConfig> = {};
      node.children.forEach((child, i) => {
        const next = node.children[i + 1];
        const childExit = next === undefined ? exit : targetOf(next, [...path, keys[i + 1]!], c);
        states[keys[i]!] = nodeState(child, childExit, [...path, keys[i]!], c);
      });
      return { initial: keys[0], states };
    }
    case 'choice': {
      const states: Record<string, StateConfig> = {};
      const undecided: StateConfig[] = [];
      for (const child of node.children) {
        const key = keyOf(child, c);
        states[key] = nodeState(child, exit, [...path, key], c);
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
      return { initial: '_undecided', states };
    }
    case 'parallel': {
      const threshold = node.join === 'all' ? node.children.length : node.join === 'any' ? 1 : node.join.threshold;
      const counted = threshold < node.children.length;
      const key = counted ? c.nextKey('join') : '';
      const regions: Record<string, StateConfig> = {};
      node.children.forEach((child, i) => {
        const region = [...path, `_branch${i}`];
        regions[`_branch${i}`] = {
          initial: '_run',
          states: {
            _run: nodeState(child, `#${[c.flow.id, ...region, '_joined'].join('.')}`, [...region, '_run'], c),
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

const suspend = (suspension: ProcessingSuspension) => assign({ suspension });

/**
 * Processing: the process tree, with the decisions, withdrawal and Art. 42 extension around it.
 * A suspension (补正 or 特别程序) is held in context: while it lasts no step moves and no decision
 * is taken, and the tree keeps its place.
 */
function processingState(flow: FlowDefinition, root: ProcessNode, c: Compilation, decided: { approve: string; deny: string }): StateConfig {
  const rootKey = keyOf(root, c);
  const done = `#${flow.id}.processing._done`;
  const processDone = stateIn(done);
  const decision = (target: string) => ({ guard: all(c.byDepartment, processDone, c.running), target });
  const suspendedBy =
    (suspension: ProcessingSuspension): Guard =>
    ({ context }) =>
      context.suspension === suspension;
  return {
    initial: rootKey,
    states: {
      [rootKey]: nodeState(root, done, ['processing', rootKey], c),
      _done: { type: 'final' },
    },
    on: {
      'start-supplement': { guard: all(c.byDepartment, c.running), actions: suspend('supplement') },
      'end-supplement': { guard: suspendedBy('supplement'), actions: suspend(null) },
      'start-special-procedure': { guard: all(c.byDepartment, c.running), actions: suspend('special-procedure') },
      'end-special-procedure': { guard: all(c.byDepartment, suspendedBy('special-procedure')), actions: suspend(null) },
      withdraw: 'withdrawn',
      approve: decision(decided.approve),
      ...(flow.mode === 'notify-commit' ? {} : { 'approve-deferred': decision('approved-deferred') }),
      deny: decision(decided.deny),
      'approve-extension': {
        guard: all(c.byDepartment, ({ context }: { context: FlowContext }) => context.extensions === 0),
        actions: assign(({ context }: { context: FlowContext }) => ({ extensions: context.extensions + 1 })),
      },
    },
  };
}

const FINAL = { type: 'final' } as const;

/** The lifecycle of an approval or optimized-approval matter (办理状态 codes 1–15). */
function approvalStates(flow: FlowDefinition, root: ProcessNode, c: Compilation): Record<string, StateConfig> {
  const revocable = {
    on: { 'issue-certificate': c.department('certificate-issued'), revoke: c.department('revoked') },
  };
  return {
    received: {
      on: {
        withdraw: 'withdrawn-before-acceptance',
        'not-accept': c.department('not-accepted'),
        refuse: c.department('refused'),
        'start-supplement': c.department('supplement'),
        'accept-at-window': 'window-accepted',
        'accept-in-department': c.department('processing'),
      },
    },
    supplement: { on: { 'end-supplement': 'received', withdraw: 'withdrawn-before-acceptance' } },
    'window-accepted': {
      on: {
        'accept-in-department': c.department('processing'),
        'not-accept': c.department('not-accepted'),
        withdraw: 'withdrawn',
      },
    },
    processing: processingState(flow, root, c, { approve: 'approved', deny: 'denied' }),
    approved: revocable,
    'approved-deferred': revocable,
    'certificate-issued': { on: { revoke: c.department('revoked') } },
    'withdrawn-before-acceptance': FINAL,
    'not-accepted': FINAL,
    refused: FINAL,
    denied: FINAL,
    withdrawn: FINAL,
    revoked: FINAL,
  };
}

/** Filing (备案): filed on the spot. There is no review and no refusal: the machine cannot express them. */
function filingStates(c: Compilation): Record<string, StateConfig> {
  return {
    received: { on: { file: c.department('filed'), withdraw: 'withdrawn-before-acceptance' } },
    filed: FINAL,
    'withdrawn-before-acceptance': FINAL,
  };
}

/**
 * Notify-and-commit (告知承诺制): notify → commit (an ineligible applicant is refused) → decision,
 * on the spot or after the process tree → post-verification → verified, or breach → correction →
 * verified or revoked → credit record.
 */
function notifyCommitStates(flow: FlowDefinition, c: Compilation): Record<string, StateConfig> {
  const ineligible: Guard = ({ event }) =>
    event.type === 'commit' && (event.standing?.falseCommitment === true || event.standing?.seriousDishonesty === true);
  const decide = flow.process
    ? { 'accept-in-department': c.department('processing') }
    : { approve: c.department('approved'), deny: c.department('denied') };
  return {
    received: {
      on: { notify: c.department('notified'), refuse: c.department('refused'), withdraw: 'withdrawn-before-acceptance' },
    },
    notified: {
      on: {
        commit: [{ guard: ineligible, target: 'refused' }, { target: 'committed' }],
        refuse: c.department('refused'),
        withdraw: 'withdrawn-before-acceptance',
      },
    },
    committed: { on: { ...decide, withdraw: 'withdrawn' } },
    ...(flow.process ? { processing: processingState(flow, flow.process, c, { approve: 'approved', deny: 'denied' }) } : {}),
    approved: { on: { 'start-verification': c.department('verifying') } },
    verifying: { on: { verify: c.department('verified'), 'find-breach': c.department('breach') } },
    breach: { on: { 'order-correction': c.department('correcting'), revoke: c.department('revoked') } },
    correcting: { on: { verify: c.department('verified'), revoke: c.department('revoked') } },
    revoked: { on: { 'record-credit': c.department('credit-recorded') } },
    verified: FINAL,
    'credit-recorded': FINAL,
    'withdrawn-before-acceptance': FINAL,
    refused: FINAL,
    denied: FINAL,
    withdrawn: FINAL,
  };
}

/**
 * Compiles a flow definition into an xstate v5 machine, by its reform mode:
 * - `approval` and `optimized-approval`: the outer lifecycle of the 办理状态 codes with the
 *   process tree inside `processing` — real parallel regions, join policies, choices and declared
 *   send-backs — and 补正 and 特别程序 as a suspension in context, during which no step moves;
 * - `filing`: received → filed, with no review and no refusal;
 * - `notify-commit`: notify → commit → decision → post-verification → verified, or breach →
 *   correction → revocation → credit record;
 * - `cancelled`: no approval case at all; a later demand for the permit is logged.
 * With `afterBusinessRegistration`, a case starts from the business registration (照后减证).
 * Guards check who acts: a step only for its department and role, decisions only for the
 * matter's department (see {@link COMMAND_AUTHORITY}).
 * @throws {DefinitionError} when the flow does not validate (see {@link validateFlow}).
 * @example
 * const machine = compileFlow(flow);
 * const actor = createActor(machine).start();
 * actor.send({ type: 'receive' });
 */
export function compileFlow<const TFlow extends FlowDefinition>(flow: TFlow): FlowMachine<StepIdOf<TFlow>> {
  const result = validateFlow(flow);
  if (!result.ok) throw new DefinitionError(`Flow "${flow.id}"`, result.issues);
  const id = flow.id;
  let counter = 0;
  const byDepartment: Guard = ({ event }) => event.actor?.department === flow.department;
  const c: Compilation = {
    flow,
    running: ({ context }) => context.suspension === null,
    nextKey: (kind) => `_${kind}${counter++}`,
    byDepartment,
    department: (target) => ({ guard: byDepartment, target }),
  };

  let states: Record<string, StateConfig>;
  switch (flow.mode) {
    case 'approval':
    case 'optimized-approval':
      states = approvalStates(flow, flow.process!, c);
      break;
    case 'filing':
      states = filingStates(c);
      break;
    case 'notify-commit':
      states = notifyCommitStates(flow, c);
      break;
    case 'cancelled':
      states = {};
      break;
    default:
      return assertNever(flow.mode, 'reform mode');
  }
  const countDemand = assign(({ context }: { context: FlowContext }) => ({ permitDemands: context.permitDemands + 1 }));
  const registered =
    flow.mode === 'cancelled'
      ? { 'business-registered': { on: { 'demand-permit': { actions: countDemand } } } }
      : { 'business-registered': { on: { receive: 'received' } } };
  const config: StateConfig = {
    id,
    context: { joined: {}, extensions: 0, permitDemands: 0, suspension: null } satisfies FlowContext,
    initial: 'new',
    states: {
      new: { on: flow.afterBusinessRegistration || flow.mode === 'cancelled' ? { 'register-business': 'business-registered' } : { receive: 'received' } },
      ...(flow.afterBusinessRegistration || flow.mode === 'cancelled' ? registered : {}),
      ...states,
    },
  };
  return createMachine(config) as unknown as FlowMachine<StepIdOf<TFlow>>;
}
