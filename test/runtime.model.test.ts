import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SimulatedClock } from 'xstate';
import example from './fixtures/works-planning-permit.json';
import { compileFlow } from '../src/compiler/compile-flow';
import type { FlowDefinition } from '../src/definition/schemas';
import { createFlowInstance } from '../src/runtime/create-flow-instance';
import type { FlowInstance } from '../src/runtime/flow-instance';
import { restoreFlowInstance } from '../src/runtime/restore-flow-instance';
import { caseMovesArbitrary, possibleCommands, resolveMove, type CaseMove } from '../src/testing/case-moves';
import { flowArbitrary } from '../src/testing/flow-arbitrary';

/** What the test believes about the case: how many records it has and what the clock says. */
interface Model {
  records: number;
  now: number;
}
interface Real {
  instance: FlowInstance;
  clock: SimulatedClock;
}

const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

class SendCommand implements fc.Command<Model, Real> {
  constructor(readonly move: CaseMove) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const event = resolveMove(real.instance, this.move, possibleCommands(real.instance.flow));
    if (event === undefined) return;
    const result = real.instance.send(event);
    if (result.accepted) {
      expect(result.records[0]?.id).toBe(`M-1#${model.records + 1}`);
      for (const record of result.records) expect(record.at).toBe(beijing(model.now));
      expect(result.records.slice(1).every((r) => r.activity.startsWith('deadline-'))).toBe(true);
      model.records += result.records.length;
    }
    expect(real.instance.records).toHaveLength(model.records);
  }
  toString = () => `send(${JSON.stringify(this.move)})`;
}

class AdvanceClock implements fc.Command<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  run(model: Model, real: Real): void {
    model.now += this.minutes * 60_000;
    real.clock.increment(this.minutes * 60_000);
    // Only the deadline timer writes while time passes, stamped with the time it fired.
    const written = real.instance.records.slice(model.records);
    for (const record of written) {
      expect(['deadline-warning', 'deadline-overdue']).toContain(record.activity);
      expect(Date.parse(record.at)).toBeLessThanOrEqual(model.now);
    }
    model.records += written.length;
  }
  toString = () => `advance(${this.minutes} min)`;
}

class PersistAndRestore implements fc.Command<Model, Real> {
  check = () => true;
  run(model: Model, real: Real): void {
    const before = real.instance;
    before.stop();
    const saved = JSON.parse(JSON.stringify(before.persist()));
    real.instance = restoreFlowInstance(before.flow, saved, { clock: real.clock, machine: before.machine });
    expect(real.instance.snapshot.value).toEqual(before.snapshot.value);
    expect(real.instance.snapshot.context).toEqual(before.snapshot.context);
    expect(real.instance.records).toEqual(before.records);
    expect(real.instance.records).toHaveLength(model.records);
  }
  toString = () => 'persist-and-restore';
}

function commandsFor(flow: FlowDefinition) {
  return fc.commands(
    [
      caseMovesArbitrary(flow, { maxLength: 1 }).filter((m) => m.length === 1).map(([move]) => new SendCommand(move!)),
      fc.integer({ min: 1, max: 5 * 24 * 60 }).map((m) => new AdvanceClock(m)),
      fc.constant(new PersistAndRestore()),
    ],
    { maxCommands: 80 },
  );
}

function runModel(flow: FlowDefinition, commands: Iterable<fc.Command<Model, Real>>): void {
  const machine = compileFlow(flow);
  const start = Date.UTC(2025, 2, 3, 1);
  const setup = () => {
    const clock = new SimulatedClock();
    clock.set(start);
    return {
      model: { records: 0, now: start },
      real: { instance: createFlowInstance(flow, { caseId: 'M-1', clock, machine }), clock },
    };
  };
  fc.modelRun(setup, commands);
}

describe('runtime model', () => {
  it('start, send, advance the clock, persist and restore: the case stays consistent', () => {
    const flow = example as FlowDefinition;
    fc.assert(fc.property(commandsFor(flow), (commands) => runModel(flow, commands)));
  });

  it('holds on random flows too', () => {
    fc.assert(
      fc.property(
        flowArbitrary().chain((flow) => fc.tuple(fc.constant(flow), commandsFor(flow))),
        ([flow, commands]) => runModel(flow, commands),
      ),
      { numRuns: 50 },
    );
  });
});
