import type { FlowDefinition } from '../../definition';
import {
  constructionPermitBundle,
  LICENCE_SEPARATION_MODES,
  licenceSeparationFlow,
  notifyCommitFlow,
  openBusinessBundle,
  realEstateRegistrationBundle,
} from '../../flows';

let cached: readonly FlowDefinition[] | undefined;

/** Every built-in flow and every built-in bundle's flows, built once. */
export function builtInFlows(): readonly FlowDefinition[] {
  cached ??= [
    ...constructionPermitBundle().flows,
    ...LICENCE_SEPARATION_MODES.map((mode) => licenceSeparationFlow(mode)),
    notifyCommitFlow(),
    ...openBusinessBundle().flows,
    ...realEstateRegistrationBundle().flows,
  ];
  return cached;
}
