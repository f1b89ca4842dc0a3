export {
  IdSchema,
  ReformModeSchema,
  CaseTypeSchema,
  Art45CategorySchema,
  IsoDurationSchema,
  MaterialSchema,
  StepSchema,
  JoinSchema,
  SequenceSchema,
  ParallelSchema,
  ChoiceSchema,
  ProcessNodeSchema,
  LimitsSchema,
  FlowDefinitionSchema,
  BundleMatterSchema,
  StageSchema,
  BundleDefinitionSchema,
  ExcludedAreaSchema,
  VerificationMethodSchema,
  CommitmentConditionSchema,
  NotifyCommitSchema,
} from './schemas';
export type {
  FlowDefinition,
  ProcessNode,
  StepDefinition,
  SequenceNode,
  ParallelNode,
  ChoiceNode,
  Join,
  Material,
  Limits,
  ReformMode,
  CaseType,
  Art45Category,
  BundleDefinition,
  BundleMatter,
  Stage,
  ExcludedArea,
  NotifyCommitSettings,
  VerificationMethod,
} from './schemas';
export { validateFlow } from './validate-flow';
export type { ValidationResult, FlowValidationResult } from './validate-flow';
export { validateBundle } from './validate-bundle';
export type { BundleValidationResult, ValidateBundleOptions } from './validate-bundle';
export { DEFAULT_EXTENSION_WORKING_DAYS } from './defaults';
