import type { Lifecycle } from '../event-log/event-record';
import type { FlowEventType } from '../compiler/flow-events';
import type { LifecycleState } from '../compiler/compile-flow';
import { assertNever } from '../_internal/assert-never';

/**
 * The activity (and lifecycle) a command's record carries. `withdraw` depends on where it led:
 * before acceptance it is 撤件 (status 2), after it 撤回 (status 14); a `commit` by an ineligible
 * applicant is a refusal (status 5).
 */
export function recordActivity(
  type: FlowEventType,
  step: string | undefined,
  next: LifecycleState,
): { activity: string; lifecycle?: Lifecycle } {
  switch (type) {
    case 'receive':
      return { activity: 'received' };
    case 'withdraw':
      return { activity: next === 'withdrawn-before-acceptance' ? next : 'withdrawn' };
    case 'not-accept':
      return { activity: 'not-accepted' };
    case 'refuse':
      return { activity: 'refused' };
    case 'start-supplement':
      return { activity: 'supplement-started' };
    case 'end-supplement':
      return { activity: 'supplement-ended' };
    case 'accept-at-window':
      return { activity: 'window-accepted' };
    case 'accept-in-department':
      return { activity: 'department-accepted' };
    case 'start-step':
      return { activity: step!, lifecycle: 'start' };
    case 'complete-step':
      return { activity: step!, lifecycle: 'complete' };
    case 'send-back':
      return { activity: step!, lifecycle: 'send-back' };
    case 'start-special-procedure':
      return { activity: 'special-procedure-started' };
    case 'end-special-procedure':
      return { activity: 'special-procedure-ended' };
    case 'approve-extension':
      return { activity: 'extension-approved' };
    case 'approve':
      return { activity: 'approved' };
    case 'approve-deferred':
      return { activity: 'approved-deferred' };
    case 'deny':
      return { activity: 'denied' };
    case 'issue-certificate':
      return { activity: 'certificate-issued' };
    case 'revoke':
      return { activity: 'revoked' };
    case 'register-business':
      return { activity: 'business-registered' };
    case 'demand-permit':
      return { activity: 'permit-demanded' };
    case 'file':
      return { activity: 'filed' };
    case 'notify':
      return { activity: 'notified' };
    case 'commit':
      return { activity: next === 'refused' ? 'refused' : 'committed' };
    case 'start-verification':
      return { activity: 'verification-started' };
    case 'verify':
      return { activity: 'verified' };
    case 'find-breach':
      return { activity: 'breach-found' };
    case 'order-correction':
      return { activity: 'correction-ordered' };
    case 'record-credit':
      return { activity: 'credit-recorded' };
    default:
      return assertNever(type, 'command type');
  }
}
