import { PermitflowError } from '../../../errors';
import type { BundleWithFlows } from '../../bundle-with-flows';
import { material } from '../_internal/define';
import { draftOf, finish, flowOf, putFlow, removeMatters, withDependsOn } from '../_internal/draft';
import { replaceMaterial } from '../_internal/edit-flow';
import { REGIONALLY_ASSESSED_MATTERS } from './apply-regional-assessment';

/**
 * 标准地: industrial land sold with its indicators set in advance (投资强度、容积率、能耗、排放、亩均税收)
 * after 区域评估, so that work can start once the land is acquired (拿地即开工). Exactly:
 * - 用地预审与选址意见书 (`land-pre-review-site-selection`) leaves the bundle: the plot is approved
 *   construction land sold with its conditions, which needs neither;
 * - 建设用地规划许可证 (`land-use-planning-permit`) no longer waits for the 立项: it is issued with
 *   the land contract (交地即发证);
 * - 施工许可证 (`construction-permit`) no longer waits for the 施工图审查 (`construction-drawing-review`),
 *   which runs alongside: the applicant commits to it (material `drawing-review-certificate` becomes
 *   `drawing-review-commitment`). The fire and civil-air-defence design reviews stay prerequisites
 *   (消防法 Art. 12: no construction without a passed 消防设计审查).
 * @throws {PermitflowError} `invalid-argument` when the bundle still holds a per-project assessment:
 * 标准地 is sold after 区域评估, so apply {@link applyRegionalAssessment} first.
 */
export function applyStandardLand(input: BundleWithFlows): BundleWithFlows {
  const pending = REGIONALLY_ASSESSED_MATTERS.filter((id) => input.bundle.matters.some((m) => m.matterId === id));
  if (pending.length > 0) {
    throw new PermitflowError(
      'invalid-argument',
      `标准地 (standardLand) is land sold after 区域评估, but the bundle still holds ${pending.join(', ')}. ` +
        'Apply 区域评估 first: set reforms.regionalAssessment: true, or call applyRegionalAssessment before applyStandardLand.',
    );
  }
  const draft = draftOf(input);
  removeMatters(draft, ['land-pre-review-site-selection']);
  draft.bundle.matters = draft.bundle.matters.map((m) => {
    if (m.matterId === 'land-use-planning-permit') return withDependsOn(m, []);
    if (m.matterId === 'construction-permit') return withDependsOn(m, (m.dependsOn ?? []).filter((d) => d !== 'construction-drawing-review'));
    return m;
  });
  const permit = flowOf(draft, 'construction-permit');
  if (permit) {
    putFlow(
      draft,
      replaceMaterial(permit, 'drawing-review-certificate', material('drawing-review-commitment', '施工图设计文件审查承诺书（按审查意见修改并承担相应责任）')),
    );
  }
  return finish(input, draft);
}
