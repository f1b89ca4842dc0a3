/**
 * Clock benchmark: records per second of `computeCaseClock` over a 1,000,000-record log, side by
 * side in one run with a bare loop over the same grouped records that only finds each case's first
 * acceptance and last record and calls `calendar.workingDaysBetween` once per case — the practical
 * floor of any clock that reads every record.
 *
 *   npx tsx bench/clocks.bench.ts
 *
 * The log is written by real instances of the works-planning-permit fixture (20 working days
 * statutory, 10 promised, an expert review that stops the clock), driven by a seeded PRNG on
 * simulated clocks through 2021–2025: window and department acceptance, 补正 before and after
 * acceptance, 特别程序 with Art. 45 and other reasons, Art. 42 extensions, deadline records from the
 * runtime's timer, outside evidence, withdrawals with resubmissions, denials, open cases. The log
 * is then written as JSON Lines and read back (`serializeEventLog`, `parseEventLog`), because a log
 * of a million records is analysed from storage, not from the objects the runtime built. Only the
 * clock computation is timed, not the writing or reading of the log (about a minute in all on a
 * small machine).
 */
import { pathToFileURL } from 'node:url';
import { SimulatedClock } from 'xstate';
import { chinaMainlandCalendar } from '../src/calendar';
import { computeCaseClock } from '../src/clocks';
import { compileFlow, type FlowEvent } from '../src/compiler';
import type { FlowDefinition } from '../src/definition';
import { parseEventLog, serializeEventLog, type EventRecord } from '../src/event-log';
import { createFlowInstance, type FlowInstance } from '../src/runtime';
import example from '../test/fixtures/works-planning-permit.json';
import { compare, formatTable, type BenchRow, type CompareOptions } from './_lib';
import { mulberry32 } from '../src/_internal/mulberry32';

const flow = example as FlowDefinition;
const TARGET_RECORDS = 1_000_000;
const TARGET_RATE = 1_000_000;
/** Evaluation instant: after every record, inside the calendar's years. */
const AT = '2026-03-02T09:00:00.000+08:00';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;


const officer = { id: 'officer-1', role: 'officer', department: flow.department };
const head = { id: 'head-1', role: 'head', department: flow.department };
const stepActors = {
  review: { id: 'reviewer-1', role: 'reviewer', department: 'natural-resources' },
  'fire-opinion': { id: 'fire-1', role: 'reviewer', department: 'fire' },
  'civil-air-defence-opinion': { id: 'cad-1', role: 'reviewer', department: 'civil-air-defence' },
  'expert-review': { id: 'expert-1', role: 'expert', department: 'natural-resources' },
  decide: { id: 'director-1', role: 'director', department: 'natural-resources' },
} as const;
type StepId = keyof typeof stepActors;

