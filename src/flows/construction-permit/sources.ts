/**
 * SOURCES — every default number of the construction-permit bundle and where it comes from, so
 * docs can cite them. Markers as in DOMAIN.md: **[V]** checked against the named source; **[R]**
 * from general knowledge or chosen here, not re-checked — check before relying on one, and override
 * it through the options of `constructionPermitBundle` (`limits.totalWorkingDays`, `limits.stages`,
 * `limits.matters`, `reforms.notifyCommitTerms`).
 *
 * All limits count working days (工作日, 行政许可法 Art. 82 [V]). Where a rule says "日" without
 * "工作日", it is taken as working days here and the constant says so.
 */
import type { ConstructionPermitBaseStageId } from './construction-permit-ids';

/**
 * National ceiling on the whole approval, 立项 to 竣工验收: "120个工作日以内" (国办发〔2019〕11号
 * 《关于全面开展工程建设项目审批制度改革的实施意见》 [V]). A State Council target, not a statute:
 * the bundle keeps it in `limits.statutoryWorkingDays`, the closest field the format has, and no
 * category total may exceed it.
 */
export const NATIONAL_TOTAL_CEILING_WORKING_DAYS = 120;

/** Total limit for government-invested projects (政府投资): the national 120 of 国办发〔2019〕11号 [V]. */
export const TOTAL_LIMIT_GOVERNMENT_INVESTED = 120;

/**
 * Total limit for social-invested projects (社会投资): 90 [R]. Localities set stricter totals than
 * the national 120 and tier them by category (DOMAIN.md §2: e.g. Suining 90 [V]); 90 for
 * social investment is a typical local figure, not a national rule.
 */
export const TOTAL_LIMIT_SOCIAL_INVESTED = 90;

/**
 * Total limit for small low-risk social-invested projects (社会投资小型低风险): 30 [R]. Local
 * "low-risk" tracks promise 15–30 working days from 立项 to 竣工验收; 30 is the cautious end.
 */
export const TOTAL_LIMIT_SMALL_LOW_RISK = 30;

/**
 * Stage limits of government-invested projects, summing to the total of 120 [R: stage limits are set
 * locally (DOMAIN.md §2 [V]); this split gives stage 1 the feasibility study and its 咨询评估].
 */
export const STAGE_LIMITS_GOVERNMENT_INVESTED: Readonly<Record<ConstructionPermitBaseStageId, number>> = {
  'land-planning': 40,
  'works-planning': 30,
  construction: 30,
  completion: 20,
};

/** Stage limits of social-invested projects, summing to 90 [R: a local-style split]. */
export const STAGE_LIMITS_SOCIAL_INVESTED: Readonly<Record<ConstructionPermitBaseStageId, number>> = {
  'land-planning': 30,
  'works-planning': 20,
  construction: 25,
  completion: 15,
};

/**
 * Stage limits of small low-risk projects, summing to 30 [R]: each stage fits the promised limits of
 * its matters (e.g. stage 3: 施工图审查 10 then 施工许可 3).
 */
export const STAGE_LIMITS_SMALL_LOW_RISK: Readonly<Record<ConstructionPermitBaseStageId, number>> = {
  'land-planning': 5,
  'works-planning': 5,
  construction: 15,
  completion: 5,
};

/**
 * The statutory limit of an administrative licence unless a law says otherwise: 20 working days
 * from acceptance (行政许可法 Art. 42 [V]).
 */
export const DEFAULT_STATUTORY_WORKING_DAYS = 20;

/**
 * The statutory limit of a licence handled jointly by several departments (统一办理、联合办理、集中办理,
 * 行政许可法 Art. 26): 45 working days (Art. 42 ¶2 [V]); used for 联合审图 and 联合验收.
 */
export const JOINT_HANDLING_STATUTORY_WORKING_DAYS = 45;

/** The extension of a jointly handled licence: 15 working days with the local government head's approval (Art. 42 ¶2 [V]). */
export const JOINT_HANDLING_EXTENSION_WORKING_DAYS = 15;

/**
 * 施工许可证: issued within 7 days of a complete application (《建筑工程施工许可管理办法》Art. 5,
 * 住建部令第18号 as amended [R]). The rule says "七日"; taken as 7 working days.
 */
export const CONSTRUCTION_PERMIT_STATUTORY_WORKING_DAYS = 7;

/**
 * 特殊建设工程消防设计审查: within 15 working days of acceptance (《建设工程消防设计审查验收管理暂行规定》,
 * 住建部令第51号 [R]); since 2019 done by housing-construction departments, not fire-rescue.
 */
export const FIRE_DESIGN_REVIEW_STATUTORY_WORKING_DAYS = 15;

/** 特殊建设工程消防验收: within 15 days of acceptance (住建部令第51号 [R]), taken as working days. */
export const FIRE_ACCEPTANCE_STATUTORY_WORKING_DAYS = 15;

/**
 * 施工图设计文件审查 by a 审图机构: 15 working days for large works, 10 for medium and small ones
 * (《房屋建筑和市政基础设施工程施工图设计文件审查管理办法》Art. 13 [R]); the large-works figure is the statutory default.
 */
export const DRAWING_REVIEW_STATUTORY_WORKING_DAYS = 15;

/** 环境影响报告表 approval: within 30 days of acceptance (环境影响评价法 Art. 22 [R]), taken as working days. */
export const EIA_REPORT_FORM_STATUTORY_WORKING_DAYS = 30;

/**
 * Promised limits (承诺办结时限) of the matters [R: typical local 办事指南 figures after the 工改
 * reforms, chosen here]. The statutory limit of each matter is on its flow, with its source.
 */
export const PROMISED_WORKING_DAYS = {
  'project-approval': 10,
  'land-pre-review-site-selection': 10,
  'land-use-planning-permit': 5,
  'environmental-impact-assessment': 15,
  'soil-water-conservation': 10,
  'energy-conservation-review': 10,
  'mineral-overlay-review': 10,
  'design-scheme-review': 10,
  'works-planning-permit': 5,
  'construction-drawing-review': 10,
  'fire-design-review': 10,
  'civil-air-defence-design-review': 10,
  'joint-drawing-review': 10,
  'construction-permit': 3,
  'unified-survey': 3,
  'planning-verification': 5,
  'land-verification': 5,
  'fire-acceptance': 10,
  'civil-air-defence-acceptance': 7,
  'archives-acceptance': 5,
  'joint-acceptance': 7,
} as const;

/**
 * Working days after an on-the-spot notify-and-commit decision within which the commitment is
 * verified (事中事后核查): 20 [R, chosen here]. There is no national window (DOMAIN.md §4 [R]);
 * each matter's rules set one.
 */
export const NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS = 20;

/** Working days given to correct a breach (责令限期整改) before the decision is revoked: 20 [R, chosen here]. */
export const NOTIFY_COMMIT_CORRECTION_WORKING_DAYS = 20;

/**
 * In-person trips per stage: 1 (一个窗口, 最多跑一次 per stage [R]); the bundle expects one per stage.
 */
export const EXPECTED_TRIPS_PER_STAGE = 1;
