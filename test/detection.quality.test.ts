/**
 * Quality of the built-in detectors against the simulator's labels: per-code precision and recall
 * over a seeded log of 5,000+ applications, and properties over small generated logs. The table it
 * prints is the one in docs/detection.md (`npx vitest run test/detection.quality.test.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar } from '../src/calendar';
import type { FlowDefinition } from '../src/definition';
import { detectOffSystemWork } from '../src/detection';
import type { Finding } from '../src/detection/finding';
import { BUILT_IN_DETECTORS } from '../src/detection/detectors';
import { caseInputs } from '../src/detection/detectors/_internal/case-views';
import type { EventRecord } from '../src/event-log';
import { constructionPermitBundle, licenceSeparationFlow } from '../src/flows';
import { generateLog, INJECTABLE_DEVIATION_CODES, SUSPENSION_ABUSE_VARIANTS, type DeviationLabel, type SuspensionAbuseVariant } from '../src/simulation';
import { conformantLogArbitrary, deviantLogArbitrary } from '../src/testing/log-arbitrary';

/** The simulator's default mix of flows, which the views need to resolve each matter. */
const flows: FlowDefinition[] = [
  ...constructionPermitBundle().flows,
  licenceSeparationFlow('approval'),
  licenceSeparationFlow('optimized-approval'),
  licenceSeparationFlow('filing'),
];
const calendar = chinaMainlandCalendar();

/** Every finding of every built-in detector, with its default options, over a whole log. */
function detectAll(records: readonly EventRecord[]): Finding[] {
  return caseInputs(records, flows, calendar).flatMap(({ view, history }) =>
    BUILT_IN_DETECTORS.flatMap((detector) => detector.detect(view, detector.defaults, history)),
  );
}

const keyOf = (x: Finding | DeviationLabel) => `${x.code} ${x.caseId ?? ''}`;

/** The driver's findings over a log streamed in time order, as a real system exports it. */
function drivenOver(records: readonly EventRecord[]): readonly Finding[] {
  return detectOffSystemWork([...records].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)), { flows }).findings;
}

