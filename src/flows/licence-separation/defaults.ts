/**
 * Defaults of {@link licenceSeparationFlow}: one real business-operating permit (涉企经营许可事项),
 * 食品经营许可 (food business permit, issued by market regulation), shown under every mode of
 * 国发〔2021〕7号 so the modes can be compared side by side. Markers as in DOMAIN.md: [V] checked
 * against the named source, [R] from general knowledge or chosen here, not re-checked — every one
 * of them can be overridden.
 *
 * Which mode the permit really has [R]: since the 2021 amendment of 食品安全法 Art. 35, selling only
 * pre-packaged food needs a filing (备案), not a permit; other food business keeps an optimized
 * approval, and many localities and free trade zones run it under notify-and-commit. The cancelled
 * mode is shown for comparison only: the permit has not been cancelled.
 */
import type { Material } from '../../definition';
import type { NotifyCommitSettings } from '../../definition/schemas';

/** Ids are `food-business-permit-<mode>`. */
export const FOOD_BUSINESS_PERMIT_ID_PREFIX = 'food-business-permit';

/** Official name of the permit. */
export const FOOD_BUSINESS_PERMIT_NAME = '食品经营许可';

/** The permitting department (county-level 市场监督管理部门). */
export const FOOD_BUSINESS_PERMIT_DEPARTMENT = 'market-regulation';

/** Legal basis common to every mode [R]. */
export const FOOD_BUSINESS_PERMIT_LEGAL_BASIS: readonly string[] = [
  '中华人民共和国食品安全法 第三十五条',
  '国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知（国发〔2021〕7号）',
];

/** The rules the optimized approval, the filing and notify-and-commit follow [R: 2023-06-15, in force 2023-12-01]. */
export const FOOD_BUSINESS_PERMIT_CURRENT_RULES = '食品经营许可和备案管理办法（国家市场监督管理总局令第78号）';

/** The rules of the pre-reform baseline [R]. */
export const FOOD_BUSINESS_PERMIT_BASELINE_RULES = '食品经营许可管理办法（原国家食品药品监督管理总局令第17号，2015年）';

/** Statutory limit of the pre-reform approval: 20 working days, +10 by extension [R: 17号令; 行政许可法 Art. 42]. */
export const FOOD_BASELINE_STATUTORY_WORKING_DAYS = 20;
/** Extension of the pre-reform approval [R: 17号令; 行政许可法 Art. 42]. */
export const FOOD_BASELINE_EXTENSION_WORKING_DAYS = 10;

/** Statutory limit of the optimized approval: 10 working days [R: 78号令]. */
export const FOOD_OPTIMIZED_STATUTORY_WORKING_DAYS = 10;
/** Extension of the optimized approval: 5 working days [R: 78号令]. */
export const FOOD_OPTIMIZED_EXTENSION_WORKING_DAYS = 5;

/**
 * Materials of the pre-reform approval [R: 17号令 Art. 12, plus the identity and premises proofs
 * localities commonly asked for].
 */
export const FOOD_BASELINE_MATERIALS: readonly Material[] = [
  { id: 'application-form', name: '食品经营许可申请书' },
  { id: 'business-licence-copy', name: '营业执照复印件' },
  { id: 'representative-identity', name: '法定代表人（负责人）身份证明' },
  { id: 'premises-proof', name: '经营场所使用证明（产权证明或租赁合同）' },
  { id: 'layout-and-process', name: '与食品经营相适应的主要设备设施布局、操作流程等文件' },
  { id: 'safety-rules', name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度' },
];

/**
 * Materials of the optimized approval [R: 78号令]: the business licence and identity come from
 * data sharing (照后减证), the premises proof is dropped, and the rules are listed, not attached.
 */
export const FOOD_OPTIMIZED_MATERIALS: readonly Material[] = [
  { id: 'application-form', name: '食品经营许可申请书' },
  { id: 'layout-and-process', name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件' },
  { id: 'safety-rules-list', name: '保证食品安全的规章制度目录清单' },
];

/** Materials of the filing: one information form, filed on the spot [R: 78号令, 仅销售预包装食品备案]. */
export const FOOD_FILING_MATERIALS: readonly Material[] = [{ id: 'filing-form', name: '仅销售预包装食品经营者备案信息采集表' }];

/** Materials under notify-and-commit: the application and the signed commitment replace the proofs. */
export const FOOD_NOTIFY_COMMIT_MATERIALS: readonly Material[] = [
  { id: 'application-form', name: '食品经营许可申请书' },
  { id: 'commitment-letter', name: '食品经营许可告知承诺书' },
];

/**
 * Conditions told in writing under notify-and-commit, quantifiable and without a catch-all clause
 * [R: after 食品经营许可审查通则; localities publish their own list].
 */
export const FOOD_NOTIFY_COMMIT_CONDITIONS: ReadonlyArray<NotifyCommitSettings['conditions'][number]> = [
  { id: 'premises-distance', text: '经营场所距离粪坑、污水池、暴露垃圾场（站）、旱厕等污染源25米以上' },
  { id: 'cold-storage', text: '经营需冷藏冷冻食品的，配备与经营品种、数量相适应的冷藏、冷冻设施' },
  { id: 'safety-manager', text: '配备至少1名经考核合格的食品安全管理人员' },
  { id: 'staff-health', text: '从事接触直接入口食品工作的从业人员均持有有效健康证明' },
];

/** Consequences of a false commitment, as told [R wording; 国办发〔2020〕42号: 信用记录, 失信惩戒]. */
export const FOOD_NOTIFY_COMMIT_CONSEQUENCES =
  '责令限期整改；逾期不整改或整改后仍不符合条件的，依法撤销食品经营许可，依法予以行政处罚，' +
  '虚假承诺记入信用记录并实施失信惩戒';

/**
 * Working days after the decision within which an on-site inspection verifies the commitment:
 * 20 [R, chosen here]. There is no national window (DOMAIN.md §4); set your locality's.
 */
export const FOOD_NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS = 20;

/** Working days given to correct a breach before revocation (责令限期整改): 15 [R, chosen here]. */
export const FOOD_NOTIFY_COMMIT_CORRECTION_WORKING_DAYS = 15;

/** How the commitment is verified: an on-site inspection, with data sharing for the licence and staff [R]. */
export const FOOD_NOTIFY_COMMIT_VERIFICATION_METHODS: ReadonlyArray<NotifyCommitSettings['verification']['methods'][number]> = ['on-site-inspection', 'data-sharing'];
