// Imports the built package through its exports map, as an ESM user would, and runs a case.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createFlowInstance, validateFlow, parseEventLog, serializeEventLog, generateBundleLog, detectOffSystemWork, measureLog, summarizeMeasurements } from 'permitflow';
import { flowArbitrary } from 'permitflow/testing';
import { toMermaid, toGantt, toHtmlReport } from 'permitflow/interop';
import fc from 'fast-check';

const flow = JSON.parse(readFileSync(new URL('../fixtures/works-planning-permit.json', import.meta.url), 'utf8'));
assert.equal(validateFlow(flow).ok, true);
const instance = createFlowInstance(flow, { caseId: 'SMOKE-1', clock: { now: () => 0, setTimeout, clearTimeout } });
assert.equal(instance.send({ type: 'receive' }).accepted, true);
const text = serializeEventLog(instance.records);
assert.equal(parseEventLog(text).counts.accepted, 1);
assert.ok(toMermaid(flow).startsWith('stateDiagram-v2'));
fc.assert(fc.property(flowArbitrary(), (f) => validateFlow(f).ok), { numRuns: 5 });

// The main job through the built package: a few bundles generated, detected, measured, reported.
const { records } = generateBundleLog({ seed: 1, bundles: 5 });
const { findings } = detectOffSystemWork(records);
const { measurements, counts } = measureLog(records, { findings });
assert.equal(counts.read, counts.measured + counts.unmeasured);
assert.ok(measurements.length >= 5);
assert.ok(toGantt(measurements[0]).startsWith('gantt'));
assert.match(toHtmlReport({ title: 'smoke', generatedAt: '2026-01-01T00:00:00+08:00', summary: summarizeMeasurements(measurements), measurements, findings }), /summary-table/);

const bin = new URL('../../dist/cli/main.js', import.meta.url);
const help = execFileSync(process.execPath, [bin.pathname, '--help'], { encoding: 'utf8' });
assert.match(help, /Usage: permitflow/);
console.log('smoke (ESM): ok');
