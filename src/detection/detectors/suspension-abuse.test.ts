import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../event-log';
import { suspensionAbuseDetector as detector } from './suspension-abuse';
import { ORDINARY, testCase, type Line } from './_internal/test-case';

const director = { id: 'market-regulation-director-01', role: 'director', department: 'market-regulation' };
const round = (from: string, to: string): Line[] => [
  ['supplement-started', from, { materials: ['safety-rules'], reason: { kind: 'incomplete-materials' } }],
  ['supplement-ended', to, { materials: ['safety-rules'], actor: undefined }],
];

describe('suspensionAbuseDetector', () => {
  it('finds a special procedure with a non-Art. 45 reason starting at the instant of acceptance', () => {
    const view = testCase([
      ORDINARY[0]!,
      ['department-accepted', '2025-03-03 10:00'],
      ['special-procedure-started', '2025-03-03 10:00', { reason: { kind: 'business-suspension', text: '正常业务办理挂起' } }],
      ['special-procedure-ended', '2025-03-17 10:00'],
      ['approved', '2025-03-18 15:00'],
    ]);
    const [finding, ...rest] = detector.detect(view, detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'suspension-abuse', recordIds: ['c1#2', 'c1#3', 'c1#4'], hiddenWorkingDays: 10, severity: 'high' });
    expect(finding!.message).toMatchInlineSnapshot(`"Unjustified special procedure (特别程序): case c1 stopped its clock for 10 working days from 2025-03-03 10:00, and its reason "business-suspension" is neither an Art. 45 category nor an approved Art. 42 extension; it starts at the very moment of acceptance (2025-03-03 10:00). Check the suspension's basis and restore the days to the processing time."`);
  });

  it('finds 补正 after acceptance (过程补件) and counts the rounds beyond those allowed', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 2),
      ...round('2025-03-04 10:00', '2025-03-06 10:00'),
      ...round('2025-03-10 10:00', '2025-03-13 10:00'),
      ['approved', '2025-03-18 15:00'],
    ]);
    const [finding, ...rest] = detector.detect(view, detector.defaults, []);
    expect(rest).toEqual([]);
    // None allowed by default: both rounds, 2 + 3 working days.
    expect(finding).toMatchObject({ recordIds: ['c1#2', 'c1#3', 'c1#4', 'c1#5', 'c1#6'], hiddenWorkingDays: 5 });
    expect(detector.detect(view, { ...detector.defaults, maxPostAcceptanceSupplements: 1 }, [])).toMatchObject([{ hiddenWorkingDays: 3 }]);
    expect(detector.detect(testCase([...ORDINARY.slice(0, 2), ...round('2025-03-04 10:00', '2025-03-06 10:00'), ['approved', '2025-03-18 15:00']]), detector.defaults, [])[0]!.message).toMatchInlineSnapshot(`"补正 after acceptance (过程补件): case c1 was sent back for materials once after its acceptance on 2025-03-03 10:00, stopping the clock; that hid 2 working days. Materials must be asked for once, before acceptance (一次性告知, Art. 32); check whether the round was used to stop the clock."`);
    expect(finding!.message).toMatchInlineSnapshot(`"Repeated 补正 after acceptance (过程补件): case c1 was sent back for materials 2 times after its acceptance on 2025-03-03 10:00, stopping the clock; that hid 5 working days. Materials must be asked for once, before acceptance (一次性告知, Art. 32); check whether the rounds were used to stop the clock."`);
  });

  it('finds a second 补正 round before acceptance, whose days the official figure never counts', () => {
    const view = testCase([
      ORDINARY[0]!,
      ...round('2025-03-03 11:00', '2025-03-05 11:00'),
      ...round('2025-03-06 11:00', '2025-03-11 11:00'),
      ['department-accepted', '2025-03-11 14:00'],
      ['approved', '2025-03-18 15:00'],
    ]);
    const [finding, ...rest] = detector.detect(view, detector.defaults, []);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ recordIds: ['c1#2', 'c1#3', 'c1#4', 'c1#5', 'c1#6'], interval: { from: '2025-03-03T11:00:00+08:00', to: '2025-03-11T11:00:00+08:00' }, hiddenWorkingDays: 3 });
    expect(finding!.message).toMatchInlineSnapshot(`"Repeated 补正 before acceptance: case c1 was asked for materials 2 times before its acceptance on 2025-03-11 14:00; the rounds beyond 1 held the application 3 working days more, time the official figure (from acceptance) does not show. Materials must be asked for once and in full (一次性告知, Art. 32); check what the later rounds asked for."`);
    // Where one round during processing is allowed, one round before acceptance and one after are each within their allowance.
    const allowed = { ...detector.defaults, maxPostAcceptanceSupplements: 1 };
    expect(detector.detect(testCase([ORDINARY[0]!, ...round('2025-03-03 11:00', '2025-03-05 11:00'), ['department-accepted', '2025-03-05 14:00'], ...round('2025-03-06 11:00', '2025-03-07 11:00'), ['approved', '2025-03-18 15:00']]), allowed, [])).toEqual([]);
  });

  it('counts the 补正 rounds of a case never accepted as rounds before acceptance', () => {
    const view = testCase([
      ORDINARY[0]!,
      ...round('2025-03-03 11:00', '2025-03-05 11:00'),
      ['supplement-started', '2025-03-06 11:00', { materials: ['safety-rules'], reason: { kind: 'incomplete-materials' } }],
      ['withdrawn-before-acceptance', '2025-03-20 11:00', { actor: undefined }],
    ]);
    // The second round is never answered: it lasts to the case's last record, the withdrawal.
    expect(detector.detect(view, detector.defaults, [])).toMatchObject([{ recordIds: ['c1#2', 'c1#3', 'c1#4'], hiddenWorkingDays: 10 }]);
    expect(detector.detect(view, { ...detector.defaults, maxPreAcceptanceSupplements: 2 }, [])).toEqual([]);
  });

  it('reads a 补正 begun and ended in one instant, its records reversed, as a round of no days', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 2),
      ...round('2025-03-04 10:00', '2025-03-06 10:00'),
      ['supplement-ended', '2025-03-10 10:00', { materials: ['safety-rules'], actor: undefined }],
      ['supplement-started', '2025-03-10 10:00', { materials: ['safety-rules'], reason: { kind: 'incomplete-materials' } }],
      ['approved', '2025-03-18 15:00'],
    ]);
    // Still a second request for materials after acceptance, but it hid no time (not the 6 days to the decision).
    expect(detector.detect(view, { ...detector.defaults, maxPostAcceptanceSupplements: 1 }, [])).toMatchObject([
      { recordIds: ['c1#2', 'c1#3', 'c1#4', 'c1#6', 'c1#5'], interval: { from: '2025-03-04T10:00:00+08:00', to: '2025-03-10T10:00:00+08:00' }, hiddenWorkingDays: 0 },
    ]);
  });

  it('counts a second 补正 notice before the first was answered as a round, hiding no days the first did not', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 2),
      ['supplement-started', '2025-03-04 10:00', { materials: ['safety-rules'], reason: { kind: 'incomplete-materials' } }],
      ['supplement-started', '2025-03-05 10:00', { materials: ['site-plan'], reason: { kind: 'incomplete-materials' } }],
      ['supplement-ended', '2025-03-07 10:00', { materials: ['safety-rules', 'site-plan'], actor: undefined }],
      ['approved', '2025-03-18 15:00'],
    ]);
    // One end answers both notices, as the case clock pairs them (not the first left open to the decision, 10 days).
    expect(detector.detect(view, { ...detector.defaults, maxPostAcceptanceSupplements: 1 }, [])).toMatchObject([
      { recordIds: ['c1#2', 'c1#3', 'c1#5', 'c1#4', 'c1#5'], interval: { from: '2025-03-04T10:00:00+08:00', to: '2025-03-07T10:00:00+08:00' }, hiddenWorkingDays: 0 },
    ]);
  });

  it('ends two 特别程序 started before one end at that end, each judged on its own reason', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 2),
      ['special-procedure-started', '2025-03-05 10:00', { reason: { kind: 'other' } }],
      ['special-procedure-started', '2025-03-06 10:00', { reason: { kind: 'expert-review' } }],
      ['special-procedure-ended', '2025-03-11 10:00'],
      ['approved', '2025-03-18 15:00'],
    ]);
    // The first ends with the second at 03-11 (4 working days), not at the decision (9).
    expect(detector.detect(view, detector.defaults, [])).toMatchObject([{ recordIds: ['c1#2', 'c1#3', 'c1#5'], interval: { to: '2025-03-11T10:00:00+08:00' }, hiddenWorkingDays: 4 }]);
  });

  it('finds a special procedure never ended, which kept the clock stopped until the decision', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 2),
      ['special-procedure-started', '2025-03-05 10:00', { reason: { kind: 'expert-review' } }],
      ['approved', '2025-03-18 15:00'],
      ['certificate-issued', '2025-03-20 10:00'],
    ]);
    // Closed by the decision, as the case clock closes it (9 working days), not by the certificate after it (11).
    expect(detector.detect(view, detector.defaults, [])).toMatchObject([{ recordIds: ['c1#2', 'c1#3'], interval: { from: '2025-03-05T10:00:00+08:00', to: '2025-03-18T15:00:00+08:00' }, hiddenWorkingDays: 9 }]);
    expect(detector.detect(view, detector.defaults, [])[0]!.message).toContain('it was never ended, so the clock stayed stopped until the decision of 2025-03-18 15:00');
  });

  it('finds an Art. 42 extension with no approver, a second one, and one longer than the matter allows', () => {
    const extension = (at: string, extra: Partial<EventRecord> = {}): Line => ['extension-approved', at, { actor: director, reason: { kind: 'art-42-extension' }, attrs: { workingDays: 10 }, ...extra }];
    const view = testCase([
      ...ORDINARY.slice(0, 4),
      extension('2025-03-05 10:00', { actor: undefined }),
      extension('2025-03-06 10:00'),
      extension('2025-03-07 10:00', { attrs: { workingDays: 30 } }),
      ['approved', '2025-04-18 15:00', { actor: director }],
    ]);
    const found = detector.detect(view, detector.defaults, []);
    expect(found.map((f) => f.recordIds)).toEqual([['c1#5'], ['c1#6'], ['c1#7']]);
    expect(found.every((f) => f.hiddenWorkingDays === undefined)).toBe(true);
    expect(found[2]!.message).toMatchInlineSnapshot(`"Unapproved extension (延长审批): case c1 extended its time limit on 2025-03-07 10:00 by 30 working days, and it is extension 3, where 1 is allowed (Art. 42 extends once); it adds 30 working days, beyond the 10 the matter allows. An extension that does not count must not hide an overrun: check the case against its limit without it."`);
    // The lawful look-alike, one approved extension of the matter's length, is silent (the look-alikes test below has another).
    expect(detector.detect(testCase([...ORDINARY.slice(0, 4), extension('2025-03-06 10:00'), ['approved', '2025-04-18 15:00']]), detector.defaults, [])).toEqual([]);
  });

  it('takes only an extension with an approver as justifying a 特别程序 for it', () => {
    const lines = (actor: Partial<EventRecord>): Line[] => [
      ...ORDINARY.slice(0, 2),
      ['extension-approved', '2025-03-04 10:00', { reason: { kind: 'art-42-extension' }, ...actor }],
      ['special-procedure-started', '2025-03-05 10:00', { reason: { kind: 'art-42-extension' } }],
      ['special-procedure-ended', '2025-03-12 10:00'],
      ['approved', '2025-03-18 15:00'],
    ];
    expect(detector.detect(testCase(lines({ actor: director })), detector.defaults, [])).toEqual([]);
    expect(detector.detect(testCase(lines({ actor: undefined })), detector.defaults, []).map((f) => f.recordIds)).toEqual([['c1#2', 'c1#4', 'c1#5'], ['c1#3']]);
  });

  it('finds a special procedure keyed in after the decision', () => {
    const view = testCase([
      ...ORDINARY.slice(0, 2),
      ['special-procedure-started', '2025-03-05 10:00', { reason: { kind: 'expert-review' }, recordedAt: '2025-03-20T09:00:00+08:00' }],
      ['special-procedure-ended', '2025-03-12 10:00'],
      ['approved', '2025-03-18 15:00', { recordedAt: '2025-03-18T15:01:00+08:00' }],
    ]);
    expect(detector.detect(view, detector.defaults, []).map((f) => f.recordIds)).toEqual([['c1#2', 'c1#3', 'c1#4']]);
    // Its end alone keyed in late: the pause was stretched after the decision.
    const stretched = testCase([
      ...ORDINARY.slice(0, 2),
      ['special-procedure-started', '2025-03-05 10:00', { reason: { kind: 'expert-review' } }],
      ['special-procedure-ended', '2025-03-17 10:00', { recordedAt: '2025-03-20T09:00:00+08:00' }],
      ['approved', '2025-03-18 15:00', { recordedAt: '2025-03-18T15:01:00+08:00' }],
    ]);
    const [finding] = detector.detect(stretched, detector.defaults, []);
    expect(finding!.message).toContain('its end was entered on 2025-03-20 09:00, after the decision of 2025-03-18 15:00 was');
  });

  it('ignores the look-alikes: one 补正 before acceptance, an Art. 45 procedure mid-process, an approved Art. 42 extension', () => {
    const view = testCase([
      ORDINARY[0]!,
      ...round('2025-03-03 11:00', '2025-03-04 11:00'),
      ['department-accepted', '2025-03-04 14:00'],
      ['special-procedure-started', '2025-03-05 10:00', { reason: { kind: 'expert-review' } }],
      ['special-procedure-ended', '2025-03-20 10:00'],
      ['extension-approved', '2025-03-21 10:00', { actor: director, reason: { kind: 'art-42-extension' } }],
      ['approved', '2025-03-28 15:00', { actor: director }],
    ]);
    expect(detector.detect(view, detector.defaults, [])).toEqual([]);
  });
});
