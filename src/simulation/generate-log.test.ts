import { describe, expect, it } from 'vitest';
import { checkEventRecord, OTHER_ACTIVITIES, STATUS_ACTIVITIES, type EventRecord } from '../event-log';
import { Art45CategorySchema, type FlowDefinition } from '../definition';
import { constructionPermitBundle, licenceSeparationFlow } from '../flows';
import { placeSteps } from '../_internal/process-tree';
import { chinaMainlandCalendar } from '../calendar';
import { durationMs } from './_internal/office-time';
import { DEFAULT_LAWFUL_RATES, generateLog, INJECTABLE_DEVIATION_CODES, SUSPENSION_ABUSE_VARIANTS, type InjectableDeviationCode } from './index';

const flows: FlowDefinition[] = [
  ...constructionPermitBundle().flows,
  licenceSeparationFlow('approval'),
  licenceSeparationFlow('optimized-approval'),
  licenceSeparationFlow('filing'),
];
const flowOf = new Map(flows.map((f) => [f.id, f]));
const STAGE_OF = new Map(constructionPermitBundle().bundle.matters.map((m) => [m.matterId, m.stage]));
const DEPENDS_ON = new Map(constructionPermitBundle().bundle.matters.filter((m) => (m.dependsOn ?? []).length > 0).map((m) => [m.matterId, m.dependsOn!]));
const stepsOf = (flow: FlowDefinition) => new Map(placeSteps(flow.process).map(({ step }) => [step.id, step]));
const listedOf = (flow: FlowDefinition) =>
  new Set([...flow.materials.map((m) => m.id), ...placeSteps(flow.process).flatMap(({ step }) => step.materials ?? [])]);
const FIXED = new Set<string>([...Object.keys(STATUS_ACTIVITIES), ...OTHER_ACTIVITIES]);
const ART45 = new Set<string>(Art45CategorySchema.options);
const DAY = 86_400_000;
const calendar = chinaMainlandCalendar();
const ms = (instant: string) => Date.parse(instant);

/** Cases that are a project's earlier matters (another matter of the project is received later): extra cases beyond `cases`. */
function projectHistoryCases(grouped: Map<string, EventRecord[]>): number {
  const byProject = new Map<string, EventRecord[][]>();
  for (const list of grouped.values()) if (list[0]!.projectCode !== undefined) byProject.set(list[0]!.projectCode, [...(byProject.get(list[0]!.projectCode) ?? []), list]);
  let n = 0;
  for (const lists of byProject.values()) {
    for (const list of lists) {
      const first = list[0]!;
      // Receipts, not first records: evidence of pre-acceptance work comes weeks before a receipt.
      const receivedAt = (o: EventRecord[]) => ms((o.find((r) => r.activity === 'received') ?? o[0]!).at);
      const later = (o: EventRecord[]) => o[0]!.matterId !== first.matterId && (receivedAt(o) > receivedAt(list) || (receivedAt(o) === receivedAt(list) && o[0]!.caseId > first.caseId));
      if (lists.some((o) => later(o) && (DEPENDS_ON.has(o[0]!.matterId) || (o[0]!.bundleId !== undefined && o[0]!.bundleId === first.bundleId)))) n++;
    }
  }
  return n;
}

function byCase(records: readonly EventRecord[]): Map<string, EventRecord[]> {
  const out = new Map<string, EventRecord[]>();
  for (const r of records) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r]);
  return out;
}

/** Steps completed faster than their minimum duration: [stepId, elapsed ms, floor ms]. */
function stepDurations(records: readonly EventRecord[]): Array<{ step: string; elapsed: number; floor: number }> {
  const flow = flowOf.get(records[0]!.matterId)!;
  const steps = stepsOf(flow);
  const started = new Map<string, number>();
  const out: Array<{ step: string; elapsed: number; floor: number }> = [];
  for (const r of records) {
    const step = steps.get(r.activity);
    if (step === undefined || r.source !== 'system') continue;
    if (r.lifecycle === 'start') started.set(r.activity, ms(r.at));
    if (r.lifecycle === 'complete') {
      out.push({ step: r.activity, elapsed: ms(r.at) - started.get(r.activity)!, floor: step.minDuration ? durationMs(step.minDuration) : 0 });
    }
  }
  return out;
}

