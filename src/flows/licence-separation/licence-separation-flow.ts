import { PermitflowError } from '../../errors';
import type { CaseType, FlowDefinition, Limits, Material, ProcessNode, StepDefinition } from '../../definition';
import { mergeNotifyCommitSettings, type NotifyCommitOverrides } from '../notify-commit';
import {
  FOOD_BASELINE_EXTENSION_WORKING_DAYS,
  FOOD_BASELINE_MATERIALS,
  FOOD_BASELINE_STATUTORY_WORKING_DAYS,
  FOOD_FILING_MATERIALS,
  FOOD_BUSINESS_PERMIT_BASELINE_RULES,
  FOOD_BUSINESS_PERMIT_CURRENT_RULES,
  FOOD_BUSINESS_PERMIT_DEPARTMENT,
  FOOD_BUSINESS_PERMIT_ID_PREFIX,
  FOOD_BUSINESS_PERMIT_LEGAL_BASIS,
  FOOD_BUSINESS_PERMIT_NAME,
  FOOD_NOTIFY_COMMIT_CONDITIONS,
  FOOD_NOTIFY_COMMIT_CONSEQUENCES,
  FOOD_NOTIFY_COMMIT_CORRECTION_WORKING_DAYS,
  FOOD_NOTIFY_COMMIT_MATERIALS,
  FOOD_NOTIFY_COMMIT_VERIFICATION_METHODS,
  FOOD_NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS,
  FOOD_OPTIMIZED_EXTENSION_WORKING_DAYS,
  FOOD_OPTIMIZED_MATERIALS,
  FOOD_OPTIMIZED_STATUTORY_WORKING_DAYS,
} from './defaults';
import { ensureValidFlow } from '../_internal/ensure-valid-flow';

/**
 * The four modes of 证照分离 (国发〔2021〕7号) — 直接取消审批 `cancelled`, 审批改为备案 `filing`,
 * 实行告知承诺 `notify-commit`, 优化审批服务 `optimized-approval` — and `approval`, the pre-reform
 * baseline the optimized approval is measured against.
 */
export const LICENCE_SEPARATION_MODES = ['cancelled', 'filing', 'notify-commit', 'optimized-approval', 'approval'] as const;

/** A mode of {@link licenceSeparationFlow}. */
export type LicenceSeparationMode = (typeof LICENCE_SEPARATION_MODES)[number];

/** Options of {@link licenceSeparationFlow}; every field replaces its default. */
export interface LicenceSeparationOptions {
  /** `food-business-permit-<mode>` by default. */
  readonly id?: string;
  readonly version?: string;
  readonly name?: string;
  /** The permitting department; the review steps are done in it too. */
  readonly department?: string;
  readonly legalBasis?: readonly string[];
  /** Replaces the mode's limits (the cancelled and filing modes have none by default). */
  readonly limits?: Limits;
  /** Replaces the mode's materials; review steps examine the ones among them they know. */
  readonly materials?: readonly Material[];
  /** Merged into the default notify-and-commit settings; only with mode `notify-commit`. */
  readonly notifyCommit?: NotifyCommitOverrides;
}

interface ModeDefaults {
  readonly caseType: CaseType;
  readonly limits?: Limits;
  readonly materials: readonly Material[];
  readonly rules: string;
  readonly process?: (department: string, materials: ReadonlySet<string>) => ProcessNode;
}

/** A review step that examines those of `wanted` that are on the list. */
function step(
  fields: Omit<StepDefinition, 'kind' | 'materials'>,
  wanted: readonly string[],
  listed: ReadonlySet<string>,
): StepDefinition {
  const materials = wanted.filter((id) => listed.has(id));
  return { kind: 'step', ...fields, ...(materials.length === 0 ? {} : { materials }) };
}

/** Pre-reform approval: document review, on-site inspection, section review (may send back), director's decision. */
function baselineProcess(department: string, listed: ReadonlySet<string>): ProcessNode {
  return {
    kind: 'sequence',
    children: [
      step(
        { id: 'document-review', name: '材料审查', department, role: 'reviewer' },
        ['application-form', 'business-licence-copy', 'representative-identity', 'premises-proof', 'safety-rules'],
        listed,
      ),
      step({ id: 'site-inspection', name: '现场核查', department, role: 'inspector', minDuration: 'PT1H' }, ['layout-and-process'], listed),
      step({ id: 'section-review', name: '科室审核', department, role: 'section-chief', sendBackTo: ['document-review'] }, [], listed),
      step({ id: 'decision-signoff', name: '审批决定签发', department, role: 'director' }, [], listed),
    ],
  };
}

/** Optimized approval: one review (on-site inspection only where needed) and the decision. */
function optimizedProcess(department: string, listed: ReadonlySet<string>): ProcessNode {
  return {
    kind: 'sequence',
    children: [
      step(
        { id: 'review', name: '审查（现场核查按需开展）', department, role: 'reviewer' },
        ['application-form', 'layout-and-process', 'safety-rules-list'],
        listed,
      ),
      step({ id: 'decision-signoff', name: '审批决定签发', department, role: 'director' }, [], listed),
    ],
  };
}

