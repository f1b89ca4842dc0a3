import type { Measurement, MatterMeasurement, Pause } from '../../measure';
import { formatDays } from './format';
import { parseInstant } from './instant';

/** What a timeline bar shows. */
export type TimelineBarKind = 'matter' | 'pause' | 'off-system';

/** One bar of a bundle's timeline. */
export interface TimelineBar {
  readonly kind: TimelineBarKind;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** The matter lies on the critical path. */
  readonly critical: boolean;
  /** The matter (of a matter or pause bar, or of a finding when it names one). */
  readonly matterId?: string;
}

/** One section of a bundle's timeline: a stage, the bundle's matters, or the off-system periods. */
export interface TimelineSection {
  readonly kind: 'stage' | 'matters' | 'off-system';
  readonly label: string;
  readonly bars: readonly TimelineBar[];
}

/** A bundle's timeline: its sections and the matters that had no record to draw. */
export interface TimelineModel {
  readonly sections: readonly TimelineSection[];
  readonly notStarted: readonly MatterMeasurement[];
}

const PAUSE_LABELS: Readonly<Record<Pause['kind'], string>> = {
  supplement: '补正 supplement',
  'special-procedure': '特别程序 special procedure',
  'stopped-step': '停表 stopped step',
};

function bar(kind: TimelineBarKind, label: string, from: string, to: string, what: string, critical = false, matterId?: string): TimelineBar {
  const fromMs = parseInstant(from, `${what}.from`);
  const toMs = parseInstant(to, `${what}.to`);
  return { kind, label, from, to, fromMs, toMs: Math.max(fromMs, toMs), critical, ...(matterId === undefined ? {} : { matterId }) };
}

function matterBars(measurement: Measurement, matter: MatterMeasurement): TimelineBar[] {
  const index = measurement.matters.indexOf(matter);
  const where = `measurement.matters[${index}]`;
  const period = matter.experienced!;
  const attempts = matter.caseIds.length > 1 ? ` · ${matter.caseIds.length} attempts` : '';
  const bars = [bar('matter', `${matter.name} · ${matter.department}${attempts}`, period.from, period.to, `${where}.experienced`, matter.critical, matter.matterId)];
  matter.pauses.forEach((pause, i) => {
    bars.push(bar('pause', `${PAUSE_LABELS[pause.kind]} · ${matter.name}`, pause.from, pause.to, `${where}.pauses[${i}]`, false, matter.matterId));
  });
  return bars;
}

/**
 * Lays one measurement out as a timeline: a section per stage in stage order (matters of no known
 * stage last), or one section for a bundle without stages; each matter's experienced period with
 * its pauses after it; then the off-system periods from detection. Throws `invalid-argument` on an
 * instant that is not ISO-8601 with offset.
 */
export function timelineModel(measurement: Measurement): TimelineModel {
  const started = measurement.matters.filter((m) => m.experienced !== undefined);
  const notStarted = measurement.matters.filter((m) => m.experienced === undefined);
  const sections: TimelineSection[] = [];
  if (measurement.stages.length === 0) {
    const bars = started.flatMap((m) => matterBars(measurement, m));
    if (bars.length > 0) sections.push({ kind: 'matters', label: measurement.name, bars });
  } else {
    const stageIds = new Set(measurement.stages.map((s) => s.stageId));
    for (const stage of measurement.stages) {
      const bars = started.filter((m) => m.stageId === stage.stageId).flatMap((m) => matterBars(measurement, m));
      if (bars.length > 0) sections.push({ kind: 'stage', label: stage.name, bars });
    }
    const rest = started.filter((m) => m.stageId === undefined || !stageIds.has(m.stageId)).flatMap((m) => matterBars(measurement, m));
    if (rest.length > 0) sections.push({ kind: 'matters', label: 'other matters 其他事项', bars: rest });
  }
  const names = new Map(measurement.matters.map((m) => [m.matterId, m.name]));
  const offSystem = measurement.offSystem.periods.map((period, i) => {
    const what = (period.matterId && names.get(period.matterId)) ?? period.caseId ?? measurement.name;
    const label = `${period.code} · ${what} · ${formatDays(period.hiddenWorkingDays)} wd hidden`;
    return bar('off-system', label, period.from, period.to, `measurement.offSystem.periods[${i}]`, false, period.matterId);
  });
  if (offSystem.length > 0) sections.push({ kind: 'off-system', label: '体外循环 off-system (detection)', bars: offSystem });
  if (sections.length === 0) {
    const e = measurement.experienced;
    sections.push({ kind: 'matters', label: measurement.name, bars: [bar('matter', `${measurement.name} · ${measurement.department}`, e.from, e.to, 'measurement.experienced')] });
  }
  return { sections, notStarted };
}