/** A reference oracle per code: what the label means, read from the records alone. */
const ORACLES: Record<InjectableDeviationCode, (records: readonly EventRecord[], all: Map<string, EventRecord[]>) => boolean> = {
  'implausible-speed': (records) => stepDurations(records).some((d) => d.elapsed < d.floor),
  'pre-acceptance-work': (records) => {
    const received = records.find((r) => r.activity === 'received');
    return received !== undefined && records.some((r) => r.source === 'evidence' && ms(r.at) < ms(received.at));
  },
  'unlisted-material': (records) => {
    const listed = listedOf(flowOf.get(records[0]!.matterId)!);
    return records.some((r) => r.source === 'system' && (r.materials ?? []).some((m) => !listed.has(m)));
  },
  'unmodeled-activity': (records) => {
    const steps = stepsOf(flowOf.get(records[0]!.matterId)!);
    return records.some((r) => r.source === 'system' && !FIXED.has(r.activity) && !steps.has(r.activity));
  },
  'suspension-abuse': (records) => {
    const accepted = records.find((r) => r.activity === 'department-accepted');
    if (accepted === undefined) return false;
    const after = records.filter((r) => r.activity === 'supplement-started' && ms(r.at) > ms(accepted.at));
    const unjustified = records.some((r) => r.activity === 'special-procedure-started' && !ART45.has(r.reason?.kind ?? ''));
    const decided = records.find((r) => r.activity === 'approved' || r.activity === 'denied');
    const count = (activity: string) => records.filter((r) => r.activity === activity).length;
    const neverEnded = decided !== undefined && count('special-procedure-started') > count('special-procedure-ended');
    const enteredLate =
      decided !== undefined && records.some((r) => r.activity.startsWith('special-procedure-') && r.recordedAt !== undefined && ms(r.recordedAt) > ms(decided.recordedAt ?? decided.at));
    const extensions = records.filter((r) => r.activity === 'extension-approved');
    const unapproved = extensions.length > 1 || extensions.some((r) => r.actor === undefined || (typeof r.attrs?.workingDays === 'number' && r.attrs.workingDays > 10));
    const before = records.filter((r) => r.activity === 'supplement-started' && ms(r.at) < ms(accepted.at));
    return after.length > 0 || before.length > 1 || unjustified || neverEnded || enteredLate || unapproved;
  },
  'double-acceptance': (records) => {
    const hall = records.find((r) => r.activity === 'window-accepted');
    const department = records.find((r) => r.activity === 'department-accepted');
    return hall !== undefined && department !== undefined && calendar.workingDaysBetween(calendar.toLocalDate(hall.at), calendar.toLocalDate(department.at)) > 3;
  },
  'disguised-filing': (records) => {
    if (flowOf.get(records[0]!.matterId)!.mode !== 'filing') return false;
    const received = records.find((r) => r.activity === 'received');
    const filed = records.find((r) => r.activity === 'filed');
    if (received === undefined) return false;
    const days = filed === undefined ? 0 : calendar.workingDaysBetween(calendar.toLocalDate(received.at), calendar.toLocalDate(filed.at));
    return days > 1 || records.some((r) => ['supplement-started', 'refused'].includes(r.activity));
  },
  'extraneous-delay': (records) => {
    // Nothing logged for more than 7 working days after acceptance and before the decision, with nothing in progress.
    const accepted = records.findIndex((r) => r.activity === 'department-accepted');
    if (accepted < 0) return false;
    let open = 0;
    let previous = records[accepted]!;
    for (const r of records.slice(accepted + 1)) {
      if (r.source !== 'system' || r.activity.startsWith('deadline-')) continue;
      if (open === 0 && calendar.workingDaysBetween(calendar.toLocalDate(previous.at), calendar.toLocalDate(r.at)) > 7) return true;
      if (['approved', 'denied', 'withdrawn'].includes(r.activity)) return false;
      if (r.lifecycle === 'start' || r.activity.endsWith('-started')) open += 1;
      if (r.lifecycle === 'complete' || r.activity.endsWith('-ended')) open -= 1;
      previous = r;
    }
    return false;
  },
  'missing-predecessor': (records, all) => {
    // An earlier case of the project is in the log, but not every predecessor approved before this receipt.
    const first = records[0]!;
    const predecessors = DEPENDS_ON.get(first.matterId);
    const received = records.find((r) => r.activity === 'received');
    if (predecessors === undefined || received === undefined) return false;
    const earlier = [...all.values()].filter((o) => o[0]!.matterId !== first.matterId && o[0]!.projectCode === first.projectCode && ms(o.at(-1)!.at) <= ms(received.at));
    if (earlier.length === 0) return false;
    return predecessors.some((p) => !earlier.some((o) => o[0]!.matterId === p && o.some((r) => ['approved', 'filed'].includes(r.activity))));
  },
  'serial-as-parallel': (records, all) => {
    // Another matter of the same bundle instance and stage ended before this receipt.
    const first = records[0]!;
    const received = records.find((r) => r.activity === 'received');
    if (first.bundleId === undefined || received === undefined) return false;
    return [...all.values()].some(
      (o) => o[0]!.bundleId === first.bundleId && o[0]!.matterId !== first.matterId && STAGE_OF.get(o[0]!.matterId) === STAGE_OF.get(first.matterId) && ms(o.at(-1)!.at) <= ms(received.at),
    );
  },
  'backfilled-record': (records) => records.some((r) => r.recordedAt !== undefined && ms(r.recordedAt) - ms(r.at) > DAY),
  'withdraw-resubmit': (records, all) => {
    const first = records[0]!;
    return [...all.values()].some((other) => {
      const o = other[0]!;
      if (o.caseId === first.caseId || o.applicantId !== first.applicantId || o.matterId !== first.matterId) return false;
      const end = other.filter((r) => r.source === 'system').at(-1)!;
      const gap = ms(records.find((r) => r.activity === 'received')!.at) - ms(end.at);
      return ['withdrawn-before-acceptance', 'not-accepted'].includes(end.activity) && gap > 0 && gap < 20 * DAY;
    });
  },
};