const MODES: Readonly<Record<LicenceSeparationMode, ModeDefaults>> = {
  cancelled: { caseType: 'immediate', materials: [], rules: FOOD_BUSINESS_PERMIT_CURRENT_RULES },
  filing: { caseType: 'immediate', materials: FOOD_FILING_MATERIALS, rules: FOOD_BUSINESS_PERMIT_CURRENT_RULES },
  'notify-commit': {
    caseType: 'immediate',
    // The law's limit still binds; the decision on the spot is far inside it.
    limits: { statutoryWorkingDays: FOOD_OPTIMIZED_STATUTORY_WORKING_DAYS },
    materials: FOOD_NOTIFY_COMMIT_MATERIALS,
    rules: FOOD_BUSINESS_PERMIT_CURRENT_RULES,
  },
  'optimized-approval': {
    caseType: 'promised',
    limits: { statutoryWorkingDays: FOOD_OPTIMIZED_STATUTORY_WORKING_DAYS, extensionWorkingDays: FOOD_OPTIMIZED_EXTENSION_WORKING_DAYS },
    materials: FOOD_OPTIMIZED_MATERIALS,
    rules: FOOD_BUSINESS_PERMIT_CURRENT_RULES,
    process: optimizedProcess,
  },
  approval: {
    caseType: 'promised',
    limits: { statutoryWorkingDays: FOOD_BASELINE_STATUTORY_WORKING_DAYS, extensionWorkingDays: FOOD_BASELINE_EXTENSION_WORKING_DAYS },
    materials: FOOD_BASELINE_MATERIALS,
    rules: FOOD_BUSINESS_PERMIT_BASELINE_RULES,
    process: baselineProcess,
  },
};

/**
 * One business-operating permit under a mode of 证照分离 (国发〔2021〕7号). Every mode starts
 * from the business registration (照后减证: command `register-business`):
 * - `cancelled` — 直接取消审批: no approval case at all; a later demand for the permit
 *   (`demand-permit`) is logged as `permit-demanded`, a violation;
 * - `filing` — 审批改为备案: filed on the spot (`file`); the machine has no review, supplement
 *   or refusal path, so 以备案之名行审批之实 cannot appear in a conforming log;
 * - `notify-commit` — 实行告知承诺: notify → commit → decision on the spot → post-verification;
 * - `optimized-approval` — 优化审批服务: approval kept, with fewer materials, steps and days;
 * - `approval` — the pre-reform baseline.
 * With no options the permit is 食品经营许可 (food business permit, market regulation); see
 * ./defaults for every number and list, and its source.
 * @param mode The reform mode.
 * @param options Overrides of name, department, limits, materials and notify-and-commit settings.
 * @throws {PermitflowError} `invalid-argument` for an unknown mode, for `notifyCommit` with another
 *   mode, or when the options make the flow invalid (`cause` is a `DefinitionError` with the issues).
 * @example
 * const flow = licenceSeparationFlow('filing');
 * const instance = createFlowInstance(flow, { caseId: 'BA-2025-0001' });
 * instance.send({ type: 'register-business' });
 * instance.send({ type: 'receive', channel: 'online' });
 * instance.send({ type: 'file', actor: { id: 'sj-1', role: 'officer', department: 'market-regulation' } });
 */
export function licenceSeparationFlow(mode: LicenceSeparationMode, options: LicenceSeparationOptions = {}): FlowDefinition {
  if (!(LICENCE_SEPARATION_MODES as readonly string[]).includes(mode)) {
    throw new PermitflowError(
      'invalid-argument',
      `licenceSeparationFlow: "${String(mode)}" is not a mode; use one of: ${LICENCE_SEPARATION_MODES.join(', ')}.`,
    );
  }
  if (options.notifyCommit !== undefined && mode !== 'notify-commit') {
    throw new PermitflowError(
      'invalid-argument',
      `licenceSeparationFlow: notifyCommit settings only apply to mode "notify-commit", not "${mode}"; remove them or change the mode.`,
    );
  }
  const defaults = MODES[mode];
  const department = options.department ?? FOOD_BUSINESS_PERMIT_DEPARTMENT;
  const materials = (options.materials ?? defaults.materials).map((m) => ({ ...m }));
  const limits = options.limits ?? defaults.limits;
  const legalBasis = options.legalBasis ?? [
    ...FOOD_BUSINESS_PERMIT_LEGAL_BASIS,
    defaults.rules,
    ...(mode === 'notify-commit' ? ['国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见（国办发〔2020〕42号）'] : []),
  ];
  const flow: FlowDefinition = {
    id: options.id ?? `${FOOD_BUSINESS_PERMIT_ID_PREFIX}-${mode}`,
    version: options.version ?? '1',
    name: options.name ?? FOOD_BUSINESS_PERMIT_NAME,
    department,
    mode,
    caseType: defaults.caseType,
    legalBasis: [...legalBasis],
    ...(limits === undefined ? {} : { limits: { ...limits } }),
    materials,
    ...(defaults.process === undefined ? {} : { process: defaults.process(department, new Set(materials.map((m) => m.id))) }),
    afterBusinessRegistration: true,
    ...(mode === 'notify-commit'
      ? {
          notifyCommit: mergeNotifyCommitSettings(
            {
              conditions: FOOD_NOTIFY_COMMIT_CONDITIONS.map((c) => ({ ...c })),
              falseCommitmentConsequences: FOOD_NOTIFY_COMMIT_CONSEQUENCES,
              decision: 'on-the-spot',
              verification: { withinWorkingDays: FOOD_NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS, methods: [...FOOD_NOTIFY_COMMIT_VERIFICATION_METHODS] },
              correctionWorkingDays: FOOD_NOTIFY_COMMIT_CORRECTION_WORKING_DAYS,
            },
            options.notifyCommit,
          ),
        }
      : {}),
  };
  return ensureValidFlow(flow, 'licenceSeparationFlow');
}
