import { describe, expect, it } from 'vitest';
import { implausibleSpeedDetector as detector } from './implausible-speed';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

const inspection = (from: string, to: string): Line[] => [
  ...ORDINARY.slice(0, 4),
  ['site-inspection', from, { lifecycle: 'start' }],
  ['site-inspection', to, { lifecycle: 'complete' }],
  ...ORDINARY.slice(6),
];

describe('implausibleSpeedDetector', () => {
  it('finds a step done faster than its minimum duration (site inspection, PT1H, in 12 minutes)', () => {
    const [finding, ...rest] = detector.detect(testCase(inspection('2025-03-05 09:00', '2025-03-05 09:12')), detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'implausible-speed', recordIds: ['c1#5', 'c1#6'], severity: 'medium' });
    expect(finding!.message).toMatchInlineSnapshot(`"Implausible speed: step "现场核查" (site-inspection) of case c1 was completed by market-regulation-case-officer-01 in 12 min, below its minimum of 60 min (PT1H). Check whether the work was done off the system (体外循环) and only recorded afterwards."`);
  });

  it('ignores a fast step still above its minimum (the look-alike: 1–1.2× the floor)', () => {
    expect(detector.detect(testCase(inspection('2025-03-05 09:00', '2025-03-05 10:05')), detector.defaults, [])).toEqual([]);
  });

  it('measures each round of a repeated step from its own start', () => {
    const view = testCase([
      ...inspection('2025-03-05 09:00', '2025-03-05 11:00').slice(0, 6),
      ['site-inspection', '2025-03-06 09:00', { lifecycle: 'start' }],
      ['site-inspection', '2025-03-06 09:20', { lifecycle: 'complete' }],
    ]);
    expect(detector.detect(view, detector.defaults, []).map((f) => f.recordIds)).toEqual([['c1#7', 'c1#8']]);
  });

  it('reads a step begun and ended in one instant, its completion logged first, as done in no time', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 4),
      ['site-inspection', '2025-03-05 09:00', { lifecycle: 'complete' }],
      ['site-inspection', '2025-03-05 09:00', { lifecycle: 'start' }],
      ...ORDINARY.slice(6),
    ]);
    expect(detector.detect(view, detector.defaults, [])).toMatchObject([{ recordIds: ['c1#6', 'c1#5'], interval: { from: '2025-03-05T09:00:00+08:00', to: '2025-03-05T09:00:00+08:00' } }]);
  });
});
