import { describe, expect, it } from 'vitest';
import { formatTable, medianRows, verdictOf, type BenchRow } from '../bench/_lib';

const row = (ratio: number, name = 'detector overhead'): BenchRow => ({ name, ours: 500_000 * ratio, baseline: 2_500_000, baselineName: 'bare loop', ratio, target: '≤ 5× overhead', unit: 'records/s' });

describe('medianRows', () => {
  it('takes each row’s median ratio over the processes and keeps every ratio in run order', () => {
    const [median] = medianRows([[row(5.4)], [row(4.1)], [row(4.8)]]);
    expect(median!.ratio).toBe(4.8);
    expect(median!.runs).toEqual([5.4, 4.1, 4.8]);
    expect(verdictOf(median!)).toBe('PASS');
  });

  it('averages the middle two of an even number of processes', () => {
    expect(medianRows([[row(4.8)], [row(5.4)], [row(5.0)], [row(6.0)]])[0]!.ratio).toBeCloseTo(5.2);
  });

  it('refuses runs whose rows differ', () => {
    expect(() => medianRows([[row(5)], [row(5, 'other')]])).toThrow(/different rows/);
  });

  it('prints the ratio of each process beside the median', () => {
    const table = formatTable(medianRows([[row(5.4)], [row(4.1)], [row(4.8)]]));
    expect(table).toContain('| median ratio |');
    expect(table).toContain('| 5.40×, 4.10×, 4.80× |');
  });

  it('prints a single run without the per-process column', () => {
    expect(formatTable([row(4.8)])).not.toContain('per process');
  });
});
