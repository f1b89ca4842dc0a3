import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/works-planning-permit.json';
import type { FlowDefinition } from '../definition/schemas';
import { toMermaid } from './to-mermaid';

const flow = example as FlowDefinition;

describe('toMermaid', () => {
  it('renders the process tree inside the lifecycle, with forks, joins and clock stops', () => {
    const text = toMermaid(flow);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('state "专家评审<br/>natural-resources · expert ⏸ expert-review" as step_expert_review');
    expect(text).toContain('fork_0 --> step_fire_opinion');
    expect(text).toContain('note right of join_0: 会签 all');
    expect(text).toContain('[*] --> step_review');
    expect(text).toContain('step_decide --> [*]');
  });

  it('labels votes and choices and draws send-backs', () => {
    const text = toMermaid({
      ...flow,
      process: {
        kind: 'sequence',
        children: [
          { kind: 'step', id: 'a_b', name: 'A', department: 'd', role: 'r' },
          {
            kind: 'parallel',
            join: { kind: 'vote', threshold: 2 },
            children: [
              { kind: 'step', id: 'v1', name: 'V1', department: 'd', role: 'r' },
              { kind: 'step', id: 'v2', name: 'V2', department: 'd', role: 'r' },
              { kind: 'choice', children: [{ kind: 'step', id: 'a-b', name: 'B', department: 'd', role: 'r', sendBackTo: ['a_b'] }, { kind: 'step', id: 'c', name: 'C', department: 'd', role: 'r' }] },
            ],
          },
        ],
      },
    });
    expect(text).toContain('note right of join_0: 票签 2/3');
    expect(text).toContain('state choice_1 <<choice>>');
    expect(text).toContain('step_a_b --> step_a__b: 退回 send back');
  });
});

describe('toMermaid of a bundle', () => {
  it('draws stages in order with their lead departments and limits, matters inside, and dependencies', () => {
    const text = toMermaid(
      {
        id: 'b',
        version: '1',
        name: '小型工程',
        leadDepartment: 'housing',
        stages: [
          { id: 'land', name: '用地', leadDepartment: 'natural-resources', limitWorkingDays: 15 },
          { id: 'works', name: '工程', leadDepartment: 'natural-resources' },
        ],
        matters: [
          { matterId: 'works-planning-permit', stage: 'land' },
          { matterId: 'b-x', stage: 'works' },
          { matterId: 'c', stage: 'works', dependsOn: ['b-x'] },
        ],
        limits: { promisedWorkingDays: 30 },
      },
      { flows: [flow] },
    );
    expect(text).toContain('subgraph stage_land["1. 用地 · lead natural-resources · 15 wd"]');
    expect(text).toContain('m_works_planning_permit["建设工程规划许可证核发<br/>natural-resources · approval · 10 wd"]');
    expect(text).toContain('stage_land ==> stage_works');
    expect(text).toContain('m_b_x --> m_c');
  });
});
