import { activityOfStatus, statusOf } from './activities';
import { describeZodIssue } from './_internal/describe-zod-issue';
import { isPlainRecord } from './_internal/plain-record';
import type { EventLogIssue } from './event-log-issue';
import type { EventRecord } from './event-record';
import { EventRecordSchema } from './event-record';

/** Result of {@link checkEventRecord}: the parsed record, or every issue found in it. */
export type CheckEventRecordResult =
  | { readonly ok: true; readonly record: EventRecord }
  | { readonly ok: false; readonly issues: readonly EventLogIssue[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStatusCode = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 15;

/** A fresh copy of a plain record, its objects and arrays copied too, as the schema's parse returns. */
function copyOf(record: EventRecord): EventRecord {
  const copy = { ...record };
  if (record.actor !== undefined) copy.actor = { ...record.actor };
  if (record.materials !== undefined) copy.materials = [...record.materials];
  if (record.reason !== undefined) copy.reason = { ...record.reason };
  if (record.attrs !== undefined) copy.attrs = { ...record.attrs };
  return copy;
}

/** Rules across fields that the schema cannot state; checked on the raw input so all issues come at once. */
function semanticIssues(input: Record<string, unknown>): EventLogIssue[] {
  const issues: EventLogIssue[] = [];
  const { activity, status, source, evidenceKind, attrs } = input;

  if (typeof activity === 'string' && isStatusCode(status)) {
    const carried = statusOf(activity);
    const owner = activityOfStatus(status);
    if (carried === undefined) {
      issues.push({
        code: 'unexpected-status',
        path: ['status'],
        message: `Activity "${activity}" has no 办理状态 code, so status ${status} does not belong on it. Remove status (code ${status} is the activity "${owner}").`,
      });
    } else if (carried !== status) {
      issues.push({
        code: 'status-mismatch',
        path: ['status'],
        message: `Activity "${activity}" carries 办理状态 code ${carried}, but status is ${status} (the code of "${owner}"). Set status to ${carried}, or remove it: the activity implies it.`,
      });
    }
  }

  if (source === 'system' && evidenceKind !== undefined) {
    issues.push({
      code: 'evidence-kind',
      path: ['evidenceKind'],
      message:
        'evidenceKind belongs only on records with source "evidence". Remove it, or set source to "evidence" if the record comes from outside the approval system.',
    });
  }
  if (source === 'evidence' && evidenceKind === undefined) {
    issues.push({
      code: 'evidence-kind',
      path: ['evidenceKind'],
      message:
        'A record with source "evidence" needs an evidenceKind saying what the evidence is (document, meeting, payment, visit, call, complaint, signature, opinion). Add one; use "other" if none fits.',
    });
  }

  // zod (like any plain object) cannot hold an own "__proto__" key and drops it silently; say so instead.
  if (isObject(attrs) && Object.hasOwn(attrs, '__proto__')) {
    issues.push({
      code: 'invalid-field',
      path: ['attrs', '__proto__'],
      message: 'attrs key "__proto__" would be silently dropped when the record is read. Rename the key.',
    });
  }
  return issues;
}

/**
 * Checks one event record: its shape against {@link EventRecordSchema}, then the rules across fields
 * (status code agrees with the activity, evidenceKind only and always on evidence records).
 * `recordedAt` after `at` is not checked: a late entry is a signal for detection, not an error.
 *
 * @param input - anything, typically one parsed JSON line.
 * @returns `{ ok: true, record }`, or `{ ok: false, issues }` listing every problem found.
 * @example
 * const result = checkEventRecord(JSON.parse(line));
 * if (!result.ok) console.error(formatIssues(result.issues));
 */
export function checkEventRecord(input: unknown): CheckEventRecordResult {
  // A plain record is copied as the schema would copy it; anything else goes to the schema, which says what is wrong.
  if (isPlainRecord(input)) return { ok: true, record: copyOf(input) };
  return checkWithSchema(input);
}

/** {@link checkEventRecord} without its quick path: the schema, then the rules across fields. */
export function checkWithSchema(input: unknown): CheckEventRecordResult {
  const parsed = EventRecordSchema.safeParse(input);
  const issues = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeZodIssue(issue, input));
  if (isObject(input)) issues.push(...semanticIssues(input));
  return parsed.success && issues.length === 0 ? { ok: true, record: parsed.data } : { ok: false, issues };
}
