import { describe, expect, it } from 'vitest';
import { extraneousDelayDetector as detector } from './extraneous-delay';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

/** Accepted, reviewed, then the next step starts on `inspectionAt`; decided after it. */
const withGap = (inspectionAt: string, between: readonly Line[] = []): Line[] => [
  ...ORDINARY.slice(0, 4),
  ...between,
  ['site-inspection', inspectionAt, { lifecycle: 'start' }],
  ['site-inspection', inspectionAt.replace(/\d\d:\d\d$/, '16:00'), { lifecycle: 'complete' }],
  ['approved', inspectionAt.replace(/\d\d:\d\d$/, '16:30')],
];

describe('extraneousDelayDetector', () => {
  it('finds weeks with nothing logged and nothing in progress between two steps, in working days', () => {
    // Review completed 2025-03-04 (Tue); inspection starts 2025-03-25 (Tue): 15 working days.
    const [finding, ...rest] = detector.detect(testCase(withGap('2025-03-25 10:00')), detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'extraneous-delay', caseId: 'c1', recordIds: ['c1#4', 'c1#5'], hiddenWorkingDays: 15, severity: 'medium' });
    expect(finding!.message).toMatchInlineSnapshot(`"Unexplained idle gap (体外循环: intermediary or technical review kept out of the system): case c1 logged nothing and had no step, 补正 or 特别程序 in progress from "document-review" on 2025-03-04 11:00 to "site-inspection" on 2025-03-25 10:00, 15 working days (allowed: 5). Ask what the case waited for — an intermediary's report, a technical review, another department — and bring that work into the system."`);
  });

  it('does not count deadline records as activity', () => {
    const view = testCase(withGap('2025-03-25 10:00', [['deadline-warning', '2025-03-14 00:00']]));
    expect(detector.detect(view, detector.defaults, [])).toMatchObject([{ recordIds: ['c1#4', 'c1#6'] }]);
  });

  it('ignores a long step in progress, such as an expert review (the look-alike), and long pauses', () => {
    const longStep: Line[] = [
      ...ORDINARY.slice(0, 2),
      ['document-review', '2025-03-03 11:00', { lifecycle: 'start' }],
      ['document-review', '2025-04-21 11:00', { lifecycle: 'complete' }],
      ['approved', '2025-04-21 15:00'],
    ];
    expect(detector.detect(testCase(longStep), detector.defaults, [])).toEqual([]);
    const paused = withGap('2025-03-25 10:00', [
      ['special-procedure-started', '2025-03-04 14:00', { reason: { kind: 'expert-review' } }],
      ['special-procedure-ended', '2025-03-24 16:00'],
    ]);
    expect(detector.detect(testCase(paused), detector.defaults, [])).toEqual([]);
  });

  it('reads a 补正 or a step begun and ended in one instant, its records reversed, as over at once', () => {
    // Each pair is logged end first: without pairing them, the case would look busy until the decision.
    for (const pair of [
      [
        ['supplement-ended', '2025-03-04 14:00', { actor: undefined }],
        ['supplement-started', '2025-03-04 14:00', { reason: { kind: 'incomplete-materials' } }],
      ],
      [
        ['document-review', '2025-03-04 14:00', { lifecycle: 'complete' }],
        ['document-review', '2025-03-04 14:00', { lifecycle: 'start' }],
      ],
    ] satisfies Line[][]) {
      expect(detector.detect(testCase(withGap('2025-03-25 10:00', pair)), detector.defaults, [])).toMatchObject([{ recordIds: ['c1#6', 'c1#7'], hiddenWorkingDays: 15 }]);
    }
  });

  it('pairs reversed records of two kinds interleaved at one instant, each with its own start', () => {
    const interleaved: Line[] = [
      ['supplement-ended', '2025-03-04 14:00', { actor: undefined }],
      ['document-review', '2025-03-04 14:00', { lifecycle: 'complete' }],
      ['supplement-started', '2025-03-04 14:00', { reason: { kind: 'incomplete-materials' } }],
      ['document-review', '2025-03-04 14:00', { lifecycle: 'start' }],
    ];
    expect(detector.detect(testCase(withGap('2025-03-25 10:00', interleaved)), detector.defaults, [])).toMatchObject([{ recordIds: ['c1#8', 'c1#9'], hiddenWorkingDays: 15 }]);
  });

  it('ends a 补正 noticed twice at its one end, as the case clock does, and then sees the idle gap', () => {
    const twice = withGap('2025-03-25 10:00', [
      ['supplement-started', '2025-03-04 14:00', { reason: { kind: 'incomplete-materials' } }],
      ['supplement-started', '2025-03-05 14:00', { reason: { kind: 'incomplete-materials' } }],
      ['supplement-ended', '2025-03-06 14:00', { actor: undefined }],
    ]);
    // Counting starts, the second notice would want an end of its own and hide the gap to 03-25.
    expect(detector.detect(testCase(twice), detector.defaults, [])).toMatchObject([{ recordIds: ['c1#7', 'c1#8'], hiddenWorkingDays: 13 }]);
  });

  it('takes a step sent back (退回) as no longer in progress', () => {
    const sentBack = withGap('2025-03-25 10:00', [
      ['site-inspection', '2025-03-05 09:00', { lifecycle: 'start' }],
      ['site-inspection', '2025-03-05 11:00', { lifecycle: 'send-back', attrs: { to: 'document-review' } }],
    ]);
    expect(detector.detect(testCase(sentBack), detector.defaults, [])).toMatchObject([{ recordIds: ['c1#6', 'c1#7'], hiddenWorkingDays: 14 }]);
  });

  it('ignores an ordinary case and a short pause between steps', () => {
    expect(detector.detect(testCase(ORDINARY), detector.defaults, [])).toEqual([]);
    expect(detector.detect(testCase(withGap('2025-03-10 10:00')), detector.defaults, [])).toEqual([]);
  });
});
