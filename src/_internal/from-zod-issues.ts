import type { z } from 'zod';
import type { Issue } from '../errors';

function describe(issue: z.core.$ZodIssue): Omit<Issue, 'path'> {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return { code: 'missing-field', message: `Add the required field (${issue.expected}).` };
      }
      return { code: 'invalid-type', message: `Expected ${issue.expected}, got ${typeof issue.input}.` };
    case 'unrecognized_keys':
      return {
        code: 'unknown-field',
        message: `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling.`,
      };
    case 'invalid_value':
      return {
        code: 'invalid-value',
        message: `Use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
      };
    case 'invalid_union':
      return { code: 'invalid-value', message: issue.message };
    case 'too_small':
      return { code: 'too-small', message: issue.message };
    default:
      return { code: 'invalid-value', message: issue.message };
  }
}

/** Maps zod's issues to ours: a kebab code, the same path, and a message that says how to fix it. */
export function fromZodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    ...describe(issue),
    path: issue.path.filter((k): k is string | number => typeof k !== 'symbol'),
  }));
}
