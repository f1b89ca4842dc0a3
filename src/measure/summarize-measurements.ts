import { assertNever } from '../_internal/assert-never';
import type { Duration, MatterMeasurement, Measurement, MeasurementOutcome, OffSystemPeriod } from './measurement';
import type { Distribution, GroupSummary, MeasurementSummary, SummaryGrouping, TimeDistribution } from './summary';

/** A streaming aggregator of measurements: add them one by one, ask for the summary at any time. */
export interface MeasurementSummarizer {
  /** Counts one measurement into its groups; cheap enough to run once per bundle over a whole provincial log. */
  add(measurement: Measurement): void;
  /** The summary of everything added so far; adding more afterwards is fine. */
  summary(): MeasurementSummary;
}

const PERCENTILES = [50, 90, 99] as const;

/** Whole day counts below this go to the dense array; anything else (negative, fractional, huge) to a map. */
const DENSE_LIMIT = 1 << 16;

/**
 * The values of one measure in one group, as value → how many times it occurred. Day counts are
 * small non-negative integers, counted in a dense array that grows (by doubling) to the largest one
 * seen; other values (a negative gap, a fraction) in a map. So memory is O(distinct values) — at most
 * the range of day counts — however many bundles there are, `add` allocates nothing once the array
 * is wide enough, and percentiles are exact.
 */
class Histogram {
  count = 0;
  private dense = new Float64Array(64);
  private sparse: Map<number, number> | undefined;

  add(value: number): void {
    this.count += 1;
    if (value >= 0 && value < this.dense.length && Number.isInteger(value)) {
      this.dense[value] = (this.dense[value] ?? 0) + 1;
    } else if (value >= 0 && value < DENSE_LIMIT && Number.isInteger(value)) {
      let length = this.dense.length * 2;
      while (length <= value) length *= 2;
      const wider = new Float64Array(length);
      wider.set(this.dense);
      this.dense = wider;
      this.dense[value] = 1;
    } else {
      this.sparse ??= new Map();
      this.sparse.set(value, (this.sparse.get(value) ?? 0) + 1);
    }
  }

  /** The distinct values with their counts, smallest first. */
  private entries(): [value: number, times: number][] {
    const entries: [number, number][] = [];
    for (let value = 0; value < this.dense.length; value += 1) {
      const times = this.dense[value] ?? 0;
      if (times > 0) entries.push([value, times]);
    }
    if (this.sparse === undefined) return entries;
    for (const entry of this.sparse) entries.push(entry);
    return entries.sort((a, b) => a[0] - b[0]);
  }

  distribution(): Distribution {
    const n = this.count;
    if (n === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, min: 0, max: 0 };
    const entries = this.entries();
    // Nearest rank k = max(1, ⌈p·n/100⌉); p·n is an exact integer, so the division cannot round across one.
    const ranks = PERCENTILES.map((p) => Math.max(1, Math.ceil((p * n) / 100)));
    const found: number[] = [];
    let seen = 0;
    let sum = 0;
    for (const [value, times] of entries) {
      seen += times;
      // Summing in sorted order, not insertion order, keeps the mean independent of the add order.
      sum += value * times;
      while (found.length < ranks.length && (ranks[found.length] ?? Infinity) <= seen) found.push(value);
    }
    const [p50 = 0, p90 = 0, p99 = 0] = found;
    const min = entries[0]?.[0] ?? 0;
    const max = entries[entries.length - 1]?.[0] ?? 0;
    return { count: n, mean: sum / n, p50, p90, p99, min, max };
  }
}

/** A time measure in working and natural days. */
class TimeHistogram {
  readonly workingDays = new Histogram();
  readonly naturalDays = new Histogram();

  add(workingDays: number, naturalDays: number): void {
    this.workingDays.add(workingDays);
    this.naturalDays.add(naturalDays);
  }

  distribution(): TimeDistribution {
    return { workingDays: this.workingDays.distribution(), naturalDays: this.naturalDays.distribution() };
  }
}

/** What one group keeps: counters and histograms, nothing per measurement. */
class GroupAccumulator {
  count = 0;
  completed = 0;
  failed = 0;
  open = 0;
  readonly experienced = new TimeHistogram();
  readonly official = new TimeHistogram();
  readonly gap = new TimeHistogram();
  readonly offSystem = new Histogram();
  limitChecked = 0;
  limitMet = 0;
  /** Bundle-level groups only. */
  readonly trips: Histogram | undefined;
  readonly materialSubmissions: Histogram | undefined;
  atMostOneTrip = 0;
  oneSetOfMaterials = 0;

  constructor(
    readonly by: SummaryGrouping,
    readonly key: string,
    readonly label: string,
  ) {
    const bundleLevel = by === 'all' || by === 'definition' || by === 'month';
    this.trips = bundleLevel ? new Histogram() : undefined;
    this.materialSubmissions = bundleLevel ? new Histogram() : undefined;
  }

