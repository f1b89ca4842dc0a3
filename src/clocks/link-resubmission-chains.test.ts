import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import example from '../../test/fixtures/works-planning-permit.json';
import { compileFlow, type FlowEvent } from '../compiler';
import type { FlowDefinition } from '../definition';
import type { EventRecord } from '../event-log';
import { createFlowInstance, type CaseLinks } from '../runtime';
import { placeSteps } from '../_internal/process-tree';
import { linkResubmissionChains, type ResubmissionChain } from './index';

const flow = example as FlowDefinition;
const otherFlow: FlowDefinition = { ...flow, id: 'construction-permit', name: '建筑工程施工许可证核发' };
const machines = new Map([flow, otherFlow].map((f) => [f.id, compileFlow(f)]));
const officer = { id: 'officer-1', role: 'officer', department: flow.department };

type Command = 'receive' | 'accept' | 'withdraw' | 'not-accept' | 'refuse' | 'work all' | 'approve' | 'deny';

/** The records of one attempt driven through the runtime, one `[Beijing date and time, command]` at a time. */
function attempt(caseId: string, links: CaseLinks, timeline: ReadonlyArray<readonly [string, Command]>, matter = flow): EventRecord[] {
  const clock = new SimulatedClock();
  const instance = createFlowInstance(matter, { caseId, clock, machine: machines.get(matter.id)!, ...links });
  const send = (event: FlowEvent): void => {
    const result = instance.send(event);
    if (!result.accepted) throw new Error(`${caseId} ${event.type}: ${result.rejection.message}`);
  };
  for (const [when, command] of timeline) {
    clock.set(Date.parse(`${when.replace(' ', 'T')}:00+08:00`));
    if (command === 'receive') send({ type: 'receive' });
    else if (command === 'accept') send({ type: 'accept-in-department', actor: officer });
    else if (command === 'withdraw') send({ type: 'withdraw' });
    else if (command === 'not-accept' || command === 'refuse' || command === 'approve' || command === 'deny') send({ type: command, actor: officer });
    else {
      for (const { step } of placeSteps(matter.process)) {
        const actor = { id: `${step.role}-1`, role: step.role, department: step.department };
        send({ type: 'start-step', step: step.id, actor });
        send({ type: 'complete-step', step: step.id, actor });
      }
    }
  }
  return [...instance.records];
}

const P1 = { projectCode: 'P-1', applicantId: 'firm-1' };
const withdrawn = (caseId: string, links: CaseLinks, received: string, ended: string) =>
  attempt(caseId, links, [
    [received, 'receive'],
    [received.replace(/\d\d:\d\d$/, '17:00'), 'accept'],
    [ended, 'withdraw'],
  ]);
const approved = (caseId: string, links: CaseLinks, received: string, ended: string) =>
  attempt(caseId, links, [
    [received, 'receive'],
    [received.replace(/\d\d:\d\d$/, '17:00'), 'accept'],
    [ended, 'work all'],
    [ended, 'approve'],
  ]);

const sorted = (chains: ResubmissionChain[]) => [...chains].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

