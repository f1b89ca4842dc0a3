import { PermitflowError } from '../../errors';
import type { BundleDefinition, BundleMatter, FlowDefinition } from '../../definition';
import type { BundleWithFlows } from '../bundle-with-flows';
import {
  NEW_PROPERTY_CERTIFICATE,
  REAL_ESTATE_EXPECTED_TRIPS,
  REAL_ESTATE_PROMISED_WORKING_DAYS,
  REAL_ESTATE_REGISTRATION_STATUTORY_WORKING_DAYS,
  REAL_ESTATE_SHARED_MATERIALS,
  TAX_PAYMENT_CERTIFICATE,
  UTILITIES,
} from './defaults';
import { ensureValidBundle } from '../_internal/ensure-valid-bundle';
import { pick, step } from './steps';

/** A utility whose account moves with the home: water, electricity or gas. */
export type Utility = (typeof UTILITIES)[number];

/** Options of {@link realEstateRegistrationBundle}; every field replaces its default. */
export interface RealEstateRegistrationBundleOptions {
  /** `real-estate-transfer` by default. */
  readonly id?: string;
  readonly version?: string;
  /** `二手房转移登记` by default. */
  readonly name?: string;
  /** End-to-end limits; by default a promised 5 working days (国办发〔2019〕8号). */
  readonly limits?: { readonly statutoryWorkingDays?: number; readonly promisedWorkingDays?: number };
  /** 跑动次数; 1 (最多跑一次) by default. */
  readonly expectedTrips?: number;
  /** The registration's own promised limit; 5 working days by default. */
  readonly registrationPromisedWorkingDays?: number;
  /** Utility accounts transferred with the home (水电气联动过户); all three by default, `[]` for none. */
  readonly utilities?: readonly Utility[];
}

/** Matter ids of {@link realEstateRegistrationBundle}. */
export const REAL_ESTATE_MATTERS = {
  tax: 'real-estate-transfer-tax',
  registration: 'real-estate-transfer-registration',
  water: 'water-transfer',
  electricity: 'electricity-transfer',
  gas: 'gas-transfer',
} as const;

const UTILITY_MATTERS: Readonly<Record<Utility, { name: string; department: string }>> = {
  water: { name: '供水过户', department: 'water-utility' },
  electricity: { name: '供电过户', department: 'power-utility' },
  gas: { name: '燃气过户', department: 'gas-utility' },
};

const shared = [...REAL_ESTATE_SHARED_MATERIALS, TAX_PAYMENT_CERTIFICATE, NEW_PROPERTY_CERTIFICATE];

function utilityFlow(utility: Utility): FlowDefinition {
  const { name, department } = UTILITY_MATTERS[utility];
  return {
    id: REAL_ESTATE_MATTERS[utility],
    version: '1',
    name,
    department,
    mode: 'approval',
    caseType: 'immediate',
    materials: pick(shared, ['one-form-application', 'party-identity', 'new-property-certificate']),
    process: {
      kind: 'sequence',
      children: [
        step('account-check', '户号与欠费核验', department, 'service-clerk'),
        step('account-transfer', '用户过户', department, 'service-clerk'),
      ],
    },
  };
}

/**
 * 不动产登记 (real estate registration) as one bundle (一件事一次办), for the transfer of a
 * second-hand home (二手房转移登记): transaction taxes first (先税后证), then the transfer
 * registration, then the water, electricity and gas accounts move with the home. One window, one
 * set of materials; the tax certificate and the new property certificate reach the next
 * department by data sharing. See ./defaults for every number and its source.
 * @param options Overrides of the bundle's id, name, limits, trips, the registration's promise and the utilities.
 * @returns The bundle and one flow per matter, all valid.
 * @throws {PermitflowError} `invalid-argument` for an unknown utility, or when the options make the
 *   bundle or a flow invalid.
 * @example
 * const { bundle, flows } = realEstateRegistrationBundle({ utilities: ['electricity'] });
 * const registration = flows.find((f) => f.id === 'real-estate-transfer-registration')!;
 * const instance = createFlowInstance(registration, { caseId: 'BDC-2025-0001', bundleId: 'BDC-2025' });
 */
