import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { completeProcess, officer, receiveAndAccept, stepActor } from '../../../test/_helpers/drive';
import { compileFlow } from '../../compiler';
import { validateBundle, validateFlow, type FlowDefinition } from '../../definition';
import { PermitflowError } from '../../errors';
import { createBundleInstance, createFlowInstance, type BundleInstance, type FlowInstance } from '../../runtime';
import { placeSteps } from '../../_internal/process-tree';
import type { BundleWithFlows } from '../bundle-with-flows';
import {
  CONSTRUCTION_PROJECT_CATEGORIES,
  constructionPermitBundle,
  type ConstructionPermitOptions,
} from './index';
import * as sources from './sources';

const START = Date.parse('2025-06-02T09:00:00+08:00');

const EVERY_REFORM: ConstructionPermitOptions['reforms'] = {
  multiPlanIntegration: true,
  regionalAssessment: true,
  standardLand: true,
  unifiedSurvey: true,
  landWithDesignScheme: true,
  jointDrawingReview: true,
  jointAcceptance: true,
  notifyCommit: ['construction-permit', 'works-planning-permit', 'land-use-planning-permit'],
  deferredMaterials: ['joint-drawing-review', 'joint-acceptance', 'design-scheme-review'],
};

/** Every bundle the tests check: each category bare, and with every reform. */
const VARIANTS: ReadonlyArray<readonly [string, ConstructionPermitOptions]> = [
  ['government-invested', { category: 'government-invested' }],
  ['government-invested with every reform', { category: 'government-invested', reforms: EVERY_REFORM }],
  ['social-invested', { category: 'social-invested' }],
  ['social-invested with every reform', { category: 'social-invested', reforms: EVERY_REFORM }],
  ['small-low-risk', { category: 'small-low-risk' }],
  [
    'small-low-risk with every reform',
    {
      category: 'small-low-risk',
      // No design-scheme review and a single drawing review in this category: other matters to switch.
      reforms: { ...EVERY_REFORM, deferredMaterials: ['construction-drawing-review', 'joint-acceptance'] },
    },
  ],
];

function expectValid({ bundle, flows }: BundleWithFlows): void {
  for (const flow of flows) {
    const result = validateFlow(flow);
    expect(result.ok ? [] : result.issues, flow.id).toEqual([]);
    expect(() => compileFlow(flow), flow.id).not.toThrow();
  }
  const result = validateBundle(bundle, { flows });
  expect(result.ok ? [] : result.issues).toEqual([]);
  expect(flows.map((f) => f.id)).toEqual(bundle.matters.map((m) => m.matterId));
}

const byStage = ({ bundle }: BundleWithFlows) =>
  Object.fromEntries((bundle.stages ?? []).map((s) => [s.id, bundle.matters.filter((m) => m.stage === s.id).map((m) => m.matterId)]));

function thrown(fn: () => unknown): PermitflowError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PermitflowError);
    return error as PermitflowError;
  }
  throw new Error('expected a PermitflowError');
}

/** Drives one case of a flow from receipt to its positive decision, whatever its mode. */
function decide(flow: FlowDefinition): FlowInstance {
  const clock = new SimulatedClock();
  clock.set(START);
  const instance = createFlowInstance(flow, { caseId: `CP-${flow.id}`, clock });
  const send = (event: Parameters<FlowInstance['send']>[0]) => {
    const result = instance.send(event);
    expect(result.accepted ? '' : result.rejection.message, `${flow.id}: ${event.type}`).toBe('');
  };
  switch (flow.mode) {
    case 'approval':
      receiveAndAccept(instance);
      completeProcess(instance);
      send({ type: 'approve', actor: officer(instance) });
      break;
    case 'filing':
      send({ type: 'receive', channel: 'online' });
      send({ type: 'file', actor: officer(instance) });
      break;
    case 'notify-commit':
      send({ type: 'receive', channel: 'online' });
      send({ type: 'notify', actor: officer(instance) });
      send({ type: 'commit', standing: {} });
      send({ type: 'approve', actor: officer(instance) });
      break;
    default:
      throw new Error(`no driver for mode ${flow.mode}`);
  }
  instance.stop();
  return instance;
}

