import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SimulatedClock, getStateNodes } from 'xstate';
import { compileFlow, LIFECYCLE_STATES } from '../src/compiler/compile-flow';
import type { FlowEvent } from '../src/compiler/flow-events';
import type { FlowDefinition } from '../src/definition/schemas';
import { EventRecordSchema } from '../src/event-log/event-record';
import { createFlowInstance } from '../src/runtime/create-flow-instance';
import type { FlowInstance } from '../src/runtime/flow-instance';
import { restoreFlowInstance } from '../src/runtime/restore-flow-instance';
import { flowArbitrary } from '../src/testing/flow-arbitrary';
import { caseMovesArbitrary, possibleCommands, resolveMove, type CaseMove } from '../src/testing/case-moves';

/** A flow with a random run of moves for it, each followed by a clock advance in minutes. */
const scenario = flowArbitrary().chain((flow) =>
  caseMovesArbitrary(flow).chain((moves) =>
    fc.record({
      flow: fc.constant(flow),
      steps: fc.tuple(...moves.map((move) => fc.tuple(fc.constant(move), fc.integer({ min: 0, max: 3 * 24 * 60 })))),
    }),
  ),
);

/** Plays moves on an instance; guided moves resolve against the instance's own state. */
function play(instance: FlowInstance, clock: SimulatedClock, steps: ReadonlyArray<readonly [CaseMove, number]>, each?: (event: FlowEvent) => void) {
  const commands = possibleCommands(instance.flow);
  for (const [move, minutes] of steps) {
    const event = resolveMove(instance, move, commands);
    if (event !== undefined) {
      if (each) each(event);
      else instance.send(event);
    }
    clock.increment(minutes * 60_000);
  }
}

function start(flow: FlowDefinition) {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2025, 0, 6));
  return { clock, instance: createFlowInstance(flow, { caseId: 'P-1', clock }) };
}

describe('runtime properties', () => {
  it('keeps every instance in a state of its machine; accepted commands append one valid record, rejected ones change nothing', () => {
    fc.assert(
      fc.property(scenario, ({ flow, steps }) => {
        const { clock, instance } = start(flow);
        play(instance, clock, steps, (event) => {
          const before = instance.snapshot;
          const count = instance.records.length;
          const predicted = instance.can(event);
          const result = instance.send(event);
          expect(result.accepted).toBe(predicted);
          if (result.accepted) {
            expect(result.records).toEqual(instance.records.slice(count));
            expect(result.records.slice(1).every((r) => r.activity.startsWith('deadline-'))).toBe(true);
            for (const record of result.records) expect(EventRecordSchema.safeParse(record).success).toBe(true);
          } else {
            expect(instance.snapshot).toBe(before);
            expect(instance.records).toHaveLength(count);
          }
          expect(LIFECYCLE_STATES).toContain(instance.state);
          expect(getStateNodes(instance.machine.root, instance.snapshot.value).length).toBeGreaterThan(0);
        });
      }),
    );
  });

  it('continues a restored instance exactly as the original continues', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ flow, steps }, cut) => {
        const split = steps.length === 0 ? 0 : cut % (steps.length + 1);
        const machine = compileFlow(flow);
        const a = start(flow);
        const b = start(flow);
        play(a.instance, a.clock, steps);
        play(b.instance, b.clock, steps.slice(0, split));
        b.instance.stop();
        const restored = restoreFlowInstance(flow, JSON.parse(JSON.stringify(b.instance.persist())), { clock: b.clock, machine });
        play(restored, b.clock, steps.slice(split));
        expect(restored.snapshot.value).toEqual(a.instance.snapshot.value);
        expect(restored.snapshot.context).toEqual(a.instance.snapshot.context);
        expect(restored.records).toEqual(a.instance.records);
      }),
    );
  });
});
