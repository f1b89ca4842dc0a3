import type { BundleWithFlows } from '../../bundle-with-flows';
import { JOINT_ACCEPTANCE_SOURCES, catalogueFlow } from '../_internal/catalogue';
import { draftOf, finish, flowOf } from '../_internal/draft';
import { mergeMatters } from '../_internal/merge-matters';

/**
 * 联合验收: time-boxed joint acceptance, one set of drawings, one opinion. Exactly: the separate
 * acceptances the bundle holds — 规划核实, 土地核验, 消防验收, 人防验收, 档案验收 — become one matter
 * `joint-acceptance` (housing-construction leads) whose process is 承办审查 → a parallel (all, 会签)
 * of each department's own checks (keeping department and role; step ids prefixed `planning-`,
 * `land-`, `fire-`, `civil-air-defence-`, `archives-`) → `joint-opinion` (one opinion) → 出具意见书.
 * It takes their place, stage, materials (each once: one set of 竣工图), the areas they involve and
 * their dependencies (so after 多测合一 it waits for `unified-survey`); the 竣工验收备案 waits for it.
 * Its limits are those of joint handling (45 + 15 working days) with a promised 7 [R].
 * Filings (the low-risk 消防验收备案) and acceptances already switched to another mode stay
 * separate. Does nothing when fewer than two acceptances are left to join. Pure: the input is not changed.
 */
export function applyJointAcceptance(input: BundleWithFlows): BundleWithFlows {
  const draft = draftOf(input);
  const sources = Object.fromEntries(
    Object.entries(JOINT_ACCEPTANCE_SOURCES).filter(([id]) => flowOf(draft, id)?.mode === 'approval'),
  ) as Record<string, string>;
  mergeMatters(draft, { sources, frame: catalogueFlow('joint-acceptance') });
  return finish(input, draft);
}
