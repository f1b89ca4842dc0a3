/**
 * Stage 3, 施工许可: 施工图审查 by a 审图机构, the fire and civil-air-defence design reviews, and the
 * 施工许可证. Since 2019 the 消防设计审查 is done by housing-construction departments
 * (消防法 as amended 2019, 住建部令第51号), not by fire-rescue.
 */
import { POWER_OF_ATTORNEY, approvalFlow, decision, material, parallelAll, preliminaryReview, sectionReview, sequence, step, type MatterSpec } from './define';
import {
  CONSTRUCTION_PERMIT_STATUTORY_WORKING_DAYS,
  DEFAULT_STATUTORY_WORKING_DAYS,
  DRAWING_REVIEW_STATUTORY_WORKING_DAYS,
  FIRE_DESIGN_REVIEW_STATUTORY_WORKING_DAYS,
  JOINT_HANDLING_EXTENSION_WORKING_DAYS,
  JOINT_HANDLING_STATUTORY_WORKING_DAYS,
  PROMISED_WORKING_DAYS,
} from '../sources';

const REVIEWER = 'drawing-review-institution';

/**
 * 施工图设计文件审查 (housing-construction): the 审图机构 reviews each discipline, the department
 * confirms and files the 审查合格书. Structural safety makes it a life-and-property matter.
 */
