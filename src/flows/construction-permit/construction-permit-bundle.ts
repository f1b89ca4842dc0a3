import { DefinitionError, PermitflowError, formatIssues } from '../../errors';
import { validateBundle, validateFlow } from '../../definition';
import type { VerificationMethod } from '../../definition/schemas';
import type { BundleWithFlows } from '../bundle-with-flows';
import {
  CONSTRUCTION_PERMIT_STAGE_IDS,
  CONSTRUCTION_PROJECT_CATEGORIES,
  type ConstructionPermitBaseStageId,
  type ConstructionPermitMatterId,
  type ConstructionPermitStageId,
  type ConstructionProjectCategory,
} from './construction-permit-ids';
import { NATIONAL_TOTAL_CEILING_WORKING_DAYS } from './sources';
import { CATEGORY_LIMITS, createBaseline } from './_internal/create-baseline';
import { draftOf, finish, flowOf } from './_internal/draft';
import { applyDeferredAcceptance } from './reforms/apply-deferred-acceptance';
import { applyJointAcceptance } from './reforms/apply-joint-acceptance';
import { applyJointDrawingReview } from './reforms/apply-joint-drawing-review';
import { applyLandWithDesignScheme } from './reforms/apply-land-with-design-scheme';
import { applyMultiPlanIntegration } from './reforms/apply-multi-plan-integration';
import { applyNotifyCommit } from './reforms/apply-notify-commit';
import { applyRegionalAssessment } from './reforms/apply-regional-assessment';
import { applyStandardLand } from './reforms/apply-standard-land';
import { applyUnifiedSurvey } from './reforms/apply-unified-survey';

/** Limits of the bundle; each given number replaces the category default (see ./sources). */
export interface ConstructionPermitLimits {
  /** The promised total from 立项 to 竣工验收, at most the national 120 (国办发〔2019〕11号). */
  readonly totalWorkingDays?: number;
  /**
   * Stage limits. With 带方案出让 the merged stage's limit is the sum of the `works-planning` and
   * `construction` limits unless `works-and-construction` is given.
   */
  readonly stages?: Partial<Record<ConstructionPermitStageId, number>>;
  /** Limits of single matters, applied after the reforms (so a merged matter can be given one too). */
  readonly matters?: Partial<Record<ConstructionPermitMatterId, { readonly statutoryWorkingDays?: number; readonly promisedWorkingDays?: number }>>;
}

/** Reform switches and their parameters; all off by default. They apply in {@link REFORM_ORDER}. */
export interface ConstructionPermitReforms {
  /** 多规合一: planning conditions given up front (see `applyMultiPlanIntegration`). */
  readonly multiPlanIntegration?: boolean;
  /** 多测合一: one survey commission replaces the separate completion surveys (see `applyUnifiedSurvey`). */
  readonly unifiedSurvey?: boolean;
  /** 区域评估: the zone is assessed, per-project assessments leave the bundle (see `applyRegionalAssessment`). */
  readonly regionalAssessment?: boolean;
  /** 标准地: land sold with indicators after 区域评估, 拿地即开工; needs `regionalAssessment` (see `applyStandardLand`). */
  readonly standardLand?: boolean;
  /** 带方案出让: stages 2 and 3 merge (see `applyLandWithDesignScheme`). */
  readonly landWithDesignScheme?: boolean;
  /** 联合审图: one combined drawing review (see `applyJointDrawingReview`). */
  readonly jointDrawingReview?: boolean;
  /** 联合验收: one joint acceptance (see `applyJointAcceptance`). */
  readonly jointAcceptance?: boolean;
  /** 告知承诺 for these matters (see `applyNotifyCommit`). */
  readonly notifyCommit?: readonly ConstructionPermitMatterId[];
  /** Verification window, methods and correction period of the 告知承诺 matters; defaults in ./sources [R]. */
  readonly notifyCommitTerms?: {
    readonly verificationWorkingDays?: number;
    readonly verificationMethods?: readonly VerificationMethod[];
    readonly correctionWorkingDays?: number;
  };
  /** 容缺受理 for these matters (see `applyDeferredAcceptance`). */
  readonly deferredMaterials?: readonly ConstructionPermitMatterId[];
}

/** Options of {@link constructionPermitBundle}; every one is optional. */
export interface ConstructionPermitOptions {
  /**
   * The project category; `social-invested` by default. It sets the matters and the default limits:
   * government-invested 120 working days in total (国办发〔2019〕11号 [V]), social-invested 90 and
   * small-low-risk 30 (stricter local-style tiers [R]); see `./sources`.
   */
  readonly category?: ConstructionProjectCategory;
  /** Limits replacing the category defaults. */
  readonly limits?: ConstructionPermitLimits;
  /** Reforms to apply; none by default. */
  readonly reforms?: ConstructionPermitReforms;
}

/**
 * The order the reforms apply in. Structure first (多规合一, 区域评估, then 标准地 which needs it),
 * then merges (多测合一 before 联合验收, so the joint acceptance inherits the survey dependency;
 * 带方案出让 before 联合审图, so the joint review lands in the merged stage), and the per-matter
 * switches last, so they can name a merged matter.
 */
