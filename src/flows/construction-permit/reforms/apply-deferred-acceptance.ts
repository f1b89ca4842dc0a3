import { PermitflowError } from '../../../errors';
import type { BundleWithFlows } from '../../bundle-with-flows';
import type { ConstructionPermitMatterId } from '../construction-permit-ids';
import { deferrableOf, isMatterId } from '../_internal/catalogue';
import { draftOf, finish, flowOf, putFlow } from '../_internal/draft';
import { notInBundle } from './apply-notify-commit';

/** Options of {@link applyDeferredAcceptance}. */
export interface ApplyDeferredAcceptanceOptions {
  /** The matters that accept an application with secondary materials still missing. */
  readonly matters: readonly ConstructionPermitMatterId[];
}

/**
 * 容缺受理 for chosen matters: an application missing only secondary materials is accepted, and
 * they are supplied later. Exactly: the matter's deferrable materials that are on its list are
 * marked `required: false` — 授权委托书 everywhere; documents the government itself issued and can
 * share (项目建议书批复); the 现状地形图 of the 建设用地规划许可; designer qualifications;
 * the 人防 site plan; the 监理合同 of the 施工许可; the 防护设备检测报告 of the 人防验收. A merged
 * matter defers what its sources could. Never a material the decision rests on.
 * @throws {PermitflowError} `invalid-argument` when a chosen matter is not in the bundle, is a
 * filing, or has nothing that may be deferred.
 */
export function applyDeferredAcceptance(input: BundleWithFlows, options: ApplyDeferredAcceptanceOptions): BundleWithFlows {
  const draft = draftOf(input);
  for (const id of options.matters) {
    const flow = flowOf(draft, id);
    if (flow === undefined || !draft.bundle.matters.some((m) => m.matterId === id)) throw notInBundle('容缺受理 (reforms.deferredMaterials)', id, draft.bundle.matters.map((m) => m.matterId));
    if (flow.mode === 'filing' || flow.mode === 'cancelled') {
      throw new PermitflowError(
        'invalid-argument',
        `容缺受理: matter "${id}" (${flow.name}) is a ${flow.mode}, which has no acceptance review to defer materials from. Remove it from reforms.deferredMaterials.`,
      );
    }
    const deferrable = new Set(isMatterId(id) ? deferrableOf(id) : []);
    if (!flow.materials.some((m) => deferrable.has(m.id))) {
      throw new PermitflowError(
        'invalid-argument',
        `容缺受理: matter "${id}" (${flow.name}) has no secondary material that may be deferred. Remove it from reforms.deferredMaterials.`,
      );
    }
    putFlow(draft, { ...flow, materials: flow.materials.map((m) => (deferrable.has(m.id) ? { ...m, required: false } : m)) });
  }
  return finish(input, draft);
}
