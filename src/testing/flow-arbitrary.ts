import fc from 'fast-check';
import type { FlowDefinition, Join, ProcessNode, StepDefinition } from '../definition/schemas';
import { isEarlier, placeSteps } from '../_internal/process-tree';

/** Options of {@link flowArbitrary}. */
export interface FlowArbitraryOptions {
  /** Deepest nesting of sequence/parallel/choice nodes (default 3). */
  readonly maxDepth?: number;
  /** Most children of one node (default 3). */
  readonly maxChildren?: number;
  /** Departments steps are drawn from. */
  readonly departments?: readonly string[];
  /** Roles steps are drawn from. */
  readonly roles?: readonly string[];
}

type Shape =
  | { kind: 'step'; department: number; role: number; stopped: boolean; minutes: number | null }
  | { kind: 'sequence' | 'choice'; children: Shape[] }
  | { kind: 'parallel'; join: 'all' | 'any' | number; children: Shape[] };

const DEPARTMENTS = ['natural-resources', 'housing', 'fire', 'civil-air-defence', 'ecology'];
const ROLES = ['reviewer', 'inspector', 'expert', 'director'];

function build(shape: Shape, departments: readonly string[], roles: readonly string[], next: () => number): ProcessNode {
  if (shape.kind === 'step') {
    const n = next();
    const step: StepDefinition = {
      kind: 'step',
      id: `step-${n}`,
      name: `环节${n}`,
      department: departments[shape.department % departments.length]!,
      role: roles[shape.role % roles.length]!,
      ...(shape.minutes === null ? {} : { minDuration: `PT${shape.minutes}M` }),
      ...(shape.stopped ? { clock: 'stopped' as const, stopReason: 'expert-review' as const } : {}),
    };
    return step;
  }
  const children = shape.children.map((child) => build(child, departments, roles, next));
  if (shape.kind === 'parallel') {
    const join: Join =
      typeof shape.join === 'number'
        ? { kind: 'vote', threshold: 1 + (shape.join % children.length) }
        : shape.join;
    return { kind: 'parallel', join, children };
  }
  return { kind: shape.kind, children };
}

/** Adds send-back targets: each step may return to some of the steps that always run before it. */
function withSendBacks(root: ProcessNode, picks: readonly number[]): ProcessNode {
  const places = placeSteps(root);
  const targets = new Map<string, string[]>();
  places.forEach((place, i) => {
    const earlier = places.filter((other) => isEarlier(other, place)).map((p) => p.step.id);
    const pick = picks[i % Math.max(1, picks.length)] ?? 0;
    if (earlier.length > 0 && pick % 3 === 0) targets.set(place.step.id, [earlier[pick % earlier.length]!]);
  });
  const visit = (node: ProcessNode): ProcessNode => {
    if (node.kind === 'step') {
      const to = targets.get(node.id);
      return to ? { ...node, sendBackTo: to } : node;
    }
    return { ...node, children: node.children.map(visit) } as ProcessNode;
  };
  return visit(root);
}

/**
 * Valid flow definitions with random process trees: nested sequences, parallels (all, any and
 * vote joins), choices, clock-stopping steps, plausibility floors and send-backs to earlier steps.
 * Every value passes `validateFlow` and compiles.
 * @example
 * fc.assert(fc.property(flowArbitrary(), (flow) => validateFlow(flow).ok));
 */
export function flowArbitrary(options: FlowArbitraryOptions = {}): fc.Arbitrary<FlowDefinition> {
  const { maxDepth = 3, maxChildren = 3, departments = DEPARTMENTS, roles = ROLES } = options;
  const step = fc.record({
    kind: fc.constant('step' as const),
    department: fc.nat(),
    role: fc.nat(),
    stopped: fc.integer({ min: 0, max: 99 }).map((n) => n < 15),
    minutes: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
  });
  const { node } = fc.letrec<{ node: Shape }>((tie) => ({
    node: fc.oneof(
      { maxDepth, depthIdentifier: 'flow-tree', withCrossShrink: true },
      step,
      fc.record({ kind: fc.constantFrom('sequence' as const, 'choice' as const), children: fc.array(tie('node'), { minLength: 1, maxLength: maxChildren }) }),
      fc.record({
        kind: fc.constant('parallel' as const),
        join: fc.oneof(fc.constantFrom('all' as const, 'any' as const), fc.nat()),
        children: fc.array(tie('node'), { minLength: 1, maxLength: maxChildren }),
      }),
    ),
  }));
  return fc
    .record({
      root: node,
      picks: fc.array(fc.nat(), { maxLength: 8 }),
      statutory: fc.integer({ min: 1, max: 60 }),
      promisedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      department: fc.constantFrom(...departments),
    })
    .map(({ root, picks, statutory, promisedShare, department }) => {
      let n = 0;
      const process = withSendBacks(build(root, departments, roles, () => ++n), picks);
      return {
        id: 'generated-matter',
        version: '1',
        name: '生成的事项',
        department,
        mode: 'approval',
        caseType: 'promised',
        limits: { statutoryWorkingDays: statutory, promisedWorkingDays: Math.max(1, Math.floor(statutory * promisedShare)) },
        materials: [
          { id: 'application-form', name: '申请表' },
          { id: 'site-plan', name: '总平面图' },
        ],
        process,
      } satisfies FlowDefinition;
    });
}
