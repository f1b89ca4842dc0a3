import { DefinitionError, PermitflowError, formatIssues } from '../../errors';
import { validateFlow, type FlowDefinition } from '../../definition';

/**
 * Returns the flow a built-in made from its options, or throws `invalid-argument` when the options
 * made it invalid; the message lists the validation issues and `cause` is a {@link DefinitionError}
 * carrying them.
 */
export function ensureValidFlow(flow: FlowDefinition, builtIn: string): FlowDefinition {
  const result = validateFlow(flow);
  if (result.ok) return result.flow;
  throw new PermitflowError(
    'invalid-argument',
    `${builtIn}: the options give an invalid flow "${flow.id}":\n${formatIssues(result.issues)}\nChange those options so the flow validates.`,
    { cause: new DefinitionError(`Flow "${flow.id}"`, result.issues) },
  );
}
