import type { BundleDefinition, FlowDefinition, ProcessNode } from '../definition/schemas';
import { assertNever } from '../_internal/assert-never';

/** Entry and exit points of a rendered node. */
interface Ends {
  readonly entry: string;
  readonly exit: string;
}

/** A Mermaid id for a step: ids may only hold letters, digits and `_`, so `_` is doubled and `-` becomes `_`. */
const safe = (id: string): string => `step_${id.replace(/_/g, '__').replace(/-/g, '_')}`;
const quote = (label: string): string => label.replace(/"/g, "'");

function joinLabel(node: Extract<ProcessNode, { kind: 'parallel' }>): string {
  if (node.join === 'all') return '会签 all';
  if (node.join === 'any') return '或签 any';
  return `票签 ${node.join.threshold}/${node.children.length}`;
}

function renderProcess(root: ProcessNode, lines: string[], indent: string): Ends {
  let counter = 0;
  const render = (node: ProcessNode): Ends => {
    switch (node.kind) {
      case 'step': {
        const id = safe(node.id);
        const stopped = node.clock === 'stopped' ? ` ⏸ ${node.stopReason ?? ''}` : '';
        lines.push(`${indent}state "${quote(node.name)}<br/>${quote(node.department)} · ${quote(node.role)}${stopped}" as ${id}`);
        return { entry: id, exit: id };
      }
      case 'sequence': {
        const parts = node.children.map(render);
        for (let i = 1; i < parts.length; i++) lines.push(`${indent}${parts[i - 1]!.exit} --> ${parts[i]!.entry}`);
        return { entry: parts[0]!.entry, exit: parts.at(-1)!.exit };
      }
      case 'parallel': {
        const n = counter++;
        const fork = `fork_${n}`;
        const join = `join_${n}`;
        lines.push(`${indent}state ${fork} <<fork>>`, `${indent}state ${join} <<join>>`);
        for (const part of node.children.map(render)) {
          lines.push(`${indent}${fork} --> ${part.entry}`, `${indent}${part.exit} --> ${join}`);
        }
        lines.push(`${indent}note right of ${join}: ${joinLabel(node)}`);
        return { entry: fork, exit: join };
      }
      case 'choice': {
        const n = counter++;
        const choice = `choice_${n}`;
        const merge = `merge_${n}`;
        lines.push(`${indent}state ${choice} <<choice>>`, `${indent}state ${merge} <<choice>>`);
        for (const part of node.children.map(render)) {
          lines.push(`${indent}${choice} --> ${part.entry}`, `${indent}${part.exit} --> ${merge}`);
        }
        return { entry: choice, exit: merge };
      }
      default:
        return assertNever(node, 'process node');
    }
  };
  return render(root);
}

function sendBacks(node: ProcessNode, lines: string[], indent: string): void {
  if (node.kind === 'step') {
    for (const to of node.sendBackTo ?? []) lines.push(`${indent}${safe(node.id)} --> ${safe(to)}: 退回 send back`);
    return;
  }
  for (const child of node.children) sendBacks(child, lines, indent);
}

function processingBlock(process: ProcessNode, lines: string[]): void {
  lines.push('  state "processing 办理中" as processing {');
  const ends = renderProcess(process, lines, '    ');
  lines.push(`    [*] --> ${ends.entry}`, `    ${ends.exit} --> [*]`);
  sendBacks(process, lines, '    ');
  lines.push('  }', '  processing --> paused: 6 补正 / 9 特别程序', '  paused --> processing: 7 / 10');
}

function approvalLifecycle(process: ProcessNode, lines: string[]): void {
  lines.push(
    '  received --> supplement: 6 补正',
    '  supplement --> received: 7 补正结束',
    '  received --> window_accepted: 3 窗口受理',
    '  received --> processing: 8 部门受理',
    '  window_accepted --> processing: 8 部门受理',
    '  received --> closed_before: 2 撤件 / 4 不受理 / 5 不予受理',
  );
  processingBlock(process, lines);
  lines.push(
    '  processing --> approved: 11 通过 / 12 容缺通过',
    '  processing --> denied: 13 不通过',
    '  processing --> withdrawn: 14 撤回',
    '  approved --> certificate_issued: 出证',
    '  approved --> revoked: 15 撤销',
    '  certificate_issued --> revoked: 15 撤销',
    '  closed_before --> [*]',
    '  denied --> [*]',
    '  withdrawn --> [*]',
    '  revoked --> [*]',
    '  certificate_issued --> [*]',
  );
}

function notifyCommitLifecycle(process: ProcessNode | undefined, lines: string[]): void {
  lines.push(
    '  received --> notified: 告知 conditions and consequences',
    '  notified --> committed: 承诺 signed commitment',
    '  notified --> refused: 5 ineligible (虚假承诺 / 严重失信)',
  );
  if (process) {
    lines.push('  committed --> processing: 8 受理');
    processingBlock(process, lines);
    lines.push('  processing --> approved: 11 决定', '  processing --> denied: 13');
  } else {
    lines.push('  committed --> approved: 11 当场决定', '  committed --> denied: 13');
  }
  lines.push(
    '  approved --> verifying: 事中事后核查',
    '  verifying --> verified: 核查属实',
    '  verifying --> breach: 发现不实',
    '  breach --> correcting: 责令限期整改',
    '  correcting --> verified: 整改到位',
    '  breach --> revoked: 15 撤销',
    '  correcting --> revoked: 15 撤销',
    '  revoked --> credit_recorded: 记入信用记录',
    '  verified --> [*]',
    '  credit_recorded --> [*]',
    '  refused --> [*]',
    '  denied --> [*]',
  );
}

/** Options of {@link toMermaid}. */
export interface ToMermaidOptions {
  /** For a bundle: the flows of its matters, to label each matter with its name, department, mode and limit. */
  readonly flows?: readonly FlowDefinition[];
}

const node = (prefix: string, id: string): string => `${prefix}_${id.replace(/_/g, '__').replace(/-/g, '_')}`;

function bundleToMermaid(bundle: BundleDefinition, flows: readonly FlowDefinition[]): string {
  const byId = new Map(flows.map((f) => [f.id, f]));
  const lines = ['flowchart LR', `  %% ${bundle.name} (${bundle.id} v${bundle.version})`];
  const limit = bundle.limits?.promisedWorkingDays ?? bundle.limits?.statutoryWorkingDays;
  lines.push(`  start(["${quote(bundle.name)}<br/>一表申请 · 一套材料 · lead ${quote(bundle.leadDepartment)}${limit ? ` · ${limit} wd` : ''}"])`);
  const label = (matterId: string) => {
    const flow = byId.get(matterId);
    if (!flow) return matterId;
    const days = flow.limits?.promisedWorkingDays ?? flow.limits?.statutoryWorkingDays;
    return `${quote(flow.name)}<br/>${quote(flow.department)} · ${flow.mode}${days ? ` · ${days} wd` : ''}`;
  };
  const stages = bundle.stages ?? [];
  if (stages.length === 0) {
    for (const m of bundle.matters) lines.push(`  ${node('m', m.matterId)}["${label(m.matterId)}"]`);
  }
  stages.forEach((stage, i) => {
    const limitText = stage.limitWorkingDays ? ` · ${stage.limitWorkingDays} wd` : '';
    lines.push(`  subgraph ${node('stage', stage.id)}["${i + 1}. ${quote(stage.name)} · lead ${quote(stage.leadDepartment)}${limitText}"]`);
    for (const m of bundle.matters.filter((x) => x.stage === stage.id)) lines.push(`    ${node('m', m.matterId)}["${label(m.matterId)}"]`);
    lines.push('  end');
  });
  const first = stages[0];
  if (first) lines.push(`  start --> ${node('stage', first.id)}`);
  for (let i = 1; i < stages.length; i++) lines.push(`  ${node('stage', stages[i - 1]!.id)} ==> ${node('stage', stages[i]!.id)}`);
  for (const m of bundle.matters) {
    if (!first && !(m.dependsOn ?? []).length) lines.push(`  start --> ${node('m', m.matterId)}`);
    for (const dep of m.dependsOn ?? []) lines.push(`  ${node('m', dep)} --> ${node('m', m.matterId)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Renders a flow as a Mermaid state diagram of its reform mode's lifecycle (with 办理状态 codes):
 * for approval modes the process tree inside `processing`, forks and joins labelled with their join
 * policy, choices, clock-stopping steps and send-backs; filing as received → filed; notify-and-commit
 * with its verification and breach path; a cancelled permit as business registration alone.
 * A bundle renders as a flowchart of its stages (with lead departments and limits), its matters
 * and the dependencies between them.
 * @example
 * const text = toMermaid(flow); // paste into a ```mermaid block
 * const map = toMermaid(bundle, { flows });
 */
export function toMermaid(definition: FlowDefinition | BundleDefinition, options: ToMermaidOptions = {}): string {
  if ('matters' in definition) return bundleToMermaid(definition, options.flows ?? []);
  const flow = definition;
  const lines = ['stateDiagram-v2', `  %% ${flow.name} (${flow.id} v${flow.version}, ${flow.mode})`];
  const registration = flow.afterBusinessRegistration === true || flow.mode === 'cancelled';
  lines.push(registration ? '  [*] --> business_registered: 营业执照 business registration' : '  [*] --> received: 1 收件');
  switch (flow.mode) {
    case 'approval':
    case 'optimized-approval':
      if (registration) lines.push('  business_registered --> received: 1 收件');
      approvalLifecycle(flow.process!, lines);
      break;
    case 'filing':
      if (registration) lines.push('  business_registered --> received: 1 收件');
      lines.push('  received --> filed: 当场备案 filed on the spot', '  received --> withdrawn: 2 撤件', '  filed --> [*]', '  withdrawn --> [*]');
      break;
    case 'notify-commit':
      if (registration) lines.push('  business_registered --> received: 1 收件');
      notifyCommitLifecycle(flow.process, lines);
      break;
    case 'cancelled':
      lines.push('  business_registered --> business_registered: a demand for the permit is logged as a violation', '  business_registered --> [*]: 直接经营 operate');
      break;
    default:
      assertNever(flow.mode, 'reform mode');
  }
  return `${lines.join('\n')}\n`;
}
