import type { BundleDefinition, FlowDefinition } from '../../definition';
import type { BundleWithFlows } from '../bundle-with-flows';
import {
  BUSINESS_LICENCE,
  BUSINESS_REGISTRATION_EXTENSION_WORKING_DAYS,
  BUSINESS_REGISTRATION_PROMISED_WORKING_DAYS,
  BUSINESS_REGISTRATION_STATUTORY_WORKING_DAYS,
  COMPANY_SEALS,
  OPEN_BUSINESS_EXPECTED_TRIPS,
  OPEN_BUSINESS_PROMISED_WORKING_DAYS,
  OPEN_BUSINESS_SHARED_MATERIALS,
} from './defaults';
import { ensureValidBundle } from '../_internal/ensure-valid-bundle';
import { pick, step } from './steps';

/** Options of {@link openBusinessBundle}; every field replaces its default. */
export interface OpenBusinessBundleOptions {
  /** `open-business` by default. */
  readonly id?: string;
  readonly version?: string;
  /** `开办企业` by default. */
  readonly name?: string;
  /** End-to-end limits; by default a promised 4 working days (see OPEN_BUSINESS_PROMISED_WORKING_DAYS). */
  readonly limits?: { readonly statutoryWorkingDays?: number; readonly promisedWorkingDays?: number };
  /** 跑动次数; 1 (最多跑一次) by default. */
  readonly expectedTrips?: number;
  /** The registration's own promised limit; 1 working day by default. */
  readonly registrationPromisedWorkingDays?: number;
  /** The department the bank account is opened with; `bank` by default. */
  readonly bankDepartment?: string;
}

/** Matter ids of {@link openBusinessBundle}. */
export const OPEN_BUSINESS_MATTERS = {
  registration: 'enterprise-registration',
  seal: 'seal-engraving',
  tax: 'new-taxpayer-invoices',
  socialInsurance: 'social-insurance-registration',
  housingFund: 'housing-fund-registration',
  bankAccount: 'basic-bank-account',
} as const;

const shared = [...OPEN_BUSINESS_SHARED_MATERIALS, BUSINESS_LICENCE, COMPANY_SEALS];
const SHARED_IDS = OPEN_BUSINESS_SHARED_MATERIALS.map((m) => m.id);

function flows(options: OpenBusinessBundleOptions): FlowDefinition[] {
  const bank = options.bankDepartment ?? 'bank';
  const m = OPEN_BUSINESS_MATTERS;
  return [
    {
      id: m.registration,
      version: '1',
      name: '企业设立登记',
      department: 'market-regulation',
      mode: 'optimized-approval',
      caseType: 'promised',
      legalBasis: ['中华人民共和国市场主体登记管理条例（国务院令第746号）第十六条、第十九条'],
      limits: {
        statutoryWorkingDays: BUSINESS_REGISTRATION_STATUTORY_WORKING_DAYS,
        promisedWorkingDays: options.registrationPromisedWorkingDays ?? BUSINESS_REGISTRATION_PROMISED_WORKING_DAYS,
        extensionWorkingDays: BUSINESS_REGISTRATION_EXTENSION_WORKING_DAYS,
      },
      materials: pick(shared, SHARED_IDS),
      process: {
        kind: 'sequence',
        children: [
          step('formal-review', '形式审查', 'market-regulation', 'registrar', { materials: SHARED_IDS }),
          step('registration-signoff', '核准登记并生成电子营业执照', 'market-regulation', 'registration-approver'),
        ],
      },
    },
    {
      // Seal engraving is a filing with public security since its approval was cancelled
      // (国发〔2020〕13号 [R]); it is an immediate case here so the bundle can wait for the seals.
      id: m.seal,
      version: '1',
      name: '公章刻制',
      department: 'public-security',
      mode: 'approval',
      caseType: 'immediate',
      legalBasis: ['印铸刻字业暂行管理规则'],
      materials: pick(shared, ['one-form-application', 'representative-identity', 'business-licence']),
      process: {
        kind: 'sequence',
        children: [
          step('engrave-seals', '印章刻制', 'seal-engraving-company', 'engraver', { minDuration: 'PT30M' }),
          step('seal-record', '印章信息备案', 'public-security', 'officer'),
        ],
      },
    },
    {
      id: m.tax,
      version: '1',
      name: '新办纳税人涉税事项（发票申领）',
      department: 'taxation',
      mode: 'approval',
      caseType: 'immediate',
      legalBasis: ['中华人民共和国发票管理办法', '中华人民共和国税收征收管理法'],
      materials: pick(shared, ['one-form-application', 'representative-identity', 'business-licence']),
      process: {
        kind: 'sequence',
        children: [
          step('taxpayer-info-confirmation', '涉税信息确认与实名采集', 'taxation', 'tax-officer'),
          step('invoice-type-verification', '发票票种核定', 'taxation', 'tax-officer'),
          step('invoice-issue', '发票领用（数电发票开票额度）', 'taxation', 'tax-officer'),
        ],
      },
    },
    {
      // 社会保险法 Art. 57: apply within 30 days of founding; the agency reviews within 15 days [R].
      id: m.socialInsurance,
      version: '1',
      name: '单位社会保险参保登记',
      department: 'human-resources-social-security',
      mode: 'approval',
      caseType: 'immediate',
      legalBasis: ['中华人民共和国社会保险法 第五十七条'],
      materials: pick(shared, ['one-form-application', 'business-licence']),
      process: {
        kind: 'sequence',
        children: [
          step('unit-enrolment', '单位参保登记', 'human-resources-social-security', 'insurance-clerk'),
          step('employee-enrolment', '职工参保登记', 'human-resources-social-security', 'insurance-clerk'),
        ],
      },
    },
    {
      // 住房公积金管理条例 Art. 14: register within 30 days of founding [R].
      id: m.housingFund,
      version: '1',
      name: '住房公积金单位缴存登记',
      department: 'housing-provident-fund',
      mode: 'approval',
      caseType: 'immediate',
      legalBasis: ['住房公积金管理条例 第十四条'],
      materials: pick(shared, ['one-form-application', 'business-licence']),
      process: {
        kind: 'sequence',
        children: [
          step('deposit-registration', '单位缴存登记', 'housing-provident-fund', 'fund-clerk'),
          step('employee-accounts', '职工住房公积金账户设立', 'housing-provident-fund', 'fund-clerk'),
        ],
      },
    },
    {
      // Opening an enterprise account no longer needs the central bank's permit (2019) [R]: the bank
      // opens it and reports it. The account needs the seals (预留印鉴).
      id: m.bankAccount,
      version: '1',
      name: '企业基本存款账户开立',
      department: bank,
      mode: 'approval',
      caseType: 'immediate',
      legalBasis: ['人民币银行结算账户管理办法', '中国人民银行关于取消企业银行账户许可的通知（2019年）'],
      materials: pick(shared, ['one-form-application', 'representative-identity', 'business-licence', 'company-seals']),
      process: {
        kind: 'sequence',
        children: [
          step('customer-due-diligence', '客户身份识别与开户意愿核实（面签或视频）', bank, 'account-manager', { minDuration: 'PT20M' }),
          step('open-account', '开立基本存款账户', bank, 'operations'),
          step('account-report', '账户信息报送人民银行账户管理系统', bank, 'operations'),
        ],
      },
    },
  ];
}

