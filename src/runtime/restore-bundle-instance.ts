import { chinaMainlandCalendar } from '../calendar';
import type { BundleDefinition, FlowDefinition } from '../definition';
import { formatIssues, PermitflowError } from '../errors';
import { fromZodIssues, ZOD_PARSE_OPTIONS } from '../_internal/from-zod-issues';
import { BundleInstanceImpl, type BundleInstance } from './bundle-instance';
import { systemClock } from './clock';
import { checkBundle } from './create-bundle-instance';
import type { FlowInstanceOptions } from './flow-instance';
import { PersistedBundleInstanceSchema } from './persisted-bundle';

/** Options of {@link restoreBundleInstance}. */
export interface RestoreBundleInstanceOptions extends FlowInstanceOptions {
  /** The flows of the bundle's matters, at the versions the bundle was saved with. */
  readonly flows: readonly FlowDefinition[];
}

/**
 * Continues a bundle from `persist()` output exactly as the original would have.
 * @throws {PermitflowError} `invalid-snapshot` for something that is not a persisted bundle,
 *   `snapshot-mismatch` when it was saved from another bundle definition or version.
 * @example
 * const again = restoreBundleInstance(bundle, JSON.parse(saved), { flows, clock });
 */
export function restoreBundleInstance(bundle: BundleDefinition, persisted: unknown, options: RestoreBundleInstanceOptions): BundleInstance {
  const parsed = PersistedBundleInstanceSchema.safeParse(persisted, ZOD_PARSE_OPTIONS);
  if (!parsed.success) {
    throw new PermitflowError('invalid-snapshot', `This is not a persisted permitflow bundle; pass the value persist() returned:\n${formatIssues(fromZodIssues(parsed.error))}`);
  }
  const saved = parsed.data;
  if (saved.bundleDefinitionId !== bundle.id || saved.bundleVersion !== bundle.version) {
    throw new PermitflowError(
      'snapshot-mismatch',
      `Bundle "${saved.bundleId}" was saved from "${saved.bundleDefinitionId}" version "${saved.bundleVersion}", not "${bundle.id}" version "${bundle.version}". Restore it with the definition it was made from.`,
    );
  }
  checkBundle(bundle, options.flows);
  for (const record of saved.records) {
    const flow = options.flows.find((f) => f.id === record.matterId);
    if (flow !== undefined && flow.version !== record.flowVersion) {
      throw new PermitflowError('snapshot-mismatch', `Case "${record.caseId}" ran flow "${flow.id}" version "${record.flowVersion}", but version "${flow.version}" was passed; pass the flows it was made from.`);
    }
  }
  const { applicantId, projectCode } = saved;
  return new BundleInstanceImpl(bundle, saved.bundleId, {
    flows: options.flows,
    clock: options.clock ?? systemClock,
    calendar: options.calendar ?? chinaMainlandCalendar(),
    warning: options.warning ?? {},
    utcOffset: saved.utcOffset,
    ...(applicantId === undefined ? {} : { applicantId }),
    ...(projectCode === undefined ? {} : { projectCode }),
    records: structuredClone(saved.records),
    snapshots: structuredClone(saved.cases),
  });
}
