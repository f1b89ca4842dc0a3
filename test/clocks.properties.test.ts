import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { chinaMainlandCalendar } from '../src/calendar';
import { computeCaseClock, linkResubmissionChains, type CaseClock, type CaseClockOptions } from '../src/clocks';
import { compileFlow, type FlowEvent, type FlowMachine } from '../src/compiler';
import type { FlowDefinition } from '../src/definition';
import type { EventRecord } from '../src/event-log';
import { createFlowInstance, type FlowInstance } from '../src/runtime';
import { caseMovesArbitrary, flowArbitrary, possibleCommands, resolveMove, type CaseMove } from '../src/testing';
import { formatInstant } from '../src/_internal/format-instant';
import { placeSteps } from '../src/_internal/process-tree';
import example from './fixtures/works-planning-permit.json';

// Every log here is written by real instances driven by random moves on a SimulatedClock that
// jumps by random gaps (seconds to days) from a random start in 2020–2024, so the logs have the
// runtime's own records (deadline-warning/overdue included) and cross weekends, holidays and 调休.

const fixture = example as FlowDefinition;
const calendar = chinaMainlandCalendar();
const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const SUSPENSION_ACTIVITIES = new Set(['supplement-started', 'supplement-ended', 'special-procedure-started', 'special-procedure-ended']);
const DROPPED_ENDINGS = new Set(['withdrawn-before-acceptance', 'withdrawn', 'not-accepted', 'refused', 'denied']);
const ENDINGS = new Set([...DROPPED_ENDINGS, 'approved', 'approved-deferred']);

interface Compiled {
  readonly machine: FlowMachine<string>;
  /** The commands guided moves choose from: every possible one, plus 特别程序 with an Art. 45 reason and with "other". */
  readonly commands: FlowEvent[];
  readonly stoppedSteps: ReadonlySet<string>;
}
const compiled = new WeakMap<FlowDefinition, Compiled>();
function compiledOf(flow: FlowDefinition): Compiled {
  let c = compiled.get(flow);
  if (c === undefined) {
    const office = officeOf(flow);
    c = {
      machine: compileFlow(flow),
      commands: [
        ...possibleCommands(flow),
        { type: 'start-special-procedure', actor: office, reason: { kind: 'expert-review' } },
        { type: 'start-special-procedure', actor: office, reason: { kind: 'other', text: '正常业务办理挂起' } },
      ],
      stoppedSteps: new Set(placeSteps(flow.process).filter((p) => p.step.clock === 'stopped').map((p) => p.step.id)),
    };
    compiled.set(flow, c);
  }
  return c;
}

const officeOf = (flow: FlowDefinition) => ({ id: 'officer-1', role: 'officer', department: flow.department });

/** Time to the next command: mostly within a day, sometimes several days (over weekends and holidays). */
const gapArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: SECOND, max: 2 * HOUR }) },
  { weight: 3, arbitrary: fc.integer({ min: 2 * HOUR, max: DAY }) },
  { weight: 2, arbitrary: fc.integer({ min: DAY, max: 4 * DAY }) },
);

interface Attempt {
  readonly moves: CaseMove[];
  readonly gaps: number[];
  /** Time between the previous attempt's last move and this attempt's first. */
  readonly gapBefore: number;
}

interface Scenario {
  readonly flow: FlowDefinition;
  readonly start: number;
  readonly attempts: Attempt[];
}

/** The fixture flow or a random one, and 1 to `maxAttempts` attempts of one project, one after another. */
const scenarioArbitrary = (maxAttempts = 1): fc.Arbitrary<Scenario> =>
  fc.oneof(fc.constant(fixture), flowArbitrary()).chain((flow) =>
    fc.record({
      flow: fc.constant(flow),
      start: fc.integer({ min: Date.UTC(2020, 1, 1), max: Date.UTC(2024, 11, 31) }),
      attempts: fc.array(
        fc.record({
          moves: caseMovesArbitrary(flow, { maxLength: 50 }),
          gaps: fc.array(gapArbitrary, { minLength: 1, maxLength: 50 }),
          gapBefore: fc.integer({ min: HOUR, max: 20 * DAY }),
        }),
        { minLength: 1, maxLength: maxAttempts },
      ),
    }),
  );

/** Plays one attempt's moves, each after its gap. */
function play(instance: FlowInstance, clock: SimulatedClock, attempt: Attempt, before?: (index: number) => void): void {
  const { commands } = compiledOf(instance.flow);
  attempt.moves.forEach((move, i) => {
    before?.(i);
    clock.increment(attempt.gaps[i % attempt.gaps.length]!);
    const event = resolveMove(instance, move, commands);
    if (event !== undefined) instance.send(event);
  });
}

