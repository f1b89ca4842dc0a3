import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { PermitflowError } from '../../errors';
import { placeSteps } from '../../_internal/process-tree';
import { REAL_ESTATE_MATTERS, REAL_ESTATE_PROMISED_WORKING_DAYS, REAL_ESTATE_REGISTRATION_STATUTORY_WORKING_DAYS, realEstateRegistrationBundle, type Utility } from './index';
import { expectOneSetOfMaterials, expectValid, runBundle, runToApproval } from './bundle-checks.test-support';

const m = REAL_ESTATE_MATTERS;

describe('realEstateRegistrationBundle', () => {
  it('gives a valid bundle: taxes, the transfer registration and three utility transfers', () => {
    const made = realEstateRegistrationBundle();
    expectValid(made);
    expect(made.bundle).toMatchObject({
      id: 'real-estate-transfer',
      leadDepartment: 'natural-resources',
      limits: { promisedWorkingDays: REAL_ESTATE_PROMISED_WORKING_DAYS },
      expectedTrips: 1,
    });
    expect(made.flows.find((f) => f.id === m.registration)).toMatchObject({
      department: 'natural-resources',
      mode: 'optimized-approval',
      caseType: 'promised',
      limits: { statutoryWorkingDays: REAL_ESTATE_REGISTRATION_STATUTORY_WORKING_DAYS, promisedWorkingDays: REAL_ESTATE_PROMISED_WORKING_DAYS },
    });
  });

  it('lists one set of materials; the tax certificate and new property certificate come from earlier matters', () => {
    expectOneSetOfMaterials(realEstateRegistrationBundle(), {
      'tax-payment-certificate': m.tax,
      'new-property-certificate': m.registration,
    });
  });

  it('runs taxes first (先税后证), then the registration, then the utilities in parallel', () => {
    expect(runBundle(realEstateRegistrationBundle())).toEqual([[m.tax], [m.registration], [m.water, m.electricity, m.gas]]);
  });

  it('issues the new property certificate after approval, and the review may send the case back to the inquiry', () => {
    const flow = realEstateRegistrationBundle().flows.find((f) => f.id === m.registration)!;
    expect(placeSteps(flow.process).find((p) => p.step.id === 'registration-review')?.step.sendBackTo).toEqual(['inspection-and-inquiry']);
    const clock = new SimulatedClock();
    clock.set(Date.parse('2025-06-03T09:00:00+08:00'));
    const instance = runToApproval(flow, clock, 'BDC-1');
    expect(instance.send({ type: 'issue-certificate', actor: { id: 'c-1', role: 'officer', department: 'natural-resources' } }).accepted).toBe(true);
    expect(instance.state).toBe('certificate-issued');
  });

  it('lets options choose the utilities, limits and trips', () => {
    const none = realEstateRegistrationBundle({ utilities: [], expectedTrips: 0, limits: { promisedWorkingDays: 3 } });
    expectValid(none);
    expect(none.bundle.matters.map((x) => x.matterId)).toEqual([m.tax, m.registration]);
    expect(none.bundle).toMatchObject({ expectedTrips: 0, limits: { promisedWorkingDays: 3 } });
    const power = realEstateRegistrationBundle({ utilities: ['electricity'], registrationPromisedWorkingDays: 1 });
    expect(power.flows.map((f) => f.id)).toEqual([m.tax, m.registration, m.electricity]);
    expect(power.flows[1]?.limits?.promisedWorkingDays).toBe(1);
    expectOneSetOfMaterials(power, { 'tax-payment-certificate': m.tax, 'new-property-certificate': m.registration });
  });

  it('throws invalid-argument for an unknown utility or options that break the bundle', () => {
    expect(() => realEstateRegistrationBundle({ utilities: ['heating' as Utility] })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: realEstateRegistrationBundle: unknown utilities "heating"; use any of: water, electricity, gas.]`);
    expect(() => realEstateRegistrationBundle({ limits: { statutoryWorkingDays: 5, promisedWorkingDays: 10 } })).toThrow(PermitflowError);
    expect(() => realEstateRegistrationBundle({ registrationPromisedWorkingDays: 31 })).toThrow(/promised-exceeds-statutory/);
  });
});