describe('linkResubmissionChains', () => {
  it('links a withdrawn attempt and its resubmission by project code (撤件重报)', () => {
    const records = [...withdrawn('A', P1, '2025-09-01 09:00', '2025-09-19 17:30'), ...approved('B', P1, '2025-09-22 09:00', '2025-10-20 15:00')];
    expect(linkResubmissionChains(records)).toMatchInlineSnapshot(`
      [
        {
          "caseIds": [
            "A",
            "B",
          ],
          "key": "works-planning-permit|projectCode:P-1",
          "linkedBy": "projectCode",
          "matterId": "works-planning-permit",
        },
      ]
    `);
  });

  it('links by applicant id when the records carry no project code', () => {
    const links = { applicantId: 'firm-9' };
    const records = [...withdrawn('A', links, '2025-09-01 09:00', '2025-09-19 17:30'), ...approved('B', links, '2025-09-22 09:00', '2025-10-20 15:00')];
    expect(linkResubmissionChains(records)).toEqual([
      { key: 'works-planning-permit|applicantId:firm-9', matterId: 'works-planning-permit', linkedBy: 'applicantId', caseIds: ['A', 'B'] },
    ]);
  });

  it('links after every failure statistics drop: 撤件, 撤回, 不受理, 不予受理, denied', () => {
    const records = [
      ...attempt('A', P1, [
        ['2025-03-03 09:00', 'receive'],
        ['2025-03-03 11:00', 'withdraw'],
      ]),
      ...attempt('B', P1, [
        ['2025-03-10 09:00', 'receive'],
        ['2025-03-11 09:00', 'not-accept'],
      ]),
      ...attempt('C', P1, [
        ['2025-03-17 09:00', 'receive'],
        ['2025-03-18 09:00', 'refuse'],
      ]),
      ...withdrawn('D', P1, '2025-03-24 09:00', '2025-04-01 10:00'),
      ...attempt('E', P1, [
        ['2025-04-07 09:00', 'receive'],
        ['2025-04-07 10:00', 'accept'],
        ['2025-04-20 10:00', 'work all'],
        ['2025-04-21 10:00', 'deny'],
      ]),
      ...approved('F', P1, '2025-05-06 09:00', '2025-05-20 10:00'),
    ];
    expect(linkResubmissionChains(records).map((c) => c.caseIds)).toEqual([['A', 'B', 'C', 'D', 'E', 'F']]);
  });

  it('ends a chain at an approved case: a later application is a new need', () => {
    const records = [...approved('A', P1, '2025-03-03 09:00', '2025-03-20 10:00'), ...approved('B', P1, '2025-04-01 09:00', '2025-04-20 10:00')];
    expect(linkResubmissionChains(records).map((c) => c.caseIds)).toEqual([['A'], ['B']]);
  });

  it('does not link an attempt received while the earlier one was still open', () => {
    const records = [...withdrawn('A', P1, '2025-03-03 09:00', '2025-03-20 10:00'), ...approved('B', P1, '2025-03-10 09:00', '2025-04-20 10:00')];
    expect(linkResubmissionChains(records).map((c) => c.caseIds)).toEqual([['A'], ['B']]);
  });

  it('does not link attempts of different matters or different projects', () => {
    const records = [
      ...withdrawn('A', P1, '2025-03-03 09:00', '2025-03-20 10:00'),
      ...attempt('B', P1, [['2025-03-24 09:00', 'receive']], otherFlow),
      ...attempt('C', { projectCode: 'P-2', applicantId: 'firm-1' }, [['2025-03-24 09:00', 'receive']]),
    ];
    expect(sorted(linkResubmissionChains(records)).map((c) => [c.key, c.caseIds])).toEqual([
      ['construction-permit|projectCode:P-1', ['B']],
      ['works-planning-permit|projectCode:P-1', ['A']],
      ['works-planning-permit|projectCode:P-2', ['C']],
    ]);
  });

  it('links only within maxGapDays natural days of the earlier end (default 180)', () => {
    // Withdrawn 2025-01-06; 2025-07-05 is 25 + 28 + 31 + 30 + 31 + 30 + 5 = 180 days later.
    const gap = (received: string, options?: { maxGapDays: number }) =>
      linkResubmissionChains(
        [...withdrawn('A', P1, '2025-01-02 09:00', '2025-01-06 10:00'), ...attempt('B', P1, [[received, 'receive']])],
        options,
      ).map((c) => c.caseIds);
    expect(gap('2025-07-05 09:00')).toEqual([['A', 'B']]);
    expect(gap('2025-07-06 09:00')).toEqual([['A'], ['B']]);
    expect(gap('2025-01-16 09:00', { maxGapDays: 10 })).toEqual([['A', 'B']]);
    expect(gap('2025-01-17 09:00', { maxGapDays: 10 })).toEqual([['A'], ['B']]);
  });

  it('keeps a case with neither project code nor applicant on its own', () => {
    const records = [...withdrawn('A', {}, '2025-03-03 09:00', '2025-03-20 10:00'), ...approved('B', {}, '2025-03-24 09:00', '2025-04-20 10:00')];
    expect(sorted(linkResubmissionChains(records)).map((c) => [c.key, c.caseIds])).toEqual([
      ['works-planning-permit|case:A', ['A']],
      ['works-planning-permit|case:B', ['B']],
    ]);
  });

  it('keeps the chain when evidence of the resubmission predates the end of the earlier attempt', () => {
    // Off-system pre-review of the second application while the first was still pending: the
    // resubmission is still received after the withdrawal, and is still the same need.
    const meeting: EventRecord = {
      id: 'B#evidence-1',
      caseId: 'B',
      matterId: flow.id,
      flowVersion: flow.version,
      ...P1,
      activity: 'pre-review-meeting',
      at: '2025-09-15T15:00:00+08:00',
      source: 'evidence',
      evidenceKind: 'meeting',
    };
    const records = [meeting, ...withdrawn('A', P1, '2025-09-01 09:00', '2025-09-19 17:30'), ...approved('B', P1, '2025-09-22 09:00', '2025-10-20 15:00')];
    expect(linkResubmissionChains(records).map((c) => c.caseIds)).toEqual([['A', 'B']]);
  });

  it('reads the records in any order', () => {
    const records = [...withdrawn('A', P1, '2025-09-01 09:00', '2025-09-19 17:30'), ...approved('B', P1, '2025-09-22 09:00', '2025-10-20 15:00')];
    expect(linkResubmissionChains([...records].reverse())).toEqual(linkResubmissionChains(records));
  });
});
