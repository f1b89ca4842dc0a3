/** Stage 2, 工程建设许可: 设计方案审查 and 建设工程规划许可证 (natural-resources). */
import { POWER_OF_ATTORNEY, approvalFlow, decision, expertReview, material, preliminaryReview, sectionReview, sequence, step, type MatterSpec } from './define';
import { DEFAULT_STATUTORY_WORKING_DAYS, PROMISED_WORKING_DAYS } from '../sources';

/** 建设工程设计方案审查 (natural-resources), with an expert review of the scheme. */
export const DESIGN_SCHEME_REVIEW: MatterSpec = {
  id: 'design-scheme-review',
  flow: approvalFlow({
    id: 'design-scheme-review',
    name: '建设工程设计方案审查',
    department: 'natural-resources',
    legalBasis: ['中华人民共和国城乡规划法 第四十条', '国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见（国办发〔2019〕11号）'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['design-scheme-review'] },
    materials: [
      material('application-form', '建设工程设计方案审查申请表'),
      material('design-scheme', '建设工程设计方案文本及图纸（含总平面图、技术经济指标）'),
      material('planning-conditions', '规划条件及用地红线图'),
      material('land-contract', '国有建设用地使用权出让合同或划拨决定书'),
      material('designer-qualification', '设计单位资质证明及注册建筑师签章'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form', 'land-contract', 'designer-qualification']),
      step('planning-technical-review', '规划技术审查（指标、退让、日照、间距）', 'natural-resources', 'planner', {
        minDuration: 'PT4H',
        materials: ['design-scheme', 'planning-conditions'],
        sendBackTo: ['preliminary-review'],
      }),
      expertReview('scheme-expert-review', '设计方案专家评审', 'natural-resources'),
      sectionReview('natural-resources', ['planning-technical-review']),
      decision('natural-resources', '审批决定（方案审查意见）'),
    ),
  }),
  deferrable: ['designer-qualification', 'power-of-attorney'],
  commitmentConditions: [
    { id: 'indicators-within-conditions', text: '设计方案的用地性质、容积率、建筑密度、建筑高度、绿地率等指标符合规划条件' },
    { id: 'technical-rules', text: '设计方案符合日照、间距、退让等城乡规划技术管理规定' },
    { id: 'designer-qualified', text: '设计单位具有相应工程设计资质，方案由注册建筑师签章' },
  ],
};

/** 建设工程规划许可证核发 (natural-resources), once the scheme is approved. */
export const WORKS_PLANNING_PERMIT: MatterSpec = {
  id: 'works-planning-permit',
  flow: approvalFlow({
    id: 'works-planning-permit',
    name: '建设工程规划许可证核发',
    department: 'natural-resources',
    legalBasis: ['中华人民共和国城乡规划法 第四十条'],
    limits: { statutoryWorkingDays: DEFAULT_STATUTORY_WORKING_DAYS, promisedWorkingDays: PROMISED_WORKING_DAYS['works-planning-permit'] },
    materials: [
      material('application-form', '建设工程规划许可证申请表'),
      material('land-title', '不动产权证书（土地）或其他土地权属证明'),
      material('scheme-approval', '设计方案审查意见及审定图纸'),
      material('permit-drawings', '报建图纸（总平面图、各层平面、立面、剖面图）'),
      POWER_OF_ATTORNEY,
    ],
    process: sequence(
      preliminaryReview('natural-resources', ['application-form', 'land-title']),
      step('indicator-check', '报建图纸与审定方案、规划指标核对', 'natural-resources', 'planner', {
        minDuration: 'PT2H',
        materials: ['scheme-approval', 'permit-drawings'],
      }),
      sectionReview('natural-resources', ['indicator-check']),
      decision('natural-resources'),
    ),
  }),
  deferrable: ['power-of-attorney'],
  commitmentConditions: [
    { id: 'scheme-approved', text: '建设工程设计方案已审查通过，报建图纸与审定方案一致' },
    { id: 'land-title', text: '已取得建设用地不动产权证书或其他土地权属证明' },
    { id: 'indicators-consistent', text: '建筑面积、建筑高度、退界距离等指标与规划条件和审定方案一致' },
  ],
};
