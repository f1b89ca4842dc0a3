import type { Issue } from '../errors';
import { fromZodIssues, ZOD_PARSE_OPTIONS } from '../_internal/from-zod-issues';
import { childrenOf, isEarlier, placeSteps } from '../_internal/process-tree';
import { isLifecycleActivity } from '../event-log/activities';
import { FlowDefinitionSchema, type FlowDefinition, type ProcessNode } from './schemas';

/** Result of validating a definition: the typed value, or the issues that say how to fix it. */
export type ValidationResult<TKey extends string, T> =
  | ({ readonly ok: true } & { readonly [K in TKey]: T })
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Result of {@link validateFlow}. */
export type FlowValidationResult = ValidationResult<'flow', FlowDefinition>;

function checkLimits(flow: FlowDefinition, issues: Issue[]): void {
  const limits = flow.limits ?? {};
  for (const key of ['statutoryWorkingDays', 'promisedWorkingDays', 'extensionWorkingDays'] as const) {
    const value = limits[key];
    if (value !== undefined && value <= 0) {
      issues.push({
        code: 'invalid-limit',
        path: ['limits', key],
        message: `${key} is ${value}; a limit counts working days and must be at least 1. Leave it out if the matter has none.`,
      });
    }
  }
  const { statutoryWorkingDays: statutory, promisedWorkingDays: promised } = limits;
  if (statutory !== undefined && promised !== undefined && promised > statutory) {
    issues.push({
      code: 'promised-exceeds-statutory',
      path: ['limits', 'promisedWorkingDays'],
      message: `The promised limit (${promised} working days) is above the statutory one (${statutory}); a promise may only shorten the law's limit. Lower promisedWorkingDays to ${statutory} or less.`,
    });
  }
  if ((flow.mode === 'approval' || flow.mode === 'optimized-approval') && flow.caseType === 'promised' && statutory === undefined) {
    issues.push({
      code: 'missing-limit',
      path: ['limits', 'statutoryWorkingDays'],
      message: `A ${flow.mode} matter handled as a promised case (承诺件) needs limits.statutoryWorkingDays (行政许可法 Art. 42: 20 unless a law says otherwise).`,
    });
  }
}

function checkMode(flow: FlowDefinition, issues: Issue[]): void {
  const { mode, process, notifyCommit, involves = [] } = flow;
  if ((mode === 'approval' || mode === 'optimized-approval') && process === undefined) {
    issues.push({
      code: 'missing-process',
      path: ['process'],
      message: `A ${mode} matter needs a process tree (its review and decision steps); add process.`,
    });
  }
  if ((mode === 'filing' || mode === 'cancelled') && process !== undefined) {
    issues.push({
      code: 'unexpected-process',
      path: ['process'],
      message:
        mode === 'filing'
          ? 'A filing (备案) is completed on the spot: review steps would make it an approval under another name (以备案之名行审批之实). Remove process, or use mode "approval".'
          : 'A cancelled permit has no case to process; remove process.',
    });
  }
  if (mode === 'notify-commit') {
    if (notifyCommit === undefined) {
      issues.push({
        code: 'missing-notify-commit',
        path: ['notifyCommit'],
        message: 'A notify-commit matter needs notifyCommit: the conditions told to the applicant, the consequences of a false commitment, the decision mode and the post-verification window.',
      });
    }
    if (involves.length > 0) {
      issues.push({
        code: 'excluded-from-notify-commit',
        path: ['involves'],
        message: `The matter involves ${involves.join(', ')}; 国办发〔2020〕42号 excludes such matters from notify-and-commit (high risk, costly to correct). Use mode "approval" or "optimized-approval".`,
      });
    }
  } else if (notifyCommit !== undefined) {
    issues.push({
      code: 'unexpected-notify-commit',
      path: ['notifyCommit'],
      message: `notifyCommit only applies to mode "notify-commit"; this matter's mode is "${mode}". Remove it or change the mode.`,
    });
  }
  if (notifyCommit !== undefined) {
    const { verification, correctionWorkingDays, conditions } = notifyCommit;
    if (verification.withinWorkingDays <= 0) {
      issues.push({
        code: 'invalid-limit',
        path: ['notifyCommit', 'verification', 'withinWorkingDays'],
        message: `The post-verification window is ${verification.withinWorkingDays} working days; use at least 1.`,
      });
    }
    if (correctionWorkingDays <= 0) {
      issues.push({
        code: 'invalid-limit',
        path: ['notifyCommit', 'correctionWorkingDays'],
        message: `The correction period is ${correctionWorkingDays} working days; use at least 1.`,
      });
    }
    if (conditions.length === 0) {
      issues.push({
        code: 'empty-node',
        path: ['notifyCommit', 'conditions'],
        message: 'List the conditions the applicant commits to (告知 must be quantifiable, with no catch-all clause).',
      });
    }
  }
}