const allCodes = Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((code) => [code, 0.08]));

describe('generateLog', () => {
  it('gives the same log for the same options, and another for another seed', () => {
    const options = { seed: 42, cases: 60, inject: allCodes };
    expect(generateLog(options)).toEqual(generateLog(options));
    expect(generateLog({ ...options, seed: 43 }).records).not.toEqual(generateLog(options).records);
  });

  it('writes valid records with unique ids, each case sorted by time and numbered in that order', () => {
    const { records } = generateLog({ seed: 5, cases: 300, inject: allCodes });
    for (const r of records) expect(checkEventRecord(r)).toMatchObject({ ok: true });
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const [caseId, list] of byCase(records)) {
      list.forEach((r, i) => {
        expect(r.id).toBe(`${caseId}#${i + 1}`);
        if (i > 0) expect(ms(r.at)).toBeGreaterThanOrEqual(ms(list[i - 1]!.at));
      });
    }
    const caseIds = [...new Set(records.map((r) => r.caseId))];
    expect(records.map((r) => r.caseId).filter((id, i, all) => i > 0 && id !== all[i - 1])).toHaveLength(caseIds.length - 1);
  });

  it('spreads arrivals over the working days of 2025, in office hours', () => {
    const { records } = generateLog({ seed: 9, cases: 400 });
    const received = records.filter((r) => r.activity === 'received');
    // A project's earlier matters may fall in 2024 or early 2026 (see projectHistory).
    const months = new Set(received.map((r) => r.at.slice(0, 7)).filter((m) => m.startsWith('2025')));
    expect(months.size).toBe(12);
    for (const r of received) {
      const hour = Number(r.at.slice(11, 13));
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(17);
    }
  });

  describe('conformant logs', () => {
    const cases = 800;
    const { records, labels } = generateLog({ seed: 11, cases, flows });
    const grouped = byCase(records);
    const approvals = [...grouped.values()].filter((list) => ['approval', 'optimized-approval'].includes(flowOf.get(list[0]!.matterId)!.mode));

    it('carry no labels and one case per application', () => {
      expect(labels).toEqual([]);
      expect(grouped.size - projectHistoryCases(grouped)).toBe(cases);
    });

    it('never trip a reference oracle', () => {
      for (const [code, oracle] of Object.entries(ORACLES)) {
        const flagged = [...grouped.values()].filter((list) => oracle(list, grouped));
        expect(flagged.map((l) => l[0]!.caseId), code).toEqual([]);
      }
    });

    it('include the lawful look-alikes at about their rates', () => {
      const share = (pred: (list: EventRecord[]) => boolean) => approvals.filter(pred).length / approvals.length;
      const beforeAcceptance = (list: EventRecord[]) => {
        const accepted = list.find((r) => r.activity === 'department-accepted');
        return list.some((r) => r.activity === 'supplement-started' && (accepted === undefined || ms(r.at) < ms(accepted.at)));
      };
      expect(share(beforeAcceptance)).toBeGreaterThan(DEFAULT_LAWFUL_RATES.supplementBeforeAcceptance * 0.7);
      expect(share(beforeAcceptance)).toBeLessThan(DEFAULT_LAWFUL_RATES.supplementBeforeAcceptance * 1.3);
      const extension = share((list) => list.some((r) => r.activity === 'extension-approved' && r.actor?.role === 'director'));
      expect(extension).toBeGreaterThan(DEFAULT_LAWFUL_RATES.extension * 0.5);
      const neverReturn = share((list) => ['withdrawn-before-acceptance', 'not-accepted'].includes(list.filter((r) => r.source === 'system').at(-1)!.activity));
      expect(neverReturn).toBeGreaterThan(DEFAULT_LAWFUL_RATES.withdrawNeverReturn * 0.4);
      const evidence = share((list) => list.some((r) => r.source === 'evidence'));
      expect(evidence).toBeGreaterThan(DEFAULT_LAWFUL_RATES.evidenceAfterReceipt * 0.7);
      const art45 = share((list) => list.some((r) => r.activity === 'special-procedure-started' && ART45.has(r.reason?.kind ?? '')));
      expect(art45).toBeGreaterThan(0);
    });

    it('include long expert reviews and fast steps, never below a floor', () => {
      const durations = approvals.flatMap(stepDurations);
      expect(durations.every((d) => d.elapsed >= d.floor)).toBe(true);
      const floored = durations.filter((d) => d.floor > 0);
      expect(floored.filter((d) => d.elapsed < d.floor * 1.3).length).toBeGreaterThan(10);
      const stopped = new Set(flows.flatMap((f) => placeSteps(f.process).filter(({ step }) => step.clock === 'stopped').map(({ step }) => step.id)));
      expect(durations.filter((d) => stopped.has(d.step) && d.elapsed > 28 * DAY).length).toBeGreaterThan(5);
    });

    it('hold one acceptance at most before a single 补正 and decisions only after the process', () => {
      for (const list of approvals) {
        const accepted = list.findIndex((r) => r.activity === 'department-accepted');
        const before = list.filter((r, i) => r.activity === 'supplement-started' && (accepted < 0 || i < accepted));
        expect(before.length).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('deviant logs', () => {
    // Filings are a seventh of these flows, dependent matters a fifth: their codes get higher rates to be labeled often enough.
    const rate = (c: InjectableDeviationCode) => (c === 'disguised-filing' ? 0.3 : c === 'missing-predecessor' || c === 'serial-as-parallel' ? 0.5 : 0.1);
    const { records, labels } = generateLog({ seed: 23, cases: 600, flows, inject: Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((c) => [c, rate(c)])) });
    const grouped = byCase(records);

    it.each(INJECTABLE_DEVIATION_CODES)('labels %s exactly on the cases that show it', (code) => {
      const labelled = labels.filter((l) => l.code === code).map((l) => l.caseId).sort();
      const flagged = [...grouped.values()].filter((list) => ORACLES[code](list, grouped)).map((l) => l[0]!.caseId).sort();
      expect(labelled.length).toBeGreaterThan(10);
      expect(flagged).toEqual(labelled);
    });

    it('adds one abandoned first attempt per withdraw-resubmit, and labels only known cases', () => {
      const resubmits = labels.filter((l) => l.code === 'withdraw-resubmit').length;
      expect(grouped.size - projectHistoryCases(grouped)).toBe(600 + resubmits);
      for (const l of labels) expect(grouped.has(l.caseId!)).toBe(true);
      expect(new Set(labels.map((l) => `${l.code} ${l.caseId}`)).size).toBe(labels.length);
    });

    it('writes deviations without marker fields', () => {
      const keys = new Set(records.flatMap((r) => [...Object.keys(r), ...Object.keys(r.attrs ?? {})]));
      for (const key of keys) expect(key).not.toMatch(/inject|deviat|label|fake|synthetic/i);
    });
  });

  it('leaves the other cases as they were when injection is turned on', () => {
    const plain = byCase(generateLog({ seed: 31, cases: 40, flows }).records);
    const injected = generateLog({ seed: 31, cases: 40, flows, inject: { 'implausible-speed': 0.2, 'backfilled-record': 0.2 } });
    const labelled = new Set(injected.labels.map((l) => l.caseId));
    expect(labelled.size).toBeGreaterThan(0);
    for (const [caseId, list] of byCase(injected.records)) if (!labelled.has(caseId)) expect(list).toEqual(plain.get(caseId));
  });

  it('injects every way suspension-abuse can look when asked, and labels exactly the cases that show one', () => {
    const { records, labels } = generateLog({ seed: 29, cases: 400, flows, inject: { 'suspension-abuse': 0.3 }, suspensionAbuse: SUSPENSION_ABUSE_VARIANTS });
    const grouped = byCase(records);
    const labelled = labels.map((l) => l.caseId).sort();
    expect(labelled.length).toBeGreaterThan(60);
    expect([...grouped.values()].filter((list) => ORACLES['suspension-abuse'](list, grouped)).map((l) => l[0]!.caseId).sort()).toEqual(labelled);
    const shows = (activity: string, test: (r: EventRecord) => boolean) => records.some((r) => r.activity === activity && test(r));
    expect(shows('extension-approved', (r) => r.actor === undefined)).toBe(true);
    expect(shows('special-procedure-started', (r) => r.recordedAt !== undefined)).toBe(true);
  });

  it('injects an unlisted matter of the project, approved 1–4 working days before the labeled case is received, when asked', () => {
    const { records, labels } = generateLog({ seed: 29, cases: 300, flows, inject: { 'unmodeled-activity': 0.3 }, unmodeledActivity: ['unlisted-matter'] });
    const grouped = byCase(records);
    let gated = 0;
    for (const label of labels) {
      const own = grouped.get(label.caseId!)!;
      const gate = [...grouped.values()].find((list) => list[0]!.matterId === `UNLISTED-${own[0]!.matterId}` && list[0]!.projectCode === own[0]!.projectCode);
      if (gate === undefined) {
        expect(ORACLES['unmodeled-activity'](own, grouped)).toBe(true); // a case that cannot show it gets the in-case variant
        continue;
      }
      gated++;
      const approved = gate.find((r) => r.activity === 'approved')!;
      const received = own.find((r) => r.activity === 'received')!;
      const days = calendar.workingDaysBetween(calendar.toLocalDate(approved.at), calendar.toLocalDate(received.at));
      expect(days).toBeGreaterThanOrEqual(1);
      expect(days).toBeLessThanOrEqual(4);
      expect(ORACLES['unmodeled-activity'](own, grouped)).toBe(false); // nothing unmodeled inside the case itself
    }
    expect(gated).toBeGreaterThan(15);
  });

  it('rejects an empty or unknown suspensionAbuse or unmodeledActivity', () => {
    expect(() => generateLog({ seed: 1, cases: 1, suspensionAbuse: [] })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: suspensionAbuse is empty; give one or more of at-acceptance, repeated-supplement, post-acceptance-supplement, repeated-pre-acceptance-supplement, unjustified-reason, never-ended, entered-after-decision, unapproved-extension, repeated-extension, over-long-extension.]`);
    expect(() => generateLog({ seed: 1, cases: 1, suspensionAbuse: ['at-acceptance', 'overrun' as never] })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: suspensionAbuse names "overrun", which is not a variant; give one or more of at-acceptance, repeated-supplement, post-acceptance-supplement, repeated-pre-acceptance-supplement, unjustified-reason, never-ended, entered-after-decision, unapproved-extension, repeated-extension, over-long-extension.]`);
    expect(() => generateLog({ seed: 1, cases: 1, unmodeledActivity: ['in-case', 'gate' as never] })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: unmodeledActivity names "gate", which is not a variant; give one or more of in-case, unlisted-matter.]`);
  });

  it('rejects codes not yet injectable and bad rates', () => {
    expect(() => generateLog({ seed: 1, cases: 1, inject: { 'backfilled-record': 2 } })).toThrow(/probability/);
    expect(() => generateLog({ seed: 1, cases: -1 })).toThrow(/whole number/);
  });
});