/** The records of every attempt (cases `C-1`, `C-2`, …), in the order the runtime wrote them. */
function drive({ flow, start, attempts }: Scenario): EventRecord[] {
  const clock = new SimulatedClock();
  clock.set(start);
  const records: EventRecord[] = [];
  attempts.forEach((attempt, n) => {
    if (n > 0) clock.increment(attempt.gapBefore);
    const instance = createFlowInstance(flow, { caseId: `C-${n + 1}`, clock, machine: compiledOf(flow).machine, projectCode: 'P-1', applicantId: 'firm-1' });
    play(instance, clock, attempt);
    instance.stop();
    records.push(...instance.records);
  });
  return records;
}

/** An instant between the first record and 10 days after the last, at `fraction` of the way. */
function instantIn(records: readonly EventRecord[], fraction: number): string {
  const times = records.map((r) => Date.parse(r.at));
  const first = Math.min(...times);
  const last = Math.max(...times) + 10 * DAY;
  return formatInstant(Math.round(first + fraction * (last - first)), '+08:00');
}

const clockOf = (flow: FlowDefinition, records: readonly EventRecord[], at: string, options: Omit<CaseClockOptions, 'at'> = {}): CaseClock =>
  computeCaseClock(records, flow, calendar, { at, ...options });

const budgets = (clock: CaseClock) => [clock.statutory, clock.promised].filter((b) => b !== undefined);

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

