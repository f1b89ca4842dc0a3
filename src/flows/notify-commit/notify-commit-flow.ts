import type { CaseType, FlowDefinition, Limits, Material, ProcessNode } from '../../definition';
import type { ExcludedArea, NotifyCommitSettings, VerificationMethod } from '../../definition/schemas';
import {
  EXAM_REGISTRATION_CONDITIONS,
  EXAM_REGISTRATION_CONSEQUENCES,
  EXAM_REGISTRATION_CORRECTION_WORKING_DAYS,
  EXAM_REGISTRATION_DEPARTMENT,
  EXAM_REGISTRATION_ID,
  EXAM_REGISTRATION_LEGAL_BASIS,
  EXAM_REGISTRATION_MATERIALS,
  EXAM_REGISTRATION_NAME,
  EXAM_REGISTRATION_VERIFICATION_METHODS,
  EXAM_REGISTRATION_VERIFICATION_WORKING_DAYS,
} from './defaults';
import { ensureValidFlow } from '../_internal/ensure-valid-flow';

/** One condition told to the applicant and committed to (告知 → 承诺). */
export type CommitmentCondition = NotifyCommitSettings['conditions'][number];

/** Overrides of notify-and-commit settings: each given field replaces the default; `verification` merges field by field. */
export interface NotifyCommitOverrides {
  readonly conditions?: readonly CommitmentCondition[];
  readonly falseCommitmentConsequences?: string;
  readonly decision?: NotifyCommitSettings['decision'];
  readonly verification?: {
    readonly withinWorkingDays?: number;
    readonly methods?: readonly VerificationMethod[];
  };
  readonly correctionWorkingDays?: number;
}

/** Options of {@link notifyCommitFlow}; every field replaces its default. */
export interface NotifyCommitFlowOptions {
  readonly id?: string;
  readonly version?: string;
  readonly name?: string;
  /** The department that notifies, decides and verifies. */
  readonly department?: string;
  /** `immediate` (即办件) by default: the decision is made on the spot. */
  readonly caseType?: CaseType;
  readonly legalBasis?: readonly string[];
  /** None by default: the decision is on the spot, so no clock runs. */
  readonly limits?: Limits;
  readonly materials?: readonly Material[];
  /** A review to run after the commitment (decision `within-limit`); none by default. */
  readonly process?: ProcessNode;
  /** 照后减证: start from the business registration, as a 涉企经营许可 under 证照分离 does. */
  readonly afterBusinessRegistration?: boolean;
  /**
   * Areas the matter directly involves. Any of them excludes notify-and-commit (国办发〔2020〕42号),
   * so passing one makes {@link notifyCommitFlow} throw.
   */
  readonly involves?: readonly ExcludedArea[];
  readonly notifyCommit?: NotifyCommitOverrides;
}

/** Applies {@link NotifyCommitOverrides} to complete settings, copying every list. */
export function mergeNotifyCommitSettings(base: NotifyCommitSettings, overrides: NotifyCommitOverrides = {}): NotifyCommitSettings {
  return {
    conditions: (overrides.conditions ?? base.conditions).map((c) => ({ ...c })),
    falseCommitmentConsequences: overrides.falseCommitmentConsequences ?? base.falseCommitmentConsequences,
    decision: overrides.decision ?? base.decision,
    verification: {
      withinWorkingDays: overrides.verification?.withinWorkingDays ?? base.verification.withinWorkingDays,
      methods: [...(overrides.verification?.methods ?? base.verification.methods)],
    },
    correctionWorkingDays: overrides.correctionWorkingDays ?? base.correctionWorkingDays,
  };
}

/** The default settings: notify, commit, on-the-spot decision, post-verification (see ./defaults). */
const EXAM_REGISTRATION_SETTINGS: NotifyCommitSettings = {
  conditions: EXAM_REGISTRATION_CONDITIONS.map((c) => ({ ...c })),
  falseCommitmentConsequences: EXAM_REGISTRATION_CONSEQUENCES,
  decision: 'on-the-spot',
  verification: {
    withinWorkingDays: EXAM_REGISTRATION_VERIFICATION_WORKING_DAYS,
    methods: [...EXAM_REGISTRATION_VERIFICATION_METHODS],
  },
  correctionWorkingDays: EXAM_REGISTRATION_CORRECTION_WORKING_DAYS,
};

/**
 * A notify-and-commit (告知承诺制) matter. By default, registration for a professional
 * qualification exam (资格考试报名证明事项告知承诺制, the 资格考试 priority area of
 * 国办发〔2020〕42号): the applicant is told the conditions and the consequences of a false
 * commitment, signs the commitment instead of proving education and work years, is registered on
 * the spot, and is verified afterwards (see ./defaults for every number and its source).
 * An applicant with a false commitment on record or serious dishonesty is refused at `commit`.
 * @param options Overrides of any part; `notifyCommit` merges into the default settings.
 * @returns A valid flow definition of mode `notify-commit`.
 * @throws {PermitflowError} `invalid-argument` when the options make the flow invalid — for
 *   example an excluded area in `involves` (`excluded-from-notify-commit`); `cause` is a
 *   `DefinitionError` carrying the issues.
 * @example
 * const flow = notifyCommitFlow({ notifyCommit: { verification: { withinWorkingDays: 20 } } });
 * const instance = createFlowInstance(flow, { caseId: 'KS-2025-0001' });
 * instance.send({ type: 'receive', channel: 'online' });
 * instance.send({ type: 'notify', actor: examOfficer });
 * instance.send({ type: 'commit', standing: {} }); // refused if standing.falseCommitment
 * instance.send({ type: 'approve', actor: examOfficer });
 */
export function notifyCommitFlow(options: NotifyCommitFlowOptions = {}): FlowDefinition {
  const flow: FlowDefinition = {
    id: options.id ?? EXAM_REGISTRATION_ID,
    version: options.version ?? '1',
    name: options.name ?? EXAM_REGISTRATION_NAME,
    department: options.department ?? EXAM_REGISTRATION_DEPARTMENT,
    mode: 'notify-commit',
    caseType: options.caseType ?? 'immediate',
    legalBasis: [...(options.legalBasis ?? EXAM_REGISTRATION_LEGAL_BASIS)],
    ...(options.limits === undefined ? {} : { limits: { ...options.limits } }),
    materials: (options.materials ?? EXAM_REGISTRATION_MATERIALS).map((m) => ({ ...m })),
    ...(options.process === undefined ? {} : { process: structuredClone(options.process) }),
    ...(options.afterBusinessRegistration === undefined ? {} : { afterBusinessRegistration: options.afterBusinessRegistration }),
    ...(options.involves === undefined ? {} : { involves: [...options.involves] }),
    notifyCommit: mergeNotifyCommitSettings(EXAM_REGISTRATION_SETTINGS, options.notifyCommit),
  };
  return ensureValidFlow(flow, 'notifyCommitFlow');
}
