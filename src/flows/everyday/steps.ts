import type { Material, StepDefinition } from '../../definition';

/** A step of a bundle matter's process. */
export function step(
  id: string,
  name: string,
  department: string,
  role: string,
  extra: Partial<Omit<StepDefinition, 'kind' | 'id' | 'name' | 'department' | 'role'>> = {},
): StepDefinition {
  return { kind: 'step', id, name, department, role, ...extra };
}

/** Copies of the materials of `list` with the given ids, in the order given; throws on an unknown id (a bug here). */
export function pick(list: readonly Material[], ids: readonly string[]): Material[] {
  return ids.map((id) => {
    const material = list.find((m) => m.id === id);
    if (material === undefined) throw new Error(`No material "${id}" in the list`);
    return { ...material };
  });
}
