import { z } from 'zod';

/** Ids of steps, materials, matters and stages: letters, digits, `-` and `_` (no dots: they are paths in the machine). */
export const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
  message: 'Use letters, digits, "-" and "_" only, starting with a letter or digit, e.g. "fire-opinion".',
});

const text = z.string().min(1);

/** Reform mode of a matter under 证照分离 and 告知承诺制. */
export const ReformModeSchema = z.enum(['approval', 'optimized-approval', 'notify-commit', 'filing', 'cancelled']);

/** Case type (办件类型, GB/T 39046): `immediate` = 即办件, `promised` = 承诺件. */
export const CaseTypeSchema = z.enum(['immediate', 'promised']);

/**
 * Activities whose time the statutory clock does not count (行政许可法 Art. 45):
 * 听证 hearing, 招标 tender, 拍卖 auction, 检验 inspection, 检测 testing, 检疫 quarantine, 鉴定 appraisal, 专家评审 expert review.
 */
export const Art45CategorySchema = z.enum([
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert-review',
]);

/** ISO-8601 duration such as `PT2H`, `P3D` or `P1DT4H30M` (years and months are not allowed: their length varies). */
export const IsoDurationSchema = z
  .string()
  .regex(/^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, {
    message: 'Write an ISO-8601 duration in weeks, days, hours, minutes or seconds, e.g. "PT2H" or "P1DT4H".',
  });

/** One material (材料) on the official list of a matter. */
export const MaterialSchema = z.strictObject({
  id: IdSchema,
  name: text,
  /** Whether acceptance needs it (default true); optional materials may be deferred under 容缺受理. */
  required: z.boolean().optional(),
  description: z.string().optional(),
});

/** One activity of a matter's processing: review, site inspection, expert review, decision… */
export const StepSchema = z.strictObject({
  kind: z.literal('step'),
  id: IdSchema,
  name: text,
  department: text,
  role: text,
  /** Plausibility floor: the least time the step can honestly take (ISO-8601 duration). */
  minDuration: IsoDurationSchema.optional(),
  /** The step's own time budget in working days, where the matter sets one. */
  limitWorkingDays: z.number().int().optional(),
  /** `stopped`: the statutory clock does not run during this step (Art. 45); needs `stopReason`. */
  clock: z.enum(['running', 'stopped']).optional(),
  /** The Art. 45 category that stops the clock. */
  stopReason: Art45CategorySchema.optional(),
  /** Materials this step examines (ids from the matter's material list). */
  materials: z.array(IdSchema).optional(),
  /** Earlier steps this step may send the case back to (退回). */
  sendBackTo: z.array(IdSchema).optional(),
});

/** How a parallel node joins: `all` (会签), `any` (或签), or when `threshold` branches are done (票签). */
export const JoinSchema = z.union([
  z.literal('all'),
  z.literal('any'),
  z.strictObject({ kind: z.literal('vote'), threshold: z.number().int() }),
]);

/** Steps in order. */
export const SequenceSchema = z.strictObject({
  kind: z.literal('sequence'),
  id: IdSchema.optional(),
  get children() {
    return z.array(ProcessNodeSchema);
  },
});

/** Branches run at once (并联), joined by `join`. */
export const ParallelSchema = z.strictObject({
  kind: z.literal('parallel'),
  id: IdSchema.optional(),
  join: JoinSchema,
  get children() {
    return z.array(ProcessNodeSchema);
  },
});

/** Exactly one branch runs: the one whose first step is started first. */
export const ChoiceSchema = z.strictObject({
  kind: z.literal('choice'),
  id: IdSchema.optional(),
  get children() {
    return z.array(ProcessNodeSchema);
  },
});

/** A node of a matter's process tree. */
export const ProcessNodeSchema = z.discriminatedUnion('kind', [StepSchema, SequenceSchema, ParallelSchema, ChoiceSchema]);

/** Time limits of a matter, in working days (行政许可法 Art. 42 and Art. 82). */
export const LimitsSchema = z.strictObject({
  /** 法定办结时限: the limit set by law. */
  statutoryWorkingDays: z.number().int().optional(),
  /** 承诺办结时限: the limit the office promises, at most the statutory one. */
  promisedWorkingDays: z.number().int().optional(),
  /** Days an approved Art. 42 extension adds: 10 by default, 15 for joint handling (Art. 26). */
  extensionWorkingDays: z.number().int().optional(),
});

/**
 * Areas that exclude a matter from notify-and-commit (国办发〔2020〕42号): national security,
 * public safety, ecological environment, life and health safety, prudential financial
 * supervision, and major foreign-related matters.
 */
export const ExcludedAreaSchema = z.enum([
  'national-security',
  'public-safety',
  'ecological-environment',
  'life-health-safety',
  'prudential-financial-supervision',
  'major-foreign-related',
]);

/** How post-verification (事中事后核查) checks a commitment. */
export const VerificationMethodSchema = z.enum(['data-sharing', 'online-check', 'on-site-inspection', 'cross-agency-assistance']);

/** One condition the office publishes and the applicant commits to meeting. */
export const CommitmentConditionSchema = z.strictObject({ id: IdSchema, text });

