import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/works-planning-permit.json';
import { formatIssues } from '../errors';
import type { BundleDefinition, FlowDefinition } from './schemas';
import { validateBundle } from './validate-bundle';

const bundle: BundleDefinition = {
  id: 'construction-permit',
  version: '1',
  name: '工程建设项目审批',
  leadDepartment: 'housing',
  stages: [
    { id: 'planning', name: '工程建设许可', leadDepartment: 'natural-resources', limitWorkingDays: 20 },
    { id: 'construction', name: '施工许可', leadDepartment: 'housing' },
  ],
  matters: [
    { matterId: 'works-planning-permit', stage: 'planning' },
    { matterId: 'construction-permit', stage: 'construction', dependsOn: ['works-planning-permit'] },
  ],
  limits: { statutoryWorkingDays: 120, promisedWorkingDays: 90 },
  expectedTrips: 1,
};
const codes = (input: unknown, flows?: FlowDefinition[]) => {
  const result = validateBundle(input, flows ? { flows } : {});
  return result.ok ? [] : result.issues.map((i) => i.code);
};

describe('validateBundle', () => {
  it('accepts a two-stage bundle', () => {
    expect(validateBundle(bundle).ok).toBe(true);
  });

  it('rejects a dependency cycle and names it', () => {
    const cyclic = {
      ...bundle,
      matters: [
        { matterId: 'a', stage: 'planning', dependsOn: ['c'] },
        { matterId: 'b', stage: 'planning', dependsOn: ['a'] },
        { matterId: 'c', stage: 'planning', dependsOn: ['b'] },
      ],
    };
    const result = validateBundle(cyclic);
    expect(result.ok ? '' : formatIssues(result.issues)).toMatchInlineSnapshot(
      `"- at matters: The matters depend on each other in a cycle (a → c → b → a); no case could ever start. Remove one of these dependencies. [dependency-cycle]"`,
    );
  });

  it('rejects unknown matters, stages and duplicates', () => {
    expect(codes({ ...bundle, matters: [...bundle.matters, { matterId: 'x', stage: 'planning', dependsOn: ['y'] }] })).toEqual([
      'unknown-matter',
    ]);
    expect(codes({ ...bundle, matters: [{ matterId: 'a', stage: 'nowhere' }] })).toEqual(['unknown-stage']);
    expect(codes({ ...bundle, matters: [{ matterId: 'a' }] })).toEqual(['missing-stage']);
    expect(codes({ ...bundle, matters: [bundle.matters[0], bundle.matters[0]] })).toEqual(['duplicate-id']);
    expect(codes({ ...bundle, matters: [] })).toEqual(['empty-node']);
    expect(codes(bundle, [example as FlowDefinition])).toEqual(['unknown-matter']);
  });

  it('rejects unsound limits', () => {
    expect(codes({ ...bundle, limits: { statutoryWorkingDays: 10, promisedWorkingDays: 20 } })).toEqual([
      'promised-exceeds-statutory',
    ]);
    expect(codes({ ...bundle, stages: [{ ...bundle.stages![0]!, limitWorkingDays: -1 }, bundle.stages![1]] })).toEqual([
      'invalid-limit',
    ]);
  });
});