export const REFORM_ORDER = [
  'multiPlanIntegration',
  'regionalAssessment',
  'standardLand',
  'unifiedSurvey',
  'landWithDesignScheme',
  'jointDrawingReview',
  'jointAcceptance',
  'notifyCommit',
  'deferredMaterials',
] as const satisfies ReadonlyArray<keyof ConstructionPermitReforms>;

const BUILT_IN = 'constructionPermitBundle';

/**
 * The construction-permit bundle (工程建设项目审批, 立项 to 竣工验收): the four stages of
 * 国办发〔2019〕11号 — 立项用地规划许可, 工程建设许可, 施工许可, 竣工验收 — each under one lead
 * department with its matters in parallel (并联审批), for a project category, with its limits and
 * the chosen reforms applied in {@link REFORM_ORDER}. Called with no options it gives a
 * social-invested project under no reform: total 90 working days [R] within the national 120.
 * The sources of every default number are in `./sources`.
 * @throws {PermitflowError} `invalid-argument` when an option is out of range or a reform cannot
 * apply (e.g. 告知承诺 for a matter in an excluded area); the message says how to fix it.
 * @example
 * const { bundle, flows } = constructionPermitBundle({
 *   category: 'government-invested',
 *   limits: { stages: { completion: 15 } },
 *   reforms: { multiPlanIntegration: true, jointDrawingReview: true, jointAcceptance: true, notifyCommit: ['construction-permit'] },
 * });
 * bundle.stages?.map((s) => s.id); // ['land-planning', 'works-planning', 'construction', 'completion']
 * bundle.limits?.promisedWorkingDays; // 120
 */
export function constructionPermitBundle(options: ConstructionPermitOptions = {}): BundleWithFlows {
  const { category = 'social-invested', limits = {}, reforms = {} } = options;
  if (!(CONSTRUCTION_PROJECT_CATEGORIES as readonly string[]).includes(category)) {
    throw new PermitflowError(
      'invalid-argument',
      `${BUILT_IN}: category "${String(category)}" is unknown; use one of ${CONSTRUCTION_PROJECT_CATEGORIES.join(', ')}.`,
    );
  }
  if (reforms.standardLand && !reforms.regionalAssessment) {
    throw new PermitflowError(
      'invalid-argument',
      `${BUILT_IN}: 标准地 (reforms.standardLand) is land sold after 区域评估; set reforms.regionalAssessment: true as well.`,
    );
  }
  for (const key of Object.keys(limits.stages ?? {})) {
    if (!(CONSTRUCTION_PERMIT_STAGE_IDS as readonly string[]).includes(key)) {
      throw new PermitflowError(
        'invalid-argument',
        `${BUILT_IN}: limits.stages names stage "${key}", which the bundle does not have; use one of ${CONSTRUCTION_PERMIT_STAGE_IDS.join(', ')}.`,
      );
    }
  }
  const merged = limits.stages?.['works-and-construction'];
  if (merged !== undefined && !reforms.landWithDesignScheme) {
    throw new PermitflowError(
      'invalid-argument',
      `${BUILT_IN}: limits.stages["works-and-construction"] is the stage 带方案出让 makes; set reforms.landWithDesignScheme: true, or give "works-planning" and "construction" instead.`,
    );
  }

  let result = withBaseLimits(createBaseline(category), category, limits);
  const steps: Record<(typeof REFORM_ORDER)[number], (input: BundleWithFlows) => BundleWithFlows> = {
    multiPlanIntegration: (b) => (reforms.multiPlanIntegration ? applyMultiPlanIntegration(b) : b),
    regionalAssessment: (b) => (reforms.regionalAssessment ? applyRegionalAssessment(b) : b),
    standardLand: (b) => (reforms.standardLand ? applyStandardLand(b) : b),
    unifiedSurvey: (b) => (reforms.unifiedSurvey ? applyUnifiedSurvey(b) : b),
    landWithDesignScheme: (b) => (reforms.landWithDesignScheme ? applyLandWithDesignScheme(b) : b),
    jointDrawingReview: (b) => (reforms.jointDrawingReview ? applyJointDrawingReview(b) : b),
    jointAcceptance: (b) => (reforms.jointAcceptance ? applyJointAcceptance(b) : b),
    notifyCommit: (b) =>
      reforms.notifyCommit?.length ? applyNotifyCommit(b, { matters: reforms.notifyCommit, ...reforms.notifyCommitTerms }) : b,
    deferredMaterials: (b) => (reforms.deferredMaterials?.length ? applyDeferredAcceptance(b, { matters: reforms.deferredMaterials }) : b),
  };
  for (const reform of REFORM_ORDER) result = steps[reform](result);
  if (merged !== undefined) result = withStageLimit(result, 'works-and-construction', merged);
  if (limits.matters !== undefined) result = withMatterLimits(result, limits.matters);
  return ensureValid(result);
}

