/**
 * permitflow: Chinese government approval flows as typed xstate machines on the real
 * working-day calendar, with the one event log every analysis reads.
 * Start at README.md; each module's own index.ts is its public face.
 */

// errors
export { PermitflowError, DefinitionError, formatIssues, formatPath } from './errors';
export type { Issue, IssuePath, PermitflowErrorCode } from './errors';

// definitions
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
  validateFlow,
  validateBundle,
  DEFAULT_EXTENSION_WORKING_DAYS,
} from './definition';
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
  ValidationResult,
  FlowValidationResult,
  BundleValidationResult,
  ValidateBundleOptions,
} from './definition';

// compiler
export { compileFlow, LIFECYCLE_STATES, stepStateId, FLOW_EVENT_TYPES, COMMAND_AUTHORITY } from './compiler';
export type { FlowContext, FlowMachine, LifecycleState, ProcessingSuspension, FlowEvent, FlowEventType, EventDetails, StepIdOf, ApplicantStanding } from './compiler';

// runtime
export {
  systemClock,
  createFlowInstance,
  restoreFlowInstance,
  createMemoryStore,
  PersistedFlowInstanceSchema,
  PERSISTED_INSTANCE_FORMAT,
  createBundleInstance,
  restoreBundleInstance,
  PersistedBundleInstanceSchema,
  PERSISTED_BUNDLE_FORMAT,
} from './runtime';
export type {
  Clock,
  CreateFlowInstanceOptions,
  RestoreFlowInstanceOptions,
  FlowInstance,
  FlowInstanceOptions,
  CaseLinks,
  SendResult,
  Rejection,
  RejectionCode,
  PersistedFlowInstance,
  InstanceStore,
  CreateBundleInstanceOptions,
  RestoreBundleInstanceOptions,
  BundleInstance,
  BundleSubmission,
  MatterStatus,
  PersistedBundleInstance,
} from './runtime';

// event log
export {
  STATUS_ACTIVITIES,
  OTHER_ACTIVITIES,
  isLifecycleActivity,
  statusOf,
  activityOfStatus,
  EVENT_RECORD_VERSION,
  EventRecordSchema,
  InstantSchema,
  ActorSchema,
  LifecycleSchema,
  ChannelSchema,
  SourceSchema,
  EvidenceKindSchema,
  ReasonSchema,
  AttrValueSchema,
  checkEventRecord,
  formatLineIssues,
  parseEventLog,
  readEventLog,
  serializeEventLog,
  serializeEventRecord,
} from './event-log';
export type {
  StatusActivity,
  StatusCode,
  OtherActivity,
  LifecycleActivity,
  EventRecord,
  Actor,
  Lifecycle,
  Channel,
  EvidenceKind,
  Reason,
  Source,
  CheckEventRecordResult,
  EventLogIssueCode,
  EventLogIssue,
  LineIssue,
  EventLogReader,
  EventLogReadResult,
  EventLogCounts,
  EventLogReadOptions,
} from './event-log';

// calendar
export {
  chinaMainlandCalendar,
  createWorkingCalendar,
  extendCalendar,
  validateWorkingCalendarData,
  chinaMainlandCalendarData,
  CalendarCoverageError,
  CalendarDataError,
  CalendarExtensionSchema,
  WorkingCalendarDataSchema,
  CalendarYearSchema,
  CalendarLayerSchema,
  CalendarHolidaySchema,
  CalendarWorkdaySchema,
  CalendarSourceSchema,
} from './calendar';
export type {
  WorkingCalendar,
  WorkingCalendarOptions,
  WorkingCalendarData,
  CalendarExtension,
  CalendarDataValidation,
  CalendarCoverage,
  CalendarCoverageErrorDetails,
  CalendarYear,
  CalendarLayer,
  CalendarHoliday,
  CalendarWorkday,
  CalendarSource,
  DateOrInstant,
  DayInfo,
  DayKind,
  CalendarYearSources,
  DeepReadonly,
} from './calendar';

