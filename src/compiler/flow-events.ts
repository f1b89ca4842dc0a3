import type { Actor, Channel, Reason } from '../event-log/event-record';
import type { FlowDefinition, ProcessNode } from '../definition/schemas';

/** What every command may carry besides its type: who acts, how, with which materials. */
export interface EventDetails {
  /** Who acts. Department events need an actor of the matter's department; steps need their own department and role. */
  readonly actor?: Actor;
  /** How the applicant or office acted. */
  readonly channel?: Channel;
  /** Materials submitted, demanded or deferred with this event. */
  readonly materials?: readonly string[];
  /** Why: for refusals, suspensions, extensions, send-backs, revocations. */
  readonly reason?: Reason;
  /** Anything else, flat JSON values; copied onto the event record. */
  readonly attrs?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * A command to a case of a flow. `type` names what the caller does; the record it appends names
 * what happened (`receive` → `received`, `start-step` → the step id with lifecycle `start`).
 */
export type FlowEvent<TStepId extends string = string> = EventDetails &
  (
    | { readonly type: 'receive' }
    | { readonly type: 'withdraw' }
    | { readonly type: 'not-accept' }
    | { readonly type: 'refuse' }
    | { readonly type: 'start-supplement' }
    | { readonly type: 'end-supplement' }
    | { readonly type: 'accept-at-window' }
    | { readonly type: 'accept-in-department' }
    | { readonly type: 'start-step'; readonly step: TStepId }
    | { readonly type: 'complete-step'; readonly step: TStepId }
    | { readonly type: 'send-back'; readonly step: TStepId; readonly to: TStepId }
    | { readonly type: 'start-special-procedure' }
    | { readonly type: 'end-special-procedure' }
    | { readonly type: 'approve-extension'; readonly workingDays?: number }
    | { readonly type: 'approve' }
    | { readonly type: 'approve-deferred' }
    | { readonly type: 'deny' }
    | { readonly type: 'issue-certificate' }
    | { readonly type: 'revoke' }
  );

/** Every command type, in lifecycle order. */
export const FLOW_EVENT_TYPES = [
  'receive',
  'withdraw',
  'not-accept',
  'refuse',
  'start-supplement',
  'end-supplement',
  'accept-at-window',
  'accept-in-department',
  'start-step',
  'complete-step',
  'send-back',
  'start-special-procedure',
  'end-special-procedure',
  'approve-extension',
  'approve',
  'approve-deferred',
  'deny',
  'issue-certificate',
  'revoke',
] as const satisfies ReadonlyArray<FlowEvent['type']>;

/** The type of a command. */
export type FlowEventType = (typeof FLOW_EVENT_TYPES)[number];

type StepIdsOfNode<TNode> = TNode extends { readonly kind: 'step'; readonly id: infer TId extends string }
  ? TId
  : TNode extends { readonly children: ReadonlyArray<infer TChild> }
    ? StepIdsOfNode<TChild>
    : never;

/**
 * The step ids of a flow as a union of literals when the flow is a literal (`as const` or a
 * `const` generic), or `string` for a flow known only at run time.
 */
export type StepIdOf<TFlow extends FlowDefinition> = ProcessNode extends TFlow['process']
  ? string
  : StepIdsOfNode<TFlow['process']>;
