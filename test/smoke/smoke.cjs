// Requires the built package through its exports map, as a CommonJS user would.
const assert = require('node:assert/strict');
const { createFlowInstance, validateFlow } = require('permitflow');
const { flowArbitrary } = require('permitflow/testing');
const { toMermaid } = require('permitflow/interop');
const flow = require('../fixtures/works-planning-permit.json');

assert.equal(validateFlow(flow).ok, true);
const instance = createFlowInstance(flow, { caseId: 'SMOKE-2', clock: { now: () => 0, setTimeout, clearTimeout } });
assert.equal(instance.send({ type: 'receive' }).accepted, true);
assert.equal(typeof flowArbitrary, 'function');
assert.ok(toMermaid(flow).startsWith('stateDiagram-v2'));
console.log('smoke (CJS): ok');
