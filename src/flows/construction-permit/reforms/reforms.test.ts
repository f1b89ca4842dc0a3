import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { compileFlow } from '../../../compiler';
import { validateBundle, validateFlow } from '../../../definition';
import { PermitflowError } from '../../../errors';
import { createFlowInstance } from '../../../runtime';
import { placeSteps } from '../../../_internal/process-tree';
import type { BundleWithFlows } from '../../bundle-with-flows';
import {
  REFORM_ORDER,
  applyDeferredAcceptance,
  applyJointAcceptance,
  applyJointDrawingReview,
  applyLandWithDesignScheme,
  applyMultiPlanIntegration,
  applyNotifyCommit,
  applyRegionalAssessment,
  applyStandardLand,
  applyUnifiedSurvey,
  constructionPermitBundle,
  type ConstructionPermitReforms,
  type ConstructionProjectCategory,
} from '../index';

/** Every fact of a bundle a reform may change, one string each, so two bundles compare as sets. */
function facts({ bundle, flows }: BundleWithFlows): Set<string> {
  const out = new Set<string>();
  (bundle.stages ?? []).forEach((s, i) => out.add(`stage ${i + 1} ${s.id} (${s.leadDepartment}, ${s.limitWorkingDays ?? '-'} wd)`));
  for (const m of bundle.matters) {
    out.add(`matter ${m.matterId} in ${m.stage}`);
    for (const dep of m.dependsOn ?? []) out.add(`${m.matterId} waits for ${dep}`);
  }
  for (const m of bundle.sharedMaterials ?? []) out.add(`shared material ${m.id}`);
  out.add(`bundle limits ${bundle.limits?.statutoryWorkingDays}/${bundle.limits?.promisedWorkingDays}, trips ${bundle.expectedTrips}`);
  for (const f of flows) {
    const { statutoryWorkingDays: s, promisedWorkingDays: p, extensionWorkingDays: e } = f.limits ?? {};
    out.add(`${f.id}: ${f.mode} ${f.caseType} by ${f.department}, limits ${s ?? '-'}/${p ?? '-'}/${e ?? '-'}`);
    for (const area of f.involves ?? []) out.add(`${f.id}: involves ${area}`);
    for (const m of f.materials) out.add(`${f.id}: material ${m.id}${m.required === false ? ' (may be deferred)' : ''}`);
    for (const { step } of placeSteps(f.process)) {
      const back = step.sendBackTo ? ` ↩ ${step.sendBackTo.join(',')}` : '';
      out.add(`${f.id}: step ${step.id} (${step.department}/${step.role})${back}`);
    }
    if (f.notifyCommit) {
      const { decision, verification, correctionWorkingDays, conditions } = f.notifyCommit;
      out.add(`${f.id}: 告知承诺 ${conditions.length} conditions, ${decision}, verify ${verification.withinWorkingDays} wd by ${verification.methods.join('+')}, correct ${correctionWorkingDays} wd`);
    }
  }
  return out;
}

/** What changed from `before` to `after`: facts that went (−) and facts that came (+), sorted. */
function diff(before: BundleWithFlows, after: BundleWithFlows): string[] {
  const a = facts(before);
  const b = facts(after);
  return [...[...a].filter((f) => !b.has(f)).map((f) => `- ${f}`), ...[...b].filter((f) => !a.has(f)).map((f) => `+ ${f}`)].sort();
}

function expectValid({ bundle, flows }: BundleWithFlows): void {
  for (const flow of flows) {
    const result = validateFlow(flow);
    expect(result.ok ? [] : result.issues, flow.id).toEqual([]);
    expect(() => compileFlow(flow), flow.id).not.toThrow();
  }
  const result = validateBundle(bundle, { flows });
  expect(result.ok ? [] : result.issues).toEqual([]);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const base = (category: ConstructionProjectCategory = 'social-invested') => deepFreeze(constructionPermitBundle({ category }));

function thrown(fn: () => unknown): PermitflowError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PermitflowError);
    expect((error as PermitflowError).code).toBe('invalid-argument');
    return error as PermitflowError;
  }
  throw new Error('expected a PermitflowError');
}

/** Each reform alone, as a transform of the government-invested baseline (the category that holds every matter). */
const ALONE: ReadonlyArray<readonly [string, (input: BundleWithFlows) => BundleWithFlows]> = [
  ['多规合一', applyMultiPlanIntegration],
  ['区域评估', applyRegionalAssessment],
  ['标准地', (b) => applyStandardLand(applyRegionalAssessment(b))],
  ['多测合一', applyUnifiedSurvey],
  ['带方案出让', applyLandWithDesignScheme],
  ['联合审图', applyJointDrawingReview],
  ['联合验收', applyJointAcceptance],
  ['告知承诺', (b) => applyNotifyCommit(b, { matters: ['construction-permit'] })],
  ['容缺受理', (b) => applyDeferredAcceptance(b, { matters: ['construction-permit'] })],
];

