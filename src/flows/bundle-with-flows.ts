import type { BundleDefinition, FlowDefinition } from '../definition';

/** A bundle (一件事) definition together with the flows of its matters, as the built-ins return them. */
export interface BundleWithFlows {
  readonly bundle: BundleDefinition;
  /** One flow per matter of the bundle, by matter id. */
  readonly flows: readonly FlowDefinition[];
}