/** The category's total and stage limits with the caller's replacing them, checked against each other. */
function withBaseLimits(input: BundleWithFlows, category: ConstructionProjectCategory, limits: ConstructionPermitLimits): BundleWithFlows {
  const total = limits.totalWorkingDays ?? CATEGORY_LIMITS[category].total;
  workingDays('limits.totalWorkingDays', total);
  if (total > NATIONAL_TOTAL_CEILING_WORKING_DAYS) {
    throw new PermitflowError(
      'invalid-argument',
      `${BUILT_IN}: limits.totalWorkingDays is ${total}, above the national ceiling of ${NATIONAL_TOTAL_CEILING_WORKING_DAYS} working days (国办发〔2019〕11号); use ${NATIONAL_TOTAL_CEILING_WORKING_DAYS} or less.`,
    );
  }
  const draft = draftOf(input);
  const given = limits.stages ?? {};
  draft.bundle.stages = (draft.bundle.stages ?? []).map((stage) => {
    const value = given[stage.id as ConstructionPermitBaseStageId];
    if (value === undefined) return stage;
    return { ...stage, limitWorkingDays: workingDays(`limits.stages["${stage.id}"]`, value) };
  });
  const sum = draft.bundle.stages.reduce((acc, s) => acc + (s.limitWorkingDays ?? 0), 0);
  if (sum > total) {
    const parts = draft.bundle.stages.map((s) => `${s.id} ${s.limitWorkingDays ?? 0}`).join(' + ');
    throw new PermitflowError(
      'invalid-argument',
      `${BUILT_IN}: the stage limits add up to ${sum} working days (${parts}), above the total of ${total}; stages run one after another, so lower limits.stages or raise limits.totalWorkingDays.`,
    );
  }
  draft.bundle.limits = { ...draft.bundle.limits, promisedWorkingDays: total };
  return finish(input, draft);
}

function withStageLimit(input: BundleWithFlows, stageId: string, value: number): BundleWithFlows {
  const draft = draftOf(input);
  workingDays(`limits.stages["${stageId}"]`, value);
  draft.bundle.stages = (draft.bundle.stages ?? []).map((s) => (s.id === stageId ? { ...s, limitWorkingDays: value } : s));
  const sum = draft.bundle.stages.reduce((acc, s) => acc + (s.limitWorkingDays ?? 0), 0);
  const total = draft.bundle.limits?.promisedWorkingDays;
  if (total !== undefined && sum > total) {
    throw new PermitflowError(
      'invalid-argument',
      `${BUILT_IN}: with limits.stages["${stageId}"] = ${value} the stage limits add up to ${sum} working days, above the total of ${total}; lower it or raise limits.totalWorkingDays.`,
    );
  }
  return finish(input, draft);
}

function withMatterLimits(input: BundleWithFlows, given: NonNullable<ConstructionPermitLimits['matters']>): BundleWithFlows {
  const draft = draftOf(input);
  for (const [id, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const flow = flowOf(draft, id);
    if (flow === undefined) {
      throw new PermitflowError(
        'invalid-argument',
        `${BUILT_IN}: limits.matters["${id}"] names a matter this bundle does not hold; choose among: ${draft.bundle.matters.map((m) => m.matterId).join(', ')}.`,
      );
    }
    if (flow.mode === 'filing') {
      throw new PermitflowError('invalid-argument', `${BUILT_IN}: limits.matters["${id}"]: ${flow.name} is a filing (备案), completed on the spot; it has no limit to set.`);
    }
    const limits = { ...flow.limits };
    if (value.statutoryWorkingDays !== undefined) limits.statutoryWorkingDays = workingDays(`limits.matters["${id}"].statutoryWorkingDays`, value.statutoryWorkingDays);
    if (value.promisedWorkingDays !== undefined) limits.promisedWorkingDays = workingDays(`limits.matters["${id}"].promisedWorkingDays`, value.promisedWorkingDays);
    const index = draft.flows.indexOf(flow);
    draft.flows[index] = { ...flow, limits };
  }
  return finish(input, draft);
}

function workingDays(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new PermitflowError('invalid-argument', `${BUILT_IN}: ${name} is ${value}; use a whole number of working days, at least 1.`);
  }
  return value;
}

/** The result, or `invalid-argument` listing the issues when the options made it invalid. */
function ensureValid(result: BundleWithFlows): BundleWithFlows {
  for (const flow of result.flows) {
    const checked = validateFlow(flow);
    if (!checked.ok) {
      throw new PermitflowError('invalid-argument', `${BUILT_IN}: the options give an invalid flow "${flow.id}":\n${formatIssues(checked.issues)}\nChange those options so the flow validates.`, {
        cause: new DefinitionError(`Flow "${flow.id}"`, checked.issues),
      });
    }
  }
  const checked = validateBundle(result.bundle, { flows: result.flows });
  if (!checked.ok) {
    throw new PermitflowError('invalid-argument', `${BUILT_IN}: the options give an invalid bundle:\n${formatIssues(checked.issues)}\nChange those options so the bundle validates.`, {
      cause: new DefinitionError(`Bundle "${result.bundle.id}"`, checked.issues),
    });
  }
  return result;
}
