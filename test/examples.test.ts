import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (script: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });

describe('examples', () => {
  it('runs the tour as the README shows it', () => {
    const out = run('examples/tour.ts');
    expect(out).toContain("code: 'wrong-actor'");
    expect(out).toContain("deadline: '2025-10-17'");
    expect(out).toContain('processing 2025-10-17');
  });

  it('runs the demo: every case to its end, and the resubmission gap', () => {
    const out = run('examples/demo.ts');
    expect(out).toMatch(/WP-2025-0004 {2}withdrawn .*\(dropped\) 11/);
    expect(out).toMatch(/WP-2025-0005 {2}approved .* 8 +24 +WP-2025-0004 → WP-2025-0005/);
    expect(out).toContain('send-back');
    expect(out).toContain('supplement-started (6)');
  });
});
