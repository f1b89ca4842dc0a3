import fc from 'fast-check';
import { PermitflowError } from '../errors';
import type { EventRecord, EvidenceKind, Source } from '../event-log/index';
import {
  ChannelSchema,
  EvidenceKindSchema,
  isLifecycleActivity,
  LifecycleSchema,
  OTHER_ACTIVITIES,
  STATUS_ACTIVITIES,
  statusOf,
} from '../event-log/index';

/** Options of {@link eventRecordArbitrary}. */
export interface EventRecordArbitraryOptions {
  /** Case ids to draw from; default: generated 办件编号 such as `330100-2025-000123`. */
  readonly caseIds?: readonly string[];
  /** Activities to draw from; default: the whole fixed vocabulary plus step ids such as `review`. */
  readonly activities?: readonly string[];
  /** Source of every record; default: mostly `system`, some `evidence`. */
  readonly source?: Source;
}

/** Step ids of a typical process tree, logged as activities beside the fixed vocabulary. */
const STEP_IDS = ['review', 'site-inspection', 'expert-review', 'joint-drawing-review', 'decision'] as const;

const DEFAULT_ACTIVITIES: readonly string[] = [...Object.keys(STATUS_ACTIVITIES), ...OTHER_ACTIVITIES, ...STEP_IDS];

const PHRASES = [
  '申请材料不齐全，请补正建设工程规划许可证申请表',
  '需组织专家评审，评审时间不计入审批时限',
  '经负责人批准，审批期限延长十个工作日',
  '申请事项不属于本机关职权范围',
  '现场踏勘发现实际用地与规划条件不符',
  '联合图审意见已出具',
  '容缺受理：消防设计文件承诺于十日内补交',
  '窗口已一次性告知需补正的全部内容',
  '申请人撤回申请',
] as const;

/** Characters that test encoders: CJK, full-width punctuation, astral ideographs, JSON escapes. */
const TRICKY_CHARS = [
  '审', '批', '证', '照', '许', '可', '建', '设', '工', '程', '，', '。', '（', '）', '“', '”',
  '𠀀', '𡈽', '🏗', 'a', '1', ' ', '"', '\\', '\n', '\t', '\u2028', '\u3000',
] as const;

const chineseText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength: 1, maxLength: 24 }) },
);

