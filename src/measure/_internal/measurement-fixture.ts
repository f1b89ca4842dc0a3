// Test-only: hand-made measurements for the tests of measurement, aggregates and reports. Library
// code never imports it.
import type {
  Duration,
  LimitCheck,
  MatterMeasurement,
  Measurement,
  MeasurementOutcome,
  OffSystemPeriod,
  Period,
  StageMeasurement,
  SuspensionTotals,
} from '../measurement';

/** A length given as working days alone (natural days then add two weekend days per five), or in full. */
export type DaysInput = number | Duration;

/** A limit given as its working days and, optionally, the verdict (otherwise computed from the used days). */
export interface LimitInput {
  readonly limit: number;
  /** The verdict; by default `used ≤ limit` once ended, `undefined` while open. */
  readonly met?: boolean | undefined;
}

/** One matter of {@link measurementFixture}; everything but the id has a default. */
export interface MatterFixtureInput {
  readonly matterId: string;
  /** Default: `matter <matterId>`. */
  readonly name?: string;
  /** Default: the bundle's department. */
  readonly department?: string;
  readonly stageId?: string;
  /** Default: `[<matterId>-case]`. */
  readonly caseIds?: readonly string[];
  /** Default: the bundle's experienced days; `null` for a matter with no record yet. */
  readonly experienced?: DaysInput | null;
  /** Default: the bundle's official days; `null` for a matter not yet accepted. */
  readonly official?: DaysInput | null;
  /** Default: `false`. */
  readonly dropped?: boolean;
  /** Default: `approved` (or `withdrawn` when dropped), absent when the bundle is open. */
  readonly outcome?: string | null;
  readonly promised?: LimitInput;
  /** Off-system working days of one finding on this matter's first case (default 0: none). */
  readonly offSystem?: number;
  /** Default: `true`. */
  readonly critical?: boolean;
}

/** One stage of {@link measurementFixture}; everything but the id has a default. */
export interface StageFixtureInput {
  readonly stageId: string;
  /** Default: `stage <stageId>`. */
  readonly name?: string;
  /** Default: the bundle's department. */
  readonly leadDepartment?: string;
  /** Default: the bundle's experienced days; `null` for a stage with no record yet. */
  readonly experienced?: DaysInput | null;
  /** Default: the bundle's official days. */
  readonly official?: DaysInput;
  readonly limit?: LimitInput;
  /** Default: `true` unless the bundle is open. */
  readonly done?: boolean;
}

/** The few numbers a test cares about; {@link measurementFixture} fills in the rest. */
export interface MeasurementFixtureInput {
  /** Default: `m1`. */
  readonly id?: string;
  /** Default: `bundle`. */
  readonly kind?: 'bundle' | 'case';
  /** Default: `bundle-a`. */
  readonly definitionId?: string;
  /** Default: `<definitionId> name`. */
  readonly name?: string;
  /** Default: `dept-a`. */
  readonly department?: string;
  /** Default: `2025-03`; experienced time starts on its first day at 09:00 Beijing time. */
  readonly month?: string;
  /** Default: `completed`. */
  readonly outcome?: MeasurementOutcome;
  /** Default: 10 working days. */
  readonly experienced?: DaysInput;
  /** Default: the experienced days. */
  readonly official?: DaysInput;
  /** Off-system working days (the union); default: the sum of the matters' `offSystem`. */
  readonly offSystem?: number;
  /** Default: 1. */
  readonly trips?: number;
  /** Default: 1 (`atMostOneTrip` is `trips ≤ 1` unless given). */
  readonly atMostOneTrip?: boolean;
  /** Default: 5. */
  readonly materialSubmissions?: number;
  /** Default: none (一套材料 held). */
  readonly repeatedMaterials?: readonly string[];
  readonly promised?: LimitInput;
  readonly statutory?: LimitInput;
  /** Default: none. */
  readonly stages?: readonly StageFixtureInput[];
  /** Default: one matter with the bundle's times, in the first stage if any: `<definitionId>-m1`, or `<definitionId>` for a lone case. */
  readonly matters?: readonly MatterFixtureInput[];
  /** Default: `false`. */
  readonly provisional?: boolean;
}

const DAY_MS = 86_400_000;

/** Working days alone become a duration with two weekend days per five working days. */
function toDuration(days: DaysInput): Duration {
  if (typeof days !== 'number') return days;
  return { workingDays: days, naturalDays: days + 2 * Math.floor(days / 5) };
}

/** `YYYY-MM-DDT09:00:00+08:00`, `offsetDays` natural days after the month's first day. */
function beijingMorning(month: string, offsetDays: number): string {
  const start = Date.parse(`${month}-01T01:00:00Z`);
  if (Number.isNaN(start)) throw new Error(`measurementFixture: month must be YYYY-MM, got "${month}"`);
  const day = new Date(start + offsetDays * DAY_MS).toISOString().slice(0, 10);
  return `${day}T09:00:00+08:00`;
}

function toPeriod(month: string, days: DaysInput): Period {
  const duration = toDuration(days);
  return { ...duration, from: beijingMorning(month, 0), to: beijingMorning(month, duration.naturalDays) };
}

function toLimit(input: LimitInput | undefined, used: number, open: boolean): LimitCheck | undefined {
  if (input === undefined) return undefined;
  const met = 'met' in input ? input.met : open ? undefined : used <= input.limit;
  return { limitWorkingDays: input.limit, usedWorkingDays: used, met };
}