export const CONSTRUCTION_DRAWING_REVIEW: MatterSpec = {
  id: 'construction-drawing-review',
  flow: approvalFlow({
    id: 'construction-drawing-review',
    name: '房屋建筑和市政基础设施工程施工图设计文件审查',
    department: 'housing-construction',
    legalBasis: ['建设工程质量管理条例 第十一条', '房屋建筑和市政基础设施工程施工图设计文件审查管理办法（住房城乡建设部令第13号）'],
    limits: { statutoryWorkingDays: DRAWING_REVIEW_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['construction-drawing-review'] },
    involves: ['life-health-safety'],
    materials: [
      material('application-form', '施工图设计文件审查申请表'),
      material('construction-drawings', '全套施工图设计文件（含结构计算书、节能计算书）'),
      material('geotechnical-report', '岩土工程勘察文件'),
      material('works-planning-permit-copy', '建设工程规划许可证及附图'),
      material('designer-qualification', '勘察设计单位资质证明及注册人员签章'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('housing-construction', ['application-form', 'works-planning-permit-copy']),
      parallelAll(
        step('architecture-review', '建筑专业审查', REVIEWER, 'architecture-reviewer', { minDuration: 'PT6H', materials: ['construction-drawings'] }),
        step('structure-review', '结构专业审查（含地基基础）', REVIEWER, 'structure-reviewer', {
          minDuration: 'P1D',
          materials: ['construction-drawings', 'geotechnical-report'],
        }),
        step('building-services-review', '给排水、暖通、电气专业审查', REVIEWER, 'services-reviewer', { minDuration: 'PT6H', materials: ['construction-drawings'] }),
      ),
      step('review-summary', '汇总审查意见，出具审查合格书', REVIEWER, 'chief-reviewer', { minDuration: 'PT2H', sendBackTo: ['structure-review'] }),
      decision('housing-construction', '审查合格书备案'),
    ),
  }),
  deferrable: ['designer-qualification', 'power-of-attorney'],
  commitmentConditions: [],
};

/** 特殊建设工程消防设计审查 (housing-construction — not fire-rescue since 2019). */
export const FIRE_DESIGN_REVIEW: MatterSpec = {
  id: 'fire-design-review',
  flow: approvalFlow({
    id: 'fire-design-review',
    name: '特殊建设工程消防设计审查',
    department: 'housing-construction',
    legalBasis: ['中华人民共和国消防法 第十一条、第十二条', '建设工程消防设计审查验收管理暂行规定（住房和城乡建设部令第51号）'],
    limits: { statutoryWorkingDays: FIRE_DESIGN_REVIEW_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['fire-design-review'] },
    involves: ['public-safety'],
    materials: [
      material('application-form', '消防设计审查申请表'),
      material('fire-design-documents', '消防设计文件'),
      material('fire-design-technical-report', '消防设计技术审查意见（委托技术服务机构的）'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('housing-construction', ['application-form']),
      step('fire-technical-review', '消防设计技术审查', 'housing-construction', 'fire-technical-reviewer', {
        minDuration: 'PT6H',
        materials: ['fire-design-documents', 'fire-design-technical-report'],
        sendBackTo: ['preliminary-review'],
      }),
      sectionReview('housing-construction', ['fire-technical-review']),
      decision('housing-construction', '出具消防设计审查意见'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [],
};

/** 结合民用建筑修建防空地下室审批 (civil-air-defence): the 人防 design review. 人防 is part of national defence (人民防空法 Art. 2). */
export const CIVIL_AIR_DEFENCE_DESIGN_REVIEW: MatterSpec = {
  id: 'civil-air-defence-design-review',
  flow: approvalFlow({
    id: 'civil-air-defence-design-review',
    name: '结合民用建筑修建防空地下室审批（人防工程设计审查）',
    department: 'civil-air-defence',
    legalBasis: ['中华人民共和国人民防空法 第二条、第二十二条'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['civil-air-defence-design-review'] },
    involves: ['national-security'],
    materials: [
      material('application-form', '结合民用建筑修建防空地下室审批申请表'),
      material('civil-air-defence-drawings', '人防工程施工图设计文件'),
      material('site-plan', '总平面图'),
      material('works-planning-permit-copy', '建设工程规划许可证'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('civil-air-defence', ['application-form', 'works-planning-permit-copy']),
      step('civil-air-defence-technical-review', '防护设计技术审查', 'civil-air-defence', 'protection-engineer', {
        minDuration: 'PT4H',
        materials: ['civil-air-defence-drawings', 'site-plan'],
        sendBackTo: ['preliminary-review'],
      }),
      sectionReview('civil-air-defence', ['civil-air-defence-technical-review']),
      decision('civil-air-defence'),
    ),
  }),
  deferrable: ['site-plan', 'power-of-attorney'],
  commitmentConditions: [],
};

/**
 * 施工图联合审查 (联合审图): one 审图机构 review covering the disciplines, fire and civil air defence,
 * one opinion. The disciplines' branches are filled in by `applyJointDrawingReview` from the
 * matters it replaces; this is the frame around them.
 */
export const JOINT_DRAWING_REVIEW: MatterSpec = {
  id: 'joint-drawing-review',
  flow: approvalFlow({
    id: 'joint-drawing-review',
    name: '施工图设计文件联合审查（含消防、人防技术审查）',
    department: 'housing-construction',
    legalBasis: ['国办发〔2019〕11号（推行联合审图）', '中华人民共和国行政许可法 第二十六条、第四十二条第二款'],
    limits: {
      statutoryWorkingDays: JOINT_HANDLING_STATUTORY_WORKING_DAYS,
      promisedWorkingDays: PROMISED_WORKING_DAYS['joint-drawing-review'],
      extensionWorkingDays: JOINT_HANDLING_EXTENSION_WORKING_DAYS,
    },
    materials: [material('application-form', '施工图联合审查申请表（一张表单）'), POWER_OF_ATTORNEY],
    process: sequence(
      preliminaryReview('housing-construction', ['application-form']),
      step('joint-opinion', '统一出具施工图审查意见', REVIEWER, 'chief-reviewer', { minDuration: 'PT2H', sendBackTo: ['preliminary-review'] }),
      decision('housing-construction', '审查结果确认及合格书备案'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [],
};

/** 建筑工程施工许可证核发 (housing-construction), within 7 days of a complete application. */
export const CONSTRUCTION_PERMIT: MatterSpec = {
  id: 'construction-permit',
  flow: approvalFlow({
    id: 'construction-permit',
    name: '建筑工程施工许可证核发',
    department: 'housing-construction',
    legalBasis: ['中华人民共和国建筑法 第七条、第八条', '建筑工程施工许可管理办法（住房城乡建设部令第18号）第四条、第五条'],
    limits: { statutoryWorkingDays: CONSTRUCTION_PERMIT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['construction-permit'] },
    materials: [
      material('application-form', '建筑工程施工许可证申请表'),
      material('works-planning-permit-copy', '建设工程规划许可证'),
      material('drawing-review-certificate', '施工图设计文件审查合格书'),
      material('construction-contract', '施工合同（依法必须招标的附中标通知书）'),
      material('supervision-contract', '监理合同'),
      material('fund-commitment', '建设资金已经落实承诺书'),
      material('quality-safety-measures', '保证工程质量和安全的具体措施'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('housing-construction', ['application-form', 'works-planning-permit-copy', 'drawing-review-certificate']),
      step('site-conditions-check', '施工场地与施工条件核查', 'housing-construction', 'inspector', {
        minDuration: 'PT2H',
        materials: ['construction-contract', 'quality-safety-measures'],
        sendBackTo: ['preliminary-review'],
      }),
      decision('housing-construction', '审批决定（核发施工许可证）'),
    ),
  }),
  deferrable: ['supervision-contract', 'power-of-attorney'],
  commitmentConditions: [
    { id: 'land-and-planning', text: '已依法办理建设工程用地批准手续，并取得建设工程规划许可证' },
    { id: 'site-ready', text: '施工场地已基本具备施工条件，需要征收房屋的，其进度符合施工要求' },
    { id: 'contractor', text: '已确定具备相应资质的施工企业，依法必须招标的已完成招标' },
    { id: 'drawings-and-funds', text: '有满足施工需要的施工图纸及技术资料，建设资金已经落实' },
    { id: 'quality-safety', text: '有保证工程质量和安全的具体措施' },
  ],
};
