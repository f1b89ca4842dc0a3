import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import example from './fixtures/works-planning-permit.json';
import { runCli, type CliIo } from '../src/cli/run-cli';
import { serializeEventLog } from '../src/event-log';
import { generateLog } from '../src/simulation';
import { constructionPermitBundle, openBusinessBundle } from '../src/flows';

const dir = mkdtempSync(join(tmpdir(), 'permitflow-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
async function cli(...argv: string[]) {
  return cliWith({}, ...argv);
}
async function cliWith(extra: Partial<CliIo>, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), ...extra });
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

  describe('detect', () => {
    const { records } = generateLog({ seed: 3, cases: 60, inject: { 'backfilled-record': 0.2, 'withdraw-resubmit': 0.1 } });
    const logPath = file('generated.jsonl', serializeEventLog(records));

    it('prints the counts and a Markdown report, and exits 0 even with findings', async () => {
      const result = await cli('detect', logPath);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`${logPath}: ${records.length} read, ${records.length} accepted, 0 rejected; `);
      expect(result.out).toContain('# Off-system work (体外循环 / 隐性审批)');
      expect(result.out).toMatch(/finding\(s\) in \d+ of \d+ case\(s\)/);
      expect(result.err).toBe('');
    });

    it('counts bad lines and writes a JSON report to a file', async () => {
      const withGarbage = file('garbage.jsonl', `{oops\n${serializeEventLog(records)}not json\n`);
      const out = join(dir, 'report.json');
      const result = await cli('detect', withGarbage, '--format', 'json', '--out', out);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`${records.length + 2} read, ${records.length} accepted, 2 rejected`);
      expect(result.out).toContain('- line 1');
      const json = JSON.parse(readFileSync(out, 'utf8')) as { stats: { read: number; accepted: number; rejected: number }; report: { findings: number }; findings: unknown[] };
      expect(json.stats.read).toBe(json.stats.accepted + json.stats.rejected);
      expect(json.report.findings).toBe(json.findings.length);
    });

    it('reads flows from a folder and names the matters it lacks', async () => {
      const flowsDir = mkdtempSync(join(tmpdir(), 'permitflow-flows-'));
      const [first, ...others] = constructionPermitBundle().flows;
      writeFileSync(join(flowsDir, 'one.json'), JSON.stringify(first));
      writeFileSync(join(flowsDir, 'bundle.json'), JSON.stringify(openBusinessBundle()));
      const result = await cli('detect', logPath, '--flows', flowsDir);
      expect(result.code).toBe(0);
      expect(result.out).toContain('Matters without a flow definition');
      writeFileSync(join(flowsDir, 'broken.json'), JSON.stringify({ ...first, mode: 'whatever' }));
      const broken = await cli('detect', logPath, '--flows', flowsDir);
      expect(broken.code).toBe(2);
      expect(broken.err).toContain('is not a valid flow');
      rmSync(join(flowsDir, 'broken.json'));
      writeFileSync(join(flowsDir, 'partial.json'), JSON.stringify({ bundle: constructionPermitBundle().bundle, flows: others.slice(0, 2) }));
      const partial = await cli('detect', logPath, '--flows', flowsDir);
      expect(partial.code).toBe(2);
      expect(partial.err).toContain('is not a valid bundle');
    });

    it('shows a paced progress bar on stderr when asked or on a terminal', async () => {
      let t = 0;
      const quiet = await cliWith({ now: () => (t += 10) }, 'detect', logPath);
      expect(quiet.err).toBe('');
      const shown = await cliWith({ now: () => (t += 10) }, 'detect', logPath, '--progress');
      expect(shown.err).toContain('100%');
      expect(shown.err.endsWith('\n')).toBe(true);
      const tty = await cliWith({ now: () => (t += 1000), stderrIsTTY: true }, 'detect', logPath);
      expect(tty.err).toMatch(/\r\[#+\] 100%/);
    });

    it('exits 2 for unusable input', async () => {
      const missing = await cli('detect', join(dir, 'missing.jsonl'));
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('No such file');
      const noFlows = await cli('detect', logPath, '--flows', join(dir, 'no-such-dir'));
      expect(noFlows.code).toBe(2);
      expect(noFlows.err).toContain('Cannot read the definitions folder');
      expect((await cli('detect', logPath, '--format', 'xml')).code).toBe(2);
    });
  });

  describe('measure', () => {
    const records = generateLog({ seed: 5, cases: 120, inject: { 'pre-acceptance-work': 0.2 } }).records;
    const logPath = file('measure.jsonl', serializeEventLog(records));

    it('measures a generated log and prints counts that add up', async () => {
      const result = await cli('measure', logPath);
      expect(result.code).toBe(0);
      const [, read, accepted, rejected, measuredRecords] = /: (\d+) read, (\d+) accepted, (\d+) rejected; \d+ measured .*?, (\d+) record\(s\) in/.exec(result.out) ?? [];
      expect(Number(read)).toBe(records.length);
      expect(Number(accepted) + Number(rejected)).toBe(Number(read));
      expect(Number(measuredRecords)).toBe(0);
      expect(result.out).toContain('| Official');
      expect(result.out).toMatch(/最多跑一次/);
    });

    it('writes JSON and a self-contained HTML report, and counts bad lines and unknown matters', async () => {
      const stray = JSON.stringify({ id: 'x1', caseId: 'X', matterId: 'no-such-matter', flowVersion: '1', activity: 'received', at: '2025-03-03T09:00:00+08:00', source: 'system' });
      const withGarbage = file('measure-bad.jsonl', `${serializeEventLog(records)}{broken\n${stray}\n`);
      const out = join(dir, 'measure.json');
      const json = await cli('measure', withGarbage, '--format', 'json', '--out', out);
      expect(json.code).toBe(0);
      expect(json.out).toContain(`${records.length + 2} read, ${records.length + 1} accepted, 1 rejected`);
      expect(json.out).toContain('- line');
      expect(json.out).toContain('unmeasured X (no-such-matter, 1 records)');
      const report = JSON.parse(readFileSync(out, 'utf8')) as { counts: Record<string, number>; measurements: unknown[]; summary: { overall: { count: number } } };
      expect(report.counts).toMatchObject({ read: records.length + 2, accepted: records.length + 1, rejected: 1, measured: records.length, unmeasured: 1 });
      expect(report.summary.overall.count).toBe(report.measurements.length);
      const html = join(dir, 'measure.html');
      expect((await cli('measure', logPath, '--format', 'html', '--out', html)).code).toBe(0);
      const page = readFileSync(html, 'utf8');
      expect(page.startsWith('<!DOCTYPE html>') || page.startsWith('<!doctype html>')).toBe(true);
      expect(page).toContain('id="summary-table"');
      expect(page).not.toMatch(/(src|href)="https?:/);
      // Both reports rank the slowest one way: the Markdown table's first row is the HTML timeline's bundle.
      const md = join(dir, 'measure.md');
      expect((await cli('measure', logPath, '--out', md)).code).toBe(0);
      const firstSlowest = /## Slowest bundles[\s\S]*?\n\| 1 \| ([^|]+?) \|/.exec(readFileSync(md, 'utf8'))?.[1];
      expect(firstSlowest).toBeDefined();
      expect(page).toContain(`data-measurement="${firstSlowest}"`);
    });

    it('writes the same report and counts with --low-memory, reading the log twice', async () => {
      const stray = JSON.stringify({ id: 'x1', caseId: 'X', matterId: 'no-such-matter', flowVersion: '1', activity: 'received', at: '2025-03-03T09:00:00+08:00', source: 'system' });
      const withGarbage = file('measure-two-passes.jsonl', `${serializeEventLog(records)}{broken\n${stray}\n`);
      const held = await cli('measure', withGarbage, '--format', 'json', '--out', join(dir, 'report-held.json'));
      const twice = await cli('measure', withGarbage, '--format', 'json', '--out', join(dir, 'report-twice.json'), '--low-memory', '--progress');
      expect(twice.code).toBe(0);
      expect(twice.out.replace('report-twice.json', 'report-held.json')).toBe(held.out);
      expect(readFileSync(join(dir, 'report-twice.json'), 'utf8')).toBe(readFileSync(join(dir, 'report-held.json'), 'utf8'));
      expect(twice.err).toContain('pass 2 of 2 (measure)');
      // Markdown keeps no measurement in a low-memory run (each is tallied as it completes): the same report.
      const heldMd = await cli('measure', withGarbage, '--out', join(dir, 'report-held.md'));
      const twiceMd = await cli('measure', withGarbage, '--out', join(dir, 'report-twice.md'), '--low-memory');
      expect(twiceMd.out.replace('report-twice.md', 'report-held.md')).toBe(heldMd.out);
      expect(readFileSync(join(dir, 'report-twice.md'), 'utf8')).toBe(readFileSync(join(dir, 'report-held.md'), 'utf8'));
      expect(readFileSync(join(dir, 'report-held.md'), 'utf8')).toContain('Slowest');
    });

    it('exits 2 for unusable input', async () => {
      expect((await cli('measure', join(dir, 'missing.jsonl'))).code).toBe(2);
      expect((await cli('measure', logPath, '--format', 'xml')).code).toBe(2);
      const noDefinitions = await cli('measure', logPath, '--bundles', join(dir, 'no-such-dir'));
      expect(noDefinitions.code).toBe(2);
      expect(noDefinitions.err).toContain('Cannot read the definitions folder');
    });
  });
});
