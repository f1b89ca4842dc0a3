import type { FlowDefinition, Material } from '../../../definition';
import { mapSteps, removeSteps } from './process';

/**
 * The flow without some steps and materials: removed materials also leave the steps that examined
 * them. Throws when the process would be left empty (a bug in a reform, not user input).
 */
export function removeFromFlow(flow: FlowDefinition, remove: { readonly steps?: readonly string[]; readonly materials?: readonly string[] }): FlowDefinition {
  const steps = new Set(remove.steps ?? []);
  const materials = new Set(remove.materials ?? []);
  let process = flow.process;
  if (process !== undefined && steps.size > 0) {
    process = removeSteps(process, steps);
    if (process === undefined) throw new Error(`Removing ${[...steps].join(', ')} would leave flow "${flow.id}" without steps`);
  }
  if (process !== undefined && materials.size > 0) {
    process = mapSteps(process, (step) => {
      if (step.materials === undefined || !step.materials.some((m) => materials.has(m))) return step;
      const { materials: examined, ...rest } = step;
      const kept = examined.filter((m) => !materials.has(m));
      return kept.length === 0 ? rest : { ...rest, materials: kept };
    });
  }
  const result: FlowDefinition = { ...flow, materials: flow.materials.filter((m) => !materials.has(m.id)) };
  if (process === undefined) delete result.process;
  else result.process = process;
  return result;
}

/** The flow with material `from` replaced by `to`, wherever a step examines it too. */
export function replaceMaterial(flow: FlowDefinition, from: string, to: Material): FlowDefinition {
  if (!flow.materials.some((m) => m.id === from)) return flow;
  const swap = (id: string) => (id === from ? to.id : id);
  return {
    ...flow,
    materials: flow.materials.map((m) => (m.id === from ? { ...to } : m)),
    ...(flow.process === undefined
      ? {}
      : { process: mapSteps(flow.process, (s) => (s.materials === undefined ? s : { ...s, materials: s.materials.map(swap) })) }),
  };
}
