import type { BundleDefinition } from '../../../definition';
import { constructionPermitBundle } from '../../../flows';

/** What the cross-matter detectors read of a bundle: each matter's stage and the matters it requires first. */
export interface BundleTables {
  readonly stageOf: Readonly<Record<string, string>>;
  readonly dependsOn: Readonly<Record<string, readonly string[]>>;
}

const cache = new WeakMap<BundleDefinition, BundleTables>();

/** A bundle's tables, built once per definition. */
export function bundleTables(bundle: BundleDefinition): BundleTables {
  let tables = cache.get(bundle);
  if (tables === undefined) {
    tables = {
      stageOf: Object.fromEntries(bundle.matters.filter((m) => m.stage !== undefined).map((m) => [m.matterId, m.stage!])),
      dependsOn: Object.fromEntries(bundle.matters.map((m) => [m.matterId, m.dependsOn ?? []])),
    };
    cache.set(bundle, tables);
  }
  return tables;
}

let construction: BundleDefinition | undefined;
/** The default tables, for cases whose bundle the log does not show: the (social-invested) construction-permit bundle's. */
export function constructionTables(): BundleTables {
  construction ??= constructionPermitBundle().bundle;
  return bundleTables(construction);
}
