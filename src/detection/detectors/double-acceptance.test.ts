import { describe, expect, it } from 'vitest';
import { doubleAcceptanceDetector as detector } from './double-acceptance';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

const withHall = (departmentAt: string): Line[] => [
  ORDINARY[0]!,
  ['window-accepted', '2025-03-03 09:30'],
  ['department-accepted', departmentAt],
  ['approved', '2025-03-14 15:00'],
];

describe('doubleAcceptanceDetector', () => {
  it('finds a department acceptance working days after the hall’s, counting working days only', () => {
    // 2025-03-03 (Mon) → 2025-03-10 (Mon): 5 working days.
    const [finding, ...rest] = detector.detect(testCase(withHall('2025-03-10 10:00')), detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'double-acceptance', caseId: 'c1', recordIds: ['c1#2', 'c1#3'], hiddenWorkingDays: 5, severity: 'medium' });
    expect(finding!.message).toMatchInlineSnapshot(`"Double acceptance (两头受理): the hall accepted case c1 on 2025-03-03 09:30 but the department accepted it only on 2025-03-10 10:00, 5 working days later (allowed: 2). Ask the department what it did with the case in between and whether it ran a second intake of its own."`);
  });

  it('ignores hall then department acceptance within hours (the look-alike)', () => {
    expect(detector.detect(testCase(withHall('2025-03-03 14:00')), detector.defaults, [])).toEqual([]);
  });

  it('does not count a holiday week: Spring Festival days are not working days', () => {
    // 2025-01-27 (Mon) → 2025-02-05 (Wed): 春节 28 Jan–4 Feb, so only 1 working day.
    const view = testCase([
      ['received', '2025-01-27 09:00'],
      ['window-accepted', '2025-01-27 09:30'],
      ['department-accepted', '2025-02-05 10:00'],
    ]);
    expect(detector.detect(view, detector.defaults, [])).toEqual([]);
  });
});
