import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import example from '../../test/fixtures/works-planning-permit.json';
import { officer } from '../../test/_helpers/drive';
import type { FlowDefinition } from '../definition';
import type { EventRecord } from '../event-log';
import { createFlowInstance } from './create-flow-instance';
import { restoreFlowInstance } from './restore-flow-instance';

const flow = example as FlowDefinition; // statutory 20, promised 10 working days
const DAY = 86_400_000;

/** A case accepted on 2025-09-30, the last working day before the National Day holiday. */
function acceptedBeforeNationalDay() {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2025-09-30T09:00:00+08:00'));
  const instance = createFlowInstance(flow, { caseId: 'ND-1', clock });
  instance.send({ type: 'receive' });
  instance.send({ type: 'accept-in-department', actor: officer(instance) });
  return { clock, instance };
}
const deadlineRecords = (records: readonly EventRecord[]) =>
  records.filter((r) => r.activity.startsWith('deadline-')).map((r) => [r.at, r.activity, r.attrs?.budget, r.attrs?.deadline]);

describe('deadline records', () => {
  it('writes each warning and overdue record at the start of the day it falls due', () => {
    const { clock, instance } = acceptedBeforeNationalDay();
    expect(instance.clocks().statutory?.deadline).toBe('2025-11-04'); // 20 working days: 10-09 … 11-04, holidays skipped, 10-11 (Sat) worked
    expect(instance.clocks().promised?.deadline).toBe('2025-10-21');
    const written: EventRecord[] = [];
    instance.subscribe((records) => written.push(...records));
    for (let day = 0; day < 40; day++) clock.increment(DAY);
    expect(deadlineRecords(instance.records)).toEqual([
      ['2025-10-17T00:00:00.000+08:00', 'deadline-warning', 'promised', '2025-10-21'],
      ['2025-10-22T00:00:00.000+08:00', 'deadline-overdue', 'promised', '2025-10-21'],
      ['2025-10-31T00:00:00.000+08:00', 'deadline-warning', 'statutory', '2025-11-04'],
      ['2025-11-05T00:00:00.000+08:00', 'deadline-overdue', 'statutory', '2025-11-04'],
    ]);
    expect(written.map((r) => r.activity)).toEqual(['deadline-warning', 'deadline-overdue', 'deadline-warning', 'deadline-overdue']);
  });

  it('moves the moments when a suspension moves the deadline, and writes nothing while suspended', () => {
    const { clock, instance } = acceptedBeforeNationalDay();
    clock.set(Date.parse('2025-10-15T10:00:00+08:00'));
    instance.send({ type: 'start-supplement', actor: officer(instance), reason: { kind: 'incomplete-materials' } });
    clock.set(Date.parse('2025-10-24T10:00:00+08:00'));
    expect(deadlineRecords(instance.records)).toEqual([]);
    instance.send({ type: 'end-supplement' });
    // 10-16 … 10-24 suspended: 7 working days, so the promised deadline moves from 10-21 to 10-30
    expect(instance.clocks().promised?.deadline).toBe('2025-10-30');
    clock.set(Date.parse('2025-10-28T12:00:00+08:00'));
    expect(deadlineRecords(instance.records)).toEqual([['2025-10-28T00:00:00.000+08:00', 'deadline-warning', 'promised', '2025-10-30']]);
  });

  it('stops writing once the case is decided', () => {
    const { clock, instance } = acceptedBeforeNationalDay();
    instance.send({ type: 'withdraw' });
    clock.increment(60 * DAY);
    expect(deadlineRecords(instance.records)).toEqual([]);
  });

  it('gives a restored case the same deadlines and timers', () => {
    const { clock, instance } = acceptedBeforeNationalDay();
    clock.set(Date.parse('2025-10-10T09:00:00+08:00'));
    instance.stop();
    const restored = restoreFlowInstance(flow, JSON.parse(JSON.stringify(instance.persist())), { clock });
    expect(restored.clocks().statutory).toEqual(instance.clocks().statutory);
    clock.set(Date.parse('2025-10-22T09:00:00+08:00'));
    expect(deadlineRecords(restored.records).map((r) => r[1])).toEqual(['deadline-warning', 'deadline-overdue']);
  });
});

describe('deadline records at the edge of the calendar', () => {
  it('never throws from send when the warning day falls before the first covered year', () => {
    const clock = new SimulatedClock();
    clock.set(Date.parse('2020-01-02T09:00:00+08:00'));
    const short = { ...flow, limits: { statutoryWorkingDays: 1 } };
    const instance = createFlowInstance(short, { caseId: 'EDGE-1', clock });
    instance.send({ type: 'receive' });
    const accepted = instance.send({ type: 'accept-in-department', actor: officer(instance) });
    expect(accepted.accepted && accepted.records.map((r) => r.activity)).toEqual(['department-accepted', 'deadline-warning']);
  });
});
