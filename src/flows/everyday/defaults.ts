/**
 * Defaults of the everyday bundles (一件事一次办): 开办企业 and 不动产登记. Markers as in DOMAIN.md:
 * [V] checked against the named source, [R] from general knowledge or chosen here, not re-checked —
 * every one of them can be overridden through the bundle's options.
 */
import type { Material } from '../../definition';

// ---------------------------------------------------------------------------------------------
// 开办企业 (opening a business)
// ---------------------------------------------------------------------------------------------

/**
 * Promised end-to-end limit of 开办企业: 4 working days — the national target for end-2020, after
 * ≤5 in 2019 [R: DOMAIN.md §5]. Many localities promise 1–3; override it with yours.
 */
export const OPEN_BUSINESS_PROMISED_WORKING_DAYS = 4;

/**
 * Expected in-person trips: 1 (最多跑一次) [R]. Registration, tax, social insurance and housing fund
 * are online, but the bank verifies the legal representative's will to open the account in person
 * (面签) where it does not accept a video check, and seals and licence may be collected at the same
 * visit. Set 0 (不见面) where seals are mailed and the bank verifies by video.
 */
export const OPEN_BUSINESS_EXPECTED_TRIPS = 1;

/**
 * Statutory limit of the business registration: 3 working days when it cannot be done on the spot,
 * +3 for complex cases [V: 市场主体登记管理条例 (国务院令第746号, 2022) Art. 19, as quoted by the
 * Shenzhen Yantian market regulation bureau].
 */
export const BUSINESS_REGISTRATION_STATUTORY_WORKING_DAYS = 3;
/** Extension of the business registration for complex cases [V: as above]. */
export const BUSINESS_REGISTRATION_EXTENSION_WORKING_DAYS = 3;
/** Promised limit of the business registration: 1 working day [R: common local promise]. */
export const BUSINESS_REGISTRATION_PROMISED_WORKING_DAYS = 1;

/**
 * The applicant's one set of materials for 开办企业 (一套材料), collected through one form
 * (一表申请) that also carries the seal, tax, social insurance, housing fund and bank details
 * [R: 市场主体登记管理条例 Art. 16 for the registration part].
 */
export const OPEN_BUSINESS_SHARED_MATERIALS: readonly Material[] = [
  { id: 'one-form-application', name: '企业开办“一表通”申请表（含登记、刻章、涉税、社保、公积金、开户信息）' },
  { id: 'articles-of-association', name: '公司章程' },
  { id: 'investor-identity', name: '股东（投资人）主体资格证明或自然人身份证件' },
  { id: 'representative-identity', name: '法定代表人身份证件' },
  { id: 'premises-declaration', name: '住所（经营场所）使用证明或申报承诺' },
];

/** The business licence the registration produces; the other departments get it by data sharing. */
export const BUSINESS_LICENCE: Material = {
  id: 'business-licence',
  name: '营业执照（电子营业执照，部门间共享）',
  description: '由企业设立登记产生，申请人无需另行提交',
};

/** The seals the seal engraving produces; the bank keeps their impressions (预留印鉴). */
export const COMPANY_SEALS: Material = {
  id: 'company-seals',
  name: '企业印章（公章、财务专用章）',
  description: '由公章刻制产生，开户时预留印鉴',
};

// ---------------------------------------------------------------------------------------------
// 不动产登记 (real estate registration: transfer of a second-hand home)
// ---------------------------------------------------------------------------------------------

/**
 * Statutory limit of a real estate registration: 30 working days [R: 不动产登记暂行条例 Art. 20;
 * 房屋登记办法 Art. 23 gave the same 30 for state-land housing].
 */
export const REAL_ESTATE_REGISTRATION_STATUTORY_WORKING_DAYS = 30;

/**
 * Promised limit of a general registration, and of the bundle end to end: 5 working days — the
 * end-2020 target of 国办发〔2019〕8号 (≤10 by end-2019) [R: DOMAIN.md §5].
 */
export const REAL_ESTATE_PROMISED_WORKING_DAYS = 5;

/**
 * Expected in-person trips: 1 (最多跑一次) [R]. Buyer and seller come once to the one window for
 * the registration inquiry (询问) and signatures; tax and utility transfers ride on that visit.
 */
export const REAL_ESTATE_EXPECTED_TRIPS = 1;

/** The applicants' one set of materials for 二手房转移登记 (一套材料) [R]. */
export const REAL_ESTATE_SHARED_MATERIALS: readonly Material[] = [
  { id: 'one-form-application', name: '不动产登记、税费申报、水电气过户“一表申请”' },
  { id: 'party-identity', name: '买卖双方身份证明' },
  { id: 'property-certificate', name: '不动产权属证书（卖方）' },
  { id: 'sale-contract', name: '存量房买卖合同（网签备案）' },
  { id: 'family-housing-declaration', name: '家庭住房情况及婚姻状况申报（承诺）' },
];

/** The tax payment certificate the tax matter produces; the registration gets it by data sharing. */
export const TAX_PAYMENT_CERTIFICATE: Material = {
  id: 'tax-payment-certificate',
  name: '完税凭证（部门间共享）',
  description: '由税费缴纳产生，申请人无需另行提交',
};

/** The new property certificate the registration produces; the utilities get it by data sharing. */
export const NEW_PROPERTY_CERTIFICATE: Material = {
  id: 'new-property-certificate',
  name: '新不动产权证书（电子证照，部门间共享）',
  description: '由不动产转移登记产生，申请人无需另行提交',
};

/** Utilities whose accounts move with the home (水电气联动过户). */
export const UTILITIES = ['water', 'electricity', 'gas'] as const;