/**
 * 开办企业 (opening a business) as one bundle (一件事一次办): the business registration, then in
 * parallel seal engraving, the new taxpayer's invoices, social insurance and housing fund
 * registration and the basic bank account — all waiting for the registration, the account also for
 * the seals. One set of materials through one form; the business licence and seals reach the other
 * departments by data sharing. See ./defaults for every number and its source.
 * @param options Overrides of the bundle's id, name, limits, trips, the registration's promise and the bank.
 * @returns The bundle and one flow per matter, all valid.
 * @throws {PermitflowError} `invalid-argument` when the options make the bundle or a flow invalid.
 * @example
 * const { bundle, flows } = openBusinessBundle({ limits: { promisedWorkingDays: 1 }, expectedTrips: 0 });
 * const registration = flows.find((f) => f.id === 'enterprise-registration')!;
 * const instance = createFlowInstance(registration, { caseId: 'KB-2025-0001', bundleId: 'KB-2025' });
 */
export function openBusinessBundle(options: OpenBusinessBundleOptions = {}): BundleWithFlows {
  const m = OPEN_BUSINESS_MATTERS;
  const afterRegistration = [m.registration];
  const bundle: BundleDefinition = {
    id: options.id ?? 'open-business',
    version: options.version ?? '1',
    name: options.name ?? '开办企业',
    leadDepartment: 'market-regulation',
    matters: [
      { matterId: m.registration },
      { matterId: m.seal, dependsOn: [...afterRegistration] },
      { matterId: m.tax, dependsOn: [...afterRegistration] },
      { matterId: m.socialInsurance, dependsOn: [...afterRegistration] },
      { matterId: m.housingFund, dependsOn: [...afterRegistration] },
      { matterId: m.bankAccount, dependsOn: [m.registration, m.seal] },
    ],
    sharedMaterials: OPEN_BUSINESS_SHARED_MATERIALS.map((material) => ({ ...material })),
    limits: { ...(options.limits ?? { promisedWorkingDays: OPEN_BUSINESS_PROMISED_WORKING_DAYS }) },
    expectedTrips: options.expectedTrips ?? OPEN_BUSINESS_EXPECTED_TRIPS,
  };
  return ensureValidBundle({ bundle, flows: flows(options) }, 'openBusinessBundle');
}
