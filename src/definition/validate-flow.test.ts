import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import example from '../../test/fixtures/works-planning-permit.json';
import { formatIssues } from '../errors';
import { flowArbitrary } from '../testing/flow-arbitrary';
import type { FlowDefinition, ProcessNode } from './schemas';
import { validateFlow } from './validate-flow';

const base = example as FlowDefinition;
const withProcess = (process: ProcessNode): FlowDefinition => ({ ...base, process });
const step = (id: string, extra: Partial<Extract<ProcessNode, { kind: 'step' }>> = {}): ProcessNode => ({
  kind: 'step',
  id,
  name: id,
  department: 'natural-resources',
  role: 'reviewer',
  ...extra,
});
const codes = (input: unknown) => {
  const result = validateFlow(input);
  return result.ok ? [] : result.issues.map((i) => i.code);
};
const messages = (input: unknown) => {
  const result = validateFlow(input);
  return result.ok ? '' : formatIssues(result.issues);
};

describe('validateFlow', () => {
  it('accepts the works planning permit example as it stands', () => {
    const result = validateFlow(example);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.flow).toEqual(example);
  });

  it('reports shape problems with paths and fix-it messages', () => {
    expect(messages({ ...base, mode: 'licence', limits: { statutoryWorkingDays: '20' }, colour: 'red' })).toMatchInlineSnapshot(`
      "- at mode: Use one of "approval", "optimized-approval", "notify-commit", "filing", "cancelled". [invalid-value]
      - at limits.statutoryWorkingDays: Expected number, got string. [invalid-type]
      - at (root): Unknown field "colour": remove it or check the spelling. [unknown-field]"
    `);
    expect(codes({ ...base, name: undefined })).toEqual(['missing-field']);
    expect(codes(null)).toEqual(['invalid-type']);
  });

  it('rejects duplicate ids of steps and materials', () => {
    const dup = withProcess({ kind: 'sequence', children: [step('review'), step('review')] });
    expect(messages(dup)).toMatchInlineSnapshot(
      `"- at process.children[1].id: The id "review" is already used by a step; ids of steps and nodes must be unique within a flow. Rename one of them. [duplicate-id]"`,
    );
    expect(codes({ ...base, materials: [...base.materials, base.materials[0]] })).toEqual(['duplicate-id']);
  });

  it('rejects empty sequences and parallels', () => {
    expect(codes(withProcess({ kind: 'sequence', children: [] }))).toEqual(['empty-node']);
    expect(codes(withProcess({ kind: 'parallel', join: 'all', children: [] }))).toEqual(['empty-node']);
  });

  it('rejects a vote threshold larger than its branches', () => {
    const vote = withProcess({ kind: 'parallel', join: { kind: 'vote', threshold: 3 }, children: [step('a'), step('b')] });
    expect(messages(vote)).toMatchInlineSnapshot(
      `"- at process.join.threshold: The vote threshold is 3 but the parallel has 2 branches; use a threshold from 1 to 2. [vote-threshold]"`,
    );
  });

  it('rejects zero or negative limits and a promise above the law', () => {
    expect(codes({ ...base, limits: { statutoryWorkingDays: 0 } })).toEqual(['invalid-limit']);
    expect(messages({ ...base, limits: { statutoryWorkingDays: 20, promisedWorkingDays: 25 } })).toMatchInlineSnapshot(
      `"- at limits.promisedWorkingDays: The promised limit (25 working days) is above the statutory one (20); a promise may only shorten the law's limit. Lower promisedWorkingDays to 20 or less. [promised-exceeds-statutory]"`,
    );
    expect(codes({ ...base, limits: {} })).toEqual(['missing-limit']);
  });

  it('rejects send-back to an unknown step or one that is not earlier', () => {
    const later = withProcess({ kind: 'sequence', children: [step('a', { sendBackTo: ['b'] }), step('b')] });
    expect(messages(later)).toMatchInlineSnapshot(
      `"- at process.children[0].sendBackTo[0]: Step "a" sends back to "b", which does not always run before it; a send-back (退回) may only return to an earlier step of an enclosing sequence. [send-back-not-earlier]"`,
    );
    const sibling = withProcess({ kind: 'parallel', join: 'all', children: [step('a'), step('b', { sendBackTo: ['a'] })] });
    expect(codes(sibling)).toEqual(['send-back-not-earlier']);
    expect(codes(withProcess({ kind: 'sequence', children: [step('a'), step('b', { sendBackTo: ['x'] })] }))).toEqual(['unknown-step']);
    expect(codes(withProcess({ kind: 'sequence', children: [step('a'), step('b', { sendBackTo: ['a'] })] }))).toEqual([]);
  });

  it('rejects unknown materials, reserved ids and unexplained clock stops', () => {
    expect(codes(withProcess(step('a', { materials: ['passport'] })))).toEqual(['unknown-material']);
    expect(codes(withProcess(step('approved')))).toEqual(['reserved-id']);
    expect(codes(withProcess(step('a', { clock: 'stopped' })))).toEqual(['missing-stop-reason']);
    expect(codes(withProcess(step('a', { stopReason: 'hearing' })))).toEqual(['stop-reason-without-stop']);
    expect(codes(withProcess(step('a', { minDuration: '2 hours' })))).toEqual(['invalid-format']);
    expect(codes(withProcess(step('a.b')))).toEqual(['invalid-format']);
  });

  it('accepts every generated flow', () => {
    fc.assert(fc.property(flowArbitrary(), (flow) => validateFlow(flow).ok));
  });
});
