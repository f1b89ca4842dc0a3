import { chinaMainlandCalendar } from '../calendar';
import type { BundleDefinition, FlowDefinition } from '../definition';
import type { FlowMachine } from '../compiler';
import { validateBundle } from '../definition';
import { DefinitionError, PermitflowError } from '../errors';
import { offsetMinutes } from '../_internal/format-instant';
import { BundleInstanceImpl, type BundleInstance } from './bundle-instance';
import { systemClock } from './clock';
import type { FlowInstanceOptions } from './flow-instance';

/** Options of {@link createBundleInstance}. */
export interface CreateBundleInstanceOptions extends FlowInstanceOptions {
  /** The bundle instance id; matter cases get ids `<bundleId>:<matterId>`. */
  readonly bundleId: string;
  /** The flows of the bundle's matters. */
  readonly flows: readonly FlowDefinition[];
  /** The applicant, copied onto every record. */
  readonly applicantId?: string;
  /** 项目代码, copied onto every record. */
  readonly projectCode?: string;
  /** The UTC offset instants are written with; `+08:00` by default. */
  readonly utcOffset?: string;
  /** Machines already compiled from `flows`, by matter id, to skip compiling them for every instance. */
  readonly machines?: ReadonlyMap<string, FlowMachine>;
}

/** Checks a bundle and the flows of its matters; the error lists every issue. */
export function checkBundle(bundle: BundleDefinition, flows: readonly FlowDefinition[]): void {
  const result = validateBundle(bundle, { flows });
  if (!result.ok) throw new DefinitionError(`Bundle "${bundle.id}"`, result.issues);
}

/**
 * Starts a bundle (一件事) instance. `submit()` files the one application (一表申请) with the one
 * set of materials (一套材料); every matter that can start is received at once, and each later one
 * the moment the matters it depends on — and the stages before its own — are approved. Stages run
 * their matters in parallel (并联审批) under a lead department (一家牵头). Every record carries the
 * `bundleId`; stage and total limits are kept by `clocks()`.
 * @throws {DefinitionError} when the bundle or its flows do not validate.
 * @example
 * const { bundle, flows } = openBusinessBundle();
 * const instance = createBundleInstance(bundle, { bundleId: 'KB-2025-0001', flows, clock });
 * instance.submit({ materials: ['one-form-application', 'representative-identity'], channel: 'online' });
 * instance.send('enterprise-registration', { type: 'accept-in-department', actor });
 */
export function createBundleInstance(bundle: BundleDefinition, options: CreateBundleInstanceOptions): BundleInstance {
  const { bundleId, flows, clock = systemClock, calendar = chinaMainlandCalendar(), warning = {}, utcOffset = '+08:00', applicantId, projectCode, machines } = options;
  if (bundleId.length === 0) throw new PermitflowError('invalid-argument', 'bundleId is empty; give every bundle instance an id.');
  try {
    offsetMinutes(utcOffset);
  } catch (cause) {
    throw new PermitflowError('invalid-argument', (cause as Error).message, { cause });
  }
  checkBundle(bundle, flows);
  return new BundleInstanceImpl(bundle, bundleId, {
    flows,
    clock,
    calendar,
    warning,
    utcOffset,
    ...(applicantId === undefined ? {} : { applicantId }),
    ...(projectCode === undefined ? {} : { projectCode }),
    ...(machines === undefined ? {} : { machines }),
    records: [],
  });
}
