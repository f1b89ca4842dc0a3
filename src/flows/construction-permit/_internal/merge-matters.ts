import type { FlowDefinition, Material, ProcessNode, StepDefinition } from '../../../definition';
import { childrenOf } from '../../../_internal/process-tree';
import { parallelAll, sequence } from './define';
import { type Draft, flowOf, withDependsOn } from './draft';
import { mapSteps, stepIds } from './process';

/** What to merge: the source matters with the prefixes that keep their step ids apart, and the frame of the merged matter. */
export interface MergeSpec {
  /** Source matter id → prefix of its step ids inside the merged matter. */
  readonly sources: Readonly<Record<string, string>>;
  /** The merged matter's flow with only its frame: a sequence of its first step, then its closing steps. */
  readonly frame: FlowDefinition;
}

const FIRST = 'preliminary-review';
const LAST = 'decision';

/**
 * Replaces the source matters the draft holds by one matter whose process runs their checks at once:
 * `frame[0] → parallel(all) of each source's steps between its 承办审查 and its 审批决定 → rest of frame`.
 * Each source's steps keep their department and role, and take the prefix unless their id has it.
 * A send-back to a source's first step goes to the merged first step. Materials are merged by id
 * (one set of drawings), as are the areas the sources involve. The merged matter takes the first
 * source's place and stage, the sources' dependencies, and every dependency on a source.
 * Does nothing when the draft holds fewer than two of the sources.
 */
export function mergeMatters(draft: Draft, spec: MergeSpec): void {
  const present = Object.keys(spec.sources).filter((id) => draft.bundle.matters.some((m) => m.matterId === id));
  if (present.length < 2) return;
  const sources = present.map((id) => flowOf(draft, id)!);
  const frame = spec.frame.process;
  if (frame?.kind !== 'sequence' || frame.children[0]?.kind !== 'step' || frame.children[0].id !== FIRST) {
    throw new Error(`The frame of "${spec.frame.id}" must be a sequence starting with step "${FIRST}"`);
  }
  const branches = sources.map((flow) => branchOf(flow, spec.sources[flow.id]!));
  const involves = unique(sources.flatMap((f) => f.involves ?? [])).sort();
  const merged: FlowDefinition = {
    ...spec.frame,
    legalBasis: unique([...(spec.frame.legalBasis ?? []), ...sources.flatMap((f) => f.legalBasis ?? [])]),
    materials: mergeMaterials([spec.frame.materials, ...sources.map((f) => f.materials)]),
    process: sequence(frame.children[0], parallelAll(...branches), ...frame.children.slice(1)),
    ...(involves.length === 0 ? {} : { involves }),
  };

  const gone = new Set(present);
  const first = draft.bundle.matters.find((m) => gone.has(m.matterId))!;
  const deps = draft.bundle.matters.filter((m) => gone.has(m.matterId)).flatMap((m) => m.dependsOn ?? []).filter((d) => !gone.has(d));
  const matter = withDependsOn({ matterId: spec.frame.id, ...(first.stage === undefined ? {} : { stage: first.stage }) }, deps);
  draft.bundle.matters = draft.bundle.matters.flatMap((m) => {
    if (m === first) return [matter];
    if (gone.has(m.matterId)) return [];
    if (!(m.dependsOn ?? []).some((d) => gone.has(d))) return [m];
    return [withDependsOn(m, m.dependsOn!.map((d) => (gone.has(d) ? spec.frame.id : d)))];
  });
  const at = draft.flows.findIndex((f) => gone.has(f.id));
  draft.flows = draft.flows.filter((f) => !gone.has(f.id));
  draft.flows.splice(at, 0, merged);
}

/** A source's checks: the steps between its first and last, with prefixed ids. */
function branchOf(flow: FlowDefinition, prefix: string): ProcessNode {
  const root = flow.process;
  const children = root?.kind === 'sequence' ? childrenOf(root) : [];
  const head = children[0];
  const tail = children[children.length - 1];
  if (head?.kind !== 'step' || head.id !== FIRST || tail?.kind !== 'step' || tail.id !== LAST || children.length < 3) {
    throw new Error(`Flow "${flow.id}" must be a sequence "${FIRST}" → checks → "${LAST}" to be merged`);
  }
  const own = new Set(stepIds(root));
  const rename = (id: string) => (id.startsWith(`${prefix}-`) ? id : `${prefix}-${id}`);
  const retarget = (step: StepDefinition): StepDefinition => {
    const ids = step.id === rename(step.id) ? {} : { id: rename(step.id) };
    if (step.sendBackTo === undefined) return { ...step, ...ids };
    const sendBackTo = step.sendBackTo.map((to) => (to === FIRST ? FIRST : own.has(to) ? rename(to) : to));
    return { ...step, ...ids, sendBackTo: unique(sendBackTo) };
  };
  const middle = children.slice(1, -1).map((node) => mapSteps(node, retarget));
  return middle.length === 1 ? middle[0]! : sequence(...middle);
}

function mergeMaterials(lists: ReadonlyArray<readonly Material[]>): Material[] {
  const byId = new Map<string, Material>();
  for (const list of lists) for (const m of list) if (!byId.has(m.id)) byId.set(m.id, { ...m });
  return [...byId.values()];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
