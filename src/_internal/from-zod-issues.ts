import type { z } from 'zod';
import type { Issue, IssuePath } from '../errors';

type ZodIssue = z.core.$ZodIssue;

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function describe(issue: ZodIssue): Omit<Issue, 'path'> {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return { code: 'missing-field', message: `Add the required field (${issue.expected}).` };
      }
      return { code: 'invalid-type', message: `Expected ${issue.expected}, got ${kindOf(issue.input)}.` };
    case 'unrecognized_keys':
      return {
        code: 'unknown-field',
        message: `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling.`,
      };
    case 'invalid_value':
      return { code: 'invalid-value', message: `Use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.` };
    case 'invalid_format':
      return { code: 'invalid-format', message: issue.message };
    case 'too_small':
      return { code: 'too-small', message: issue.message };
    case 'too_big':
      return { code: 'too-big', message: issue.message };
    default:
      return { code: 'invalid-value', message: issue.message };
  }
}

function convert(issue: ZodIssue, prefix: IssuePath, out: Issue[]): void {
  const path = [...prefix, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the alternative that came closest (fewest issues): the one the writer most likely meant.
    let best = issue.errors[0] ?? [];
    for (const alternative of issue.errors) if (alternative.length < best.length) best = alternative;
    for (const inner of best) convert(inner, path, out);
    return;
  }
  out.push({ ...describe(issue), path });
}

/** Parse options that make zod report the input of each issue, which {@link fromZodIssues} needs to tell missing from wrong. */
export const ZOD_PARSE_OPTIONS = { reportInput: true } as const;

/** Maps zod's issues to ours: a kebab-case code, the same path, and a message that says how to fix it. */
export function fromZodIssues(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) convert(issue, [], out);
  return out;
}
