import type { Issue } from '../errors';
import { fromZodIssues, ZOD_PARSE_OPTIONS } from '../_internal/from-zod-issues';
import { BundleDefinitionSchema, type BundleDefinition, type FlowDefinition } from './schemas';
import type { ValidationResult } from './validate-flow';

/** Result of {@link validateBundle}. */
export type BundleValidationResult = ValidationResult<'bundle', BundleDefinition>;

/** Options of {@link validateBundle}. */
export interface ValidateBundleOptions {
  /** The flows the bundle's matters refer to; when given, every matter must be among them. */
  readonly flows?: Iterable<FlowDefinition>;
}

function findCycle(bundle: BundleDefinition): string[] | undefined {
  const deps = new Map(bundle.matters.map((m) => [m.matterId, m.dependsOn ?? []]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of deps.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Validates a bundle (一件事) definition: its shape, unique matters and stages, known references,
 * sound limits, and no dependency cycle between its matters.
 * @example
 * const result = validateBundle(bundleJson, { flows: [planningPermit, constructionPermit] });
 */
export function validateBundle(input: unknown, options: ValidateBundleOptions = {}): BundleValidationResult {
  const parsed = BundleDefinitionSchema.safeParse(input, ZOD_PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error) };
  const bundle = parsed.data;
  const issues: Issue[] = [];

  if (bundle.matters.length === 0) {
    issues.push({ code: 'empty-node', path: ['matters'], message: 'A bundle needs at least one matter; add one to matters.' });
  }
  const matterIds = new Set<string>();
  bundle.matters.forEach((m, i) => {
    if (matterIds.has(m.matterId)) {
      issues.push({
        code: 'duplicate-id',
        path: ['matters', i, 'matterId'],
        message: `Matter "${m.matterId}" is listed twice; list each matter once.`,
      });
    }
    matterIds.add(m.matterId);
  });
  const stageIds = new Set<string>();
  (bundle.stages ?? []).forEach((s, i) => {
    if (stageIds.has(s.id)) {
      issues.push({ code: 'duplicate-id', path: ['stages', i, 'id'], message: `Stage "${s.id}" is declared twice; rename one.` });
    }
    stageIds.add(s.id);
    if (s.limitWorkingDays !== undefined && s.limitWorkingDays <= 0) {
      issues.push({
        code: 'invalid-limit',
        path: ['stages', i, 'limitWorkingDays'],
        message: `Stage "${s.id}" has a limit of ${s.limitWorkingDays} working days; use at least 1 or leave it out.`,
      });
    }
  });
  const known = options.flows ? new Set([...options.flows].map((f) => f.id)) : undefined;
  bundle.matters.forEach((m, i) => {
    if (known && !known.has(m.matterId)) {
      issues.push({
        code: 'unknown-matter',
        path: ['matters', i, 'matterId'],
        message: `Matter "${m.matterId}" has no flow definition; add its flow or fix the id.`,
      });
    }
    if (m.stage !== undefined && !stageIds.has(m.stage)) {
      issues.push({
        code: 'unknown-stage',
        path: ['matters', i, 'stage'],
        message: `Matter "${m.matterId}" is in stage "${m.stage}", which is not declared; add it to stages or fix the id.`,
      });
    }
    if ((bundle.stages ?? []).length > 0 && m.stage === undefined) {
      issues.push({
        code: 'missing-stage',
        path: ['matters', i, 'stage'],
        message: `The bundle has stages, so matter "${m.matterId}" must name the stage it belongs to.`,
      });
    }
    (m.dependsOn ?? []).forEach((dep, j) => {
      if (!matterIds.has(dep)) {
        issues.push({
          code: 'unknown-matter',
          path: ['matters', i, 'dependsOn', j],
          message: `Matter "${m.matterId}" depends on "${dep}", which is not in this bundle; add it to matters or remove the dependency.`,
        });
      }
    });
  });
  const cycle = findCycle(bundle);
  if (cycle) {
    issues.push({
      code: 'dependency-cycle',
      path: ['matters'],
      message: `The matters depend on each other in a cycle (${cycle.join(' → ')}); no case could ever start. Remove one of these dependencies.`,
    });
  }
  const { statutoryWorkingDays: statutory, promisedWorkingDays: promised } = bundle.limits ?? {};
  for (const [key, value] of [
    ['statutoryWorkingDays', statutory],
    ['promisedWorkingDays', promised],
  ] as const) {
    if (value !== undefined && value <= 0) {
      issues.push({
        code: 'invalid-limit',
        path: ['limits', key],
        message: `${key} is ${value}; a limit must be at least 1 working day. Leave it out if there is none.`,
      });
    }
  }
  if (statutory !== undefined && promised !== undefined && promised > statutory) {
    issues.push({
      code: 'promised-exceeds-statutory',
      path: ['limits', 'promisedWorkingDays'],
      message: `The promised limit (${promised}) is above the statutory one (${statutory}); lower it to ${statutory} or less.`,
    });
  }
  return issues.length === 0 ? { ok: true, bundle } : { ok: false, issues };
}
