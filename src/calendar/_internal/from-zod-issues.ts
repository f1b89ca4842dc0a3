import type { z } from 'zod';
import type { Issue, IssuePath } from '../../errors';

type ZodIssue = z.core.$ZodIssue;

function keyPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((k): k is string | number => typeof k !== 'symbol');
}

function describe(issue: ZodIssue): Omit<Issue, 'path'> {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'missing-field', message: `Add the required field. ${issue.message}` };
      return { code: 'invalid-type', message: issue.message };
    case 'unrecognized_keys':
      return {
        code: 'unknown-field',
        message: `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling.`,
      };
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
  const path = [...prefix, ...keyPath(issue.path)];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the alternative that came closest (fewest issues), as the user most likely meant it.
    let best = issue.errors[0] ?? [];
    for (const alternative of issue.errors) if (alternative.length < best.length) best = alternative;
    for (const inner of best) convert(inner, path, out);
    return;
  }
  out.push({ ...describe(issue), path });
}

/** Maps zod's issues to ours: a kebab-case code, the same path, and a message that says how to fix it. */
export function fromZodIssues(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) convert(issue, [], out);
  return out;
}
