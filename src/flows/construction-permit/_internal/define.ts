import type { FlowDefinition, Material, ProcessNode, StepDefinition } from '../../../definition';
import type { NotifyCommitSettings } from '../../../definition/schemas';
import type { ConstructionPermitMatterId } from '../construction-permit-ids';

/** One condition told to the applicant under 告知承诺. */
export type CommitmentCondition = NotifyCommitSettings['conditions'][number];

/** A matter of the catalogue: its flow, and what the reforms need to know about it. */
export interface MatterSpec {
  readonly id: ConstructionPermitMatterId;
  /** The flow as the baseline holds it (version "1"). */
  readonly flow: FlowDefinition;
  /** Materials 容缺受理 may defer (marked `required: false`): secondary ones only, never a material the decision rests on. */
  readonly deferrable: readonly string[];
  /** The quantifiable conditions told under 告知承诺 (the permit's legal conditions); none where the matter may not switch. */
  readonly commitmentConditions: readonly CommitmentCondition[];
}

/** The version every catalogue flow and the baseline bundle start from. */
export const BASE_VERSION = '1';

type StepExtras = Omit<StepDefinition, 'kind' | 'id' | 'name' | 'department' | 'role'>;

/** A step node. */
export function step(id: string, name: string, department: string, role: string, extras: StepExtras = {}): StepDefinition {
  return { kind: 'step', id, name, department, role, ...extras };
}

/** A sequence node. */
export function sequence(...children: ProcessNode[]): ProcessNode {
  return { kind: 'sequence', children };
}

/** A parallel node that waits for every branch (会签). */
export function parallelAll(...children: ProcessNode[]): ProcessNode {
  return { kind: 'parallel', join: 'all', children };
}

/** A material of a matter's list. */
export function material(id: string, name: string): Material {
  return { id, name };
}

/** 授权委托书: on nearly every list, and the first thing 容缺受理 defers. */
export const POWER_OF_ATTORNEY = material('power-of-attorney', '授权委托书及经办人身份证明');

/** The first step after acceptance: the case officer (承办人) examines the application. */
export function preliminaryReview(department: string, materials?: readonly string[]): StepDefinition {
  return step('preliminary-review', '承办审查', department, 'case-officer', {
    minDuration: 'PT2H',
    ...(materials === undefined ? {} : { materials: [...materials] }),
  });
}

/** The section head's review (科室审核), which may send the case back. */
export function sectionReview(department: string, sendBackTo: readonly string[]): StepDefinition {
  return step('section-review', '科室审核', department, 'section-chief', { minDuration: 'PT1H', sendBackTo: [...sendBackTo] });
}

/** The last step: the deciding official signs (审批决定/签发). */
export function decision(department: string, name = '审批决定（签发）'): StepDefinition {
  return step('decision', name, department, 'director', { minDuration: 'PT30M' });
}

/** An expert review (专家评审) whose time the statutory clock does not count (行政许可法 Art. 45). */
export function expertReview(id: string, name: string, department: string, minDuration = 'PT4H'): StepDefinition {
  return step(id, name, department, 'expert', { minDuration, clock: 'stopped', stopReason: 'expert-review' });
}

/** Fields every catalogue flow shares. */
export function approvalFlow(
  flow: Omit<FlowDefinition, 'version' | 'mode' | 'caseType'> & { readonly limits: NonNullable<FlowDefinition['limits']> },
): FlowDefinition {
  const { id, name, department, ...rest } = flow;
  return { id, version: BASE_VERSION, name, department, mode: 'approval', caseType: 'promised', ...rest };
}

/** A filing (备案): completed on the spot, no process, no limits. */
export function filingFlow(flow: Omit<FlowDefinition, 'version' | 'mode' | 'caseType' | 'process' | 'limits'>): FlowDefinition {
  const { id, name, department, ...rest } = flow;
  return { id, version: BASE_VERSION, name, department, mode: 'filing', caseType: 'immediate', ...rest };
}
