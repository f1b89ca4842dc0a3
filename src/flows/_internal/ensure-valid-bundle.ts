import { DefinitionError, PermitflowError, formatIssues, type Issue } from '../../errors';
import { validateBundle, validateFlow } from '../../definition';
import type { BundleWithFlows } from '../bundle-with-flows';

/**
 * Returns the bundle and flows a built-in made from its options, or throws `invalid-argument` when
 * the options made any of them invalid; the message lists the validation issues and `cause` is a
 * {@link DefinitionError} carrying them.
 */
export function ensureValidBundle(made: BundleWithFlows, builtIn: string): BundleWithFlows {
  const issues: Issue[] = [];
  made.flows.forEach((flow, i) => {
    const result = validateFlow(flow);
    if (!result.ok) issues.push(...result.issues.map((issue) => ({ ...issue, path: ['flows', i, ...issue.path] })));
  });
  const result = validateBundle(made.bundle, { flows: made.flows });
  if (!result.ok) issues.push(...result.issues.map((issue) => ({ ...issue, path: ['bundle', ...issue.path] })));
  if (issues.length === 0) return made;
  throw new PermitflowError(
    'invalid-argument',
    `${builtIn}: the options give an invalid bundle "${made.bundle.id}":\n${formatIssues(issues)}\nChange those options so the bundle validates.`,
    { cause: new DefinitionError(`Bundle "${made.bundle.id}"`, issues) },
  );
}
