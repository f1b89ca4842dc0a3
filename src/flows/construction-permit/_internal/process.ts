import type { ProcessNode, StepDefinition } from '../../../definition';
import { assertNever } from '../../../_internal/assert-never';
import { placeSteps } from '../../../_internal/process-tree';

/** The ids of every step of a tree. */
export function stepIds(node: ProcessNode | undefined): string[] {
  return placeSteps(node).map((p) => p.step.id);
}

/** The same tree with every step replaced by `fn(step)`. */
export function mapSteps(node: ProcessNode, fn: (step: StepDefinition) => StepDefinition): ProcessNode {
  switch (node.kind) {
    case 'step':
      return fn(node);
    case 'sequence':
    case 'parallel':
    case 'choice':
      return { ...node, children: node.children.map((child) => mapSteps(child, fn)) };
    default:
      return assertNever(node, 'process node');
  }
}

/**
 * The tree without the steps in `ids`: a node left with no children goes too, one left with a
 * single child is replaced by it, and send-backs to removed steps are dropped.
 * `undefined` when nothing is left.
 */
export function removeSteps(node: ProcessNode, ids: ReadonlySet<string>): ProcessNode | undefined {
  const prune = (n: ProcessNode): ProcessNode | undefined => {
    if (n.kind === 'step') return ids.has(n.id) ? undefined : n;
    const children = n.children.map(prune).filter((c): c is ProcessNode => c !== undefined);
    if (children.length === 0) return undefined;
    if (children.length === 1 && n.children.length > 1) return children[0];
    return { ...n, children };
  };
  const pruned = prune(node);
  return pruned && mapSteps(pruned, (s) => withoutSendBacks(s, ids));
}

function withoutSendBacks(step: StepDefinition, ids: ReadonlySet<string>): StepDefinition {
  if (step.sendBackTo === undefined || !step.sendBackTo.some((id) => ids.has(id))) return step;
  const { sendBackTo, ...rest } = step;
  const kept = sendBackTo.filter((id) => !ids.has(id));
  return kept.length === 0 ? rest : { ...rest, sendBackTo: kept };
}
