import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEventRecord, createFlowInstance, licenceSeparationFlow } from '../src/index';
import { clockAt, officerOf, workProcess } from '../examples/_shared/case-driver';

const run = (script: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });

// Each example runs in a child process (tsx compiles it first): seconds on a quiet machine, more on
// a loaded one. The limit is generous because nothing here measures speed.
describe('examples', { timeout: 60_000 }, () => {
  it('runs the tour as the README shows it', () => {
    const out = run('examples/tour.ts');
    expect(out).toContain("code: 'wrong-actor'");
    expect(out).toContain("deadline: '2025-10-17'");
    expect(out).toContain('processing 2025-10-17');
  });

  it('runs the demo: a year generated, detected, measured, and the HTML report written', () => {
    const out = mkdtempSync(join(tmpdir(), 'permitflow-demo-'));
    const printed = run('examples/demo.ts', '--bundles', '120', '--cases', '80', '--out', out);
    expect(printed).toMatch(/Generated 120 bundle applications and 80 lone cases: [\d,]+ records/);
    expect(printed).toMatch(/Detection: [\d,]+ findings in [\d,]+ cases; [\d,]+ of [\d,]+ injected deviations found/);
    expect(printed).toMatch(/Measurement: [\d,]+ measured \([\d,]+ bundles\), 0 unmeasured; records ([\d,]+) = \1 measured \+ 0 unmeasured/);
    expect(printed).toContain('| 开办企业 |');
    expect(printed).toContain('| **all** |');
    const report = readFileSync(join(out, 'permitflow-report.html'), 'utf8');
    expect(report).toContain('id="summary-table"');
    expect(report).toContain('开办企业');
  });

  it('runs five planning-permit cases: every case to its end, and the resubmission gap', () => {
    const out = run('examples/planning-permit-cases.ts');
    expect(out).toMatch(/WP-2025-0004 {2}withdrawn .*\(dropped\) 11/);
    expect(out).toMatch(/WP-2025-0005 {2}approved .* 8 +24 +WP-2025-0004 → WP-2025-0005/);
    expect(out).toContain('send-back');
    expect(out).toContain('supplement-started (6)');
  });

  it('runs the licence-separation permit under every mode, side by side', () => {
    const out = run('examples/licence-separation.ts');
    expect(out).toMatch(/cancelled +0 +0 .*permit-demanded/);
    expect(out).toMatch(/filing +1 +0 .*filed/);
    expect(out).toMatch(/notify-commit .*verified/);
    expect(out).toMatch(/optimized-approval +3 +2 +10 .*approved/);
    expect(out).toMatch(/approval +6 +4 +20 .*approved/);
  });

  it('runs notify-and-commit to revocation and a credit record, and refuses an applicant with a false commitment', () => {
    const out = run('examples/notify-commit.ts');
    expect(out).toContain('revoked (15)');
    expect(out).toContain('credit-recorded');
    expect(out).toMatch(/refused \(5\) .*false-commitment-record/);
  });

  it('runs 开办企业 as one bundle to bundle-completed', () => {
    const out = run('examples/open-business.ts');
    expect(out).toContain('bundle-completed');
    expect(out).toMatch(/promised end to end: 4 working days → normal/);
  });

  it('runs a construction project through the four stages, with a 补正 and a three-week expert review', () => {
    const out = run('examples/construction-project.ts');
    expect(out).toContain('bundle-completed');
    expect(out).toMatch(/works-planning-permit +supplement-started \(6\)/);
    expect(out).toMatch(/建设工程规划许可证: supplement \d+ wd/);
    expect(out).toMatch(/设计方案审查: stopped-step scheme-expert-review 15 wd/);
    for (const stage of ['land-planning', 'works-planning', 'construction', 'completion']) expect(out).toContain(stage);
  });

  it('drives cases with records the schema accepts (actors carry id, role and department only)', () => {
    const flow = licenceSeparationFlow('approval');
    const clock = clockAt('2025-06-09T09:00:00+08:00');
    const instance = createFlowInstance(flow, { caseId: 'EX-1', clock });
    instance.send({ type: 'register-business' });
    instance.send({ type: 'receive' });
    instance.send({ type: 'accept-in-department', actor: officerOf(flow) });
    workProcess(instance, clock);
    instance.stop();
    expect(instance.records.filter((r) => r.lifecycle === 'complete').length).toBeGreaterThan(0);
    for (const record of instance.records) expect(checkEventRecord(record).ok).toBe(true);
  });
});