/** What notify-and-commit (告知承诺制) asks of a matter: conditions, consequences, decision and verification. */
export const NotifyCommitSchema = z.strictObject({
  /** The quantifiable conditions the office tells the applicant in writing (告知). */
  conditions: z.array(CommitmentConditionSchema),
  /** The consequences of a false commitment, as told to the applicant. */
  falseCommitmentConsequences: text,
  /** `on-the-spot` (当场作出决定) or `within-limit` (within the matter's limits). */
  decision: z.enum(['on-the-spot', 'within-limit']),
  /** Post-verification: how, and within how many working days of the decision. */
  verification: z.strictObject({
    withinWorkingDays: z.number().int(),
    methods: z.array(VerificationMethodSchema),
  }),
  /** Working days given to correct a breach before the decision is revoked (责令限期整改). */
  correctionWorkingDays: z.number().int(),
});

/** A matter (事项) of the official catalogue and the flow that processes one case of it. */
export const FlowDefinitionSchema = z.strictObject({
  id: IdSchema,
  version: text,
  name: text,
  department: text,
  mode: ReformModeSchema,
  caseType: CaseTypeSchema,
  legalBasis: z.array(text).optional(),
  limits: LimitsSchema.optional(),
  materials: z.array(MaterialSchema),
  /** The process tree; approval modes need one, filing and cancelled matters have none. */
  process: ProcessNodeSchema.optional(),
  /** 照后减证: the case starts from the business registration (营业执照), as under 证照分离. */
  afterBusinessRegistration: z.boolean().optional(),
  /** Areas the matter directly involves; any of them excludes notify-and-commit. */
  involves: z.array(ExcludedAreaSchema).optional(),
  /** Notify-and-commit settings; required with mode `notify-commit`. */
  notifyCommit: NotifyCommitSchema.optional(),
});

/** One matter inside a bundle, with the matters it waits for. */
export const BundleMatterSchema = z.strictObject({
  matterId: IdSchema,
  /** The stage the matter belongs to, if the bundle has stages. */
  stage: IdSchema.optional(),
  /** Matters that must be approved before this one can be received. */
  dependsOn: z.array(IdSchema).optional(),
});

/** A stage of a bundle: its matters run in parallel under one lead department (一家牵头). */
export const StageSchema = z.strictObject({
  id: IdSchema,
  name: text,
  leadDepartment: text,
  limitWorkingDays: z.number().int().optional(),
});

/** A bundle (一件事): several matters delivered as one service. */
export const BundleDefinitionSchema = z.strictObject({
  id: IdSchema,
  version: text,
  name: text,
  leadDepartment: text,
  matters: z.array(BundleMatterSchema),
  /** Stages in order; a stage starts when the one before it is done. */
  stages: z.array(StageSchema).optional(),
  /** The one set of materials (一套材料) shared by the matters. */
  sharedMaterials: z.array(MaterialSchema).optional(),
  limits: z
    .strictObject({
      statutoryWorkingDays: z.number().int().optional(),
      promisedWorkingDays: z.number().int().optional(),
    })
    .optional(),
  /** Expected in-person trips (跑动次数): 0 = 不见面, 1 = 最多跑一次. */
  expectedTrips: z.number().int().min(0).optional(),
});

/** A matter's flow definition. */
export type FlowDefinition = z.infer<typeof FlowDefinitionSchema>;
/** A node of a process tree. */
export type ProcessNode = z.infer<typeof ProcessNodeSchema>;
/** A step node. */
export type StepDefinition = z.infer<typeof StepSchema>;
/** A sequence node. */
export type SequenceNode = z.infer<typeof SequenceSchema>;
/** A parallel node. */
export type ParallelNode = z.infer<typeof ParallelSchema>;
/** A choice node. */
export type ChoiceNode = z.infer<typeof ChoiceSchema>;
/** Join policy of a parallel node. */
export type Join = z.infer<typeof JoinSchema>;
/** A material on a matter's list. */
export type Material = z.infer<typeof MaterialSchema>;
/** Time limits of a matter. */
export type Limits = z.infer<typeof LimitsSchema>;
/** Reform mode of a matter. */
export type ReformMode = z.infer<typeof ReformModeSchema>;
/** Case type of a matter. */
export type CaseType = z.infer<typeof CaseTypeSchema>;
/** Art. 45 category of a clock-stopping step. */
export type Art45Category = z.infer<typeof Art45CategorySchema>;
/** An area that excludes notify-and-commit. */
export type ExcludedArea = z.infer<typeof ExcludedAreaSchema>;
/** Notify-and-commit settings of a matter. */
export type NotifyCommitSettings = z.infer<typeof NotifyCommitSchema>;
/** A method of post-verification. */
export type VerificationMethod = z.infer<typeof VerificationMethodSchema>;
/** A bundle (一件事) definition. */
export type BundleDefinition = z.infer<typeof BundleDefinitionSchema>;
/** One matter inside a bundle. */
export type BundleMatter = z.infer<typeof BundleMatterSchema>;
/** A stage of a bundle. */
export type Stage = z.infer<typeof StageSchema>;