/** Writes the log, case after case, until it holds at least `target` records. */
function writeLog(target: number, seed = 20_250_930): EventRecord[] {
  const random = mulberry32(seed);
  const machine = compileFlow(flow);
  const pick = (p: number): boolean => random() < p;
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo));
  const log: EventRecord[] = [];
  let caseNo = 0;
  let projectNo = 0;

  /** One attempt; returns how it ended ('open' when the log stops it midway). */
  const attempt = (projectCode: string, start: number): { ending: string; at: number } => {
    const caseId = `WP-${String(++caseNo).padStart(7, '0')}`;
    const clock = new SimulatedClock();
    clock.set(start);
    const instance: FlowInstance = createFlowInstance(flow, { caseId, clock, machine, projectCode, applicantId: `firm-${projectNo % 9973}` });
    const wait = (lo: number, hi: number): void => clock.increment(between(lo, hi));
    const send = (event: FlowEvent): void => {
      const result = instance.send(event);
      if (!result.accepted) throw new Error(`clocks bench: ${caseId} ${event.type} rejected: ${result.rejection.message}`);
    };
    const step = (id: StepId, phase: 'start' | 'complete'): void =>
      send({ type: phase === 'start' ? 'start-step' : 'complete-step', step: id, actor: stepActors[id] });
    const stopHere = pick(0.1) ? between(1, 7) : Infinity; // some cases are still open
    let moves = 0;
    const more = (): boolean => ++moves < stopHere;
    const finish = (ending: string) => {
      instance.stop();
      for (const record of instance.records) log.push(record);
      return { ending, at: clock.now() };
    };

    if (pick(0.1)) {
      // Evidence of pre-review work before the receipt (meeting minutes, a document's metadata).
      for (let n = between(1, 3); n > 0; n--) {
        log.push({
          id: `${caseId}#e${n}`,
          caseId,
          matterId: flow.id,
          flowVersion: flow.version,
          projectCode,
          activity: 'pre-review-meeting',
          at: new Date(start - between(DAY, 30 * DAY) + 8 * HOUR).toISOString().replace('Z', '+08:00'),
          source: 'evidence',
          evidenceKind: pick(0.5) ? 'meeting' : 'document',
        });
      }
    }
    send({ type: 'receive', channel: pick(0.7) ? 'online' : 'window' });
    if (!more()) return finish('open');
    if (pick(0.1)) {
      wait(HOUR, 2 * DAY);
      send({ type: 'start-supplement', actor: officer, materials: ['design-scheme'] });
      wait(DAY, 6 * DAY);
      send({ type: 'end-supplement', materials: ['design-scheme'] });
    }
    wait(10 * MINUTE, DAY);
    if (pick(0.05)) {
      send(pick(0.5) ? { type: 'withdraw' } : { type: 'not-accept', actor: officer, reason: { kind: 'incomplete' } });
      return finish('failed');
    }
    if (pick(0.5)) {
      send({ type: 'accept-at-window' });
      wait(10 * MINUTE, 2 * DAY);
    }
    send({ type: 'accept-in-department', actor: officer });
    if (!more()) return finish('open');
    wait(HOUR, 3 * DAY);
    step('review', 'start');
    wait(HOUR, 4 * DAY);
    step('review', 'complete');
    if (!more()) return finish('open');
    wait(10 * MINUTE, DAY);
    step('fire-opinion', 'start');
    wait(MINUTE, HOUR);
    step('civil-air-defence-opinion', 'start');
    if (pick(0.15)) {
      wait(HOUR, 3 * DAY);
      send({ type: 'start-supplement', actor: officer, materials: ['land-certificate'] });
      wait(DAY, 8 * DAY);
      send({ type: 'end-supplement', materials: ['land-certificate'] });
    }
    wait(HOUR, 5 * DAY);
    const [first, second] = pick(0.5) ? (['fire-opinion', 'civil-air-defence-opinion'] as const) : (['civil-air-defence-opinion', 'fire-opinion'] as const);
    step(first, 'complete');
    wait(MINUTE, 2 * DAY);
    step(second, 'complete');
    if (!more()) return finish('open');
    wait(HOUR, 2 * DAY);
    step('expert-review', 'start');
    wait(DAY, 10 * DAY);
    step('expert-review', 'complete');
    if (pick(0.08)) {
      wait(HOUR, 2 * DAY);
      send({ type: 'start-special-procedure', actor: officer, reason: { kind: pick(0.6) ? 'testing' : 'other' } });
      wait(DAY, 10 * DAY);
      send({ type: 'end-special-procedure', actor: officer });
    }
    if (pick(0.1)) {
      wait(HOUR, 2 * DAY);
      send({ type: 'approve-extension', actor: head, reason: { kind: 'art-42', text: '情况复杂' } });
    }
    if (!more()) return finish('open');
    if (pick(0.04)) {
      wait(HOUR, 3 * DAY);
      send({ type: 'withdraw' });
      return finish('failed');
    }
    wait(HOUR, 2 * DAY);
    step('decide', 'start');
    wait(HOUR, 3 * DAY);
    step('decide', 'complete');
    wait(10 * MINUTE, DAY);
    if (pick(0.05)) {
      send({ type: 'deny', actor: head, reason: { kind: 'not-compliant' } });
      return finish('failed');
    }
    send({ type: pick(0.05) ? 'approve-deferred' : 'approve', actor: head });
    if (pick(0.95)) {
      wait(HOUR, 3 * DAY);
      send({ type: 'issue-certificate', actor: officer });
    }
    return finish('approved');
  };

  const first = Date.parse('2021-01-04T09:00:00+08:00');
  const last = Date.parse('2025-06-30T09:00:00+08:00');
  while (log.length < target) {
    const projectCode = `P-${String(++projectNo).padStart(6, '0')}`;
    let result = attempt(projectCode, between(first, last));
    // A failed attempt is resubmitted (撤件重报) within weeks, up to twice.
    for (let n = 0; n < 2 && result.ending === 'failed' && pick(0.8); n++) result = attempt(projectCode, result.at + between(DAY, 30 * DAY));
  }
  return log;
}