  addOutcome(outcome: MeasurementOutcome): void {
    this.count += 1;
    switch (outcome) {
      case 'completed':
        this.completed += 1;
        return;
      case 'failed':
        this.failed += 1;
        return;
      case 'open':
        this.open += 1;
        return;
      default:
        assertNever(outcome, 'measurement outcome');
    }
  }

  addTimes(experienced: Duration | undefined, official: Duration | undefined): void {
    if (experienced !== undefined) this.experienced.add(experienced.workingDays, experienced.naturalDays);
    if (official !== undefined) this.official.add(official.workingDays, official.naturalDays);
    if (experienced !== undefined && official !== undefined) {
      this.gap.add(experienced.workingDays - official.workingDays, experienced.naturalDays - official.naturalDays);
    }
  }

  addLimit(met: boolean | undefined): void {
    if (met === undefined) return;
    this.limitChecked += 1;
    if (met) this.limitMet += 1;
  }

  /** Everything a bundle-level group counts. */
  addBundle(m: Measurement): void {
    this.addOutcome(m.outcome);
    this.addTimes(m.experienced, m.official);
    this.offSystem.add(m.offSystem.workingDays);
    this.addLimit(m.promised?.met);
    this.trips?.add(m.trips);
    this.materialSubmissions?.add(m.materialSubmissions);
    if (m.atMostOneTrip) this.atMostOneTrip += 1;
    if (m.repeatedMaterials.length === 0) this.oneSetOfMaterials += 1;
  }

  toSummary(): GroupSummary {
    const rate = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : part / whole);
    const limitMetRate = rate(this.limitMet, this.limitChecked);
    const atMostOneTripRate = rate(this.atMostOneTrip, this.count);
    const oneSetOfMaterialsRate = rate(this.oneSetOfMaterials, this.count);
    return {
      by: this.by,
      key: this.key,
      label: this.label,
      count: this.count,
      completed: this.completed,
      failed: this.failed,
      open: this.open,
      experienced: this.experienced.distribution(),
      official: this.official.distribution(),
      gap: this.gap.distribution(),
      offSystemWorkingDays: this.offSystem.distribution(),
      limitChecked: this.limitChecked,
      ...(limitMetRate !== undefined ? { limitMetRate } : {}),
      ...(this.trips !== undefined ? { trips: this.trips.distribution() } : {}),
      ...(this.materialSubmissions !== undefined ? { materialSubmissions: this.materialSubmissions.distribution() } : {}),
      ...(this.trips !== undefined && atMostOneTripRate !== undefined ? { atMostOneTripRate } : {}),
      ...(this.trips !== undefined && oneSetOfMaterialsRate !== undefined ? { oneSetOfMaterialsRate } : {}),
    };
  }
}

/** Whether an off-system period lies on a matter: by its matter id, else by one of the matter's cases. */
function periodOnMatter(period: OffSystemPeriod, matter: MatterMeasurement): boolean {
  if (period.matterId !== undefined) return period.matterId === matter.matterId;
  return period.caseId !== undefined && matter.caseIds.includes(period.caseId);
}

/**
 * Off-system working days on one matter, or on the matters of one stage: the sum of the findings on
 * them, capped at the bundle's union (their intervals may overlap, and only the union is exact).
 */
function offSystemDaysOn(m: Measurement, matter: MatterMeasurement | undefined, stageId: string | undefined): number {
  const periods = m.offSystem.periods;
  let sum = 0;
  for (let i = 0; i < periods.length; i += 1) {
    const period = periods[i];
    if (period === undefined) continue;
    if (matter !== undefined) {
      if (periodOnMatter(period, matter)) sum += period.hiddenWorkingDays;
      continue;
    }
    for (let j = 0; j < m.matters.length; j += 1) {
      const candidate = m.matters[j];
      if (candidate !== undefined && candidate.stageId === stageId && periodOnMatter(period, candidate)) {
        sum += period.hiddenWorkingDays;
        break;
      }
    }
  }
  return Math.min(sum, m.offSystem.workingDays);
}

/** Whether some matter of the stage was dropped (withdrawn, refused, denied…): the stage failed. */
function stageHasDroppedMatter(m: Measurement, stageId: string): boolean {
  for (let j = 0; j < m.matters.length; j += 1) {
    const matter = m.matters[j];
    if (matter !== undefined && matter.stageId === stageId && matter.dropped) return true;
  }
  return false;
}

function groupIn(groups: Map<string, GroupAccumulator>, by: SummaryGrouping, key: string, label: string): GroupAccumulator {
  let group = groups.get(key);
  if (group === undefined) {
    group = new GroupAccumulator(by, key, label);
    groups.set(key, group);
  }
  return group;
}

