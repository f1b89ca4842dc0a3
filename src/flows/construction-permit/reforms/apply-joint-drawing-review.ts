import type { BundleWithFlows } from '../../bundle-with-flows';
import { JOINT_DRAWING_REVIEW_SOURCES, catalogueFlow } from '../_internal/catalogue';
import { draftOf, finish, flowOf } from '../_internal/draft';
import { mergeMatters } from '../_internal/merge-matters';

/**
 * 联合审图: one combined drawing review replaces the separate 施工图审查 (`construction-drawing-review`),
 * 消防设计审查 (`fire-design-review`) and 人防设计审查 (`civil-air-defence-design-review`). Exactly:
 * those the bundle holds become one matter `joint-drawing-review` (housing-construction, one
 * application form) whose process is 承办审查 → all of their technical checks at once (会签, each
 * keeping its department and role; step ids prefixed `drawing-`, `fire-`, `civil-air-defence-`)
 * → one opinion of the 审图机构 (`joint-opinion`) → 审查结果确认. It takes their place and stage,
 * their materials (each listed once) and the areas they involve, and what waited for any of them
 * (the 施工许可) waits for it. Its limits are those of joint handling (行政许可法 Art. 26, Art. 42 ¶2:
 * 45 + 15 working days) with a promised 10 [R].
 * Does nothing when fewer than two of them are in the bundle. Pure: the input is not changed.
 */
export function applyJointDrawingReview(input: BundleWithFlows): BundleWithFlows {
  const draft = draftOf(input);
  const sources = Object.fromEntries(
    Object.entries(JOINT_DRAWING_REVIEW_SOURCES).filter(([id]) => flowOf(draft, id)?.mode === 'approval'),
  ) as Record<string, string>;
  mergeMatters(draft, { sources, frame: catalogueFlow('joint-drawing-review') });
  return finish(input, draft);
}
