import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import example from '../../test/fixtures/works-planning-permit.json';
import { CalendarCoverageError, chinaMainlandCalendar } from '../calendar';
import { compileFlow, type FlowEvent } from '../compiler';
import type { FlowDefinition } from '../definition';
import type { EventRecord } from '../event-log';
import { PermitflowError } from '../errors';
import { createFlowInstance, type FlowInstance } from '../runtime';
import { placeSteps } from '../_internal/process-tree';
import { computeCaseClock, type CaseClockOptions } from './index';

// The fixture: 建设工程规划许可证核发, statutory limit 20 working days, promised 10, steps
// review → (fire-opinion ∥ civil-air-defence-opinion) → expert-review (clock stopped) → decide.
const flow = example as FlowDefinition;
const machine = compileFlow(flow);
const calendar = chinaMainlandCalendar();

// The calendar around National Day 2025 (国办发明电〔2024〕12号), used by most examples:
//   Sun 09-28 make-up workday · Tue 09-30 last working day before the holiday
//   Wed 10-01 … Wed 10-08 off · Thu 10-09, Fri 10-10 working · Sat 10-11 make-up workday
//   then ordinary weeks: Mon–Fri working.
// So the working days after 09-30 are: 10-09 (1), 10-10 (2), 10-11 (3), 10-13…10-17 (4–8),
// 10-20…10-24 (9–13), 10-27…10-31 (14–18), 11-03 (19), 11-04 (20), 11-05 (21), …

/** A Beijing-time instant: `t('2025-09-30 09:00')` → `2025-09-30T09:00:00+08:00`. */
const t = (local: string): string => `${local.replace(' ', 'T')}:00+08:00`;

const officer = { id: 'officer-1', role: 'officer', department: flow.department };
const head = { id: 'head-1', role: 'head', department: flow.department };

function stepActor(stepId: string) {
  const { step } = placeSteps(flow.process).find((p) => p.step.id === stepId)!;
  return { id: `${step.role}-1`, role: step.role, department: step.department };
}

/**
 * One command of a case timeline, in words: `receive`, `accept`, `accept at window`,
 * `supplement`, `end supplement`, `special procedure <reason kind>`, `end special procedure`,
 * `extension [<working days>]`, `start <step>`, `complete <step>`, `work to <step>` (work every
 * step before it), `work all`, `approve`, `deny`, `withdraw`, `certificate`, `revoke`.
 */
function act(instance: FlowInstance, command: string): void {
  const [verb, ...rest] = command.split(' ');
  const arg = rest.join(' ');
  const send = (event: FlowEvent): void => {
    const result = instance.send(event);
    if (!result.accepted) throw new Error(`${command}: ${result.rejection.message}`);
  };
  const work = (until: string | undefined): void => {
    for (;;) {
      const active = instance.activeSteps()[0];
      if (active !== undefined) {
        send({ type: 'complete-step', step: active, actor: stepActor(active) });
        continue;
      }
      const pending = instance.pendingSteps()[0];
      if (pending === undefined || pending === until) return;
      send({ type: 'start-step', step: pending, actor: stepActor(pending) });
    }
  };
  if (command === 'receive') send({ type: 'receive', channel: 'online' });
  else if (command === 'accept') send({ type: 'accept-in-department', actor: officer });
  else if (command === 'accept at window') send({ type: 'accept-at-window' });
  else if (command === 'supplement') send({ type: 'start-supplement', actor: officer, materials: ['design-scheme'] });
  else if (command === 'end supplement') send({ type: 'end-supplement', materials: ['design-scheme'] });
  else if (command === 'end special procedure') send({ type: 'end-special-procedure', actor: officer });
  else if (verb === 'special') send({ type: 'start-special-procedure', actor: officer, reason: { kind: arg.replace('procedure ', '') } });
  else if (verb === 'extension') send({ type: 'approve-extension', actor: head, ...(arg === '' ? {} : { workingDays: Number(arg) }) });
  else if (verb === 'start') send({ type: 'start-step', step: arg, actor: stepActor(arg) });
  else if (verb === 'complete') send({ type: 'complete-step', step: arg, actor: stepActor(arg) });
  else if (command === 'work all') work(undefined);
  else if (verb === 'work') work(arg.replace('to ', ''));
  else if (command === 'approve') send({ type: 'approve', actor: head });
  else if (command === 'deny') send({ type: 'deny', actor: head, reason: { kind: 'not-compliant' } });
  else if (command === 'withdraw') send({ type: 'withdraw' });
  else if (command === 'certificate') send({ type: 'issue-certificate', actor: officer });
  else if (command === 'revoke') send({ type: 'revoke', actor: head });
  else throw new Error(`unknown command "${command}"`);
}

/** The records of a case driven through the runtime, one `[Beijing time, command]` at a time. */
function run(timeline: ReadonlyArray<readonly [string, string]>, caseId = 'WP-1'): EventRecord[] {
  const clock = new SimulatedClock();
  const instance = createFlowInstance(flow, { caseId, clock, machine, projectCode: 'P-1', applicantId: 'firm-1' });
  for (const [when, command] of timeline) {
    clock.set(Date.parse(t(when)));
    act(instance, command);
  }
  return [...instance.records];
}

const clockOf = (records: readonly EventRecord[], at: string, options: Omit<CaseClockOptions, 'at'> = {}) =>
  computeCaseClock(records, flow, calendar, { at: t(at), ...options });

/** Received and accepted on 2025-09-30, the last working day before National Day. */
const accepted = [
  ['2025-09-30 09:00', 'receive'],
  ['2025-09-30 10:00', 'accept'],
] as const;

