import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import example from './fixtures/works-planning-permit.json';
import { runCli } from '../src/cli/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'permitflow-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('permitflow CLI', () => {
  it('validates a flow and reports issues with paths', async () => {
    expect(await cli('validate', file('ok.json', JSON.stringify(example)))).toMatchObject({ code: 0, out: expect.stringContaining('valid flow') });
    const bad = await cli('validate', file('bad.json', JSON.stringify({ ...example, limits: { statutoryWorkingDays: 5, promisedWorkingDays: 9 } })));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('at limits.promisedWorkingDays');
  });

  it('checks a log and prints counts that add up', async () => {
    const good = JSON.stringify({ id: 'r1', caseId: 'C', matterId: 'm', flowVersion: '1', activity: 'received', at: '2025-01-02T09:00:00+08:00', source: 'system' });
    const result = await cli('log', 'check', file('log.jsonl', `${good}\n{oops\n\n${good.replace('r1', 'r2')}\n`));
    expect(result.code).toBe(1);
    expect(result.out).toContain('3 read, 2 accepted, 1 rejected');
    expect(result.out).toContain('- line 2');
    const capped = await cli('log', 'check', '--max-issues', '1', file('bad.jsonl', '{x\n{y\n{z\n'));
    expect(capped.out).toContain('3 read, 0 accepted, 3 rejected');
    expect(capped.out).toContain('(2 more issue(s) not shown; raise --max-issues to see them)');
  });

  it('prints a Mermaid diagram', async () => {
    const result = await cli('diagram', file('flow.json', JSON.stringify(example)));
    expect(result.out.startsWith('stateDiagram-v2')).toBe(true);
  });

  it('exits 2 with help for unusable input', async () => {
    expect((await cli('validate', join(dir, 'missing.json'))).err).toContain('No such file');
    expect((await cli('fly')).code).toBe(2);
    expect((await cli()).err).toContain('Usage: permitflow');
    expect((await cli('--help')).code).toBe(0);
  });
});
