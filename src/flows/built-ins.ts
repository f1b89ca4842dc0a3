import type { FlowDefinition } from '../definition';
import type { BundleWithFlows } from './bundle-with-flows';
import { constructionPermitBundle, CONSTRUCTION_PROJECT_CATEGORIES } from './construction-permit';
import { openBusinessBundle, realEstateRegistrationBundle } from './everyday';
import { LICENCE_SEPARATION_MODES, licenceSeparationFlow } from './licence-separation';
import { notifyCommitFlow } from './notify-commit';

let bundles: readonly BundleWithFlows[] | undefined;
let flows: readonly FlowDefinition[] | undefined;

/**
 * Every built-in bundle with its flows, built once: the construction-permit bundle of each project
 * category, 开办企业 and 不动产登记.
 * @example
 * builtInBundles().map(({ bundle }) => bundle.id); // ['construction-project-government-invested', …]
 */
export function builtInBundles(): readonly BundleWithFlows[] {
  bundles ??= [...CONSTRUCTION_PROJECT_CATEGORIES.map((category) => constructionPermitBundle({ category })), openBusinessBundle(), realEstateRegistrationBundle()];
  return bundles;
}

/**
 * Every built-in flow, built once and listed once per id and version: the flows of every built-in bundle, the 证照分离 flow under each
 * mode, and the notify-and-commit flow. A flow id may appear in several versions.
 * @example
 * builtInFlows().filter((f) => f.id === 'works-planning-permit').map((f) => f.version); // ['1', '1+small-low-risk']
 */
export function builtInFlows(): readonly FlowDefinition[] {
  if (flows === undefined) {
    const all = [...builtInBundles().flatMap((b) => b.flows), ...LICENCE_SEPARATION_MODES.map((mode) => licenceSeparationFlow(mode)), notifyCommitFlow()];
    flows = [...new Map(all.map((flow) => [`${flow.id}@${flow.version}`, flow])).values()];
  }
  return flows;
}