describe('clock properties', () => {
  it('never counts a suspended day, and no suspension brings a deadline forward', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fraction, (scenario, f) => {
        const records = drive(scenario);
        if (records.length === 0) return;
        const at = instantIn(records, f);
        const { stoppedSteps } = compiledOf(scenario.flow);
        // The same log as if no 补正, 特别程序 or clock-stopping step had been recorded.
        const without = records.filter((r) => !SUSPENSION_ACTIVITIES.has(r.activity) && !stoppedSteps.has(r.activity));
        const withSuspensions = clockOf(scenario.flow, records, at);
        const withoutSuspensions = clockOf(scenario.flow, without, at);
        const pairs = [
          [withSuspensions.statutory, withoutSuspensions.statutory],
          [withSuspensions.promised, withoutSuspensions.promised],
        ] as const;
        for (const [a, b] of pairs) {
          if (a === undefined || b === undefined) continue;
          expect(a.usedWorkingDays).toBeLessThanOrEqual(b.usedWorkingDays);
          if (a.deadline !== undefined && b.deadline !== undefined) expect(a.deadline >= b.deadline).toBe(true);
        }
        if (withSuspensions.official && withoutSuspensions.official) {
          expect(withSuspensions.official.workingDays).toBeLessThanOrEqual(withoutSuspensions.official.workingDays);
        }
        // Experienced time counts every day the applicant waits, paused or not.
        expect(withSuspensions.experienced).toEqual(withoutSuspensions.experienced);
      }),
    );
  });

  it('counts the same working days with a 补正 that covers only rest days as without it', () => {
    const pausedArbitrary = fc.record({
      scenario: scenarioArbitrary(),
      pauseBefore: fc.nat({ max: 12 }),
      length: fraction,
      at: fraction,
    });
    fc.assert(
      fc.property(pausedArbitrary, ({ scenario, pauseBefore, length, at: f }) => {
        const { flow, start, attempts } = scenario;
        const clock = new SimulatedClock();
        clock.set(start);
        const instance = createFlowInstance(flow, { caseId: 'C-1', clock, machine: compiledOf(flow).machine });
        const office = officeOf(flow);
        instance.send({ type: 'receive' });
        clock.increment(HOUR);
        instance.send({ type: 'accept-in-department', actor: office });
        const pause: string[] = [];
        play(instance, clock, attempts[0]!, (i) => {
          if (i !== pauseBefore || !instance.can({ type: 'start-supplement', actor: office })) return;
          // From now to at most the end of the last rest day before the next working day.
          const from = clock.now();
          const next = calendar.nextWorkingDay(calendar.toLocalDate(formatInstant(from, '+08:00')));
          const lastRestMoment = Date.parse(`${next}T00:00:00+08:00`) - SECOND;
          const started = instance.send({ type: 'start-supplement', actor: office });
          clock.set(from + Math.floor(length * (lastRestMoment - from)));
          const ended = instance.send({ type: 'end-supplement' });
          for (const result of [started, ended]) if (result.accepted) pause.push(result.records[0]!.id);
        });
        if (pause.length !== 2) return; // the case ended before the pause could be taken
        const records = instance.records;
        const at = instantIn(records, f);
        const withPause = clockOf(flow, records, at);
        const withoutPause = clockOf(flow, records.filter((r) => !pause.includes(r.id)), at);
        const entry = withPause.ledger.find((s) => s.recordIds[0] === pause[0]); // absent when `at` is before it
        if (entry !== undefined) expect(entry.workingDays).toBe(0);
        expect(withPause.statutory?.usedWorkingDays).toBe(withoutPause.statutory?.usedWorkingDays);
        expect(withPause.promised?.usedWorkingDays).toBe(withoutPause.promised?.usedWorkingDays);
        expect(withPause.official?.workingDays).toBe(withoutPause.official?.workingDays);
      }),
    );
  });

  it('never shrinks experienced time as later records arrive', () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), (scenario) => {
        const records = drive(scenario);
        let previous: { workingDays: number; naturalDays: number } | undefined;
        for (let k = 0; k < records.length; k++) {
          const clock = clockOf(scenario.flow, records.slice(0, k + 1), records[k]!.at);
          const experienced = clock.experienced!;
          if (previous !== undefined) {
            expect(experienced.workingDays).toBeGreaterThanOrEqual(previous.workingDays);
            expect(experienced.naturalDays).toBeGreaterThanOrEqual(previous.naturalDays);
          }
          previous = experienced;
        }
      }),
    );
  });

  it('gives a finished accepted case at least as much experienced time as official time', () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), (scenario) => {
        const records = drive(scenario);
        if (records.length === 0) return;
        const at = instantIn(records, 1);
        for (const caseId of new Set(records.map((r) => r.caseId))) {
          const clock = clockOf(scenario.flow, records, at, { caseId });
          if (clock.phase !== 'ended' || clock.official === undefined) continue;
          expect(clock.experienced!.workingDays).toBeGreaterThanOrEqual(clock.official.workingDays);
          expect(clock.experienced!.naturalDays).toBeGreaterThanOrEqual(clock.official.naturalDays);
        }
      }),
    );
  });

  it('does not depend on the order the records are given in', () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), fraction, fc.array(fc.nat(), { minLength: 1 }), (scenario, f, picks) => {
        const records = drive(scenario);
        if (records.length === 0) return;
        // Fisher–Yates with the generated picks.
        const shuffled = [...records];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = picks[i % picks.length]! % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const at = instantIn(records, f);
        expect(clockOf(scenario.flow, shuffled, at)).toEqual(clockOf(scenario.flow, records, at));
        for (const caseId of new Set(records.map((r) => r.caseId))) {
          expect(clockOf(scenario.flow, shuffled, at, { caseId })).toEqual(clockOf(scenario.flow, records, at, { caseId }));
        }
        const key = (chains: ReturnType<typeof linkResubmissionChains>) => chains.map((c) => c.caseIds.join()).sort();
        expect(key(linkResubmissionChains(shuffled))).toEqual(key(linkResubmissionChains(records)));
      }),
    );
  });

  it('keeps used + remaining = limit, used ≥ 0, and the deadline no earlier than the limit counted from acceptance', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fraction, (scenario, f) => {
        const records = drive(scenario);
        if (records.length === 0) return;
        const clock = clockOf(scenario.flow, records, instantIn(records, f));
        for (const budget of budgets(clock)) {
          expect(budget.usedWorkingDays + budget.remainingWorkingDays).toBe(budget.limitWorkingDays);
          expect(budget.usedWorkingDays).toBeGreaterThanOrEqual(0);
          if (clock.acceptedAt === undefined) {
            expect(budget).not.toHaveProperty('deadline');
            expect(budget.usedWorkingDays).toBe(0);
          } else {
            expect(budget.deadline! >= calendar.addWorkingDays(clock.acceptedAt, budget.limitWorkingDays)).toBe(true);
          }
        }
        const statutory = scenario.flow.limits?.statutoryWorkingDays;
        if (clock.statutory && statutory !== undefined) {
          expect(clock.statutory.limitWorkingDays).toBe(statutory + (clock.extension?.counted ? clock.extension.workingDays : 0));
        }
      }),
    );
  });

  it('links consecutive attempts exactly when the earlier one ended in a failure statistics drop', () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), (scenario) => {
        const records = drive(scenario);
        const caseIds = [...new Set(records.map((r) => r.caseId))];
        const chains = linkResubmissionChains(records);
        // Every case is in exactly one chain.
        expect(chains.flatMap((c) => c.caseIds).sort()).toEqual([...caseIds].sort());
        // Attempts follow each other within 20 days (< 180), so only the earlier ending decides.
        const chainOf = new Map(chains.flatMap((c) => c.caseIds.map((id) => [id, c] as const)));
        for (let i = 1; i < caseIds.length; i++) {
          const ending = records.find((r) => r.caseId === caseIds[i - 1] && ENDINGS.has(r.activity))?.activity;
          const linked = chainOf.get(caseIds[i - 1]!) === chainOf.get(caseIds[i]!);
          expect(linked).toBe(ending !== undefined && DROPPED_ENDINGS.has(ending));
        }
      }),
    );
  });
});
