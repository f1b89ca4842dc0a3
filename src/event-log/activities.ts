/**
 * The fixed activity vocabulary of the event log (DESIGN.md "The case lifecycle").
 * Steps of a process tree log their own id as the activity; every other activity is one of these.
 * A new activity is added here and to docs/event-log.md, never invented in one module.
 */

/** Outer-lifecycle activities with their 办理状态 code from the national data exchange standard. */
export const STATUS_ACTIVITIES = {
  received: 1,
  'withdrawn-before-acceptance': 2,
  'window-accepted': 3,
  'not-accepted': 4,
  refused: 5,
  'supplement-started': 6,
  'supplement-ended': 7,
  'department-accepted': 8,
  'special-procedure-started': 9,
  'special-procedure-ended': 10,
  approved: 11,
  'approved-deferred': 12,
  denied: 13,
  withdrawn: 14,
  revoked: 15,
} as const;

/** An outer-lifecycle activity that carries a 办理状态 code. */
export type StatusActivity = keyof typeof STATUS_ACTIVITIES;

/** 办理状态 code (1–15) of the national construction-approval data exchange standard. */
export type StatusCode = (typeof STATUS_ACTIVITIES)[StatusActivity];

/** Fixed activities that have no status code, grouped by the part of the library that writes them. */
export const OTHER_ACTIVITIES = [
  'certificate-issued',
  // notify-and-commit (告知承诺制)
  'notified',
  'committed',
  'verification-started',
  'verified',
  'breach-found',
  'correction-ordered',
  'credit-recorded',
  // filing (备案)
  'filed',
  // licence separation (证照分离)
  'business-registered',
  'permit-demanded',
  // Art. 42 extension
  'extension-approved',
  // clocks
  'deadline-warning',
  'deadline-overdue',
  // bundles (一件事)
  'bundle-submitted',
  'bundle-completed',
] as const;

/** A fixed activity without a status code. */
export type OtherActivity = (typeof OTHER_ACTIVITIES)[number];

/** Any activity of the fixed vocabulary (steps add their own ids beside these). */
export type LifecycleActivity = StatusActivity | OtherActivity;

const FIXED = new Set<string>([...Object.keys(STATUS_ACTIVITIES), ...OTHER_ACTIVITIES]);
const STATUS_BY_CODE = new Map<number, StatusActivity>(
  (Object.entries(STATUS_ACTIVITIES) as [StatusActivity, StatusCode][]).map(([a, c]) => [c, a]),
);

/** Whether `activity` is in the fixed vocabulary (and so may not be used as a step id). */
export function isLifecycleActivity(activity: string): activity is LifecycleActivity {
  return FIXED.has(activity);
}

const STATUS_OF = new Map<string, StatusCode>(Object.entries(STATUS_ACTIVITIES));

/** The 办理状态 code of an activity, or `undefined` for steps and activities without one. */
export function statusOf(activity: string): StatusCode | undefined {
  // A map, not the object: an activity named like an Object.prototype member ("toString") has no code.
  return STATUS_OF.get(activity);
}

/** The activity that carries a 办理状态 code, or `undefined` for a code outside 1–15. */
export function activityOfStatus(code: number): StatusActivity | undefined {
  return STATUS_BY_CODE.get(code);
}