describe('detection quality', () => {
  const CASES = 5000;
  const RATE = 0.04;
  /** Codes that apply to few matters get a higher rate, so each has 50+ labels: filings are about a fifth of the mix, matters with predecessors a ninth, matters with a parallel partner about a third. */
  const RATES: Partial<Record<(typeof INJECTABLE_DEVIATION_CODES)[number], number>> = { 'disguised-filing': 0.1, 'missing-predecessor': 0.4, 'serial-as-parallel': 0.1 };
  const { records, labels } = generateLog({
    seed: 20_251_126,
    cases: CASES,
    inject: Object.fromEntries(INJECTABLE_DEVIATION_CODES.map((code) => [code, RATES[code] ?? RATE])),
  });
  const findings = detectAll(records);
  const found = new Set(findings.map(keyOf));
  const truth = new Set(labels.map(keyOf));
  const rows = INJECTABLE_DEVIATION_CODES.map((code) => {
    const flagged = [...found].filter((k) => k.startsWith(`${code} `));
    const labelled = [...truth].filter((k) => k.startsWith(`${code} `));
    const tp = flagged.filter((k) => truth.has(k)).length;
    return {
      code,
      labelled: labelled.length,
      flagged: flagged.length,
      tp,
      precision: flagged.length === 0 ? 1 : tp / flagged.length,
      recall: labelled.length === 0 ? 1 : tp / labelled.length,
    };
  });

  it('prints the per-detector table', () => {
    const lines = [
      `| code | labeled | found | true positives | precision | recall |`,
      `|---|---:|---:|---:|---:|---:|`,
      ...rows.map((r) => `| ${r.code} | ${r.labelled} | ${r.flagged} | ${r.tp} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} |`),
    ];
    console.log(`Detection quality: ${CASES} applications (seed 20251126, each code at ${RATE}, disguised-filing at ${RATES['disguised-filing']}, missing-predecessor at ${RATES['missing-predecessor']}, serial-as-parallel at ${RATES['serial-as-parallel']}), default thresholds\n${lines.join('\n')}`);
    expect(rows.every((r) => r.labelled >= 50)).toBe(true);
  });

  it.each(INJECTABLE_DEVIATION_CODES)('%s reaches precision ≥ 0.95 and recall ≥ 0.90', (code) => {
    const row = rows.find((r) => r.code === code)!;
    expect(row.precision).toBeGreaterThanOrEqual(0.95);
    expect(row.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('agrees with the driver on a log streamed in time order', () => {
    expect(new Set(drivenOver(records).map(keyOf))).toEqual(found);
  });

  it('proves every finding with records of the log and a message', () => {
    const ids = new Set(records.map((r) => r.id));
    for (const f of findings) {
      expect(f.recordIds.length).toBeGreaterThan(0);
      for (const id of f.recordIds) expect(ids.has(id), `${f.code} ${id}`).toBe(true);
      expect(f.message.length).toBeGreaterThan(40);
      if (f.hiddenWorkingDays !== undefined) expect(f.hiddenWorkingDays).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('detection quality: each way suspension-abuse is injected', () => {
  /** What the finding about each variant says (its signal in the detector's message). */
  const SIGNAL: Record<SuspensionAbuseVariant, RegExp> = {
    'at-acceptance': /starts at the very moment of acceptance/,
    'repeated-supplement': /Repeated 补正 after acceptance/,
    'post-acceptance-supplement': /补正 after acceptance \(过程补件\): .* once after/,
    'repeated-pre-acceptance-supplement': /Repeated 补正 before acceptance/,
    'unjustified-reason': /, and its reason "[a-z-]+" is neither an Art\. 45 category nor an approved Art\. 42 extension\. Check/,
    'never-ended': /was never ended/,
    'entered-after-decision': /after the decision of .* was/,
    'unapproved-extension': /names no approver/,
    'repeated-extension': /it is extension 2, where 1 is allowed/,
    'over-long-extension': /it adds \d+ working days, beyond the \d+ the matter allows/,
  };

  it.each(SUSPENSION_ABUSE_VARIANTS)('finds every %s, by its own signal, and nothing unlabeled', (variant) => {
    const { records, labels } = generateLog({ seed: 20_251_127, cases: 600, inject: { 'suspension-abuse': 0.15 }, suspensionAbuse: [variant] });
    const findings = detectAll(records);
    expect(new Set(drivenOver(records).map(keyOf))).toEqual(new Set(findings.map(keyOf)));
    expect(labels.length).toBeGreaterThanOrEqual(40);
    const truth = new Set(labels.map(keyOf));
    for (const f of findings) expect(truth.has(keyOf(f)), `unlabeled: ${f.code} ${f.caseId} ${f.message}`).toBe(true);
    for (const label of labels) {
      const about = findings.filter((f) => keyOf(f) === keyOf(label));
      expect(about.some((f) => SIGNAL[variant].test(f.message)), `${label.caseId}: ${about.map((f) => f.message).join(' | ') || 'no finding'}`).toBe(true);
    }
  });
});

describe('detection quality: an unlisted matter gating a listed one', () => {
  it('finds every listed case received right after an unlisted matter of its project was approved, and nothing unlabeled', () => {
    const { records, labels } = generateLog({ seed: 20_251_127, cases: 600, inject: { 'unmodeled-activity': 0.3 }, unmodeledActivity: ['unlisted-matter'] });
    const findings = detectAll(records);
    expect(new Set(drivenOver(records).map(keyOf))).toEqual(new Set(findings.map(keyOf)));
    const truth = new Set(labels.map(keyOf));
    const unlistedProjects = new Set(records.filter((r) => r.matterId.startsWith('UNLISTED-')).map((r) => r.projectCode));
    const projectOf = new Map(records.map((r) => [r.caseId, r.projectCode]));
    const gated = labels.filter((l) => unlistedProjects.has(projectOf.get(l.caseId!)));
    expect(gated.length).toBeGreaterThanOrEqual(30);
    for (const f of findings) expect(truth.has(keyOf(f)), `unlabeled: ${f.code} ${f.caseId} ${f.message}`).toBe(true);
    for (const label of gated) {
      const about = findings.filter((f) => keyOf(f) === keyOf(label));
      expect(about.some((f) => /a matter on no list/.test(f.message)), `${label.caseId}: ${about.map((f) => f.message).join(' | ') || 'no finding'}`).toBe(true);
    }
  });
});

describe('detection properties', () => {
  it('finds nothing in conformant logs', () => {
    fc.assert(
      fc.property(conformantLogArbitrary({ maxCases: 15 }), ({ records }) => {
        expect(detectAll(records).map(keyOf)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('finds every label when all codes, in every variant, are mixed in one log', () => {
    fc.assert(
      fc.property(deviantLogArbitrary({ maxCases: 15 }), ({ records, labels }) => {
        const found = new Set(detectAll(records).map(keyOf));
        for (const label of labels) expect(found.has(keyOf(label)), keyOf(label)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it.each(INJECTABLE_DEVIATION_CODES)('finds each injected %s with its code', (code) => {
    fc.assert(
      fc.property(deviantLogArbitrary({ codes: [code], maxCases: 10 }), ({ records, labels }) => {
        const found = new Set(detectAll(records).map(keyOf));
        for (const label of labels) expect(found.has(keyOf(label)), keyOf(label)).toBe(true);
      }),
      { numRuns: 8 },
    );
  });
});