function checkNodes(node: ProcessNode, path: ReadonlyArray<string | number>, issues: Issue[]): void {
  if (node.kind === 'step') return;
  const children = childrenOf(node);
  if (children.length === 0) {
    issues.push({
      code: 'empty-node',
      path: [...path, 'children'],
      message: `This ${node.kind} has no children; add at least one node or remove the ${node.kind}.`,
    });
  }
  if (node.kind === 'parallel' && typeof node.join === 'object') {
    const { threshold } = node.join;
    if (threshold < 1 || threshold > children.length) {
      issues.push({
        code: 'vote-threshold',
        path: [...path, 'join', 'threshold'],
        message: `The vote threshold is ${threshold} but the parallel has ${children.length} branches; use a threshold from 1 to ${children.length}.`,
      });
    }
  }
  children.forEach((child, i) => checkNodes(child, [...path, 'children', i], issues));
}

function checkIds(flow: FlowDefinition, issues: Issue[]): void {
  const seen = new Map<string, string>();
  const claim = (id: string, what: string, path: ReadonlyArray<string | number>): void => {
    const first = seen.get(id);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate-id',
        path,
        message: `The id "${id}" is already used by a ${first}; ids of steps and nodes must be unique within a flow. Rename one of them.`,
      });
    } else {
      seen.set(id, what);
    }
  };
  const visit = (node: ProcessNode, path: ReadonlyArray<string | number>): void => {
    if (node.id !== undefined) claim(node.id, node.kind, [...path, 'id']);
    childrenOf(node).forEach((child, i) => visit(child, [...path, 'children', i]));
  };
  if (flow.process !== undefined) visit(flow.process, ['process']);

  const materials = new Set<string>();
  flow.materials.forEach((m, i) => {
    if (materials.has(m.id)) {
      issues.push({
        code: 'duplicate-id',
        path: ['materials', i, 'id'],
        message: `The material id "${m.id}" is listed twice; give each material its own id.`,
      });
    }
    materials.add(m.id);
  });
}

function checkSteps(flow: FlowDefinition, issues: Issue[]): void {
  const places = placeSteps(flow.process);
  const byId = new Map(places.map((p) => [p.step.id, p]));
  const materials = new Set(flow.materials.map((m) => m.id));
  for (const place of places) {
    const { step, path } = place;
    if (isLifecycleActivity(step.id)) {
      issues.push({
        code: 'reserved-id',
        path: [...path, 'id'],
        message: `"${step.id}" is a lifecycle activity of the event log; name the step something else, e.g. "${step.id}-review".`,
      });
    }
    if (step.clock === 'stopped' && step.stopReason === undefined) {
      issues.push({
        code: 'missing-stop-reason',
        path: [...path, 'stopReason'],
        message: `Step "${step.id}" stops the statutory clock; add the Art. 45 category in stopReason (e.g. "expert-review"), or remove clock: "stopped".`,
      });
    }
    if (step.stopReason !== undefined && step.clock !== 'stopped') {
      issues.push({
        code: 'stop-reason-without-stop',
        path: [...path, 'stopReason'],
        message: `Step "${step.id}" has a stopReason but its clock runs; add clock: "stopped" or remove stopReason.`,
      });
    }
    if (step.limitWorkingDays !== undefined && step.limitWorkingDays <= 0) {
      issues.push({
        code: 'invalid-limit',
        path: [...path, 'limitWorkingDays'],
        message: `Step "${step.id}" has a limit of ${step.limitWorkingDays} working days; use at least 1 or leave it out.`,
      });
    }
    (step.materials ?? []).forEach((id, i) => {
      if (!materials.has(id)) {
        issues.push({
          code: 'unknown-material',
          path: [...path, 'materials', i],
          message: `Step "${step.id}" examines material "${id}", which is not on the matter's material list; add it to materials or fix the id.`,
        });
      }
    });
    (step.sendBackTo ?? []).forEach((id, i) => {
      const target = byId.get(id);
      if (target === undefined) {
        issues.push({
          code: 'unknown-step',
          path: [...path, 'sendBackTo', i],
          message: `Step "${step.id}" sends back to "${id}", which is not a step of this flow; use one of: ${[...byId.keys()].join(', ')}.`,
        });
      } else if (!isEarlier(target, place)) {
        issues.push({
          code: 'send-back-not-earlier',
          path: [...path, 'sendBackTo', i],
          message: `Step "${step.id}" sends back to "${id}", which does not always run before it; a send-back (退回) may only return to an earlier step of an enclosing sequence.`,
        });
      }
    });
  }
}

/**
 * Validates a flow definition: its shape (zod) and its meaning (unique ids, known references,
 * non-empty nodes, sound limits and vote thresholds, send-backs only to earlier steps).
 * @returns `{ ok: true, flow }` or `{ ok: false, issues }`; never throws on bad input.
 * @example
 * const result = validateFlow(JSON.parse(text));
 * if (!result.ok) console.error(formatIssues(result.issues));
 */
export function validateFlow(input: unknown): FlowValidationResult {
  const parsed = FlowDefinitionSchema.safeParse(input, ZOD_PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error) };
  const flow = parsed.data;
  const issues: Issue[] = [];
  checkLimits(flow, issues);
  checkMode(flow, issues);
  if (flow.process !== undefined) checkNodes(flow.process, ['process'], issues);
  checkIds(flow, issues);
  checkSteps(flow, issues);
  return issues.length === 0 ? { ok: true, flow } : { ok: false, issues };
}
