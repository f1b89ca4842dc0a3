/**
 * Everyday bundles (一件事一次办): 开办企业 and 不动产登记, each a bundle definition with the flow
 * of every matter in it.
 */

/** 开办企业: registration, then seal, invoices, social insurance, housing fund and bank account. */
export { openBusinessBundle, OPEN_BUSINESS_MATTERS } from './open-business-bundle';
/** Options of {@link openBusinessBundle}. */
export type { OpenBusinessBundleOptions } from './open-business-bundle';
/** 不动产登记 (二手房转移登记): taxes, transfer registration, then water, electricity and gas. */
export { realEstateRegistrationBundle, REAL_ESTATE_MATTERS } from './real-estate-registration-bundle';
/** Options of {@link realEstateRegistrationBundle}, and the utilities it can transfer. */
export type { RealEstateRegistrationBundleOptions, Utility } from './real-estate-registration-bundle';
/** The defaults of the everyday bundles, each with its source and [V]/[R] marker. */
export {
  OPEN_BUSINESS_PROMISED_WORKING_DAYS,
  OPEN_BUSINESS_EXPECTED_TRIPS,
  BUSINESS_REGISTRATION_STATUTORY_WORKING_DAYS,
  BUSINESS_REGISTRATION_EXTENSION_WORKING_DAYS,
  BUSINESS_REGISTRATION_PROMISED_WORKING_DAYS,
  OPEN_BUSINESS_SHARED_MATERIALS,
  BUSINESS_LICENCE,
  COMPANY_SEALS,
  REAL_ESTATE_REGISTRATION_STATUTORY_WORKING_DAYS,
  REAL_ESTATE_PROMISED_WORKING_DAYS,
  REAL_ESTATE_EXPECTED_TRIPS,
  REAL_ESTATE_SHARED_MATERIALS,
  TAX_PAYMENT_CERTIFICATE,
  NEW_PROPERTY_CERTIFICATE,
  UTILITIES,
} from './defaults';
