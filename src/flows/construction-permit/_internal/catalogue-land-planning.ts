/**
 * Stage 1, 立项用地规划许可: the project's 立项 (审批 for government investment, 备案 for social
 * investment), 建设项目用地预审与选址意见书 (merged since 自然资规〔2019〕2号 [R]), 建设用地规划许可证,
 * and the per-project assessments that run alongside (并行推进): 环评, and the three that 区域评估
 * takes over — 水土保持, 节能审查, 压覆矿产.
 */
import {
  POWER_OF_ATTORNEY,
  approvalFlow,
  decision,
  expertReview,
  filingFlow,
  material,
  parallelAll,
  preliminaryReview,
  sectionReview,
  sequence,
  step,
  type MatterSpec,
} from './define';
import {
  DEFAULT_STATUTORY_WORKING_DAYS,
  EIA_REPORT_FORM_STATUTORY_WORKING_DAYS,
  PROMISED_WORKING_DAYS,
} from '../sources';

const limits = (id: keyof typeof PROMISED_WORKING_DAYS, statutoryWorkingDays = DEFAULT_STATUTORY_WORKING_DAYS) => ({
  statutoryWorkingDays,
  promisedWorkingDays: PROMISED_WORKING_DAYS[id],
});

/** 政府投资项目可行性研究报告审批 (development-reform): the 立项 of a government-invested project. */
export const PROJECT_APPROVAL: MatterSpec = {
  id: 'project-approval',
  flow: approvalFlow({
    id: 'project-approval',
    name: '政府投资项目可行性研究报告审批',
    department: 'development-reform',
    legalBasis: ['政府投资条例（国务院令第712号）第九条、第十一条', '中华人民共和国行政许可法 第四十二条、第四十五条'],
    limits: limits('project-approval'),
    materials: [
      material('application-form', '项目可行性研究报告审批申请文件'),
      material('feasibility-study', '项目可行性研究报告'),
      material('project-proposal-approval', '项目建议书批复文件'),
      material('land-pre-review-opinion', '建设项目用地预审与选址意见书'),
      material('social-stability-assessment', '社会稳定风险评估报告'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('development-reform', ['application-form', 'project-proposal-approval', 'land-pre-review-opinion']),
      step('consulting-assessment', '委托工程咨询机构评估', 'engineering-consulting-institution', 'assessor', {
        minDuration: 'P3D',
        clock: 'stopped',
        stopReason: 'expert-review',
        materials: ['feasibility-study'],
      }),
      step('investment-review', '建设方案与投资估算审查', 'development-reform', 'investment-reviewer', {
        minDuration: 'PT4H',
        materials: ['feasibility-study', 'social-stability-assessment'],
        sendBackTo: ['preliminary-review'],
      }),
      sectionReview('development-reform', ['investment-review']),
      decision('development-reform', '审批决定（可研批复）'),
    ),
  }),
  // Documents the government itself issued can be fetched by data sharing (数据共享) later.
  deferrable: ['project-proposal-approval', 'power-of-attorney'],
  // Spending public money is not committed to by the spender: no 告知承诺 for a government 可研批复.
  commitmentConditions: [],
};

/** 企业投资项目备案 (development-reform): the 立项 of a social-invested project, on the spot and online. */
export const PROJECT_FILING: MatterSpec = {
  id: 'project-filing',
  flow: filingFlow({
    id: 'project-filing',
    name: '企业投资项目备案',
    department: 'development-reform',
    legalBasis: ['企业投资项目核准和备案管理条例（国务院令第673号）第十三条、第十四条'],
    materials: [
      material('filing-form', '企业投资项目备案信息表（在线平台填报）'),
      material('enterprise-information', '项目单位基本情况（统一社会信用代码）'),
      material('project-information', '项目名称、建设地点、建设规模、建设内容、项目总投资额'),
      material('compliance-statement', '项目符合国家产业政策的声明'),
    ],
  }),
  deferrable: [],
  commitmentConditions: [],
};

/**
 * 建设项目用地预审与选址意见书 (natural-resources), for land allocated by 划拨 — mostly government
 * projects. Without 多规合一 the site needs its own 选址论证 and expert review.
 */
export const LAND_PRE_REVIEW_SITE_SELECTION: MatterSpec = {
  id: 'land-pre-review-site-selection',
  flow: approvalFlow({
    id: 'land-pre-review-site-selection',
    name: '建设项目用地预审与选址意见书核发',
    department: 'natural-resources',
    legalBasis: [
      '中华人民共和国土地管理法 第五十二条',
      '中华人民共和国城乡规划法 第三十六条',
      '自然资源部关于以“多规合一”为基础推进规划用地“多审合一、多证合一”改革的通知（自然资规〔2019〕2号）',
    ],
    limits: limits('land-pre-review-site-selection'),
    materials: [
      material('application-form', '建设项目用地预审与选址申请表'),
      material('project-proposal', '项目建议书（或项目申请报告）及项目代码'),
      material('site-selection-report', '建设项目选址论证报告'),
      material('land-boundary-map', '标注项目用地范围的土地利用现状图及勘测定界图'),
      material('farmland-supplement-plan', '耕地占补平衡方案'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form', 'project-proposal']),
      parallelAll(
        step('land-use-review', '用地审查（规划符合性、节约集约、耕地占补平衡）', 'natural-resources', 'land-examiner', {
          minDuration: 'PT4H',
          materials: ['land-boundary-map', 'farmland-supplement-plan'],
        }),
        sequence(
          step('site-selection-review', '选址论证审查', 'natural-resources', 'planner', { minDuration: 'PT4H', materials: ['site-selection-report'] }),
          expertReview('site-selection-expert-review', '选址论证专家评审', 'natural-resources'),
        ),
      ),
      step('site-inspection', '现场踏勘', 'natural-resources', 'inspector', { minDuration: 'PT3H' }),
      sectionReview('natural-resources', ['preliminary-review']),
      decision('natural-resources'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  // 用地预审 guards the farmland red line; it is not offered under 告知承诺 here.
  commitmentConditions: [],
};

/**
 * 建设用地规划许可证核发 (natural-resources). Without 多规合一 the department works out the
 * planning conditions (规划条件) for the plot itself.
 */
export const LAND_USE_PLANNING_PERMIT: MatterSpec = {
  id: 'land-use-planning-permit',
  flow: approvalFlow({
    id: 'land-use-planning-permit',
    name: '建设用地规划许可证核发',
    department: 'natural-resources',
    legalBasis: ['中华人民共和国城乡规划法 第三十七条、第三十八条', '自然资规〔2019〕2号'],
    limits: limits('land-use-planning-permit'),
    materials: [
      material('application-form', '建设用地规划许可申请表'),
      material('project-document', '项目批准、核准或备案文件'),
      material('land-contract', '国有建设用地使用权出让合同或划拨决定书'),
      material('planning-conditions-request', '规划条件核定申请及用地红线图'),
      material('topographic-map', '1:500或1:1000现状地形图'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form', 'project-document', 'land-contract']),
      step('planning-conditions', '核定规划条件', 'natural-resources', 'planner', {
        minDuration: 'PT4H',
        materials: ['planning-conditions-request', 'topographic-map'],
        sendBackTo: ['preliminary-review'],
      }),
      step('site-inspection', '现场踏勘', 'natural-resources', 'inspector', { minDuration: 'PT3H' }),
      sectionReview('natural-resources', ['preliminary-review']),
      decision('natural-resources'),
    ),
  }),
  deferrable: ['topographic-map', 'power-of-attorney'],
  commitmentConditions: [
    { id: 'land-obtained', text: '已依法取得国有建设用地使用权（已签订出让合同或取得划拨决定书）' },
    { id: 'project-established', text: '项目已完成审批、核准或备案并取得项目代码' },
    { id: 'conditions-consistent', text: '用地位置、面积和规划条件与详细规划及出让合同或划拨决定书一致' },
  ],
};

/** 建设项目环境影响报告表审批 (ecology-environment): not removed by 区域评估, which only simplifies it. */
export const ENVIRONMENTAL_IMPACT_ASSESSMENT: MatterSpec = {
  id: 'environmental-impact-assessment',
  flow: approvalFlow({
    id: 'environmental-impact-assessment',
    name: '建设项目环境影响报告表审批',
    department: 'ecology-environment',
    legalBasis: ['中华人民共和国环境影响评价法 第二十二条、第二十五条', '建设项目环境影响评价分类管理名录'],
    limits: limits('environmental-impact-assessment', EIA_REPORT_FORM_STATUTORY_WORKING_DAYS),
    involves: ['ecological-environment'],
    materials: [
      material('application-form', '建设项目环境影响报告表审批申请书'),
      material('eia-report-form', '建设项目环境影响报告表（全本及删除涉密内容的公开版）'),
      material('eia-commitment', '环评文件编制单位和编制人员诚信承诺'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('ecology-environment', ['application-form', 'eia-commitment']),
      expertReview('technical-assessment', '技术评估（专家评审）', 'ecology-environment', 'P1D'),
      step('pre-approval-publicity', '拟审批公示', 'ecology-environment', 'case-officer', { minDuration: 'P5D' }),
      sectionReview('ecology-environment', ['preliminary-review']),
      decision('ecology-environment'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [],
};

/** 生产建设项目水土保持方案审批 (water-resources); a zone's 区域评估 covers it. */
export const SOIL_WATER_CONSERVATION: MatterSpec = {
  id: 'soil-water-conservation',
  flow: approvalFlow({
    id: 'soil-water-conservation',
    name: '生产建设项目水土保持方案审批',
    department: 'water-resources',
    legalBasis: ['中华人民共和国水土保持法 第二十五条、第二十六条'],
    limits: limits('soil-water-conservation'),
    involves: ['ecological-environment'],
    materials: [
      material('application-form', '水土保持方案审批申请文件'),
      material('soil-water-plan', '水土保持方案报告书'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('water-resources', ['application-form']),
      expertReview('technical-review', '技术评审（专家评审）', 'water-resources'),
      sectionReview('water-resources', ['preliminary-review']),
      decision('water-resources'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [],
};

/** 固定资产投资项目节能审查 (development-reform); a zone's 区域节能评价 covers it. */
export const ENERGY_CONSERVATION_REVIEW: MatterSpec = {
  id: 'energy-conservation-review',
  flow: approvalFlow({
    id: 'energy-conservation-review',
    name: '固定资产投资项目节能审查',
    department: 'development-reform',
    legalBasis: ['中华人民共和国节约能源法 第十五条', '固定资产投资项目节能审查办法（国家发展改革委令2023年第2号）'],
    limits: limits('energy-conservation-review'),
    materials: [
      material('application-form', '节能审查申请文件'),
      material('energy-report', '项目节能报告'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('development-reform', ['application-form']),
      expertReview('energy-expert-review', '节能报告评审', 'development-reform'),
      sectionReview('development-reform', ['preliminary-review']),
      decision('development-reform', '出具节能审查意见'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [
    { id: 'energy-consumption', text: '项目年综合能源消费量和能效水平不超过节能报告所载数值，并符合国家和地方能耗限额标准' },
    { id: 'energy-report-true', text: '节能报告内容完整、数据真实，能源消费总量和强度调控要求已落实' },
  ],
};

/** 建设项目压覆重要矿产资源审批 (natural-resources); a zone's 区域评估 covers it. */
export const MINERAL_OVERLAY_REVIEW: MatterSpec = {
  id: 'mineral-overlay-review',
  flow: approvalFlow({
    id: 'mineral-overlay-review',
    name: '建设项目压覆重要矿产资源审批',
    department: 'natural-resources',
    legalBasis: ['中华人民共和国矿产资源法 第三十三条'],
    limits: limits('mineral-overlay-review'),
    materials: [
      material('application-form', '压覆重要矿产资源申请表'),
      material('overlay-assessment', '压覆重要矿产资源评估报告'),
      material('compensation-agreement', '与矿业权人签订的压覆补偿协议'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form']),
      step('mineral-technical-review', '压覆范围与资源储量技术审查', 'natural-resources', 'mineral-examiner', {
        minDuration: 'PT4H',
        materials: ['overlay-assessment', 'compensation-agreement'],
        sendBackTo: ['preliminary-review'],
      }),
      decision('natural-resources'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [
    { id: 'no-important-minerals', text: '项目用地范围内未压覆重要矿产资源，或已与矿业权人就压覆补偿依法达成协议' },
    { id: 'assessment-true', text: '压覆重要矿产资源评估报告内容真实、完整' },
  ],
};