/** Sends a bundle case its next command through bundle.send (so waiting matters are received). */
function advance(instance: BundleInstance, matterId: string): void {
  const case_ = instance.caseOf(matterId)!;
  const send = (event: Parameters<BundleInstance['send']>[1]) => {
    const result = instance.send(matterId, event);
    expect(result.accepted ? '' : result.rejection.message, `${matterId}: ${event.type}`).toBe('');
  };
  const actor = officer(case_);
  if (case_.flow.mode === 'filing') return send({ type: 'file', actor });
  if (case_.state === 'received') return send(case_.flow.mode === 'notify-commit' ? { type: 'notify', actor } : { type: 'accept-in-department', actor });
  if (case_.state === 'notified') return send({ type: 'commit', standing: {} });
  const active = case_.activeSteps()[0];
  if (active !== undefined) return send({ type: 'complete-step', step: active, actor: stepActor(case_, active) });
  const pending = case_.pendingSteps()[0];
  if (pending !== undefined) return send({ type: 'start-step', step: pending, actor: stepActor(case_, pending) });
  return send({ type: 'approve', actor });
}

describe('constructionPermitBundle', () => {
  it('gives a social-invested project under no reform by default, in the four stages of 国办发〔2019〕11号', () => {
    const result = constructionPermitBundle();
    expectValid(result);
    const { bundle } = result;
    expect(bundle).toMatchObject({ id: 'construction-project-social-invested', version: '1', leadDepartment: 'housing-construction', expectedTrips: 4 });
    expect(bundle.stages).toEqual([
      { id: 'land-planning', name: '立项用地规划许可阶段', leadDepartment: 'natural-resources', limitWorkingDays: 30 },
      { id: 'works-planning', name: '工程建设许可阶段', leadDepartment: 'natural-resources', limitWorkingDays: 20 },
      { id: 'construction', name: '施工许可阶段', leadDepartment: 'housing-construction', limitWorkingDays: 25 },
      { id: 'completion', name: '竣工验收阶段', leadDepartment: 'housing-construction', limitWorkingDays: 15 },
    ]);
    expect(bundle.limits).toEqual({ statutoryWorkingDays: 120, promisedWorkingDays: 90 });
    expect(byStage(result)).toEqual({
      'land-planning': [
        'project-filing',
        'land-use-planning-permit',
        'environmental-impact-assessment',
        'soil-water-conservation',
        'energy-conservation-review',
        'mineral-overlay-review',
      ],
      'works-planning': ['design-scheme-review', 'works-planning-permit'],
      construction: ['construction-drawing-review', 'fire-design-review', 'civil-air-defence-design-review', 'construction-permit'],
      completion: ['planning-verification', 'land-verification', 'fire-acceptance', 'civil-air-defence-acceptance', 'archives-acceptance', 'completion-filing'],
    });
    expect(constructionPermitBundle({})).toEqual(result);
  });

  it('gives government-invested projects 可研审批 after 用地预审与选址, and the national total of 120 working days', () => {
    const result = constructionPermitBundle({ category: 'government-invested' });
    expectValid(result);
    expect(result.bundle.limits).toEqual({ statutoryWorkingDays: 120, promisedWorkingDays: 120 });
    expect(result.bundle.stages?.reduce((sum, s) => sum + s.limitWorkingDays!, 0)).toBe(120);
    expect(result.bundle.stages?.[0]?.leadDepartment).toBe('development-reform');
    expect(byStage(result)['land-planning']).toEqual([
      'land-pre-review-site-selection',
      'project-approval',
      'land-use-planning-permit',
      'environmental-impact-assessment',
      'soil-water-conservation',
      'energy-conservation-review',
      'mineral-overlay-review',
    ]);
    const dependsOn = Object.fromEntries(result.bundle.matters.map((m) => [m.matterId, m.dependsOn ?? []]));
    expect(dependsOn['project-approval']).toEqual(['land-pre-review-site-selection']);
    expect(dependsOn['land-use-planning-permit']).toEqual(['project-approval']);
    expect(dependsOn['construction-permit']).toEqual(['construction-drawing-review', 'fire-design-review', 'civil-air-defence-design-review']);
  });

  it('gives small low-risk projects a short track: no assessments, no special fire or 人防 reviews, 30 working days', () => {
    const result = constructionPermitBundle({ category: 'small-low-risk' });
    expectValid(result);
    expect(result.bundle.limits?.promisedWorkingDays).toBe(30);
    expect(byStage(result)).toEqual({
      'land-planning': ['project-filing', 'land-use-planning-permit'],
      'works-planning': ['works-planning-permit'],
      construction: ['construction-drawing-review', 'construction-permit'],
      completion: ['planning-verification', 'land-verification', 'fire-acceptance-filing', 'archives-acceptance', 'completion-filing'],
    });
    const permit = result.flows.find((f) => f.id === 'works-planning-permit')!;
    expect(permit.version).toBe('1+small-low-risk');
    expect(permit.materials.map((m) => m.id)).toContain('design-scheme');
  });

  it.each(VARIANTS)('validates and compiles: %s', (_name, options) => {
    expectValid(constructionPermitBundle(options));
  });

  it('keeps the category defaults in ./sources, each total the sum of its stages and within the national ceiling', () => {
    for (const [total, stages] of [
      [sources.TOTAL_LIMIT_GOVERNMENT_INVESTED, sources.STAGE_LIMITS_GOVERNMENT_INVESTED],
      [sources.TOTAL_LIMIT_SOCIAL_INVESTED, sources.STAGE_LIMITS_SOCIAL_INVESTED],
      [sources.TOTAL_LIMIT_SMALL_LOW_RISK, sources.STAGE_LIMITS_SMALL_LOW_RISK],
    ] as const) {
      expect(Object.values(stages).reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBeLessThanOrEqual(sources.NATIONAL_TOTAL_CEILING_WORKING_DAYS);
    }
  });

  it('fits the promised limits of each stage’s longest chain of waiting matters within the stage limit, in every category', () => {
    for (const category of CONSTRUCTION_PROJECT_CATEGORIES) {
      const { bundle, flows } = constructionPermitBundle({ category });
      const promised = new Map(flows.map((f) => [f.id, f.limits?.promisedWorkingDays ?? 0]));
      const deps = new Map(bundle.matters.map((m) => [m.matterId, m.dependsOn ?? []]));
      const finish = (id: string): number => promised.get(id)! + Math.max(0, ...deps.get(id)!.map(finish));
      for (const stage of bundle.stages!) {
        const longest = Math.max(...bundle.matters.filter((m) => m.stage === stage.id).map((m) => finish(m.matterId)));
        expect(longest, `${category} ${stage.id}`).toBeLessThanOrEqual(stage.limitWorkingDays!);
      }
    }
  });

  it('has realistic matters: fire reviews by housing-construction, limits within the law, floors, send-backs and Art. 45 stops', () => {
    const all = VARIANTS.flatMap(([, options]) => constructionPermitBundle(options).flows);
    for (const flow of all) {
      const steps = placeSteps(flow.process).map((p) => p.step);
      // 消防设计审查 and 消防验收 sit with housing-construction since 2019; fire-rescue reviews nothing here.
      expect([flow.department, ...steps.map((s) => s.department)]).not.toContain('fire-rescue');
      if (/消防/.test(flow.name)) expect(flow.department).toBe('housing-construction');
      expect(flow.legalBasis?.length, flow.id).toBeGreaterThan(0);
      expect(flow.materials.length, flow.id).toBeGreaterThan(0);
      if (flow.mode !== 'approval') continue;
      expect(flow.limits?.statutoryWorkingDays, flow.id).toBeDefined();
      expect(steps.every((s) => s.minDuration !== undefined), flow.id).toBe(true);
      expect(steps.some((s) => (s.sendBackTo ?? []).length > 0), flow.id).toBe(true);
    }
    const base = constructionPermitBundle({ category: 'government-invested' }).flows;
    const limitsOf = (id: string) => base.find((f) => f.id === id)!.limits;
    expect(limitsOf('construction-permit')).toEqual({ statutoryWorkingDays: 7, promisedWorkingDays: 3 });
    expect(limitsOf('fire-design-review')?.statutoryWorkingDays).toBe(15);
    expect(limitsOf('works-planning-permit')?.statutoryWorkingDays).toBe(20);
    const stopped = base.flatMap((f) => placeSteps(f.process).filter((p) => p.step.clock === 'stopped').map((p) => `${f.id}/${p.step.id}`));
    expect(stopped).toEqual([
      'land-pre-review-site-selection/site-selection-expert-review',
      'project-approval/consulting-assessment',
      'environmental-impact-assessment/technical-assessment',
      'soil-water-conservation/technical-review',
      'energy-conservation-review/energy-expert-review',
      'design-scheme-review/scheme-expert-review',
    ]);
  });

  it('takes the caller’s total, stage and matter limits', () => {
    const { bundle, flows } = constructionPermitBundle({
      category: 'government-invested',
      limits: { totalWorkingDays: 100, stages: { 'land-planning': 30, completion: 10 }, matters: { 'construction-permit': { promisedWorkingDays: 1 } } },
    });
    expect(bundle.limits).toEqual({ statutoryWorkingDays: 120, promisedWorkingDays: 100 });
    expect(bundle.stages?.map((s) => s.limitWorkingDays)).toEqual([30, 30, 30, 10]);
    expect(flows.find((f) => f.id === 'construction-permit')?.limits).toEqual({ statutoryWorkingDays: 7, promisedWorkingDays: 1 });
    expect(bundle.version).toMatch(/^1\+[0-9a-f]{8}$/);

    const merged = constructionPermitBundle({ limits: { stages: { construction: 15 } }, reforms: { landWithDesignScheme: true } });
    expect(merged.bundle.stages?.find((s) => s.id === 'works-and-construction')?.limitWorkingDays).toBe(35);
    const given = constructionPermitBundle({ limits: { stages: { 'works-and-construction': 30 } }, reforms: { landWithDesignScheme: true } });
    expect(given.bundle.stages?.find((s) => s.id === 'works-and-construction')?.limitWorkingDays).toBe(30);
    const joint = constructionPermitBundle({ limits: { matters: { 'joint-acceptance': { promisedWorkingDays: 5 } } }, reforms: { jointAcceptance: true } });
    expect(joint.flows.find((f) => f.id === 'joint-acceptance')?.limits?.promisedWorkingDays).toBe(5);
  });

  it('refuses limits that contradict each other or the national ceiling, saying how to fix them', () => {
    expect(thrown(() => constructionPermitBundle({ limits: { totalWorkingDays: 150 } })).message).toMatchInlineSnapshot(
      `"constructionPermitBundle: limits.totalWorkingDays is 150, above the national ceiling of 120 working days (国办发〔2019〕11号); use 120 or less."`,
    );
    expect(thrown(() => constructionPermitBundle({ limits: { totalWorkingDays: 60 } })).message).toMatchInlineSnapshot(
      `"constructionPermitBundle: the stage limits add up to 90 working days (land-planning 30 + works-planning 20 + construction 25 + completion 15), above the total of 60; stages run one after another, so lower limits.stages or raise limits.totalWorkingDays."`,
    );
    expect(thrown(() => constructionPermitBundle({ limits: { stages: { completion: 0.5 } } })).message).toMatchInlineSnapshot(
      `"constructionPermitBundle: limits.stages["completion"] is 0.5; use a whole number of working days, at least 1."`,
    );
    expect(thrown(() => constructionPermitBundle({ limits: { stages: { 'works-and-construction': 30 } } })).message).toMatchInlineSnapshot(
      `"constructionPermitBundle: limits.stages["works-and-construction"] is the stage 带方案出让 makes; set reforms.landWithDesignScheme: true, or give "works-planning" and "construction" instead."`,
    );
    expect(thrown(() => constructionPermitBundle({ limits: { matters: { 'project-approval': { promisedWorkingDays: 5 } } } })).message).toMatchInlineSnapshot(
      `"constructionPermitBundle: limits.matters["project-approval"] names a matter this bundle does not hold; choose among: project-filing, land-use-planning-permit, environmental-impact-assessment, soil-water-conservation, energy-conservation-review, mineral-overlay-review, design-scheme-review, works-planning-permit, construction-drawing-review, fire-design-review, civil-air-defence-design-review, construction-permit, planning-verification, land-verification, fire-acceptance, civil-air-defence-acceptance, archives-acceptance, completion-filing."`,
    );
    const error = thrown(() => constructionPermitBundle({ limits: { matters: { 'construction-permit': { promisedWorkingDays: 10 } } } }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatchInlineSnapshot(`
      "constructionPermitBundle: the options give an invalid flow "construction-permit":
      - at limits.promisedWorkingDays: The promised limit (10 working days) is above the statutory one (7); a promise may only shorten the law's limit. Lower promisedWorkingDays to 7 or less. [promised-exceeds-statutory]
      Change those options so the flow validates."
    `);
    expect(thrown(() => constructionPermitBundle({ limits: { stages: { stage2: 10 } as never } })).message).toMatchInlineSnapshot(`"constructionPermitBundle: limits.stages names stage "stage2", which the bundle does not have; use one of land-planning, works-planning, construction, completion, works-and-construction."`);
    expect(thrown(() => constructionPermitBundle({ category: 'private' as never })).message).toMatchInlineSnapshot(
      `"constructionPermitBundle: category "private" is unknown; use one of government-invested, social-invested, small-low-risk."`,
    );
  });

  it('runs the @example of constructionPermitBundle as written', () => {
    const { bundle, flows } = constructionPermitBundle({
      category: 'government-invested',
      limits: { stages: { completion: 15 } },
      reforms: { multiPlanIntegration: true, jointDrawingReview: true, jointAcceptance: true, notifyCommit: ['construction-permit'] },
    });
    expect(bundle.stages?.map((s) => s.id)).toEqual(['land-planning', 'works-planning', 'construction', 'completion']);
    expect(bundle.limits?.promisedWorkingDays).toBe(120);
    expect(flows.find((f) => f.id === 'construction-permit')?.mode).toBe('notify-commit');
  });

  it.each(VARIANTS)(
    'drives every matter from receipt to its decision: %s',
    (_name, options) => {
      for (const flow of constructionPermitBundle(options).flows) {
        const instance = decide(flow);
        expect(instance.state, flow.id).toBe(flow.mode === 'filing' ? 'filed' : 'approved');
      }
    },
  );

  it('runs as a bundle: one application, stage by stage, to completion', () => {
    for (const options of [{}, { category: 'government-invested', reforms: EVERY_REFORM }] as const) {
      const { bundle, flows } = constructionPermitBundle(options);
      const clock = new SimulatedClock();
      clock.set(START);
      const instance = createBundleInstance(bundle, { bundleId: 'CP-2025-0001', flows, clock, projectCode: '2025-330100-47-01-000001' });
      instance.submit({ materials: bundle.sharedMaterials?.map((m) => m.id) ?? [], channel: 'online' });
      const stagesSeen: string[] = [];
      for (let guard = 0; !instance.done; guard++) {
        expect(guard).toBeLessThan(2_000);
        if (instance.currentStage !== undefined && stagesSeen.at(-1) !== instance.currentStage) stagesSeen.push(instance.currentStage);
        const open = Object.entries(instance.status()).find(([, status]) => status === 'open');
        expect(open, JSON.stringify(instance.status())).toBeDefined();
        advance(instance, open![0]);
      }
      instance.stop();
      expect(stagesSeen).toEqual(bundle.stages?.map((s) => s.id));
      expect(instance.records.at(-1)?.activity).toBe('bundle-completed');
    }
  });
});