export function realEstateRegistrationBundle(options: RealEstateRegistrationBundleOptions = {}): BundleWithFlows {
  const m = REAL_ESTATE_MATTERS;
  const unknown = (options.utilities ?? []).filter((u) => !(UTILITIES as readonly string[]).includes(u));
  if (unknown.length > 0) {
    throw new PermitflowError(
      'invalid-argument',
      `realEstateRegistrationBundle: unknown utilities ${unknown.map((u) => `"${u}"`).join(', ')}; use any of: ${UTILITIES.join(', ')}.`,
    );
  }
  const utilities = UTILITIES.filter((u) => (options.utilities ?? UTILITIES).includes(u));
  const flows: FlowDefinition[] = [
    {
      id: m.tax,
      version: '1',
      name: '存量房交易税费申报缴纳（契税、个人所得税、增值税）',
      department: 'taxation',
      mode: 'approval',
      caseType: 'immediate',
      legalBasis: ['中华人民共和国契税法', '中华人民共和国个人所得税法', '中华人民共和国税收征收管理法'],
      materials: pick(shared, ['one-form-application', 'party-identity', 'property-certificate', 'sale-contract', 'family-housing-declaration']),
      process: {
        kind: 'sequence',
        children: [
          step('taxable-value-assessment', '计税价格评估与申报审核', 'taxation', 'tax-officer'),
          step('tax-collection', '税款征收并开具完税凭证', 'taxation', 'tax-officer'),
        ],
      },
    },
    {
      id: m.registration,
      version: '1',
      name: '国有建设用地使用权及房屋所有权转移登记',
      department: 'natural-resources',
      mode: 'optimized-approval',
      caseType: 'promised',
      legalBasis: ['不动产登记暂行条例 第二十条', '国务院办公厅关于压缩不动产登记办理时间的通知（国办发〔2019〕8号）'],
      limits: {
        statutoryWorkingDays: REAL_ESTATE_REGISTRATION_STATUTORY_WORKING_DAYS,
        promisedWorkingDays: options.registrationPromisedWorkingDays ?? REAL_ESTATE_PROMISED_WORKING_DAYS,
      },
      materials: pick(shared, ['one-form-application', 'party-identity', 'property-certificate', 'sale-contract', 'tax-payment-certificate']),
      process: {
        kind: 'sequence',
        children: [
          step('inspection-and-inquiry', '查验与询问', 'natural-resources', 'registrar', {
            materials: ['party-identity', 'property-certificate', 'sale-contract'],
          }),
          step('registration-review', '登记审核', 'natural-resources', 'reviewer', {
            materials: ['tax-payment-certificate'],
            sendBackTo: ['inspection-and-inquiry'],
          }),
          step('record-in-register', '登簿', 'natural-resources', 'registrar'),
        ],
      },
    },
    ...utilities.map(utilityFlow),
  ];
  const matters: BundleMatter[] = [
    { matterId: m.tax },
    { matterId: m.registration, dependsOn: [m.tax] },
    ...utilities.map((u) => ({ matterId: m[u], dependsOn: [m.registration] })),
  ];
  const bundle: BundleDefinition = {
    id: options.id ?? 'real-estate-transfer',
    version: options.version ?? '1',
    name: options.name ?? '二手房转移登记',
    leadDepartment: 'natural-resources',
    matters,
    sharedMaterials: REAL_ESTATE_SHARED_MATERIALS.map((material) => ({ ...material })),
    limits: { ...(options.limits ?? { promisedWorkingDays: REAL_ESTATE_PROMISED_WORKING_DAYS }) },
    expectedTrips: options.expectedTrips ?? REAL_ESTATE_EXPECTED_TRIPS,
  };
  return ensureValidBundle({ bundle, flows }, 'realEstateRegistrationBundle');
}