/** No suspension of any kind. */
export const NO_SUSPENSIONS: SuspensionTotals = {
  supplement: { workingDays: 0, naturalDays: 0 },
  'special-procedure': { workingDays: 0, naturalDays: 0 },
  'stopped-step': { workingDays: 0, naturalDays: 0 },
};

/**
 * Makes a valid {@link Measurement} from the few numbers a test cares about: times in working days
 * (natural days follow unless given), trips, materials, limits, and optionally stages and matters.
 * Experienced time starts at 09:00 Beijing time on the first of `month`. A limit's verdict, unless
 * given, is `official ≤ limit` once the bundle has ended.
 * @example
 * const slow = measurementFixture({ definitionId: 'construction-permit', experienced: 30, official: 18, trips: 2 });
 * const staged = measurementFixture({
 *   stages: [{ stageId: 's1', official: 5 }, { stageId: 's2', official: 8 }],
 *   matters: [{ matterId: 'a', stageId: 's1', department: '自然资源局' }, { matterId: 'b', stageId: 's2', offSystem: 3 }],
 * });
 */
export function measurementFixture(input: MeasurementFixtureInput = {}): Measurement {
  const definitionId = input.definitionId ?? 'bundle-a';
  const department = input.department ?? 'dept-a';
  const month = input.month ?? '2025-03';
  const outcome = input.outcome ?? 'completed';
  const open = outcome === 'open';
  const experiencedDays = input.experienced ?? 10;
  const officialDays = toDuration(input.official ?? experiencedDays);
  const stagesInput = input.stages ?? [];
  const kind = input.kind ?? 'bundle';
  const mattersInput = input.matters ?? [{ matterId: kind === 'case' ? definitionId : `${definitionId}-m1`, ...(stagesInput[0] ? { stageId: stagesInput[0].stageId } : {}) }];

  const periods: OffSystemPeriod[] = [];
  const matters = mattersInput.map((m): MatterMeasurement => {
    const caseIds = m.caseIds ?? [`${m.matterId}-case`];
    const dropped = m.dropped ?? false;
    const experienced = m.experienced === null ? undefined : toPeriod(month, m.experienced ?? experiencedDays);
    const official = m.official === null ? undefined : toPeriod(month, m.official ?? officialDays);
    const outcomeOf = m.outcome === null ? undefined : (m.outcome ?? (open ? undefined : dropped ? 'withdrawn' : 'approved'));
    const promised = toLimit(m.promised, official?.workingDays ?? 0, outcomeOf === undefined);
    if (m.offSystem !== undefined && m.offSystem > 0) {
      periods.push({
        code: 'pre-acceptance-work',
        matterId: m.matterId,
        ...(caseIds[0] !== undefined ? { caseId: caseIds[0] } : {}),
        from: beijingMorning(month, 0),
        to: beijingMorning(month, m.offSystem),
        hiddenWorkingDays: m.offSystem,
        recordIds: [`${m.matterId}-evidence`],
      });
    }
    return {
      matterId: m.matterId,
      name: m.name ?? `matter ${m.matterId}`,
      department: m.department ?? department,
      ...(m.stageId !== undefined ? { stageId: m.stageId } : {}),
      caseIds,
      ...(outcomeOf !== undefined ? { outcome: outcomeOf } : {}),
      ...(experienced !== undefined ? { experienced } : {}),
      ...(official !== undefined ? { official } : {}),
      dropped,
      suspensions: NO_SUSPENSIONS,
      pauses: [],
      ...(promised !== undefined ? { promised } : {}),
      critical: m.critical ?? true,
    };
  });

  const stages = stagesInput.map((s): StageMeasurement => {
    const experienced = s.experienced === null ? undefined : toPeriod(month, s.experienced ?? experiencedDays);
    const official = toDuration(s.official ?? officialDays);
    const done = s.done ?? !open;
    const limit = toLimit(s.limit, official.workingDays, !done);
    return {
      stageId: s.stageId,
      name: s.name ?? `stage ${s.stageId}`,
      leadDepartment: s.leadDepartment ?? department,
      ...(experienced !== undefined ? { experienced } : {}),
      official,
      ...(limit !== undefined ? { limit } : {}),
      done,
    };
  });

  const offSystemDays = input.offSystem ?? periods.reduce((sum, p) => sum + p.hiddenWorkingDays, 0);
  const trips = input.trips ?? 1;
  const promised = toLimit(input.promised, officialDays.workingDays, open);
  const statutory = toLimit(input.statutory, officialDays.workingDays, open);
  const tripDays = Array.from({ length: trips }, (_, i) => beijingMorning(month, i).slice(0, 10));
  return {
    kind,
    id: input.id ?? 'm1',
    definitionId,
    name: input.name ?? `${definitionId} name`,
    department,
    outcome,
    experienced: toPeriod(month, experiencedDays),
    official: officialDays,
    suspensions: NO_SUSPENSIONS,
    offSystem: { workingDays: offSystemDays, periods },
    stages,
    matters,
    criticalPath: matters.filter((m) => m.critical).map((m) => m.matterId),
    trips,
    tripDays,
    atMostOneTrip: input.atMostOneTrip ?? trips <= 1,
    forms: 1,
    materialSubmissions: input.materialSubmissions ?? 5,
    repeatedMaterials: input.repeatedMaterials ?? [],
    ...(promised !== undefined ? { promised } : {}),
    ...(promised?.met !== undefined ? { promisedMet: promised.met } : {}),
    ...(statutory !== undefined ? { statutory } : {}),
    month,
    provisional: input.provisional ?? false,
  };
}
