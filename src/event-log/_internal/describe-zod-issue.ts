import type { z } from 'zod';
import type { IssuePath } from '../../errors';
import { formatPath } from '../../errors';
import {
  ChannelSchema,
  EvidenceKindSchema,
  LifecycleSchema,
  SourceSchema,
} from '../event-record';
import type { EventLogIssue } from '../event-log-issue';

const oneOf = (options: readonly string[]): string =>
  `one of ${options.map((o) => `"${o}"`).join(', ')}`;

const INSTANT = 'an ISO-8601 instant with an offset, e.g. "2025-03-03T09:30:00+08:00" or "2025-03-03T01:30:00Z"';

/** What each field must hold, phrased to finish "… must be …" and "add it as …". */
const TOP_LEVEL: Record<string, string> = {
  id: 'a non-empty string (the record id, unique in the log)',
  caseId: 'a non-empty string (the case number, 办件编号)',
  matterId: 'a non-empty string (the matter code, 事项编码)',
  flowVersion: 'a non-empty string (the definition version, e.g. "2025.1"; quote numbers)',
  bundleId: 'a non-empty string (the bundle id)',
  projectCode: 'a non-empty string (the project code, 项目代码)',
  applicantId: 'a non-empty string (the applicant id)',
  activity: 'a non-empty string: a fixed activity such as "received" or a step id',
  status: 'an integer 办理状态 code from 1 to 15',
  lifecycle: oneOf(LifecycleSchema.options),
  at: INSTANT,
  recordedAt: INSTANT,
  actor: 'an object { "id", "role", "department" } of non-empty strings',
  channel: oneOf(ChannelSchema.options),
  source: oneOf(SourceSchema.options),
  evidenceKind: oneOf(EvidenceKindSchema.options),
  materials: 'an array of material ids (non-empty strings)',
  reason: 'an object { "kind", "text"? } with a non-empty kind',
  attrs: 'an object of flat JSON values (string, number, boolean or null)',
};

const NESTED: Record<string, string> = {
  'actor.id': "a non-empty string (the actor's id)",
  'actor.role': "a non-empty string (the actor's role)",
  'actor.department': "a non-empty string (the actor's department)",
  'reason.kind': 'a non-empty string (e.g. an Art. 45 category or "art-42-extension")',
  'reason.text': 'a string',
};

const KNOWN_NESTED_FIELDS: Record<string, string> = {
  actor: 'id, role and department',
  reason: 'kind and text',
};

/** What the value at `path` must be, or `undefined` where we have nothing better than zod's words. */
function expectationAt(path: IssuePath): string | undefined {
  const [head, second] = path;
  if (typeof head !== 'string') return undefined;
  if (path.length === 1) return TOP_LEVEL[head];
  if (path.length !== 2) return undefined;
  if (head === 'materials' && typeof second === 'number') return 'a non-empty string (a material id)';
  if (head === 'attrs') {
    return 'a flat JSON value (string, number, boolean or null); attrs do not nest, so flatten it into separate keys';
  }
  return NESTED[`${head}.${String(second)}`];
}

/** The value at `path` in `input`, and whether every key on the way was present. */
function valueAt(input: unknown, path: IssuePath): { present: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return { present: false, value: undefined };
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return { present: current !== undefined, value: current };
}

/** A short, readable rendering of a bad value for a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      const json = JSON.stringify(value);
      return json.length > 48 ? `${json.slice(0, 45)}…" (a string)` : `${json} (a string)`;
    }
    case 'number':
    case 'boolean':
      return `${String(value)} (a ${typeof value})`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const zodPath = (issue: z.core.$ZodIssue): IssuePath =>
  issue.path.filter((k): k is string | number => typeof k !== 'symbol');

/** Turns one zod issue on an EventRecord into our issues, with messages that say how to fix them. */
export function describeZodIssue(issue: z.core.$ZodIssue, input: unknown): EventLogIssue[] {
  const path = zodPath(issue);

  if (issue.code === 'unrecognized_keys') {
    const parent = path.length === 0 ? undefined : formatPath(path);
    const known = typeof path[0] === 'string' && path.length === 1 ? KNOWN_NESTED_FIELDS[path[0]] : undefined;
    return issue.keys.map((key) => ({
      code: 'unknown-field',
      path: [...path, key],
      message:
        parent === undefined
          ? `Unknown field "${key}": an EventRecord has no such field. Move it into attrs ("attrs": { "${key}": … }) or remove it.`
          : `Unknown field "${key}" in ${parent}${known === undefined ? '' : `, which has only ${known}`}. Move it into attrs or remove it.`,
    }));
  }

  if (path.length === 0) {
    return [
      {
        code: 'invalid-record',
        path,
        message: `A record must be a JSON object, got ${describeValue(input)}. Write one object per line: { "id": …, "caseId": …, … }.`,
      },
    ];
  }

  const where = formatPath(path);
  const expected = expectationAt(path);
  const { present, value } = valueAt(input, path);

  if (!present) {
    return [
      {
        code: 'missing-field',
        path,
        message: `Missing required field "${where}": add it as ${expected ?? 'the kind of value its name says'}.`,
      },
    ];
  }

  return [
    {
      code: 'invalid-field',
      path,
      message:
        expected === undefined
          ? `Field "${where}" is not valid (${issue.message}); got ${describeValue(value)}.`
          : `Field "${where}" must be ${expected}; got ${describeValue(value)}.`,
    },
  ];
}
