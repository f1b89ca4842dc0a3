import type { BundleDefinition, BundleMatter, FlowDefinition } from '../../../definition';
import type { BundleWithFlows } from '../../bundle-with-flows';
import { MATTERS, isMatterId } from './catalogue';

/** A mutable copy of a bundle with its flows, for a reform to change. */
export interface Draft {
  bundle: BundleDefinition;
  flows: FlowDefinition[];
}

/** A deep copy of the input, so a reform never touches what it was given. */
export function draftOf(input: BundleWithFlows): Draft {
  return { bundle: structuredClone(input.bundle), flows: input.flows.map((f) => structuredClone(f)) };
}

/** The flow of a matter in the draft, if the bundle holds it. */
export function flowOf(draft: Draft, matterId: string): FlowDefinition | undefined {
  return draft.flows.find((f) => f.id === matterId);
}

/** Whether the bundle holds the matter. */
export function holds(draft: Draft, matterId: string): boolean {
  return draft.bundle.matters.some((m) => m.matterId === matterId);
}

/** Replaces a flow of the draft (by id). */
export function putFlow(draft: Draft, flow: FlowDefinition): void {
  const index = draft.flows.findIndex((f) => f.id === flow.id);
  if (index === -1) draft.flows.push(flow);
  else draft.flows[index] = flow;
}

/** Removes matters, their flows, and every dependency on them. */
export function removeMatters(draft: Draft, ids: readonly string[]): void {
  const gone = new Set(ids);
  draft.bundle.matters = draft.bundle.matters
    .filter((m) => !gone.has(m.matterId))
    .map((m) => (m.dependsOn === undefined ? m : withDependsOn(m, m.dependsOn.filter((d) => !gone.has(d)))));
  draft.flows = draft.flows.filter((f) => !gone.has(f.id));
}

/** A bundle matter with `dependsOn` set to `deps`, or without the field when there are none. */
export function withDependsOn(matter: BundleMatter, deps: readonly string[]): BundleMatter {
  const rest = { ...matter };
  delete rest.dependsOn;
  const unique = [...new Set(deps)];
  return unique.length === 0 ? rest : { ...rest, dependsOn: unique };
}

/**
 * FNV-1a (32 bit) of a string, as 8 hex digits: a short, stable fingerprint of a definition's
 * content (not a security hash).
 */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const contentOf = (definition: { version: string }): string => JSON.stringify({ ...definition, version: '' });
const baseOf = (version: string): string => version.split('+')[0]!;

/**
 * Gives every definition the options changed a version of its own: `<base>+<fingerprint of its
 * content>`, so a case persisted under one set of options never restores under another. A flow
 * unchanged from its input (or, when new, from the catalogue) keeps its version.
 */
export function finish(input: BundleWithFlows, draft: Draft): BundleWithFlows {
  const before = new Map(input.flows.map((f) => [f.id, f]));
  const flows = draft.flows.map((flow) => {
    const reference = before.get(flow.id) ?? (isMatterId(flow.id) ? MATTERS[flow.id].flow : undefined);
    if (reference !== undefined && contentOf(reference) === contentOf(flow)) return { ...flow, version: reference.version };
    return { ...flow, version: `${baseOf(flow.version)}+${fingerprint(contentOf(flow))}` };
  });
  const bundle =
    contentOf(input.bundle) === contentOf(draft.bundle)
      ? draft.bundle
      : { ...draft.bundle, version: `${baseOf(draft.bundle.version)}+${fingerprint(contentOf(draft.bundle))}` };
  return { bundle, flows };
}
