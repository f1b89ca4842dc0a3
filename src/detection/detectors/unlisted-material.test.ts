import { describe, expect, it } from 'vitest';
import { unlistedMaterialDetector as detector } from './unlisted-material';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

const withSupplement = (materials: string[]): Line[] => [
  ORDINARY[0]!,
  ['supplement-started', '2025-03-03 11:00', { materials, reason: { kind: 'incomplete-materials' } }],
  ['supplement-ended', '2025-03-05 10:00', { materials, actor: undefined }],
  ['department-accepted', '2025-03-05 14:00'],
];

describe('unlistedMaterialDetector', () => {
  it('finds a 补正 demanding a material on no list, citing the demand and the hand-in', () => {
    const [finding, ...rest] = detector.detect(testCase(withSupplement(['safety-rules', 'no-dispute-certificate'])), detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'unlisted-material', recordIds: ['c1#2', 'c1#3'], severity: 'medium' });
    expect(finding!.hiddenWorkingDays).toBeUndefined();
    expect(finding!.message).toMatchInlineSnapshot(`"Unlisted material (清单外材料): on 2025-03-03 11:00 case c1 was asked for "no-dispute-certificate", which is not on the material list of matter food-business-permit-approval. Materials off the list may not be demanded (行政许可法 Art. 31); ask who required it and drop it or publish it."`);
  });

  it('ignores a 补正 of listed materials (the look-alike), including those a step examines', () => {
    expect(detector.detect(testCase(withSupplement(['safety-rules', 'layout-and-process'])), detector.defaults, [])).toEqual([]);
  });

  it('ignores what the applicant chose to submit at receipt', () => {
    const view = testCase([['received', '2025-03-03 09:00', { materials: ['application-form', 'extra-photos'] }]]);
    expect(detector.detect(view, detector.defaults, [])).toEqual([]);
  });
});
