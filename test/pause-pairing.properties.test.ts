import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar } from '../src/calendar';
import { computeCaseClock } from '../src/clocks';
import { BUILT_IN_DETECTORS, detectOffSystemWork } from '../src/detection';
import type { EventRecord } from '../src/event-log';
import { licenceSeparationFlow } from '../src/flows';
import { formatInstant } from '../src/_internal/format-instant';

// The case clock and suspension-abuse read the same 补正 records: they must pair starts and ends
// alike, however an imported log writes them — a start repeated before its end, an end with nothing
// open, a pause begun and ended in one instant with its end written first, a start never ended.

const flow = licenceSeparationFlow('approval');
const calendar = chinaMainlandCalendar();
const HOUR = 3_600_000;
const suspensionAbuse = BUILT_IN_DETECTORS.filter((d) => d.code === 'suspension-abuse');
const extraneousDelay = BUILT_IN_DETECTORS.filter((d) => d.code === 'extraneous-delay');
const BEIJING = '+08:00';
const START = Date.parse('2025-03-03T09:00:00+08:00');

/** What comes next in the log: a start, an end, or an end and a start at one instant, in that order. */
type Move = { readonly kind: 'start' | 'end' | 'reversed'; readonly gapHours: number };
const moveArbitrary: fc.Arbitrary<Move> = fc.record({
  kind: fc.constantFrom('start', 'end', 'reversed'),
  // 0: the same instant as the record before.
  gapHours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 })),
});

/** A case received and accepted, then the moves' 补正 records, then (given `idleDays`) weeks with nothing logged and a step, then approved. */
function caseOf(moves: readonly Move[], idleDays = 0): EventRecord[] {
  const records: EventRecord[] = [];
  let time = START;
  const add = (activity: string, extra: Partial<EventRecord> = {}): void => {
    records.push({ id: `r${records.length + 1}`, caseId: 'c1', matterId: flow.id, flowVersion: flow.version, projectCode: 'P-1', activity, at: formatInstant(time, BEIJING), source: 'system', ...extra });
  };
  add('received');
  time += HOUR;
  add('department-accepted', { actor: { id: 'officer-1', role: 'case-officer', department: flow.department } });
  for (const move of moves) {
    time += move.gapHours * HOUR;
    if (move.kind !== 'start') add('supplement-ended', { materials: ['safety-rules'] });
    if (move.kind !== 'end') add('supplement-started', { materials: ['safety-rules'], reason: { kind: 'incomplete-materials' } });
  }
  if (idleDays > 0) {
    time += idleDays * 24 * HOUR;
    add('document-review', { lifecycle: 'start' });
  }
  time += 2 * HOUR;
  add('approved');
  return records;
}

/** "start→end" (or "start→" for one the decision closed) for each pause, sorted. */
const sorted = (pairs: string[]): string[] => [...pairs].sort();

describe('pause pairing: the case clock and the detectors alike', () => {
  it('pair every 补正 start with the same end, or leave the same ones to the decision', () => {
    fc.assert(
      fc.property(fc.array(moveArbitrary, { minLength: 1, maxLength: 8 }), (moves) => {
        const records = caseOf(moves);
        const kind = new Map(records.map((r) => [r.id, r.activity]));
        const decision = records.at(-1)!;

        const clock = computeCaseClock(records, flow, calendar, { at: decision.at });
        const fromClock = clock.ledger
          .filter((s) => s.kind === 'supplement')
          .map((s) => `${s.recordIds[0]}→${s.recordIds[1] === decision.id ? '' : (s.recordIds[1] ?? '')}`);

        const { findings } = detectOffSystemWork(records, {
          flows: [flow],
          detectors: suspensionAbuse,
          thresholds: { 'suspension-abuse': { maxPostAcceptanceSupplements: 0 } },
        });
        // Every start here is at or after acceptance, so the one finding (if any) lists every round: start, then its end if it has one.
        const ids = findings[0]?.recordIds.filter((id) => kind.get(id) !== 'department-accepted') ?? [];
        const fromDetector: string[] = [];
        for (let i = 0; i < ids.length; i++) {
          const start = ids[i]!;
          const end = kind.get(ids[i + 1] ?? '') === 'supplement-ended' ? ids[++i]! : '';
          fromDetector.push(`${start}→${end}`);
        }
        expect(findings.length).toBeLessThanOrEqual(1);
        expect(sorted(fromDetector)).toEqual(sorted(fromClock));
      }),
      { numRuns: 200 },
    );
  });

  it('leave a 补正 open across an idle month exactly when extraneous-delay sees the case busy', () => {
    fc.assert(
      fc.property(fc.array(moveArbitrary, { minLength: 1, maxLength: 8 }), (moves) => {
        const records = caseOf(moves, 30);
        const decision = records.at(-1)!;
        const step = records.at(-2)!;
        const clock = computeCaseClock(records, flow, calendar, { at: decision.at });
        // Open across the month: closed by the decision, not by an end before the step.
        const openAcross = clock.ledger.some((s) => s.kind === 'supplement' && s.recordIds[1] === decision.id);
        const { findings } = detectOffSystemWork(records, { flows: [flow], detectors: extraneousDelay });
        expect(findings.some((f) => f.recordIds.at(-1) === step.id)).toBe(!openAcross);
      }),
      { numRuns: 200 },
    );
  });
});