describe('reforms', () => {
  it.each(ALONE)('%s gives a valid bundle, leaves its input alone, and re-versions exactly what it changes', (_name, reform) => {
    const input = base('government-invested');
    const before = JSON.stringify(input);
    const output = reform(input);
    expect(JSON.stringify(input)).toBe(before);
    expectValid(output);
    const old = new Map(input.flows.map((f) => [f.id, f]));
    for (const flow of output.flows) {
      const previous = old.get(flow.id);
      if (previous === undefined) continue;
      const same = JSON.stringify({ ...previous, version: '' }) === JSON.stringify({ ...flow, version: '' });
      if (same) expect(flow.version, flow.id).toBe(previous.version);
      else expect(flow.version, flow.id).toMatch(/^1\+[0-9a-f]{8}$/);
    }
    expect(output.bundle.version === input.bundle.version).toBe(JSON.stringify({ ...output.bundle, version: '' }) === JSON.stringify({ ...input.bundle, version: '' }));
  });

  it('多规合一 drops the case-by-case planning conditions and the separate site study', () => {
    expect(diff(base('government-invested'), applyMultiPlanIntegration(base('government-invested')))).toMatchInlineSnapshot(`
      [
        "- land-pre-review-site-selection: material site-selection-report",
        "- land-pre-review-site-selection: step site-selection-expert-review (natural-resources/expert)",
        "- land-pre-review-site-selection: step site-selection-review (natural-resources/planner)",
        "- land-use-planning-permit: material planning-conditions-request",
        "- land-use-planning-permit: step planning-conditions (natural-resources/planner) ↩ preliminary-review",
      ]
    `);
    expect(diff(base(), applyMultiPlanIntegration(base()))).toMatchInlineSnapshot(`
      [
        "- land-use-planning-permit: material planning-conditions-request",
        "- land-use-planning-permit: step planning-conditions (natural-resources/planner) ↩ preliminary-review",
      ]
    `);
  });

  it('区域评估 removes the per-project assessments the zone covers, and keeps the 环评', () => {
    expect(diff(base(), applyRegionalAssessment(base()))).toMatchInlineSnapshot(`
      [
        "- energy-conservation-review: approval promised by development-reform, limits 20/10/-",
        "- energy-conservation-review: material application-form",
        "- energy-conservation-review: material energy-report",
        "- energy-conservation-review: material power-of-attorney",
        "- energy-conservation-review: step decision (development-reform/director)",
        "- energy-conservation-review: step energy-expert-review (development-reform/expert)",
        "- energy-conservation-review: step preliminary-review (development-reform/case-officer)",
        "- energy-conservation-review: step section-review (development-reform/section-chief) ↩ preliminary-review",
        "- matter energy-conservation-review in land-planning",
        "- matter mineral-overlay-review in land-planning",
        "- matter soil-water-conservation in land-planning",
        "- mineral-overlay-review: approval promised by natural-resources, limits 20/10/-",
        "- mineral-overlay-review: material application-form",
        "- mineral-overlay-review: material compensation-agreement",
        "- mineral-overlay-review: material overlay-assessment",
        "- mineral-overlay-review: material power-of-attorney",
        "- mineral-overlay-review: step decision (natural-resources/director)",
        "- mineral-overlay-review: step mineral-technical-review (natural-resources/mineral-examiner) ↩ preliminary-review",
        "- mineral-overlay-review: step preliminary-review (natural-resources/case-officer)",
        "- soil-water-conservation: approval promised by water-resources, limits 20/10/-",
        "- soil-water-conservation: involves ecological-environment",
        "- soil-water-conservation: material application-form",
        "- soil-water-conservation: material power-of-attorney",
        "- soil-water-conservation: material soil-water-plan",
        "- soil-water-conservation: step decision (water-resources/director)",
        "- soil-water-conservation: step preliminary-review (water-resources/case-officer)",
        "- soil-water-conservation: step section-review (water-resources/section-chief) ↩ preliminary-review",
        "- soil-water-conservation: step technical-review (water-resources/expert)",
      ]
    `);
    expect(diff(base('small-low-risk'), applyRegionalAssessment(base('small-low-risk')))).toEqual([]);
  });

  it('标准地 drops 用地预审与选址 and lets the land permit and the 施工许可 stop waiting', () => {
    const assessed = deepFreeze(applyRegionalAssessment(base('government-invested')));
    expect(diff(assessed, applyStandardLand(assessed))).toMatchInlineSnapshot(`
      [
        "+ construction-permit: material drawing-review-commitment",
        "- construction-permit waits for construction-drawing-review",
        "- construction-permit: material drawing-review-certificate",
        "- land-pre-review-site-selection: approval promised by natural-resources, limits 20/10/-",
        "- land-pre-review-site-selection: material application-form",
        "- land-pre-review-site-selection: material farmland-supplement-plan",
        "- land-pre-review-site-selection: material land-boundary-map",
        "- land-pre-review-site-selection: material power-of-attorney",
        "- land-pre-review-site-selection: material project-proposal",
        "- land-pre-review-site-selection: material site-selection-report",
        "- land-pre-review-site-selection: step decision (natural-resources/director)",
        "- land-pre-review-site-selection: step land-use-review (natural-resources/land-examiner)",
        "- land-pre-review-site-selection: step preliminary-review (natural-resources/case-officer)",
        "- land-pre-review-site-selection: step section-review (natural-resources/section-chief) ↩ preliminary-review",
        "- land-pre-review-site-selection: step site-inspection (natural-resources/inspector)",
        "- land-pre-review-site-selection: step site-selection-expert-review (natural-resources/expert)",
        "- land-pre-review-site-selection: step site-selection-review (natural-resources/planner)",
        "- land-use-planning-permit waits for project-approval",
        "- matter land-pre-review-site-selection in land-planning",
        "- project-approval waits for land-pre-review-site-selection",
      ]
    `);
  });

  it('标准地 needs 区域评估 first', () => {
    expect(thrown(() => applyStandardLand(base())).message).toMatchInlineSnapshot(`"标准地 (standardLand) is land sold after 区域评估, but the bundle still holds soil-water-conservation, energy-conservation-review, mineral-overlay-review. Apply 区域评估 first: set reforms.regionalAssessment: true, or call applyRegionalAssessment before applyStandardLand."`);
    expect(thrown(() => constructionPermitBundle({ reforms: { standardLand: true } })).message).toMatchInlineSnapshot(`"constructionPermitBundle: 标准地 (reforms.standardLand) is land sold after 区域评估; set reforms.regionalAssessment: true as well."`);
  });

  it('多测合一 replaces the separate completion surveys with one commission', () => {
    const once = applyUnifiedSurvey(base());
    expect(diff(base(), once)).toMatchInlineSnapshot(`
      [
        "+ civil-air-defence-acceptance waits for unified-survey",
        "+ land-verification waits for unified-survey",
        "+ matter unified-survey in completion",
        "+ planning-verification waits for unified-survey",
        "+ shared material unified-survey-report",
        "+ unified-survey: approval promised by natural-resources, limits 20/3/-",
        "+ unified-survey: material application-form",
        "+ unified-survey: material power-of-attorney",
        "+ unified-survey: material unified-survey-report",
        "+ unified-survey: step decision (natural-resources/director)",
        "+ unified-survey: step preliminary-review (natural-resources/case-officer)",
        "+ unified-survey: step survey-quality-check (natural-resources/survey-examiner) ↩ preliminary-review",
        "- civil-air-defence-acceptance: material civil-air-defence-area-survey",
        "- civil-air-defence-acceptance: step survey-result-check (civil-air-defence/survey-examiner)",
        "- land-verification: material land-survey-report",
        "- land-verification: step survey-result-check (natural-resources/survey-examiner)",
        "- planning-verification: material planning-survey-report",
        "- planning-verification: step survey-result-check (natural-resources/survey-examiner)",
      ]
    `);
    expect(applyUnifiedSurvey(once)).toBe(once);
  });

  it('带方案出让 merges stages 2 and 3, summing their limits', () => {
    const once = applyLandWithDesignScheme(base());
    expect(diff(base(), once)).toMatchInlineSnapshot(`
      [
        "+ bundle limits 120/90, trips 3",
        "+ construction-permit waits for works-planning-permit",
        "+ matter civil-air-defence-design-review in works-and-construction",
        "+ matter construction-drawing-review in works-and-construction",
        "+ matter construction-permit in works-and-construction",
        "+ matter design-scheme-review in works-and-construction",
        "+ matter fire-design-review in works-and-construction",
        "+ matter works-planning-permit in works-and-construction",
        "+ stage 2 works-and-construction (housing-construction, 45 wd)",
        "+ stage 3 completion (housing-construction, 15 wd)",
        "- bundle limits 120/90, trips 4",
        "- matter civil-air-defence-design-review in construction",
        "- matter construction-drawing-review in construction",
        "- matter construction-permit in construction",
        "- matter design-scheme-review in works-planning",
        "- matter fire-design-review in construction",
        "- matter works-planning-permit in works-planning",
        "- stage 2 works-planning (natural-resources, 20 wd)",
        "- stage 3 construction (housing-construction, 25 wd)",
        "- stage 4 completion (housing-construction, 15 wd)",
      ]
    `);
    expect(applyLandWithDesignScheme(once)).toBe(once);
  });

  it('联合审图 replaces the separate drawing, fire and 人防 reviews with one', () => {
    expect(diff(base(), applyJointDrawingReview(base()))).toMatchInlineSnapshot(`
      [
        "+ construction-permit waits for joint-drawing-review",
        "+ joint-drawing-review: approval promised by housing-construction, limits 45/10/15",
        "+ joint-drawing-review: involves life-health-safety",
        "+ joint-drawing-review: involves national-security",
        "+ joint-drawing-review: involves public-safety",
        "+ joint-drawing-review: material application-form",
        "+ joint-drawing-review: material civil-air-defence-drawings",
        "+ joint-drawing-review: material construction-drawings",
        "+ joint-drawing-review: material designer-qualification",
        "+ joint-drawing-review: material fire-design-documents",
        "+ joint-drawing-review: material fire-design-technical-report",
        "+ joint-drawing-review: material geotechnical-report",
        "+ joint-drawing-review: material power-of-attorney",
        "+ joint-drawing-review: material site-plan",
        "+ joint-drawing-review: material works-planning-permit-copy",
        "+ joint-drawing-review: step civil-air-defence-section-review (civil-air-defence/section-chief) ↩ civil-air-defence-technical-review",
        "+ joint-drawing-review: step civil-air-defence-technical-review (civil-air-defence/protection-engineer) ↩ preliminary-review",
        "+ joint-drawing-review: step decision (housing-construction/director)",
        "+ joint-drawing-review: step drawing-architecture-review (drawing-review-institution/architecture-reviewer)",
        "+ joint-drawing-review: step drawing-building-services-review (drawing-review-institution/services-reviewer)",
        "+ joint-drawing-review: step drawing-review-summary (drawing-review-institution/chief-reviewer) ↩ drawing-structure-review",
        "+ joint-drawing-review: step drawing-structure-review (drawing-review-institution/structure-reviewer)",
        "+ joint-drawing-review: step fire-section-review (housing-construction/section-chief) ↩ fire-technical-review",
        "+ joint-drawing-review: step fire-technical-review (housing-construction/fire-technical-reviewer) ↩ preliminary-review",
        "+ joint-drawing-review: step joint-opinion (drawing-review-institution/chief-reviewer) ↩ preliminary-review",
        "+ joint-drawing-review: step preliminary-review (housing-construction/case-officer)",
        "+ matter joint-drawing-review in construction",
        "- civil-air-defence-design-review: approval promised by civil-air-defence, limits 20/10/-",
        "- civil-air-defence-design-review: involves national-security",
        "- civil-air-defence-design-review: material application-form",
        "- civil-air-defence-design-review: material civil-air-defence-drawings",
        "- civil-air-defence-design-review: material power-of-attorney",
        "- civil-air-defence-design-review: material site-plan",
        "- civil-air-defence-design-review: material works-planning-permit-copy",
        "- civil-air-defence-design-review: step civil-air-defence-technical-review (civil-air-defence/protection-engineer) ↩ preliminary-review",
        "- civil-air-defence-design-review: step decision (civil-air-defence/director)",
        "- civil-air-defence-design-review: step preliminary-review (civil-air-defence/case-officer)",
        "- civil-air-defence-design-review: step section-review (civil-air-defence/section-chief) ↩ civil-air-defence-technical-review",
        "- construction-drawing-review: approval promised by housing-construction, limits 15/10/-",
        "- construction-drawing-review: involves life-health-safety",
        "- construction-drawing-review: material application-form",
        "- construction-drawing-review: material construction-drawings",
        "- construction-drawing-review: material designer-qualification",
        "- construction-drawing-review: material geotechnical-report",
        "- construction-drawing-review: material power-of-attorney",
        "- construction-drawing-review: material works-planning-permit-copy",
        "- construction-drawing-review: step architecture-review (drawing-review-institution/architecture-reviewer)",
        "- construction-drawing-review: step building-services-review (drawing-review-institution/services-reviewer)",
        "- construction-drawing-review: step decision (housing-construction/director)",
        "- construction-drawing-review: step preliminary-review (housing-construction/case-officer)",
        "- construction-drawing-review: step review-summary (drawing-review-institution/chief-reviewer) ↩ structure-review",
        "- construction-drawing-review: step structure-review (drawing-review-institution/structure-reviewer)",
        "- construction-permit waits for civil-air-defence-design-review",
        "- construction-permit waits for construction-drawing-review",
        "- construction-permit waits for fire-design-review",
        "- fire-design-review: approval promised by housing-construction, limits 15/10/-",
        "- fire-design-review: involves public-safety",
        "- fire-design-review: material application-form",
        "- fire-design-review: material fire-design-documents",
        "- fire-design-review: material fire-design-technical-report",
        "- fire-design-review: material power-of-attorney",
        "- fire-design-review: step decision (housing-construction/director)",
        "- fire-design-review: step fire-technical-review (housing-construction/fire-technical-reviewer) ↩ preliminary-review",
        "- fire-design-review: step preliminary-review (housing-construction/case-officer)",
        "- fire-design-review: step section-review (housing-construction/section-chief) ↩ fire-technical-review",
        "- matter civil-air-defence-design-review in construction",
        "- matter construction-drawing-review in construction",
        "- matter fire-design-review in construction",
      ]
    `);
    // A small low-risk project has only the 施工图审查: nothing to join.
    expect(diff(base('small-low-risk'), applyJointDrawingReview(base('small-low-risk')))).toEqual([]);
  });

  it('联合验收 replaces the separate acceptances with one parallel check and one opinion', () => {
    expect(diff(base(), applyJointAcceptance(base()))).toMatchInlineSnapshot(`
      [
        "+ completion-filing waits for joint-acceptance",
        "+ joint-acceptance: approval promised by housing-construction, limits 45/7/15",
        "+ joint-acceptance: involves national-security",
        "+ joint-acceptance: involves public-safety",
        "+ joint-acceptance: material application-form",
        "+ joint-acceptance: material civil-air-defence-approval",
        "+ joint-acceptance: material civil-air-defence-area-survey",
        "+ joint-acceptance: material completion-acceptance-report",
        "+ joint-acceptance: material completion-drawings",
        "+ joint-acceptance: material fire-testing-report",
        "+ joint-acceptance: material land-contract",
        "+ joint-acceptance: material land-survey-report",
        "+ joint-acceptance: material planning-survey-report",
        "+ joint-acceptance: material power-of-attorney",
        "+ joint-acceptance: material project-archives",
        "+ joint-acceptance: material protective-equipment-test",
        "+ joint-acceptance: material works-planning-permit-copy",
        "+ joint-acceptance: step archives-check (urban-archives/archivist) ↩ preliminary-review",
        "+ joint-acceptance: step civil-air-defence-protection-site-inspection (civil-air-defence/protection-engineer) ↩ preliminary-review",
        "+ joint-acceptance: step civil-air-defence-survey-result-check (civil-air-defence/survey-examiner)",
        "+ joint-acceptance: step decision (housing-construction/director)",
        "+ joint-acceptance: step fire-document-review (housing-construction/fire-reviewer)",
        "+ joint-acceptance: step fire-site-assessment (housing-construction/fire-inspector) ↩ fire-document-review",
        "+ joint-acceptance: step joint-opinion (housing-construction/section-chief) ↩ preliminary-review",
        "+ joint-acceptance: step land-site-verification (natural-resources/inspector) ↩ preliminary-review",
        "+ joint-acceptance: step land-survey-result-check (natural-resources/survey-examiner)",
        "+ joint-acceptance: step planning-site-verification (natural-resources/inspector) ↩ preliminary-review",
        "+ joint-acceptance: step planning-survey-result-check (natural-resources/survey-examiner)",
        "+ joint-acceptance: step preliminary-review (housing-construction/case-officer)",
        "+ matter joint-acceptance in completion",
        "- archives-acceptance: approval promised by urban-archives, limits 20/5/-",
        "- archives-acceptance: material application-form",
        "- archives-acceptance: material completion-drawings",
        "- archives-acceptance: material power-of-attorney",
        "- archives-acceptance: material project-archives",
        "- archives-acceptance: step archives-check (urban-archives/archivist) ↩ preliminary-review",
        "- archives-acceptance: step decision (urban-archives/director)",
        "- archives-acceptance: step preliminary-review (urban-archives/case-officer)",
        "- civil-air-defence-acceptance: approval promised by civil-air-defence, limits 20/7/-",
        "- civil-air-defence-acceptance: involves national-security",
        "- civil-air-defence-acceptance: material application-form",
        "- civil-air-defence-acceptance: material civil-air-defence-approval",
        "- civil-air-defence-acceptance: material civil-air-defence-area-survey",
        "- civil-air-defence-acceptance: material completion-drawings",
        "- civil-air-defence-acceptance: material power-of-attorney",
        "- civil-air-defence-acceptance: material protective-equipment-test",
        "- civil-air-defence-acceptance: step decision (civil-air-defence/director)",
        "- civil-air-defence-acceptance: step preliminary-review (civil-air-defence/case-officer)",
        "- civil-air-defence-acceptance: step protection-site-inspection (civil-air-defence/protection-engineer) ↩ preliminary-review",
        "- civil-air-defence-acceptance: step survey-result-check (civil-air-defence/survey-examiner)",
        "- completion-filing waits for archives-acceptance",
        "- completion-filing waits for civil-air-defence-acceptance",
        "- completion-filing waits for fire-acceptance",
        "- completion-filing waits for land-verification",
        "- completion-filing waits for planning-verification",
        "- fire-acceptance: approval promised by housing-construction, limits 15/10/-",
        "- fire-acceptance: involves public-safety",
        "- fire-acceptance: material application-form",
        "- fire-acceptance: material completion-acceptance-report",
        "- fire-acceptance: material completion-drawings",
        "- fire-acceptance: material fire-testing-report",
        "- fire-acceptance: material power-of-attorney",
        "- fire-acceptance: step decision (housing-construction/director)",
        "- fire-acceptance: step fire-document-review (housing-construction/fire-reviewer)",
        "- fire-acceptance: step fire-site-assessment (housing-construction/fire-inspector) ↩ fire-document-review",
        "- fire-acceptance: step preliminary-review (housing-construction/case-officer)",
        "- land-verification: approval promised by natural-resources, limits 20/5/-",
        "- land-verification: material application-form",
        "- land-verification: material land-contract",
        "- land-verification: material land-survey-report",
        "- land-verification: material power-of-attorney",
        "- land-verification: step decision (natural-resources/director)",
        "- land-verification: step preliminary-review (natural-resources/case-officer)",
        "- land-verification: step site-verification (natural-resources/inspector) ↩ preliminary-review",
        "- land-verification: step survey-result-check (natural-resources/survey-examiner)",
        "- matter archives-acceptance in completion",
        "- matter civil-air-defence-acceptance in completion",
        "- matter fire-acceptance in completion",
        "- matter land-verification in completion",
        "- matter planning-verification in completion",
        "- planning-verification: approval promised by natural-resources, limits 20/5/-",
        "- planning-verification: material application-form",
        "- planning-verification: material completion-drawings",
        "- planning-verification: material planning-survey-report",
        "- planning-verification: material power-of-attorney",
        "- planning-verification: material works-planning-permit-copy",
        "- planning-verification: step decision (natural-resources/director)",
        "- planning-verification: step preliminary-review (natural-resources/case-officer)",
        "- planning-verification: step site-verification (natural-resources/inspector) ↩ preliminary-review",
        "- planning-verification: step survey-result-check (natural-resources/survey-examiner)",
      ]
    `);
  });

  it('告知承诺 switches the chosen matters to notify-and-commit with an on-the-spot decision', () => {
    const output = applyNotifyCommit(base(), { matters: ['construction-permit', 'archives-acceptance'], verificationWorkingDays: 30 });
    expect(diff(base(), output)).toMatchInlineSnapshot(`
      [
        "+ archives-acceptance: material commitment-letter",
        "+ archives-acceptance: notify-commit immediate by urban-archives, limits 20/5/-",
        "+ archives-acceptance: 告知承诺 2 conditions, on-the-spot, verify 30 wd by data-sharing+on-site-inspection, correct 20 wd",
        "+ construction-permit: material commitment-letter",
        "+ construction-permit: notify-commit immediate by housing-construction, limits 7/3/-",
        "+ construction-permit: 告知承诺 5 conditions, on-the-spot, verify 30 wd by data-sharing+on-site-inspection, correct 20 wd",
        "- archives-acceptance: approval promised by urban-archives, limits 20/5/-",
        "- archives-acceptance: step archives-check (urban-archives/archivist) ↩ preliminary-review",
        "- archives-acceptance: step decision (urban-archives/director)",
        "- archives-acceptance: step preliminary-review (urban-archives/case-officer)",
        "- construction-permit: approval promised by housing-construction, limits 7/3/-",
        "- construction-permit: step decision (housing-construction/director)",
        "- construction-permit: step preliminary-review (housing-construction/case-officer)",
        "- construction-permit: step site-conditions-check (housing-construction/inspector) ↩ preliminary-review",
      ]
    `);
  });

  it('告知承诺 runs on the runtime: notify, commit, decide on the spot, verify, and give the correction period on a breach', () => {
    const flow = applyNotifyCommit(base(), { matters: ['construction-permit'], correctionWorkingDays: 15 }).flows.find((f) => f.id === 'construction-permit')!;
    const clock = new SimulatedClock();
    clock.set(Date.parse('2025-06-02T09:00:00+08:00'));
    const instance = createFlowInstance(flow, { caseId: 'CP-NC-1', clock });
    const office = { id: 'zj-1', role: 'officer', department: 'housing-construction' };
    for (const event of [
      { type: 'receive', channel: 'online' },
      { type: 'notify', actor: office },
      { type: 'commit', standing: {} },
      { type: 'approve', actor: office },
      { type: 'start-verification', actor: office },
      { type: 'find-breach', actor: office, reason: { kind: 'condition-not-met', text: '建设资金未按承诺落实' } },
      { type: 'order-correction', actor: office },
    ] as const) {
      expect(instance.send(event).accepted, event.type).toBe(true);
    }
    expect(instance.records.at(-1)).toMatchObject({ activity: 'correction-ordered', attrs: { workingDays: 15 } });
    instance.stop();
  });

  it('告知承诺 refuses a matter in an excluded area, naming the matter and the area', () => {
    expect(thrown(() => constructionPermitBundle({ reforms: { notifyCommit: ['fire-design-review'] } })).message).toMatchInlineSnapshot(`"告知承诺: matter "fire-design-review" (特殊建设工程消防设计审查) involves public-safety; 国办发〔2020〕42号 excludes matters that directly involve national security, public safety, the ecological environment or life, health and property from notify-and-commit. Remove "fire-design-review" from reforms.notifyCommit; to speed it up, defer its secondary materials with reforms.deferredMaterials (容缺受理) instead."`);
    expect(thrown(() => constructionPermitBundle({ reforms: { notifyCommit: ['environmental-impact-assessment'] } })).message).toMatchInlineSnapshot(`"告知承诺: matter "environmental-impact-assessment" (建设项目环境影响报告表审批) involves ecological-environment; 国办发〔2020〕42号 excludes matters that directly involve national security, public safety, the ecological environment or life, health and property from notify-and-commit. Remove "environmental-impact-assessment" from reforms.notifyCommit; to speed it up, defer its secondary materials with reforms.deferredMaterials (容缺受理) instead."`);
    expect(thrown(() => constructionPermitBundle({ reforms: { jointAcceptance: true, notifyCommit: ['joint-acceptance'] } })).message).toMatchInlineSnapshot(`"告知承诺: matter "joint-acceptance" (建设工程竣工联合验收) involves national-security, public-safety; 国办发〔2020〕42号 excludes matters that directly involve national security, public safety, the ecological environment or life, health and property from notify-and-commit. Remove "joint-acceptance" from reforms.notifyCommit; to speed it up, defer its secondary materials with reforms.deferredMaterials (容缺受理) instead."`);
  });

  it('告知承诺 refuses a filing, a matter without published conditions, a matter not in the bundle and bad terms', () => {
    expect(thrown(() => constructionPermitBundle({ reforms: { notifyCommit: ['project-filing'] } })).message).toMatchInlineSnapshot(`"告知承诺: matter "project-filing" (企业投资项目备案) is a filing, not an approval; notify-and-commit replaces an approval. Remove it from reforms.notifyCommit."`);
    expect(thrown(() => constructionPermitBundle({ category: 'government-invested', reforms: { notifyCommit: ['project-approval'] } })).message).toMatchInlineSnapshot(`"告知承诺: matter "project-approval" (政府投资项目可行性研究报告审批) has no published conditions to tell the applicant, and 告知承诺 needs quantifiable ones. Remove "project-approval" from reforms.notifyCommit, or write its flow with notifyCommit settings yourself."`);
    expect(thrown(() => constructionPermitBundle({ reforms: { jointAcceptance: true, notifyCommit: ['archives-acceptance'] } })).message).toMatchInlineSnapshot(`"告知承诺 (reforms.notifyCommit): matter "archives-acceptance" is not in this bundle (its category or another reform may have left it out or merged it). Choose among: project-filing, land-use-planning-permit, environmental-impact-assessment, soil-water-conservation, energy-conservation-review, mineral-overlay-review, design-scheme-review, works-planning-permit, construction-drawing-review, fire-design-review, civil-air-defence-design-review, construction-permit, joint-acceptance, completion-filing."`);
    expect(thrown(() => constructionPermitBundle({ reforms: { notifyCommit: ['construction-permit'], notifyCommitTerms: { correctionWorkingDays: 0 } } })).message).toMatchInlineSnapshot(`"告知承诺: correctionWorkingDays is 0; use a whole number of working days, at least 1."`);
  });

  it('容缺受理 marks only the secondary materials of the chosen matters as deferrable', () => {
    const output = applyDeferredAcceptance(base(), { matters: ['construction-permit', 'land-use-planning-permit', 'design-scheme-review'] });
    expect(diff(base(), output)).toMatchInlineSnapshot(`
      [
        "+ construction-permit: material power-of-attorney (may be deferred)",
        "+ construction-permit: material supervision-contract (may be deferred)",
        "+ design-scheme-review: material designer-qualification (may be deferred)",
        "+ design-scheme-review: material power-of-attorney (may be deferred)",
        "+ land-use-planning-permit: material power-of-attorney (may be deferred)",
        "+ land-use-planning-permit: material topographic-map (may be deferred)",
        "- construction-permit: material power-of-attorney",
        "- construction-permit: material supervision-contract",
        "- design-scheme-review: material designer-qualification",
        "- design-scheme-review: material power-of-attorney",
        "- land-use-planning-permit: material power-of-attorney",
        "- land-use-planning-permit: material topographic-map",
      ]
    `);
    const joint = applyJointAcceptance(base());
    expect(diff(joint, applyDeferredAcceptance(joint, { matters: ['joint-acceptance'] }))).toMatchInlineSnapshot(`
      [
        "+ joint-acceptance: material power-of-attorney (may be deferred)",
        "+ joint-acceptance: material protective-equipment-test (may be deferred)",
        "- joint-acceptance: material power-of-attorney",
        "- joint-acceptance: material protective-equipment-test",
      ]
    `);
    expect(thrown(() => applyDeferredAcceptance(base(), { matters: ['completion-filing'] })).message).toMatchInlineSnapshot(`"容缺受理: matter "completion-filing" (房屋建筑和市政基础设施工程竣工验收备案) is a filing, which has no acceptance review to defer materials from. Remove it from reforms.deferredMaterials."`);
  });

  it('compose in the documented order, and constructionPermitBundle applies exactly that chain', () => {
    const input = base('government-invested');
    const chained = applyDeferredAcceptance(
      applyNotifyCommit(
        applyJointAcceptance(applyJointDrawingReview(applyLandWithDesignScheme(applyUnifiedSurvey(applyStandardLand(applyRegionalAssessment(applyMultiPlanIntegration(input))))))),
        { matters: ['construction-permit'] },
      ),
      { matters: ['joint-acceptance'] },
    );
    const built = constructionPermitBundle({
      category: 'government-invested',
      reforms: Object.fromEntries(
        REFORM_ORDER.map((r) => [r, r === 'notifyCommit' ? ['construction-permit'] : r === 'deferredMaterials' ? ['joint-acceptance'] : true]),
      ) as ConstructionPermitReforms,
    });
    expect(built).toEqual(chained);
    expectValid(built);
    const waits = Object.fromEntries(built.bundle.matters.map((m) => [m.matterId, m.dependsOn ?? []]));
    // 多测合一 before 联合验收: the joint acceptance inherits the wait for the one survey.
    expect(waits['joint-acceptance']).toEqual(['unified-survey']);
    // 带方案出让 before 联合审图: the joint review is in the merged stage; 标准地 left the fire and 人防 part as a prerequisite.
    expect(built.bundle.matters.find((m) => m.matterId === 'joint-drawing-review')?.stage).toBe('works-and-construction');
    expect(waits['construction-permit']).toEqual(['joint-drawing-review', 'works-planning-permit']);
    expect(waits['completion-filing']).toEqual(['joint-acceptance']);
    // The bundle-level changes (the flows' own changes are pinned reform by reform above).
    const bundleLevel = diff(input, built).filter((line) => !/^[-+] [a-z-]+: /.test(line));
    expect(bundleLevel).toMatchInlineSnapshot(`
      [
        "+ bundle limits 120/120, trips 3",
        "+ completion-filing waits for joint-acceptance",
        "+ construction-permit waits for joint-drawing-review",
        "+ construction-permit waits for works-planning-permit",
        "+ joint-acceptance waits for unified-survey",
        "+ matter construction-permit in works-and-construction",
        "+ matter design-scheme-review in works-and-construction",
        "+ matter joint-acceptance in completion",
        "+ matter joint-drawing-review in works-and-construction",
        "+ matter unified-survey in completion",
        "+ matter works-planning-permit in works-and-construction",
        "+ shared material unified-survey-report",
        "+ stage 2 works-and-construction (housing-construction, 60 wd)",
        "+ stage 3 completion (housing-construction, 20 wd)",
        "- bundle limits 120/120, trips 4",
        "- completion-filing waits for archives-acceptance",
        "- completion-filing waits for civil-air-defence-acceptance",
        "- completion-filing waits for fire-acceptance",
        "- completion-filing waits for land-verification",
        "- completion-filing waits for planning-verification",
        "- construction-permit waits for civil-air-defence-design-review",
        "- construction-permit waits for construction-drawing-review",
        "- construction-permit waits for fire-design-review",
        "- land-use-planning-permit waits for project-approval",
        "- matter archives-acceptance in completion",
        "- matter civil-air-defence-acceptance in completion",
        "- matter civil-air-defence-design-review in construction",
        "- matter construction-drawing-review in construction",
        "- matter construction-permit in construction",
        "- matter design-scheme-review in works-planning",
        "- matter energy-conservation-review in land-planning",
        "- matter fire-acceptance in completion",
        "- matter fire-design-review in construction",
        "- matter land-pre-review-site-selection in land-planning",
        "- matter land-verification in completion",
        "- matter mineral-overlay-review in land-planning",
        "- matter planning-verification in completion",
        "- matter soil-water-conservation in land-planning",
        "- matter works-planning-permit in works-planning",
        "- project-approval waits for land-pre-review-site-selection",
        "- stage 2 works-planning (natural-resources, 30 wd)",
        "- stage 3 construction (housing-construction, 30 wd)",
        "- stage 4 completion (housing-construction, 20 wd)",
      ]
    `);
  });
});
