/**
 * Defaults of {@link notifyCommitFlow}: registration for a professional qualification exam under
 * notify-and-commit (资格考试报名证明事项告知承诺制), one of the priority areas of 国办发〔2020〕42号
 * (资格考试). Markers as in DOMAIN.md: [V] checked against the named source, [R] from general
 * knowledge or chosen here, not re-checked — every one of them can be overridden.
 *
 * Source of the matter [V, via reposts of 中国人事考试网《资格考试报名证明事项告知承诺制办事指南》]:
 * based on 国办发〔2020〕42号 and 人社厅发〔2020〕110号; the applicant signs an electronic commitment
 * and no longer proves education and years of professional work (学历证明, 从事相关专业工作年限证明);
 * the exam body checks before, during and after the exam; applicants with a past false commitment,
 * or on the exam integrity record (诚信档案库) for serious violations (人社部令第31号), may not use it.
 */
import type { Material } from '../../definition';
import type { NotifyCommitSettings } from '../../definition/schemas';

/** Id of the default matter. */
export const EXAM_REGISTRATION_ID = 'qualification-exam-registration';

/** Official name of the default matter: registration for the 一级造价工程师 exam, whose conditions it lists. */
export const EXAM_REGISTRATION_NAME = '专业技术人员职业资格考试报名（一级造价工程师）';

/** Who decides: the provincial personnel examination body (人事考试机构) of human resources and social security. */
export const EXAM_REGISTRATION_DEPARTMENT = 'human-resources-social-security';

/** Legal basis of the default matter [V: the 办事指南 above cites the first two]. */
export const EXAM_REGISTRATION_LEGAL_BASIS: readonly string[] = [
  '国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见（国办发〔2020〕42号）',
  '人力资源社会保障部办公厅关于印发《部本级全面推行证明事项告知承诺制实施方案》的通知（人社厅发〔2020〕110号）',
  '专业技术人员资格考试违纪违规行为处理规定（人力资源社会保障部令第31号）',
  '造价工程师职业资格制度规定（建人〔2018〕67号）',
];

/**
 * The materials still asked for. The proofs of education and work years are not on the list:
 * the commitment replaces them (see {@link EXAM_REGISTRATION_REPLACED_PROOFS}).
 */
export const EXAM_REGISTRATION_MATERIALS: readonly Material[] = [
  { id: 'registration-form', name: '报名信息表（网上填报）' },
  { id: 'identity-document', name: '居民身份证' },
  { id: 'commitment-letter', name: '专业技术人员资格考试报名证明事项告知承诺制报考承诺书（电子签署）' },
];

/** The proofs the commitment replaces [V: 办事指南]; an applicant who withdraws the commitment supplies them. */
export const EXAM_REGISTRATION_REPLACED_PROOFS: readonly Material[] = [
  { id: 'education-proof', name: '学历（学位）证明' },
  { id: 'work-years-proof', name: '从事相关专业工作年限证明' },
];

/**
 * The conditions told in writing, quantifiable and without a catch-all clause: the 一级造价工程师
 * entry conditions of 建人〔2018〕67号 Art. 9 in short [R: the 2018 text; later exam notices have
 * lowered some years — override `conditions` with the year's notice].
 */
export const EXAM_REGISTRATION_CONDITIONS: ReadonlyArray<NotifyCommitSettings['conditions'][number]> = [
  {
    id: 'education-and-work-years',
    text:
      '具有工程造价专业大学专科学历且从事工程造价业务工作满5年，或工学、管理学、经济学门类大学本科学历且满5年' +
      '（工程管理、工程造价专业经评估认证的本科满4年），或相关门类硕士学位满3年、博士学位满1年',
  },
  { id: 'truthful-information', text: '报名时填报的身份、学历、工作单位和工作年限信息真实、准确、完整' },
  { id: 'not-excluded', text: '无资格考试虚假承诺记录，且未因严重违纪违规行为被记入资格考试诚信档案库（记录期内）' },
];

/** What a false commitment leads to, as told [V: 办事指南 and exam notices reposting it]. */
export const EXAM_REGISTRATION_CONSEQUENCES =
  '考试报名无效或考试成绩无效，已缴费用不予退还；按人社部令第31号处理并记入专业技术人员资格考试诚信档案库，' +
  '纳入全国信用信息共享平台实施联合惩戒；涉嫌犯罪的，移送司法机关处理';

/**
 * Working days after the decision within which the commitment is verified: 60 [R, chosen here].
 * There is no national window (DOMAIN.md §4): the exam body checks before, during and after the
 * exam, and at the latest before certificates are issued to those who pass, which is about three
 * months after registration. Set the window your exam notice gives.
 */
export const EXAM_REGISTRATION_VERIFICATION_WORKING_DAYS = 60;

/**
 * How the commitment is verified [V: 办事指南 — national data-sharing platform, online checks of
 * education records, and queries of social insurance records for work years].
 */
export const EXAM_REGISTRATION_VERIFICATION_METHODS: ReadonlyArray<NotifyCommitSettings['verification']['methods'][number]> = [
  'data-sharing',
  'online-check',
  'cross-agency-assistance',
];

/**
 * Working days given to supply the replaced proofs when verification cannot confirm the
 * commitment, before the registration is revoked: 5 [R, chosen here; no national period].
 */
export const EXAM_REGISTRATION_CORRECTION_WORKING_DAYS = 5;
