import { describe, expect, it } from 'vitest';
import { PermitflowError } from '../../errors';
import { OPEN_BUSINESS_MATTERS, OPEN_BUSINESS_PROMISED_WORKING_DAYS, openBusinessBundle } from './index';
import { expectOneSetOfMaterials, expectValid, runBundle } from './bundle-checks.test-support';

const m = OPEN_BUSINESS_MATTERS;

describe('openBusinessBundle', () => {
  it('gives a valid bundle of six matters, each flow valid and compilable', () => {
    const made = openBusinessBundle();
    expectValid(made);
    expect(made.bundle).toMatchObject({
      id: 'open-business',
      name: '开办企业',
      leadDepartment: 'market-regulation',
      limits: { promisedWorkingDays: OPEN_BUSINESS_PROMISED_WORKING_DAYS },
      expectedTrips: 1,
    });
    expect(made.flows.map((f) => f.department)).toEqual([
      'market-regulation',
      'public-security',
      'taxation',
      'human-resources-social-security',
      'housing-provident-fund',
      'bank',
    ]);
  });

  it('lists one set of materials that the flows share; the licence and seals come from earlier matters', () => {
    expectOneSetOfMaterials(openBusinessBundle(), { 'business-licence': m.registration, 'company-seals': m.seal });
  });

  it('runs registration first, then the rest in parallel, the bank account once the seals exist', () => {
    expect(runBundle(openBusinessBundle())).toEqual([
      [m.registration],
      [m.seal, m.tax, m.socialInsurance, m.housingFund],
      [m.bankAccount],
    ]);
  });

  it('lets options override the limits, trips, the registration promise and the bank', () => {
    const made = openBusinessBundle({
      id: 'open-business-sz',
      limits: { promisedWorkingDays: 1 },
      expectedTrips: 0,
      registrationPromisedWorkingDays: 2,
      bankDepartment: 'bank-icbc',
    });
    expect(made.bundle).toMatchObject({ id: 'open-business-sz', limits: { promisedWorkingDays: 1 }, expectedTrips: 0 });
    expect(made.flows.find((f) => f.id === m.registration)?.limits?.promisedWorkingDays).toBe(2);
    const bank = made.flows.find((f) => f.id === m.bankAccount)!;
    expect(bank.department).toBe('bank-icbc');
    expect(runBundle(made).flat()).toContain(m.bankAccount);
  });

  it('throws invalid-argument when the options break the bundle', () => {
    expect(() => openBusinessBundle({ limits: { promisedWorkingDays: 0 } })).toThrowErrorMatchingInlineSnapshot(`
      [PermitflowError: openBusinessBundle: the options give an invalid bundle "open-business":
      - at bundle.limits.promisedWorkingDays: promisedWorkingDays is 0; a limit must be at least 1 working day. Leave it out if there is none. [invalid-limit]
      Change those options so the bundle validates.]
    `);
    expect(() => openBusinessBundle({ expectedTrips: -1 })).toThrow(PermitflowError);
    // A promise above the registration's statutory 3 working days is caught in the flow.
    expect(() => openBusinessBundle({ registrationPromisedWorkingDays: 5 })).toThrow(/flows\[0\]\.limits\.promisedWorkingDays: .*\[promised-exceeds-statutory\]/);
  });
});