/** The log's records grouped by case, each group in log order. */
function groupByCase(log: readonly EventRecord[]): EventRecord[][] {
  const groups = new Map<string, EventRecord[]>();
  for (const record of log) {
    const group = groups.get(record.caseId);
    if (group === undefined) groups.set(record.caseId, [record]);
    else group.push(record);
  }
  return [...groups.values()];
}

/** Options of {@link runClocksBench}. */
export interface ClocksBenchOptions extends CompareOptions {
  /** Records in the log (default 1,000,000). */
  readonly records?: number;
}

let sink = 0;

/** Runs the clock benchmark; see the comment at the top of this file. */
export async function runClocksBench(options: ClocksBenchOptions = {}): Promise<BenchRow[]> {
  const calendar = chinaMainlandCalendar();
  const started = performance.now();
  const written = writeLog(options.records ?? TARGET_RECORDS);
  const { records: log, counts } = parseEventLog(serializeEventLog(written));
  if (counts.rejected > 0 || log.length !== written.length) throw new Error(`clocks bench: ${counts.rejected} records of the written log do not read back`);
  const cases = groupByCase(log);
  const writeSeconds = (performance.now() - started) / 1000;

  const clocks = (): number => {
    let n = 0;
    for (const records of cases) n += computeCaseClock(records, flow, calendar, { at: AT }).ledger.length;
    return n;
  };
  const floor = (): number => {
    let n = 0;
    for (const records of cases) {
      let accepted: string | undefined;
      let last = records[0]!.at;
      for (const record of records) {
        // Every instant here has the same offset and width, so strings compare as instants.
        if ((record.activity === 'window-accepted' || record.activity === 'department-accepted') && (accepted === undefined || record.at < accepted)) accepted = record.at;
        if (record.at > last) last = record.at;
      }
      if (accepted !== undefined) n += calendar.workingDaysBetween(accepted, last);
    }
    return n;
  };

  // Before timing: every case computes, and the floor sees the same cases.
  const phases = new Map<string, number>();
  for (const records of cases) {
    const phase = computeCaseClock(records, flow, calendar, { at: AT }).phase;
    phases.set(phase, (phases.get(phase) ?? 0) + 1);
  }
  sink += floor();
  console.error(
    `clocks bench: ${log.length.toLocaleString('en-US')} records, ${cases.length.toLocaleString('en-US')} cases ` +
      `(${[...phases].map(([p, n]) => `${p} ${n}`).join(', ')}), written and read back in ${writeSeconds.toFixed(1)} s`,
  );

  const result = await compare(
    [
      { name: 'clocks', run: () => (sink += clocks()) },
      { name: 'floor', run: () => (sink += floor()) },
    ],
    { rounds: 3, minMs: 1500, ...options },
  );
  const perPass = log.length;
  const ours = result.median.get('clocks')! * perPass;
  const floorRate = result.median.get('floor')! * perPass;
  return [
    {
      name: `computeCaseClock over a ${Math.round(perPass / 1000).toLocaleString('en-US')}k-record log, grouped by case`,
      ours,
      baseline: TARGET_RATE,
      baselineName: 'target rate',
      ratio: ours / TARGET_RATE,
      target: '≥ 1× the target of 1,000,000 records/s',
      unit: 'records/s',
    },
    {
      // How far the full clock is from reading each record once and counting one span per case.
      name: '(reference) computeCaseClock: overhead over a bare loop',
      ours,
      baseline: floorRate,
      baselineName: 'first acceptance + last record + 1 workingDaysBetween per case',
      ratio: result.ratio('floor', 'clocks'),
      target: 'no bound (reference)',
      unit: 'records/s',
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTable(await runClocksBench()));
  if (sink === 0.5) console.log(sink); // keeps the results observable
}
