import type { ProcessNode, StepDefinition } from '../definition/schemas';
import { assertNever } from './assert-never';

/** Where a step sits: the chain of (node, child index) from the root down to it. */
export interface StepPlace {
  readonly step: StepDefinition;
  readonly ancestry: ReadonlyArray<{ readonly node: ProcessNode; readonly index: number }>;
  /** JSON path of the step inside the flow, e.g. `['process', 'children', 1]`. */
  readonly path: ReadonlyArray<string | number>;
}

/** The children of a node (none for a step). */
export function childrenOf(node: ProcessNode): readonly ProcessNode[] {
  switch (node.kind) {
    case 'step':
      return [];
    case 'sequence':
    case 'parallel':
    case 'choice':
      return node.children;
    default:
      return assertNever(node, 'process node');
  }
}

/** Every step of a tree, in document order, with its ancestry (none for a flow without a tree). */
export function placeSteps(root: ProcessNode | undefined, rootPath: ReadonlyArray<string | number> = ['process']): StepPlace[] {
  const places: StepPlace[] = [];
  const visit = (
    node: ProcessNode,
    ancestry: StepPlace['ancestry'],
    path: ReadonlyArray<string | number>,
  ): void => {
    if (node.kind === 'step') {
      places.push({ step: node, ancestry, path });
      return;
    }
    childrenOf(node).forEach((child, index) =>
      visit(child, [...ancestry, { node, index }], [...path, 'children', index]),
    );
  };
  if (root !== undefined) visit(root, [], rootPath);
  return places;
}

/** Whether `target` always runs before `from`: they part ways in a sequence, `target` on the earlier child. */
export function isEarlier(target: StepPlace, from: StepPlace): boolean {
  const depth = Math.min(target.ancestry.length, from.ancestry.length);
  for (let i = 0; i < depth; i++) {
    const a = target.ancestry[i]!;
    const b = from.ancestry[i]!;
    if (a.index !== b.index) return a.node.kind === 'sequence' && a.index < b.index;
  }
  return false;
}

/** The steps that can be the first one worked on when `node` is entered. */
export function entrySteps(node: ProcessNode): StepDefinition[] {
  switch (node.kind) {
    case 'step':
      return [node];
    case 'sequence':
      return node.children[0] ? entrySteps(node.children[0]) : [];
    case 'parallel':
    case 'choice':
      return node.children.flatMap(entrySteps);
    default:
      return assertNever(node, 'process node');
  }
}