// clocks
export { computeCaseClock, computeBundleClock, linkResubmissionChains } from './clocks';
export type {
  CaseClockOptions,
  WarningThreshold,
  ResubmissionChain,
  ResubmissionOptions,
  CaseClock,
  ClockPhase,
  Budget,
  BudgetStatus,
  Suspension,
  SuspensionKind,
  Extension,
  ElapsedTime,
  OfficialTime,
  BundleClock,
  BundleClockOptions,
  StageClock,
} from './clocks';

// built-in flows and bundles
export {
  constructionPermitBundle,
  REFORM_ORDER,
  CONSTRUCTION_PERMIT_MATTER_IDS,
  CONSTRUCTION_PERMIT_STAGE_IDS,
  CONSTRUCTION_PROJECT_CATEGORIES,
  licenceSeparationFlow,
  LICENCE_SEPARATION_MODES,
  notifyCommitFlow,
  openBusinessBundle,
  realEstateRegistrationBundle,
  OPEN_BUSINESS_MATTERS,
  REAL_ESTATE_MATTERS,
  builtInBundles,
  builtInFlows,
} from './flows';
export type {
  BundleWithFlows,
  ConstructionPermitOptions,
  ConstructionPermitLimits,
  ConstructionPermitReforms,
  ConstructionPermitMatterId,
  ConstructionPermitStageId,
  ConstructionProjectCategory,
  LicenceSeparationMode,
  LicenceSeparationOptions,
  NotifyCommitFlowOptions,
  NotifyCommitOverrides,
  OpenBusinessBundleOptions,
  RealEstateRegistrationBundleOptions,
  Utility,
} from './flows';

// simulation: labeled logs of lone cases and of 一件事 bundle years
export { generateLog, INJECTABLE_DEVIATION_CODES, DEFAULT_LAWFUL_RATES, generateBundleLog, defaultBundleMix, BUNDLE_INJECTABLE_DEVIATION_CODES } from './simulation';
export type {
  GenerateLogOptions,
  GeneratedLog,
  DeviationLabel,
  InjectableDeviationCode,
  LawfulRates,
  GenerateBundleLogOptions,
  BundleMixEntry,
  BundleInjectableDeviationCode,
} from './simulation';

// detection of off-system work (体外循环) and hidden approvals (隐性审批)
export {
  DEVIATION_CODES,
  BUILT_IN_DETECTORS,
  createDetector,
  DEFAULT_LATENESS,
  TERMINAL_ACTIVITIES,
  detectOffSystemWork,
  detectOffSystemWorkInLog,
  summarizeFindings,
  formatReportMarkdown,
} from './detection';
export type {
  Finding,
  Severity,
  CaseView,
  CaseSummary,
  CaseDetector,
  DeviationCode,
  DetectorOptions,
  DetectionStats,
  AllowEntry,
  DetectorThresholds,
  OffSystemDetector,
  DetectionResult,
  LogDetectionResult,
  LogDetectionOptions,
  FindingsReport,
  FindingTally,
  TopCase,
  SummarizeFindingsOptions,
} from './detection';

// measurement of each 一件事 end to end: experienced vs official, trips, materials, limits
export {
  measureBundle,
  measureLog,
  planMeasurement,
  DEFAULT_TRIP_EVIDENCE_KINDS,
  createMeasurementSummarizer,
  summarizeMeasurements,
  formatMeasurementMarkdown,
} from './measure';
export type {
  Duration,
  Period,
  LimitCheck,
  SuspensionTotals,
  Pause,
  OffSystemPeriod,
  MatterMeasurement,
  StageMeasurement,
  MeasurementOutcome,
  Measurement,
  MeasureOptions,
  MeasureLogOptions,
  MeasurementPlanner,
  LogMeasurer,
  MeasureLogResult,
  UnmeasuredGroup,
  Distribution,
  TimeDistribution,
  SummaryGrouping,
  GroupSummary,
  MeasurementSummary,
  MeasurementSummarizer,
  MeasurementReportOptions,
} from './measure';
