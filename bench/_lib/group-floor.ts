import type { EventRecord } from '../../src/event-log';
import type { BenchRow } from './bench-row';
import type { Comparison } from './measure';
import { OTHER_ACTIVITIES, STATUS_ACTIVITIES } from '../../src/event-log';
import { builtInFlows } from '../../src/flows';
import { placeSteps } from '../../src/_internal/process-tree';

/** Per matter id, the activities its machine can log: the fixed vocabulary and the flow's step ids. */
export function transitionTables(): Map<string, Set<string>> {
  const lifecycle = [...Object.keys(STATUS_ACTIVITIES), ...OTHER_ACTIVITIES];
  const tables = new Map<string, Set<string>>();
  for (const flow of builtInFlows()) {
    const table = tables.get(flow.id) ?? new Set(lifecycle);
    for (const { step } of placeSteps(flow.process)) table.add(step.id);
    tables.set(flow.id, table);
  }
  return tables;
}

/**
 * The practical floor of any analysis that reads every record once: group the records by case (a
 * `Map` of arrays) and check each one's activity against its flow's transition table. Returns a
 * number that depends on the work, so it cannot be optimised away.
 */
export function groupByCaseFloor(log: readonly EventRecord[], tables: ReadonlyMap<string, ReadonlySet<string>>): number {
  const cases = new Map<string, EventRecord[]>();
  let unknown = 0;
  for (const record of log) {
    const group = cases.get(record.caseId);
    if (group === undefined) cases.set(record.caseId, [record]);
    else group.push(record);
    const table = tables.get(record.matterId);
    if (table === undefined || !table.has(record.activity)) unknown++;
  }
  return cases.size + unknown;
}

/** One copy of `base` under tag `tag`: every case, record, bundle, applicant and project renamed, nothing else changed. */
export function copyOf(base: readonly EventRecord[], tag: string): EventRecord[] {
  return base.map((r) => ({
    ...r,
    id: `${tag}-${r.id}`,
    caseId: `${tag}-${r.caseId}`,
    ...(r.applicantId === undefined ? {} : { applicantId: `${tag}-${r.applicantId}` }),
    ...(r.projectCode === undefined ? {} : { projectCode: `${tag}-${r.projectCode}` }),
    ...(r.bundleId === undefined ? {} : { bundleId: `${tag}-${r.bundleId}` }),
  }));
}

/** The targets of every analysis measured against the bare loop: a rate, and an overhead over the loop. */
const TARGET_RATE = 500_000;
const TARGET_OVERHEAD = 5;

/**
 * The two rows of a bench that compares an analysis (contender `name` of `result`, one pass over
 * `records` records) with the `floor` contender, {@link groupByCaseFloor}: its records per second
 * against 500,000, and its overhead over the bare loop against 5×.
 */
export function floorRows(result: Comparison, name: string, records: number, label: { readonly rate: string; readonly overhead: string }): BenchRow[] {
  const ours = result.median.get(name)! * records;
  return [
    { name: label.rate, ours, baseline: TARGET_RATE, baselineName: 'target rate', ratio: ours / TARGET_RATE, target: '≥ 1× the target of 500,000 records/s', unit: 'records/s' },
    {
      name: label.overhead,
      ours,
      baseline: result.median.get('floor')! * records,
      baselineName: 'group by case + transition-table check per record',
      ratio: result.ratio('floor', name),
      target: `≤ ${TARGET_OVERHEAD}× overhead`,
      unit: 'records/s',
    },
  ];
}