const MS_2019 = Date.UTC(2019, 0, 1);
const MS_2027 = Date.UTC(2027, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

const offsetArbitrary = fc.constantFrom(8 * 60, 0);

/** An ISO-8601 instant written at `offsetMinutes` (0 is written `Z`), with or without milliseconds. */
function formatInstant(epochMs: number, offsetMinutes: number, withMillis: boolean): string {
  const wall = new Date(epochMs + offsetMinutes * 60_000).toISOString();
  const base = withMillis ? wall.slice(0, 23) : wall.slice(0, 19);
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const caseIdArbitrary = fc
  .tuple(
    fc.constantFrom('330100', '440300', '110105', '510100', '320500'),
    fc.integer({ min: 2019, max: 2026 }),
    fc.integer({ min: 1, max: 999_999 }),
  )
  .map(([region, year, seq]) => `${region}-${year}-${String(seq).padStart(6, '0')}`);

const projectCodeArbitrary = fc
  .tuple(fc.integer({ min: 19, max: 26 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([yy, mm, seq]) => `${yy}${String(mm).padStart(2, '0')}-330100-04-01-${String(seq).padStart(6, '0')}`);

const actorArbitrary = fc.record({
  id: fc.integer({ min: 1, max: 9999 }).map((n) => `u${n}`),
  role: fc.constantFrom('窗口受理人员', '审批员', '科长', '分管领导', '评审专家'),
  department: fc.constantFrom('市住房和城乡建设局', '市自然资源和规划局', '市生态环境局', '市市场监督管理局', '政务服务中心'),
});

const reasonArbitrary = fc.record(
  {
    kind: fc.constantFrom(
      'art-45-expert-review',
      'art-45-hearing',
      'art-45-inspection',
      'art-42-extension',
      'materials-incomplete',
      'not-in-scope',
    ),
    text: chineseText,
  },
  { requiredKeys: ['kind'] },
);

const attrsArbitrary = fc.dictionary(
  fc.constantFrom('窗口', '办件类型', 'sourceSystem', 'pages', 'fee', 'urgent', '备注', 'legacyStatus'),
  fc.oneof(
    { weight: 3, arbitrary: chineseText },
    { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }) },
    // Any finite double, and the ones JSON text is likely to get wrong: the JSON Lines form keeps them exactly.
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(-0, 5e-324, Number.MAX_VALUE, 0.1 + 0.2, 1e21, -1e-7) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  { minKeys: 1, maxKeys: 4, noNullPrototype: true },
);

const materialsArbitrary = fc.uniqueArray(
  fc.constantFrom('申请表', 'M-001', 'M-002', 'M-017', '建设工程设计方案', '土地使用权证明', '消防设计文件'),
  { minLength: 1, maxLength: 4 },
);

/**
 * Valid event records (they pass `EventRecordSchema` and `checkEventRecord`) with realistic values:
 * 办件编号-style case ids, Chinese reasons and attrs, instants at `+08:00` and `Z`, status codes that
 * agree with their activities, evidence records with an `evidenceKind`, late `recordedAt` entries.
 * Records are independent: use them for format and parsing properties, not as a coherent case history.
 *
 * @param options - case ids, activities and source to draw from.
 * @example
 * fc.assert(fc.property(fc.array(eventRecordArbitrary()), (records) => …));
 */
export function eventRecordArbitrary(options: EventRecordArbitraryOptions = {}): fc.Arbitrary<EventRecord> {
  const { caseIds, activities = DEFAULT_ACTIVITIES, source } = options;
  if (caseIds?.length === 0) {
    throw new PermitflowError('invalid-argument', 'eventRecordArbitrary: caseIds is empty; give at least one case id or leave it out.');
  }
  if (activities.length === 0) {
    throw new PermitflowError('invalid-argument', 'eventRecordArbitrary: activities is empty; give at least one activity or leave it out.');
  }

  const sourceArbitrary: fc.Arbitrary<Source> =
    source === undefined
      ? fc.oneof({ weight: 4, arbitrary: fc.constant('system' as const) }, { weight: 1, arbitrary: fc.constant('evidence' as const) })
      : fc.constant(source);

  return fc
    .record(
      {
        id: fc.uuid(),
        caseId: caseIds === undefined ? caseIdArbitrary : fc.constantFrom(...caseIds),
        matterId: fc.constantFrom('JS-GHXK-001', 'JS-SGXK-001', 'HB-HPSP-002', 'SCJG-SPJY-001', 'XF-SJSC-001'),
        flowVersion: fc.constantFrom('1', '2024.2', '2025.1'),
        bundleId: fc.integer({ min: 1, max: 500 }).map((n) => `YJS-2025-${String(n).padStart(4, '0')}`),
        projectCode: projectCodeArbitrary,
        applicantId: fc.stringMatching(/^91330[0-9]{3}[0-9A-HJ-NPQRTUWXY]{10}$/),
        activity: fc.constantFrom(...activities),
        withStatus: fc.boolean(),
        lifecycle: fc.constantFrom(...LifecycleSchema.options),
        atMs: fc.integer({ min: MS_2019, max: MS_2027 }),
        atOffset: offsetArbitrary,
        withMillis: fc.boolean(),
        recordedAfterMs: fc.integer({ min: 0, max: 45 * DAY_MS }),
        recordedOffset: offsetArbitrary,
        actor: actorArbitrary,
        channel: fc.constantFrom(...ChannelSchema.options),
        source: sourceArbitrary,
        evidenceKind: fc.constantFrom<EvidenceKind>(...EvidenceKindSchema.options),
        materials: materialsArbitrary,
        reason: reasonArbitrary,
        attrs: attrsArbitrary,
      },
      {
        requiredKeys: [
          'id',
          'caseId',
          'matterId',
          'flowVersion',
          'activity',
          'withStatus',
          'lifecycle',
          'atMs',
          'atOffset',
          'withMillis',
          'source',
          'evidenceKind',
        ],
      },
    )
    .map((g): EventRecord => {
      const status = statusOf(g.activity);
      return {
        id: g.id,
        caseId: g.caseId,
        matterId: g.matterId,
        flowVersion: g.flowVersion,
        ...(g.bundleId !== undefined && { bundleId: g.bundleId }),
        ...(g.projectCode !== undefined && { projectCode: g.projectCode }),
        ...(g.applicantId !== undefined && { applicantId: g.applicantId }),
        activity: g.activity,
        ...(status !== undefined && g.withStatus && { status }),
        // Steps log start/complete/send-back…; the fixed lifecycle activities are single moments.
        ...(!isLifecycleActivity(g.activity) && { lifecycle: g.lifecycle }),
        at: formatInstant(g.atMs, g.atOffset, g.withMillis),
        ...(g.recordedAfterMs !== undefined &&
          g.recordedOffset !== undefined && {
            recordedAt: formatInstant(g.atMs + g.recordedAfterMs, g.recordedOffset, g.withMillis),
          }),
        ...(g.actor !== undefined && { actor: g.actor }),
        ...(g.channel !== undefined && { channel: g.channel }),
        source: g.source,
        ...(g.source === 'evidence' && { evidenceKind: g.evidenceKind }),
        ...(g.materials !== undefined && { materials: g.materials }),
        ...(g.reason !== undefined && { reason: g.reason }),
        ...(g.attrs !== undefined && { attrs: g.attrs }),
      };
    });
}