describe('computeCaseClock: the statutory deadline', () => {
  it('ends a 20-working-day limit from 2025-09-30 on 2025-11-04, the National Day holiday not counted', () => {
    // 10-09 is working day 1 (10-01…10-08 off), 10-11 a make-up Saturday; 11-04 is working day 20.
    const clock = clockOf(run(accepted), '2025-10-20 09:00');
    expect(clock.statutory).toEqual({
      limitWorkingDays: 20,
      extensionWorkingDays: 0,
      // (09-30, 10-20]: 10-09, 10-10, 10-11, 10-13…10-17, 10-20 = 9
      usedWorkingDays: 9,
      remainingWorkingDays: 11,
      deadline: '2025-11-04',
      status: 'normal',
    });
    // Promised 10: working day 10 is 10-21; at 10-20 one day is left, within the default 2 → warning.
    expect(clock.promised).toMatchObject({ deadline: '2025-10-21', usedWorkingDays: 9, remainingWorkingDays: 1, status: 'warning' });
    expect(calendar.addWorkingDays('2025-09-30', 20)).toBe('2025-11-04');
  });

  it('moves the deadline by exactly the working days a 补正 after acceptance suspends', () => {
    const records = run([...accepted, ['2025-10-14 10:00', 'supplement'], ['2025-10-17 16:00', 'end supplement']]);
    const clock = clockOf(records, '2025-10-20 09:00');
    // Suspended (10-14, 10-17] = 10-15, 10-16, 10-17 = 3 working days, so 11-04 + 3 = 11-07.
    expect(clock.ledger).toMatchInlineSnapshot(`
      [
        {
          "afterAcceptance": true,
          "from": "2025-10-14T10:00:00.000+08:00",
          "kind": "supplement",
          "recordIds": [
            "WP-1#3",
            "WP-1#4",
          ],
          "stopsOfficialClock": true,
          "stopsStatutoryClock": true,
          "to": "2025-10-17T16:00:00.000+08:00",
          "workingDays": 3,
        },
      ]
    `);
    // Used: 9 working days in (09-30, 10-20] less the 3 suspended = 6.
    expect(clock.statutory).toMatchObject({ usedWorkingDays: 6, remainingWorkingDays: 14, deadline: '2025-11-07', status: 'normal' });
    expect(clock.promised).toMatchObject({ usedWorkingDays: 6, deadline: '2025-10-24' }); // 10-21 + 3
    expect(calendar.addWorkingDays('2025-11-04', 3)).toBe('2025-11-07');
    expect(clock.phase).toBe('running');
  });

  it('does not stop the statutory clock for a 补正 after acceptance when supplementStopsClock is false, but official time still removes it', () => {
    const records = run([...accepted, ['2025-10-14 10:00', 'supplement'], ['2025-10-17 16:00', 'end supplement']]);
    const clock = clockOf(records, '2025-10-20 09:00', { supplementStopsClock: false });
    expect(clock.ledger[0]).toMatchObject({ stopsStatutoryClock: false, stopsOfficialClock: true });
    expect(clock.statutory).toMatchObject({ usedWorkingDays: 9, deadline: '2025-11-04' });
    expect(clock.official?.workingDays).toBe(6);
  });

  it('counts a 补正 before acceptance against nothing but experienced time (Art. 32)', () => {
    const records = run([
      ['2025-09-22 09:00', 'receive'],
      ['2025-09-23 09:00', 'supplement'],
      ['2025-09-29 09:00', 'end supplement'],
      ['2025-09-30 10:00', 'accept'],
    ]);
    const clock = clockOf(records, '2025-10-20 09:00');
    expect(clock.ledger).toMatchObject([{ kind: 'supplement', afterAcceptance: false, stopsStatutoryClock: false, stopsOfficialClock: false, workingDays: 5 }]);
    expect(clock.statutory).toMatchObject({ usedWorkingDays: 9, deadline: '2025-11-04' });
    expect(clock.official?.workingDays).toBe(9);
    // (09-22, 10-20]: 09-23…09-26 (4), 09-28 make-up Sunday, 09-29, 09-30, then the 9 above = 16.
    expect(clock.experienced?.workingDays).toBe(16);
  });

  it('stops the statutory clock during an expert review (Art. 45), which official statistics do not subtract', () => {
    const records = run([
      ...accepted,
      ['2025-10-10 09:00', 'work to expert-review'],
      ['2025-10-20 14:00', 'start expert-review'],
      ['2025-10-24 11:00', 'complete expert-review'],
      ['2025-10-27 09:00', 'work all'],
      ['2025-10-28 15:00', 'approve'],
    ]);
    const clock = clockOf(records, '2025-10-31 09:00');
    expect(clock.ledger).toMatchObject([
      // (10-20, 10-24] = 10-21…10-24 = 4 working days
      { kind: 'stopped-step', stepId: 'expert-review', stopsStatutoryClock: true, stopsOfficialClock: false, workingDays: 4, recordIds: idsOf(records, 'expert-review') },
    ]);
    // Deadline 11-04 + 4 = 11-10 (11-05, 11-06, 11-07, 11-10). Decided 10-28: (09-30, 10-28] = 15 working days, less 4 = 11.
    expect(clock.statutory).toMatchObject({ usedWorkingDays: 11, remainingWorkingDays: 9, deadline: '2025-11-10', status: 'normal' });
    expect(clock.official).toMatchObject({ workingDays: 15, open: false, dropped: false });
  });

  it('stops the statutory clock for a special procedure with an Art. 45 reason, not for one with reason "other"; official time removes both', () => {
    const timeline = (reason: string) =>
      run([
        ...accepted,
        ['2025-10-14 10:00', `special procedure ${reason}`],
        ['2025-10-17 10:00', 'end special procedure'],
        ['2025-10-30 09:00', 'work all'],
        ['2025-10-31 16:00', 'approve'],
      ]);
    const testing = clockOf(timeline('testing'), '2025-11-03 09:00');
    const other = clockOf(timeline('other'), '2025-11-03 09:00');
    expect(testing.ledger[0]).toMatchObject({ kind: 'special-procedure', reason: { kind: 'testing' }, stopsStatutoryClock: true, stopsOfficialClock: true, workingDays: 3 });
    expect(other.ledger[0]).toMatchObject({ kind: 'special-procedure', reason: { kind: 'other' }, stopsStatutoryClock: false, stopsOfficialClock: true, workingDays: 3 });
    // Decided 10-31: (09-30, 10-31] = 18 working days. Art. 45: 18 − 3 = 15 used, deadline 11-07.
    expect(testing.statutory).toMatchObject({ usedWorkingDays: 15, deadline: '2025-11-07', status: 'normal' });
    // "other": the clock ran on: 18 used, 2 left, deadline unmoved; decided within it, so normal.
    expect(other.statutory).toMatchObject({ usedWorkingDays: 18, remainingWorkingDays: 2, deadline: '2025-11-04', status: 'normal' });
    // Asked before the decision, the same case was close to its limit.
    expect(clockOf(timeline('other'), '2025-10-30 10:00').statutory).toMatchObject({ remainingWorkingDays: 3 });
    expect(clockOf(timeline('other'), '2025-10-31 10:00').statutory).toMatchObject({ remainingWorkingDays: 2, status: 'warning' });
    // Official statistics remove every 特别程序 after acceptance, lawful or not: 18 − 3 = 15 both times.
    expect(testing.official?.workingDays).toBe(15);
    expect(other.official?.workingDays).toBe(15);
  });

  it('adds a counted Art. 42 extension of 10 working days, which takes an overdue case back to normal', () => {
    // At 11-06: (09-30, 11-06] = 22 working days, 2 past the deadline 11-04.
    const late = run([...accepted, ['2025-11-03 10:00', 'work to expert-review']]);
    expect(clockOf(late, '2025-11-06 09:00').statutory).toMatchObject({ usedWorkingDays: 22, remainingWorkingDays: -2, deadline: '2025-11-04', status: 'overdue' });

    const extended = run([...accepted, ['2025-10-31 10:00', 'extension'], ['2025-11-03 10:00', 'work to expert-review']]);
    const clock = clockOf(extended, '2025-11-06 09:00');
    expect(clock.extension).toEqual({ workingDays: 10, approvedBy: 'head-1', counted: true, recordId: idsOf(extended, 'extension-approved')[0] });
    // Limit 20 + 10 = 30: working day 30 after 09-30 is 11-18 (11-04 + 10).
    expect(clock.statutory).toEqual({
      limitWorkingDays: 30,
      extensionWorkingDays: 10,
      usedWorkingDays: 22,
      remainingWorkingDays: 8,
      deadline: '2025-11-18',
      status: 'normal',
    });
    // The promised limit is the office's own promise: an extension does not add to it.
    expect(clock.promised).toMatchObject({ limitWorkingDays: 10, extensionWorkingDays: 0, status: 'overdue' });
  });

  it('takes the working days of an extension from the record, and from the flow when the record has none', () => {
    const fifteen = run([...accepted, ['2025-10-31 10:00', 'extension 15']]);
    expect(clockOf(fifteen, '2025-11-06 09:00').statutory).toMatchObject({ limitWorkingDays: 35, extensionWorkingDays: 15 });

    const bare = run([...accepted, ['2025-10-31 10:00', 'extension']]).map((r) => (r.activity === 'extension-approved' ? withoutAttrs(r) : r));
    expect(computeCaseClock(bare, { ...flow, limits: { ...flow.limits, extensionWorkingDays: 5 } }, calendar, { at: t('2025-11-06 09:00') }).statutory).toMatchObject({
      limitWorkingDays: 25,
    });
    expect(clockOf(bare, '2025-11-06 09:00').statutory).toMatchObject({ limitWorkingDays: 30 }); // DEFAULT_EXTENSION_WORKING_DAYS
  });

  it('counts no extension without an approver, and only the first one recorded', () => {
    const records = run([...accepted, ['2025-10-31 10:00', 'extension'], ['2025-11-03 10:00', 'work to expert-review']]);
    // An imported log may carry an extension nobody approved; the runtime never writes one.
    const unapproved = records.map((r) => (r.activity === 'extension-approved' ? withoutActor(r) : r));
    const clock = clockOf(unapproved, '2025-11-06 09:00');
    expect(clock.extension).toEqual({ workingDays: 10, counted: false, recordId: idsOf(records, 'extension-approved')[0] });
    expect(clock.statutory).toMatchObject({ limitWorkingDays: 20, extensionWorkingDays: 0, remainingWorkingDays: -2, status: 'overdue' });

    const second: EventRecord = { ...records.find((r) => r.activity === 'extension-approved')!, id: 'WP-1#x', at: t('2025-11-04 10:00'), attrs: { workingDays: 15 } };
    expect(clockOf([...records, second], '2025-11-06 09:00').statutory).toMatchObject({ limitWorkingDays: 30, extensionWorkingDays: 10 });
  });

  it('counts the first extension with an approver when an unapproved one came before it', () => {
    const records = run([...accepted, ['2025-10-31 10:00', 'extension'], ['2025-11-03 10:00', 'work to expert-review']]);
    const approved = records.find((r) => r.activity === 'extension-approved')!;
    const unapproved = withoutActor({ ...approved, id: 'WP-1#u', at: t('2025-10-30 10:00'), attrs: { workingDays: 5 } });
    const clock = clockOf([...records, unapproved], '2025-11-06 09:00');
    // The unapproved record did not use up Art. 42's one extension: the approved one counts.
    expect(clock.extension).toEqual({ workingDays: 10, approvedBy: 'head-1', counted: true, recordId: approved.id });
    expect(clock.statutory).toMatchObject({ limitWorkingDays: 30, extensionWorkingDays: 10 });
    // And a later unapproved record does not displace it.
    const late = { ...unapproved, id: 'WP-1#l', at: t('2025-11-04 10:00') };
    expect(clockOf([...records, late], '2025-11-06 09:00').extension).toEqual(clock.extension);
  });

  it('counts the first approved of any extension records, or none when none has an approver', () => {
    const records = run([...accepted, ['2025-10-31 10:00', 'extension']]);
    const template = records.find((r) => r.activity === 'extension-approved')!;
    const others = records.filter((r) => r !== template);
    const extensionArbitrary = fc.array(fc.record({ approved: fc.boolean(), workingDays: fc.integer({ min: 1, max: 15 }) }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(extensionArbitrary, (extensions) => {
        const written = extensions.map(({ approved, workingDays }, i) => {
          const record: EventRecord = { ...template, id: `WP-1#e${i}`, at: t(`2025-10-31 1${i}:00`), attrs: { workingDays } };
          return approved ? record : withoutActor(record);
        });
        const clock = clockOf([...others, ...written], '2025-11-06 09:00');
        const first = extensions.findIndex((e) => e.approved);
        expect(clock.extension?.counted).toBe(first >= 0);
        expect(clock.extension?.recordId).toBe(written[first >= 0 ? first : 0]!.id);
        expect(clock.statutory?.extensionWorkingDays).toBe(first >= 0 ? extensions[first]!.workingDays : 0);
      }),
    );
  });
});

describe('computeCaseClock: status', () => {
  const records = run(accepted);
  const status = (at: string, warning?: CaseClockOptions['warning']) => {
    const s = clockOf(records, at, warning === undefined ? {} : { warning }).statutory!;
    return [s.usedWorkingDays, s.remainingWorkingDays, s.status];
  };

  it('warns when at most 2 working days remain by default', () => {
    expect(status('2025-10-31 09:00')).toEqual([18, 2, 'warning']); // (09-30, 10-31] = 18
    expect(status('2025-10-30 09:00')).toEqual([17, 3, 'normal']);
  });

  it('warns by remainingWorkingDays and by usedShare, each alone or together', () => {
    // 10-27: (09-30, 10-27] = 14 used, 6 left.
    expect(status('2025-10-27 09:00')).toEqual([14, 6, 'normal']);
    expect(status('2025-10-27 09:00', { remainingWorkingDays: 6 })).toEqual([14, 6, 'warning']);
    expect(status('2025-10-27 09:00', { remainingWorkingDays: 5 })).toEqual([14, 6, 'normal']);
    expect(status('2025-10-27 09:00', { usedShare: 0.7 })).toEqual([14, 6, 'warning']); // 14 ≥ 0.7 × 20
    expect(status('2025-10-27 09:00', { usedShare: 0.75 })).toEqual([14, 6, 'normal']); // 14 < 15
    // With usedShare alone the default of 2 remaining days no longer applies…
    expect(status('2025-11-03 09:00', { usedShare: 0.99 })).toEqual([19, 1, 'normal']);
    // …but given both, either one warns.
    expect(status('2025-11-03 09:00', { usedShare: 0.99, remainingWorkingDays: 1 })).toEqual([19, 1, 'warning']);
  });

  it('is overdue from the day after the deadline, not on it', () => {
    expect(status('2025-11-04 17:59')).toEqual([20, 0, 'warning']);
    expect(status('2025-11-05 08:00')).toEqual([21, -1, 'overdue']);
    // Accepted Fri 10-17: four whole weeks later, working day 20 is Fri 11-14. The limit ended
    // with that Friday, so the weekend after it is past the deadline, though no working day was added.
    const friday = run([
      ['2025-10-17 09:00', 'receive'],
      ['2025-10-17 10:00', 'accept'],
    ]);
    expect(clockOf(friday, '2025-11-15 10:00').statutory).toMatchObject({ deadline: '2025-11-14', usedWorkingDays: 20, remainingWorkingDays: 0, status: 'overdue' });
  });

  it('holds the deadline while a pause that starts on its last day runs', () => {
    // 补正 from the deadline day 11-04 to 11-07: (11-04, 11-07] is suspended, so the 20th counted
    // working day is still 11-04 and the next one would be 11-10; the limit lasts until the pause
    // ends (projected to the evaluation day while it is open).
    const records = run([...accepted, ['2025-11-04 10:00', 'supplement'], ['2025-11-07 16:00', 'end supplement']]);
    expect(clockOf(records, '2025-11-06 09:00').statutory).toMatchObject({ usedWorkingDays: 20, remainingWorkingDays: 0, deadline: '2025-11-06', status: 'warning' });
    expect(clockOf(records, '2025-11-07 17:00').statutory).toMatchObject({ usedWorkingDays: 20, deadline: '2025-11-07', status: 'warning' });
    expect(clockOf(records, '2025-11-10 09:00').statutory).toMatchObject({ usedWorkingDays: 21, deadline: '2025-11-07', status: 'overdue' });
  });

  it('lets no pause that starts after the deadline take an overdue case back, even on the rest day right after it', () => {
    const late = run([...accepted, ['2025-11-05 10:00', 'supplement'], ['2025-11-07 16:00', 'end supplement']]);
    expect(clockOf(late, '2025-11-06 09:00').statutory).toMatchObject({ usedWorkingDays: 21, deadline: '2025-11-04', status: 'overdue' });
    // Deadline Fri 11-14; a 补正 logged on Saturday 11-15 starts after it (DOMAIN.md §1 #4: a
    // pause filed to cover an overrun). Still overdue, before and during the pause.
    const friday = [
      ['2025-10-17 09:00', 'receive'],
      ['2025-10-17 10:00', 'accept'],
    ] as const;
    const saturday = run([...friday, ['2025-11-15 10:00', 'supplement'], ['2025-11-19 16:00', 'end supplement']]);
    expect(clockOf(saturday, '2025-11-15 09:00').statutory).toMatchObject({ deadline: '2025-11-14', status: 'overdue' });
    expect(clockOf(saturday, '2025-11-17 09:00').statutory).toMatchObject({ usedWorkingDays: 20, deadline: '2025-11-14', status: 'overdue' });
  });

  it('freezes at the decision: a case decided after its deadline stays overdue, one decided in time stays as it was', () => {
    const late = run([...accepted, ['2025-11-04 09:00', 'work all'], ['2025-11-05 10:00', 'approve']]);
    expect(clockOf(late, '2026-03-01 09:00').statutory).toMatchObject({ usedWorkingDays: 21, status: 'overdue' });
    const onTime = run([...accepted, ['2025-10-20 09:00', 'work all'], ['2025-10-22 10:00', 'approve']]);
    expect(clockOf(onTime, '2026-03-01 09:00').statutory).toMatchObject({ usedWorkingDays: 11, remainingWorkingDays: 9, status: 'normal' });
  });
});

describe('computeCaseClock: a pause begun and ended in the same instant', () => {
  /** The records with those two swapped, as a log sorted by instant and then by activity name has them. */
  function swapped(records: readonly EventRecord[], first: string, second: string): EventRecord[] {
    const out = [...records];
    const i = out.findIndex((r) => r.activity === first);
    const j = out.findIndex((r) => r.activity === second && r.at === out[i]!.at);
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  }

  it('closes a 补正 whose end is written before its start, at the same instant, as a pause of no days', () => {
    // 当场补正: the officer asks for a material and the applicant hands it over in the same minute.
    const records = run([...accepted, ['2025-10-14 10:00', 'supplement'], ['2025-10-14 10:00', 'end supplement']]);
    const reversed = swapped(records, 'supplement-started', 'supplement-ended');
    expect(reversed.map((r) => r.activity).slice(-2)).toEqual(['supplement-ended', 'supplement-started']);
    const clock = clockOf(reversed, '2025-10-20 09:00');
    // Without the pairing the 补正 would stay open to the evaluation day: suspended, 4 days used instead of 9.
    expect(clock.phase).toBe('running');
    const at = records.find((r) => r.activity === 'supplement-started')!.at;
    expect(clock.ledger).toMatchObject([{ kind: 'supplement', from: at, to: at, workingDays: 0, recordIds: [idsOf(records, 'supplement-started')[0], idsOf(records, 'supplement-ended')[0]] }]);
    expect(clock.statutory).toMatchObject({ usedWorkingDays: 9, deadline: '2025-11-04' });
    expect(clock).toEqual(clockOf(records, '2025-10-20 09:00'));
  });

  it('closes a clock-stopping step completed in the instant it started, its records reversed', () => {
    const records = run([...accepted, ['2025-10-10 09:00', 'work to expert-review'], ['2025-10-20 14:00', 'start expert-review'], ['2025-10-20 14:00', 'complete expert-review']]);
    const starts = records.filter((r) => r.activity === 'expert-review');
    expect(starts.map((r) => r.lifecycle)).toEqual(['start', 'complete']);
    const reversed = [...records];
    const i = reversed.indexOf(starts[0]!);
    const j = reversed.indexOf(starts[1]!);
    [reversed[i], reversed[j]] = [reversed[j]!, reversed[i]!];
    const clock = clockOf(reversed, '2025-10-24 09:00');
    expect(clock.ledger).toMatchObject([{ kind: 'stopped-step', stepId: 'expert-review', workingDays: 0, from: starts[0]!.at, to: starts[0]!.at }]);
    expect(clock).toEqual(clockOf(records, '2025-10-24 09:00'));
  });

  it('pairs reversed records of two kinds interleaved at one instant, each end with its own start', () => {
    const records = run([
      ...accepted,
      ['2025-10-10 09:00', 'work to expert-review'],
      ['2025-10-20 14:00', 'start expert-review'],
      ['2025-10-20 14:00', 'complete expert-review'],
      ['2025-10-20 14:00', 'supplement'],
      ['2025-10-20 14:00', 'end supplement'],
    ]);
    const at = (activity: string, lifecycle?: string) => records.find((r) => r.activity === activity && r.lifecycle === lifecycle)!;
    const interleaved = [
      ...records.slice(0, -4),
      at('supplement-ended'),
      at('expert-review', 'complete'),
      at('supplement-started'),
      at('expert-review', 'start'),
    ];
    expect(interleaved).toHaveLength(records.length);
    const clock = clockOf(interleaved, '2025-10-24 09:00');
    // With one slot for the end that closed nothing, the 补正's end would be forgotten and the 补正 left open.
    expect(clock.phase).toBe('running');
    // Entries that start at one instant keep the order they closed in, so only the order differs.
    const inOrder = clockOf(records, '2025-10-24 09:00');
    expect(clock.ledger.map((s) => [s.kind, s.workingDays, s.to !== undefined])).toEqual([
      ['supplement', 0, true],
      ['stopped-step', 0, true],
    ]);
    expect(clock.ledger).toEqual([inOrder.ledger[1], inOrder.ledger[0]]);
    expect({ ...clock, ledger: [] }).toEqual({ ...inOrder, ledger: [] });
  });

  it('leaves an end with nothing open, and a start at another instant, as they were: the start stays open', () => {
    const records = run([...accepted, ['2025-10-14 10:00', 'supplement'], ['2025-10-15 10:00', 'end supplement']]);
    const ended = records.find((r) => r.activity === 'supplement-ended')!;
    const started = records.find((r) => r.activity === 'supplement-started')!;
    // The end first (a day earlier than the start): it closes nothing, and the start, an instant later, is not its pair.
    const misordered = [...records.filter((r) => r !== ended && r !== started), { ...ended, at: t('2025-10-13 10:00') }, started];
    const clock = clockOf(misordered, '2025-10-20 09:00');
    expect(clock.phase).toBe('suspended');
    expect(clock.ledger).toMatchObject([{ kind: 'supplement', from: started.at }]);
    expect(clock.ledger[0]).not.toHaveProperty('to');
  });
});

describe('computeCaseClock: a start repeated before its end', () => {
  // The runtime cannot log a second 补正 notice before the first is answered; imported logs can.
  const single = run([...accepted, ['2025-10-14 10:00', 'supplement'], ['2025-10-17 16:00', 'end supplement']]);
  const first = single.find((r) => r.activity === 'supplement-started')!;
  const second: EventRecord = { ...first, id: `${first.id}-again`, at: t('2025-10-15 10:00') };
  const repeated = [...single.slice(0, single.indexOf(first) + 1), second, ...single.slice(single.indexOf(first) + 1)];

  it('keeps both notices in the ledger, each closed by the one end, and stops the clocks from the first', () => {
    const clock = clockOf(repeated, '2025-10-20 09:00');
    const end = single.find((r) => r.activity === 'supplement-ended')!;
    expect(clock.ledger.map((s) => [s.from, s.to, s.recordIds])).toEqual([
      [first.at, end.at, [first.id, end.id]],
      [second.at, end.at, [second.id, end.id]],
    ]);
    // The suspended days are the union (10-14, 10-17]: a second notice stops nothing the first did not.
    const once = clockOf(single, '2025-10-20 09:00');
    expect(clock.statutory).toEqual(once.statutory);
    expect(clock.official).toEqual(once.official);
    expect(clock.phase).toBe('running');
  });

  it('is suspended from the first notice until the end, not from the second', () => {
    expect(clockOf(repeated.slice(0, repeated.indexOf(second)), '2025-10-15 09:00').phase).toBe('suspended');
    const between = clockOf(repeated.filter((r) => r.activity !== 'supplement-ended'), '2025-10-16 09:00');
    expect(between.phase).toBe('suspended');
    expect(between.statutory?.usedWorkingDays).toBe(clockOf(single.filter((r) => r.activity !== 'supplement-ended'), '2025-10-16 09:00').statutory?.usedWorkingDays);
  });
});

describe('computeCaseClock: phases and the evaluation instant', () => {
  // The example of docs/time.md: received 09-29, accepted 09-30, 补正 10-14 → 10-17, expert review
  // 10-20 → 10-24, approved 10-28, certificate 10-29.
  const records = run([
    ['2025-09-29 09:00', 'receive'],
    ['2025-09-30 10:00', 'accept'],
    ['2025-10-14 10:00', 'supplement'],
    ['2025-10-17 16:00', 'end supplement'],
    ['2025-10-20 09:00', 'work to expert-review'],
    ['2025-10-20 14:00', 'start expert-review'],
    ['2025-10-24 11:00', 'complete expert-review'],
    ['2025-10-27 09:00', 'work all'],
    ['2025-10-28 15:00', 'approve'],
    ['2025-10-29 10:00', 'certificate'],
  ]);

  it('goes not-started → running → suspended (补正) → running → suspended (expert review) → ended', () => {
    const phase = (at: string) => clockOf(records, at).phase;
    const instants = ['2025-09-29 12:00', '2025-10-09 12:00', '2025-10-15 12:00', '2025-10-20 10:00', '2025-10-22 12:00', '2025-10-28 16:00'];
    expect(instants.map(phase)).toEqual(['not-started', 'running', 'suspended', 'running', 'suspended', 'ended']);
  });

  it('shows a 补正 that stops no clock as running', () => {
    expect(clockOf(records, '2025-10-15 12:00', { supplementStopsClock: false }).phase).toBe('running');
  });

  it('counts an open suspension up to the evaluation day and projects the deadline as if it ended then', () => {
    const clock = clockOf(records, '2025-10-16 12:00');
    // Open since 10-14: (10-14, 10-16] = 2 working days so far; deadline 11-04 + 2 = 11-06.
    expect(clock.ledger).toMatchObject([{ kind: 'supplement', workingDays: 2, recordIds: idsOf(records, 'supplement-started') }]);
    expect(clock.ledger[0]).not.toHaveProperty('to');
    expect(clock.statutory).toMatchObject({ usedWorkingDays: 5, deadline: '2025-11-06' });
  });

  it('ignores records after the evaluation instant', () => {
    const at = '2025-10-16 12:00';
    const before = records.filter((r) => Date.parse(r.at) <= Date.parse(t(at)));
    expect(clockOf(records, at)).toEqual(clockOf(before, at));
    expect(clockOf(records, at)).not.toHaveProperty('endedAt');
  });

  it('gives the whole clock of a finished case', () => {
    // Statutory: (09-30, 10-28] = 15 working days, less 补正 (10-14, 10-17] = 3 and expert review
    // (10-20, 10-24] = 4: 8 used; deadline 11-04 + 7 = 11-13. Promised: 10-21 + 7 = 10-30.
    // Official: 15 − 3 = 12 (statistics subtract 补正 and 特别程序, not the expert review).
    // Experienced: (09-29, 10-29] = 09-30, 10-09, 10-10, 10-11, 10-13…10-17, 10-20…10-24, 10-27…10-29 = 17.
    expect(clockOf(records, '2025-12-01 09:00')).toMatchInlineSnapshot(`
      {
        "acceptedAt": "2025-09-30T10:00:00.000+08:00",
        "at": "2025-12-01T09:00:00+08:00",
        "caseId": "WP-1",
        "chain": [
          "WP-1",
        ],
        "endedAt": "2025-10-28T15:00:00.000+08:00",
        "experienced": {
          "from": "2025-09-29T09:00:00.000+08:00",
          "naturalDays": 30,
          "open": false,
          "to": "2025-10-29T10:00:00.000+08:00",
          "workingDays": 17,
        },
        "ledger": [
          {
            "afterAcceptance": true,
            "from": "2025-10-14T10:00:00.000+08:00",
            "kind": "supplement",
            "recordIds": [
              "WP-1#3",
              "WP-1#4",
            ],
            "stopsOfficialClock": true,
            "stopsStatutoryClock": true,
            "to": "2025-10-17T16:00:00.000+08:00",
            "workingDays": 3,
          },
          {
            "afterAcceptance": true,
            "from": "2025-10-20T14:00:00.000+08:00",
            "kind": "stopped-step",
            "recordIds": [
              "WP-1#11",
              "WP-1#12",
            ],
            "stepId": "expert-review",
            "stopsOfficialClock": false,
            "stopsStatutoryClock": true,
            "to": "2025-10-24T11:00:00.000+08:00",
            "workingDays": 4,
          },
        ],
        "matterId": "works-planning-permit",
        "official": {
          "dropped": false,
          "from": "2025-09-30T10:00:00.000+08:00",
          "naturalDays": 28,
          "open": false,
          "to": "2025-10-28T15:00:00.000+08:00",
          "workingDays": 12,
        },
        "outcome": "approved",
        "phase": "ended",
        "promised": {
          "deadline": "2025-10-30",
          "extensionWorkingDays": 0,
          "limitWorkingDays": 10,
          "remainingWorkingDays": 2,
          "status": "normal",
          "usedWorkingDays": 8,
        },
        "provisional": false,
        "statutory": {
          "deadline": "2025-11-13",
          "extensionWorkingDays": 0,
          "limitWorkingDays": 20,
          "remainingWorkingDays": 12,
          "status": "normal",
          "usedWorkingDays": 8,
        },
      }
    `);
  });

  it('throws a PermitflowError when there is no record', () => {
    expect(() => computeCaseClock([], flow, calendar, { at: t('2025-10-01 09:00') })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: computeCaseClock needs at least one record of the case; pass the records of one case (and of its earlier attempts).]`);
    expect(() => computeCaseClock([], flow, calendar, { at: t('2025-10-01 09:00') })).toThrow(PermitflowError);
  });
});

/** The ids of a case's records of one activity, oldest first. */
function idsOf(records: readonly EventRecord[], activity: string): string[] {
  return records.filter((r) => r.activity === activity).map((r) => r.id);
}

function withoutActor(record: EventRecord): EventRecord {
  const rest = { ...record };
  delete rest.actor;
  return rest;
}

function withoutAttrs(record: EventRecord): EventRecord {
  const rest = { ...record };
  delete rest.attrs;
  return rest;
}

/** A record of outside evidence (a meeting, a document's metadata…) that work happened. */
function evidence(caseId: string, at: string, evidenceKind: EventRecord['evidenceKind'] = 'meeting'): EventRecord {
  return {
    id: `${caseId}#evidence-${at}`,
    caseId,
    matterId: flow.id,
    flowVersion: flow.version,
    projectCode: 'P-1',
    activity: 'pre-review-meeting',
    at: t(at),
    source: 'evidence',
    ...(evidenceKind === undefined ? {} : { evidenceKind }),
  };
}

describe('computeCaseClock: official and experienced time', () => {
  // First attempt: received 09-01, accepted 09-02, withdrawn (撤回) 09-19.
  const first = run(
    [
      ['2025-09-01 09:00', 'receive'],
      ['2025-09-02 10:00', 'accept'],
      ['2025-09-05 10:00', 'work to expert-review'],
      ['2025-09-19 17:00', 'withdraw'],
    ],
    'WP-1',
  );
  // Resubmitted: received 09-22, accepted 09-23, 补正 10-14 → 10-17, approved 10-20, certificate 10-21.
  const second = run(
    [
      ['2025-09-22 09:00', 'receive'],
      ['2025-09-23 10:00', 'accept'],
      ['2025-10-14 10:00', 'supplement'],
      ['2025-10-17 16:00', 'end supplement'],
      ['2025-10-20 09:00', 'work all'],
      ['2025-10-20 15:00', 'approve'],
      ['2025-10-21 10:00', 'certificate'],
    ],
    'WP-2',
  );
  const chain = [...second, ...first];

  it('starts experienced time at the first attempt’s receipt, and counts official time for the last attempt only', () => {
    const clock = clockOf(chain, '2025-11-01 09:00');
    expect(clock.caseId).toBe('WP-2');
    expect(clock.chain).toEqual(['WP-1', 'WP-2']);
    // Official: (09-23, 10-20] = 09-24…09-26 (3), 09-28 make-up Sunday, 09-29, 09-30, 10-09, 10-10,
    // 10-11, 10-13…10-17, 10-20 = 15 working days, less the 补正 (10-14, 10-17] = 3 → 12.
    expect(clock.official).toEqual({ from: '2025-09-23T10:00:00.000+08:00', to: '2025-10-20T15:00:00.000+08:00', workingDays: 12, naturalDays: 27, open: false, dropped: false });
    // Experienced: (09-01, 10-21] = 09-02…09-05 (4), 3 full weeks (15), 09-28, 09-29, 09-30 (3),
    // 10-09, 10-10, 10-11 (3), 10-13…10-17 (5), 10-20, 10-21 (2) = 32; natural days 29 + 21 = 50.
    expect(clock.experienced).toEqual({ from: '2025-09-01T09:00:00.000+08:00', to: '2025-10-21T10:00:00.000+08:00', workingDays: 32, naturalDays: 50, open: false });
    // The gap the applicant lived and statistics did not see: 32 − 12 = 20 working days.
  });

  it('drops the withdrawn first attempt from official statistics', () => {
    const clock = clockOf(chain, '2025-11-01 09:00', { caseId: 'WP-1' });
    expect(clock).toMatchObject({ caseId: 'WP-1', outcome: 'withdrawn', phase: 'ended', endedAt: '2025-09-19T17:00:00.000+08:00' });
    // (09-02, 09-19] = 09-03…09-05 (3) + 2 weeks (10) = 13 working days, counted by nobody.
    expect(clock.official).toMatchObject({ workingDays: 13, dropped: true });
    expect(clock.experienced).toMatchObject({ from: '2025-09-01T09:00:00.000+08:00', to: '2025-09-19T17:00:00.000+08:00', workingDays: 14 });
  });

  it('measures the second attempt alone as statistics would without the chain', () => {
    // (09-22, 10-21] = 09-23…09-26 (4), 09-28, 09-29, 09-30 (3), then 10-09…10-21 (10) = 17.
    expect(clockOf(second, '2025-11-01 09:00').experienced).toMatchObject({ from: '2025-09-22T09:00:00.000+08:00', workingDays: 17 });
  });

  it('moves the start of experienced time to evidence of work dated before the receipt', () => {
    const withEvidence = [...second, evidence('WP-2', '2025-09-15 15:00')];
    const clock = clockOf(withEvidence, '2025-11-01 09:00');
    // (09-15, 10-21]: 09-16…09-19 (4) + 09-22…09-26 (5) + the 13 from 09-28 on = 22.
    expect(clock.experienced).toMatchObject({ from: '2025-09-15T15:00:00+08:00', workingDays: 22 });
    expect(clock.official?.workingDays).toBe(12);
    // Evidence later than the receipt changes nothing.
    expect(clockOf([...second, evidence('WP-2', '2025-10-01 10:00')], '2025-11-01 09:00')).toEqual(clockOf(second, '2025-11-01 09:00'));
  });

  it('runs experienced time to the decision when no certificate is issued, and to the evaluation instant while open', () => {
    const denied = run([...accepted, ['2025-10-20 09:00', 'work all'], ['2025-10-21 10:00', 'deny']]);
    expect(clockOf(denied, '2025-11-01 09:00')).toMatchObject({ outcome: 'denied', official: { dropped: true, workingDays: 10 }, experienced: { workingDays: 10, open: false } });
    const open = clockOf(run(accepted), '2025-10-20 09:00');
    expect(open.experienced).toMatchObject({ to: '2025-10-20T09:00:00+08:00', workingDays: 9, open: true });
    expect(open.official).toMatchObject({ workingDays: 9, open: true, dropped: false });
  });
});

describe('computeCaseClock: which case, and dropped outcomes', () => {
  const first = run(
    [
      ['2025-09-01 09:00', 'receive'],
      ['2025-09-02 10:00', 'accept'],
      ['2025-09-19 17:00', 'withdraw'],
    ],
    'WP-1',
  );
  const second = run(
    [
      ['2025-09-22 09:00', 'receive'],
      ['2025-09-23 10:00', 'accept'],
    ],
    'WP-2',
  );

  it('computes the attempt received last by the evaluation instant', () => {
    expect(clockOf([...second, ...first], '2025-09-10 09:00')).toMatchObject({ caseId: 'WP-1', phase: 'running', chain: ['WP-1'] });
    expect(clockOf([...second, ...first], '2025-09-25 09:00')).toMatchObject({ caseId: 'WP-2', phase: 'running', chain: ['WP-1', 'WP-2'] });
  });

  it('goes by receipts, not by evidence that predates them', () => {
    // Evidence of the resubmission dated before the first attempt was even received.
    const clock = clockOf([evidence('WP-2', '2025-08-20 10:00'), ...first, ...second], '2025-09-25 09:00');
    expect(clock.caseId).toBe('WP-2');
    expect(clock.experienced?.from).toBe('2025-08-20T10:00:00+08:00');
  });

  it('drops a revoked approval (撤销, status 15) from official statistics', () => {
    const records = run([...accepted, ['2025-10-20 09:00', 'work all'], ['2025-10-21 10:00', 'approve'], ['2025-10-22 10:00', 'certificate'], ['2025-12-01 10:00', 'revoke']]);
    expect(clockOf(records, '2025-11-01 09:00').official).toMatchObject({ workingDays: 10, dropped: false });
    expect(clockOf(records, '2025-12-02 09:00')).toMatchObject({ outcome: 'approved', official: { workingDays: 10, dropped: true }, experienced: { workingDays: 11 } });
  });
});

describe('computeCaseClock: instants', () => {
  /** The clock with every instant as epoch milliseconds, to compare clocks written in other offsets. */
  const strip = (clock: ReturnType<typeof clockOf>) =>
    JSON.parse(JSON.stringify(clock, (key, value) => (['at', 'from', 'to', 'acceptedAt', 'endedAt'].includes(key) ? Date.parse(value) : value)));

  it('reads instants in any offset and precision alike', () => {
    const records = run([
      ...accepted,
      ['2025-10-14 10:00', 'supplement'],
      ['2025-10-17 16:00', 'end supplement'],
      ['2025-10-20 09:00', 'start review'],
      ['2025-10-20 11:00', 'complete review'],
      ['2025-10-31 10:00', 'extension'],
    ]);
    // The same instants in UTC, without milliseconds, with microseconds, and at -05:00.
    const rewrite = (format: (ms: number) => string) => records.map((r) => ({ ...r, at: format(Date.parse(r.at)) }));
    const iso = (ms: number) => new Date(ms).toISOString();
    const variants = [
      rewrite(iso),
      rewrite((ms) => iso(ms).replace('.000Z', 'Z')),
      rewrite((ms) => iso(ms).replace('Z', '123Z')),
      rewrite((ms) => `${iso(ms - 5 * 3_600_000).slice(0, 23)}-05:00`),
    ];
    const expected = strip(clockOf(records, '2025-11-01 09:00'));
    for (const variant of variants) expect(strip(clockOf(variant, '2025-11-01 09:00'))).toEqual(expected);
    // Out of order (no two records share an instant), and with an evaluation instant in another offset.
    expect(strip(computeCaseClock([...variants[3]!].reverse(), flow, calendar, { at: '2025-11-01T01:00:00Z' }))).toEqual(expected);
  });

  it('gives the same answer whether the evaluation instant is written like the records or not', () => {
    // Written like the records (milliseconds, +08:00), instants compare as strings; otherwise they are parsed.
    const records = run([
      ...accepted,
      ['2025-10-14 10:00', 'supplement'],
      ['2025-10-17 16:00', 'end supplement'],
      ['2025-10-20 09:00', 'work all'],
      ['2025-10-22 10:00', 'approve'],
    ]);
    for (const local of ['2025-09-30 09:00', '2025-09-30 10:00', '2025-10-15 12:00', '2025-10-17 16:00', '2025-10-22 09:59', '2025-12-01 09:00']) {
      const alike = `${t(local).slice(0, 19)}.000+08:00`;
      const utc = new Date(Date.parse(alike)).toISOString();
      expect(strip(computeCaseClock(records, flow, calendar, { at: alike }))).toEqual(strip(computeCaseClock(records, flow, calendar, { at: utc })));
    }
  });
});

describe('computeCaseClock: calendar coverage', () => {
  const late = run([
    ['2026-12-14 09:00', 'receive'],
    ['2026-12-15 10:00', 'accept'],
  ]);

  it('marks a clock provisional when it needs days of 2027 from a provisional calendar', () => {
    const provisional = chinaMainlandCalendar({ provisional: true });
    const clock = computeCaseClock(late, flow, provisional, { at: t('2026-12-28 09:00') });
    // 12-15 + 20 working days by the weekday rule past 2026: 12-16…12-31 (12), 2027-01-01 is a
    // Friday (a guess: 元旦 is not yet published), 01-04…01-08 (5), 01-11, 01-12 → 2027-01-12.
    expect(clock.statutory?.deadline).toBe('2027-01-12');
    expect(clock.provisional).toBe(true);
    expect(computeCaseClock(run(accepted), flow, provisional, { at: t('2025-10-20 09:00') }).provisional).toBe(false);
  });

  it('throws CalendarCoverageError from the strict calendar for a deadline in 2027', () => {
    expect(() => computeCaseClock(late, flow, calendar, { at: t('2026-12-28 09:00') })).toThrow(CalendarCoverageError);
  });
});
