/**
 * Stage 4, 竣工验收: planning, land, fire, civil-air-defence and archives acceptance, then the
 * 竣工验收备案. Without 多测合一 each of the planning, land and civil-air-defence acceptances takes
 * its own survey (a separate commission and report) and checks it.
 */
import {
  POWER_OF_ATTORNEY,
  approvalFlow,
  decision,
  filingFlow,
  material,
  preliminaryReview,
  sequence,
  step,
  type MatterSpec,
} from './define';
import {
  DEFAULT_STATUTORY_WORKING_DAYS,
  FIRE_ACCEPTANCE_STATUTORY_WORKING_DAYS,
  JOINT_HANDLING_EXTENSION_WORKING_DAYS,
  JOINT_HANDLING_STATUTORY_WORKING_DAYS,
  PROMISED_WORKING_DAYS,
} from '../sources';

const COMPLETION_DRAWINGS = material('completion-drawings', '竣工图（一套）');

/** The step that checks a survey report of a separate commission (removed by 多测合一). */
function surveyResultCheck(department: string, report: string): ReturnType<typeof step> {
  return step('survey-result-check', '测绘成果核查', department, 'survey-examiner', { minDuration: 'PT2H', materials: [report] });
}

/** 建设工程规划核实 (natural-resources). */
export const PLANNING_VERIFICATION: MatterSpec = {
  id: 'planning-verification',
  flow: approvalFlow({
    id: 'planning-verification',
    name: '建设工程规划核实',
    department: 'natural-resources',
    legalBasis: ['中华人民共和国城乡规划法 第四十五条'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['planning-verification'] },
    materials: [
      material('application-form', '建设工程规划核实申请表'),
      material('works-planning-permit-copy', '建设工程规划许可证及附图'),
      material('planning-survey-report', '竣工规划核实测量成果报告'),
      COMPLETION_DRAWINGS,
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form', 'works-planning-permit-copy']),
      surveyResultCheck('natural-resources', 'planning-survey-report'),
      step('site-verification', '现场核实', 'natural-resources', 'inspector', {
        minDuration: 'PT3H',
        materials: ['completion-drawings'],
        sendBackTo: ['preliminary-review'],
      }),
      decision('natural-resources', '出具规划核实意见'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [
    { id: 'built-as-permitted', text: '建设工程的位置、面积、高度、立面和配套设施与建设工程规划许可证及附图一致' },
    { id: 'temporary-works-removed', text: '施工临时建筑和设施已拆除，场地已清理' },
    { id: 'survey-true', text: '竣工规划核实测量成果真实、准确' },
  ],
};

/** 建设项目土地核验 (土地复核验收, natural-resources): the land is used as the contract says. */
export const LAND_VERIFICATION: MatterSpec = {
  id: 'land-verification',
  flow: approvalFlow({
    id: 'land-verification',
    name: '建设项目竣工土地核验',
    department: 'natural-resources',
    legalBasis: ['中华人民共和国土地管理法 第五十六条', '国有建设用地使用权出让合同（示范文本）履约条款'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['land-verification'] },
    materials: [
      material('application-form', '土地核验申请表'),
      material('land-contract', '国有建设用地使用权出让合同或划拨决定书'),
      material('land-survey-report', '土地核验测量（地籍测量）成果报告'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form', 'land-contract']),
      surveyResultCheck('natural-resources', 'land-survey-report'),
      step('site-verification', '现场核验（用途、容积率、界址、开竣工时间）', 'natural-resources', 'inspector', {
        minDuration: 'PT3H',
        sendBackTo: ['preliminary-review'],
      }),
      decision('natural-resources', '出具土地核验意见'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [
    { id: 'use-as-contracted', text: '土地用途、容积率、建筑密度等与出让合同或划拨决定书一致' },
    { id: 'within-boundary', text: '建设未超出宗地界址范围' },
    { id: 'payments-made', text: '土地出让价款及相关税费已足额缴纳' },
  ],
};

/** 特殊建设工程消防验收 (housing-construction — not fire-rescue since 2019). */
export const FIRE_ACCEPTANCE: MatterSpec = {
  id: 'fire-acceptance',
  flow: approvalFlow({
    id: 'fire-acceptance',
    name: '特殊建设工程消防验收',
    department: 'housing-construction',
    legalBasis: ['中华人民共和国消防法 第十三条', '建设工程消防设计审查验收管理暂行规定（住房和城乡建设部令第51号）'],
    limits: { statutoryWorkingDays: FIRE_ACCEPTANCE_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['fire-acceptance'] },
    involves: ['public-safety'],
    materials: [
      material('application-form', '消防验收申请表'),
      material('completion-acceptance-report', '工程竣工验收报告'),
      material('fire-testing-report', '消防设施检测报告'),
      COMPLETION_DRAWINGS,
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('housing-construction', ['application-form', 'completion-acceptance-report']),
      step('fire-document-review', '消防验收资料审查', 'housing-construction', 'fire-reviewer', {
        minDuration: 'PT2H',
        materials: ['fire-testing-report', 'completion-drawings'],
      }),
      step('fire-site-assessment', '消防验收现场评定（抽样查看、测量、设施功能测试）', 'housing-construction', 'fire-inspector', {
        minDuration: 'PT4H',
        sendBackTo: ['fire-document-review'],
      }),
      decision('housing-construction', '出具消防验收意见'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [],
};

/** 其他建设工程消防验收备案 (housing-construction): the low-risk track, a filing with spot checks afterwards. */
export const FIRE_ACCEPTANCE_FILING: MatterSpec = {
  id: 'fire-acceptance-filing',
  flow: filingFlow({
    id: 'fire-acceptance-filing',
    name: '其他建设工程消防验收备案',
    department: 'housing-construction',
    legalBasis: ['中华人民共和国消防法 第十三条', '建设工程消防设计审查验收管理暂行规定（住房和城乡建设部令第51号）'],
    materials: [
      material('filing-form', '消防验收备案表'),
      material('completion-acceptance-report', '工程竣工验收报告（含消防查验内容）'),
      material('fire-completion-drawings', '涉及消防的建设工程竣工图纸'),
    ],
  }),
  deferrable: [],
  commitmentConditions: [],
};

/** 人民防空工程竣工验收 (civil-air-defence). */
export const CIVIL_AIR_DEFENCE_ACCEPTANCE: MatterSpec = {
  id: 'civil-air-defence-acceptance',
  flow: approvalFlow({
    id: 'civil-air-defence-acceptance',
    name: '人民防空工程竣工验收',
    department: 'civil-air-defence',
    legalBasis: ['中华人民共和国人民防空法 第二条、第二十二条'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['civil-air-defence-acceptance'] },
    involves: ['national-security'],
    materials: [
      material('application-form', '人防工程竣工验收申请表'),
      material('civil-air-defence-approval', '人防工程设计审批文件'),
      material('civil-air-defence-area-survey', '人防工程面积测绘报告'),
      material('protective-equipment-test', '防护设备质量检测报告'),
      COMPLETION_DRAWINGS,
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('civil-air-defence', ['application-form', 'civil-air-defence-approval']),
      surveyResultCheck('civil-air-defence', 'civil-air-defence-area-survey'),
      step('protection-site-inspection', '防护功能现场查验', 'civil-air-defence', 'protection-engineer', {
        minDuration: 'PT3H',
        materials: ['protective-equipment-test', 'completion-drawings'],
        sendBackTo: ['preliminary-review'],
      }),
      decision('civil-air-defence', '出具人防工程验收意见'),
    ),
  }),
  deferrable: ['protective-equipment-test', 'power-of-attorney'],
  commitmentConditions: [],
};

/** 建设工程竣工档案验收 (城建档案认可, urban-archives). */
export const ARCHIVES_ACCEPTANCE: MatterSpec = {
  id: 'archives-acceptance',
  flow: approvalFlow({
    id: 'archives-acceptance',
    name: '建设工程竣工档案验收',
    department: 'urban-archives',
    legalBasis: ['城市建设档案管理规定（建设部令第90号）', '建设工程文件归档规范（GB/T 50328）'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['archives-acceptance'] },
    materials: [
      material('application-form', '建设工程竣工档案验收申请表'),
      material('project-archives', '工程竣工档案（纸质及电子文件）'),
      COMPLETION_DRAWINGS,
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('urban-archives', ['application-form']),
      step('archives-check', '档案完整性与规范性审查', 'urban-archives', 'archivist', {
        minDuration: 'PT2H',
        materials: ['project-archives', 'completion-drawings'],
        sendBackTo: ['preliminary-review'],
      }),
      decision('urban-archives', '出具档案验收意见'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [
    { id: 'archives-complete', text: '工程竣工档案齐全、完整、准确，竣工图与工程实体一致' },
    { id: 'archives-standard', text: '档案整理符合《建设工程文件归档规范》（GB/T 50328）' },
  ],
};

/**
 * 多测合一成果审核 (natural-resources): one commission surveys once for planning, land and civil
 * air defence; the results are checked once and shared (added by `applyUnifiedSurvey`).
 */
export const UNIFIED_SURVEY: MatterSpec = {
  id: 'unified-survey',
  flow: approvalFlow({
    id: 'unified-survey',
    name: '竣工验收阶段“多测合一”测绘成果审核',
    department: 'natural-resources',
    legalBasis: ['中华人民共和国测绘法 第二十七条', '国办发〔2019〕11号（推行“多测合一”）'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['unified-survey'] },
    materials: [
      material('application-form', '“多测合一”成果审核申请表'),
      material('unified-survey-report', '“多测合一”成果报告（规划核实测量、土地核验测量、人防面积测绘）'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form']),
      step('survey-quality-check', '成果质量检查', 'natural-resources', 'survey-examiner', {
        minDuration: 'PT3H',
        materials: ['unified-survey-report'],
        sendBackTo: ['preliminary-review'],
      }),
      decision('natural-resources', '成果确认并共享'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [],
};

/**
 * 建设工程竣工联合验收 (housing-construction leads): the departments check at once and give one
 * opinion. The departments' branches are filled in by `applyJointAcceptance` from the acceptances
 * it replaces; this is the frame around them.
 */
export const JOINT_ACCEPTANCE: MatterSpec = {
  id: 'joint-acceptance',
  flow: approvalFlow({
    id: 'joint-acceptance',
    name: '建设工程竣工联合验收',
    department: 'housing-construction',
    legalBasis: ['国办发〔2019〕11号（实行联合验收）', '中华人民共和国行政许可法 第二十六条、第四十二条第二款'],
    limits: {
      statutoryWorkingDays: JOINT_HANDLING_STATUTORY_WORKING_DAYS,
      promisedWorkingDays: PROMISED_WORKING_DAYS['joint-acceptance'],
      extensionWorkingDays: JOINT_HANDLING_EXTENSION_WORKING_DAYS,
    },
    materials: [material('application-form', '竣工联合验收申请表（一张表单）'), POWER_OF_ATTORNEY],
    process: sequence(
      preliminaryReview('housing-construction', ['application-form']),
      step('joint-opinion', '汇总各部门意见，形成联合验收意见', 'housing-construction', 'section-chief', {
        minDuration: 'PT1H',
        sendBackTo: ['preliminary-review'],
      }),
      decision('housing-construction', '出具竣工联合验收意见书'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [],
};

/** 房屋建筑和市政基础设施工程竣工验收备案 (housing-construction): a filing once the acceptances are done. */
export const COMPLETION_FILING: MatterSpec = {
  id: 'completion-filing',
  flow: filingFlow({
    id: 'completion-filing',
    name: '房屋建筑和市政基础设施工程竣工验收备案',
    department: 'housing-construction',
    legalBasis: ['建设工程质量管理条例 第四十九条', '房屋建筑和市政基础设施工程竣工验收备案管理办法（住房城乡建设部令第2号）'],
    materials: [
      material('filing-form', '工程竣工验收备案表'),
      material('completion-acceptance-report', '工程竣工验收报告'),
      material('acceptance-documents', '规划、土地、消防、人防、档案等验收或认可文件'),
      material('quality-warranty', '住宅质量保证书和住宅使用说明书（商品住宅）'),
    ],
  }),
  deferrable: [],
  commitmentConditions: [],
};