const byKey = (a: GroupSummary, b: GroupSummary): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The groups' summaries by key; labels that two groups share get the key added, so every row can be told apart. */
function summaries(groups: Iterable<GroupAccumulator>): GroupSummary[] {
  const list = Array.from(groups, (group) => group.toSummary()).sort(byKey);
  const seen = new Map<string, number>();
  for (const group of list) seen.set(group.label, (seen.get(group.label) ?? 0) + 1);
  return list.map((group) => (seen.get(group.label)! > 1 ? { ...group, label: `${group.label} (${group.key})` } : group));
}

/**
 * Creates a streaming summarizer: `add` each measurement as it is made, and read `summary()` at the
 * end (or at any point). Each group keeps counters and one histogram per measure — value → count —
 * so memory grows with the number of groups and the range of day counts, not with the measurements,
 * and `add` allocates nothing once a group has been seen and a day count as large. Groups: overall;
 * by bundle type (`definitionId`); by stage (`<definitionId>/<stageId>`, each stage of `stages`); by
 * department (each matter of `matters`, under its own department); by month (`month`). A group's
 * label is the name it was first seen with, and the key too when two groups share a name.
 * @example
 * const summarizer = createMeasurementSummarizer();
 * for (const measurement of measurements) summarizer.add(measurement);
 * const { overall } = summarizer.summary();
 * console.log(overall.count, overall.gap.workingDays.p90);
 */
export function createMeasurementSummarizer(): MeasurementSummarizer {
  const overall = new GroupAccumulator('all', 'all', 'all');
  const byDefinition = new Map<string, GroupAccumulator>();
  // Definition id → stage id → group: no key string is built per measurement.
  const byStage = new Map<string, Map<string, GroupAccumulator>>();
  const byDepartment = new Map<string, GroupAccumulator>();
  const byMonth = new Map<string, GroupAccumulator>();

  return {
    add(m: Measurement): void {
      overall.addBundle(m);
      groupIn(byDefinition, 'definition', m.definitionId, m.name).addBundle(m);
      groupIn(byMonth, 'month', m.month, m.month).addBundle(m);

      if (m.stages.length > 0) {
        let stages = byStage.get(m.definitionId);
        if (stages === undefined) {
          stages = new Map();
          byStage.set(m.definitionId, stages);
        }
        for (let i = 0; i < m.stages.length; i += 1) {
          const stage = m.stages[i];
          if (stage === undefined) continue;
          let group = stages.get(stage.stageId);
          if (group === undefined) {
            group = new GroupAccumulator('stage', `${m.definitionId}/${stage.stageId}`, stage.name);
            stages.set(stage.stageId, group);
          }
          group.addOutcome(!stage.done ? 'open' : stageHasDroppedMatter(m, stage.stageId) ? 'failed' : 'completed');
          group.addTimes(stage.experienced, stage.official);
          group.offSystem.add(offSystemDaysOn(m, undefined, stage.stageId));
          group.addLimit(stage.limit?.met);
        }
      }

      for (let i = 0; i < m.matters.length; i += 1) {
        const matter = m.matters[i];
        if (matter === undefined) continue;
        const group = groupIn(byDepartment, 'department', matter.department, matter.department);
        group.addOutcome(matter.dropped ? 'failed' : matter.outcome === undefined ? 'open' : 'completed');
        group.addTimes(matter.experienced, matter.official);
        group.offSystem.add(offSystemDaysOn(m, matter, undefined));
        group.addLimit(matter.promised?.met);
      }
    },

    summary(): MeasurementSummary {
      const stageGroups: GroupAccumulator[] = [];
      for (const stages of byStage.values()) stageGroups.push(...stages.values());
      return {
        overall: overall.toSummary(),
        byDefinition: summaries(byDefinition.values()),
        byStage: summaries(stageGroups),
        byDepartment: summaries(byDepartment.values()),
        byMonth: summaries(byMonth.values()),
      };
    },
  };
}

/**
 * Summarizes measurements overall and by bundle type, stage, department and month: counts by
 * outcome; nearest-rank P50/P90/P99, mean, min and max of experienced and official time and of
 * their gap (the headline measure of 体外循环); off-system days; the share of promised limits kept;
 * and, per bundle, trips, material submissions, 最多跑一次 and 一套材料 rates. The streaming
 * {@link createMeasurementSummarizer} run to the end.
 * @example
 * const summary = summarizeMeasurements(measurements);
 * console.log(`${summary.overall.count} bundles, median gap ${summary.overall.gap.workingDays.p50} working days`);
 */
export function summarizeMeasurements(measurements: Iterable<Measurement>): MeasurementSummary {
  const summarizer = createMeasurementSummarizer();
  for (const measurement of measurements) summarizer.add(measurement);
  return summarizer.summary();
}
