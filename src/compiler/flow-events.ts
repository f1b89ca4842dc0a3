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
    // 证照分离: the business registration (营业执照) a licence-separation case starts from
    | { readonly type: 'register-business' }
    | { readonly type: 'demand-permit' }
    // filing (备案)
    | { readonly type: 'file' }
    // notify-and-commit (告知承诺制)
    | { readonly type: 'notify' }
    | { readonly type: 'commit'; readonly standing?: ApplicantStanding }
    | { readonly type: 'start-verification' }
    | { readonly type: 'verify' }
    | { readonly type: 'find-breach' }
    | { readonly type: 'order-correction'; readonly workingDays?: number }
    | { readonly type: 'record-credit' }
  );

/**
 * What the credit platform says of a notify-and-commit applicant. A false commitment on record
 * (until 信用修复) or serious dishonesty (严重失信) makes the applicant ineligible.
 */
export interface ApplicantStanding {
  readonly falseCommitment?: boolean;
  readonly seriousDishonesty?: boolean;
}

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
  'register-business',
  'demand-permit',
  'file',
  'notify',
  'commit',
  'start-verification',
  'verify',
  'find-breach',
  'order-correction',
  'record-credit',
] as const satisfies ReadonlyArray<FlowEvent['type']>;

/** The type of a command. */
export type FlowEventType = (typeof FLOW_EVENT_TYPES)[number];

/**
 * Who may give each command: `anyone` (the applicant, the hall, the registrar), `department` (an
 * actor of the matter's department), or `step` (an actor of the step's department and role).
 */
export const COMMAND_AUTHORITY: Readonly<Record<FlowEventType, 'anyone' | 'department' | 'step'>> = {
  receive: 'anyone',
  withdraw: 'anyone',
  'not-accept': 'department',
  refuse: 'department',
  'start-supplement': 'department',
  'end-supplement': 'anyone',
  'accept-at-window': 'anyone',
  'accept-in-department': 'department',
  'start-step': 'step',
  'complete-step': 'step',
  'send-back': 'step',
  'start-special-procedure': 'department',
  'end-special-procedure': 'department',
  'approve-extension': 'department',
  approve: 'department',
  'approve-deferred': 'department',
  deny: 'department',
  'issue-certificate': 'department',
  revoke: 'department',
  'register-business': 'anyone',
  'demand-permit': 'anyone',
  file: 'department',
  notify: 'department',
  commit: 'anyone',
  'start-verification': 'department',
  verify: 'department',
  'find-breach': 'department',
  'order-correction': 'department',
  'record-credit': 'department',
};

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
