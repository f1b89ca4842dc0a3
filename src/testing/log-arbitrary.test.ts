import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEventRecord } from '../event-log/index';
import { INJECTABLE_DEVIATION_CODES } from '../simulation/index';
import { conformantLogArbitrary, deviantLogArbitrary } from './log-arbitrary';

describe('conformantLogArbitrary', () => {
  it('gives the same log for the same seed', () => {
    const [a] = fc.sample(conformantLogArbitrary(), { seed: 3, numRuns: 1 });
    const [b] = fc.sample(conformantLogArbitrary(), { seed: 3, numRuns: 1 });
    expect(a).toEqual(b);
  });

  it('draws valid, unlabeled logs of the asked size', () => {
    fc.assert(
      fc.property(conformantLogArbitrary({ minCases: 2, maxCases: 6 }), ({ records, labels }) => {
        expect(labels).toEqual([]);
        // Applications: a project's earlier matters (cases received before another matter of the project) come on top.
        const first = new Map<string, (typeof records)[number]>();
        for (const r of records) if (!first.has(r.caseId) || (r.activity === 'received' && first.get(r.caseId)!.activity !== 'received')) first.set(r.caseId, r);
        const applications = [...first.values()].filter(
          (r) => ![...first.values()].some((o) => o.projectCode !== undefined && o.projectCode === r.projectCode && o.matterId !== r.matterId && Date.parse(o.at) > Date.parse(r.at)),
        );
        expect(applications.length).toBeGreaterThanOrEqual(2);
        expect(applications.length).toBeLessThanOrEqual(6);
        for (const r of records) expect(checkEventRecord(r).ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});

describe('deviantLogArbitrary', () => {
  it('labels only codes asked for, on cases of the log', () => {
    fc.assert(
      fc.property(deviantLogArbitrary({ maxCases: 10, codes: ['backfilled-record', 'implausible-speed'] }), ({ records, labels }) => {
        const cases = new Set(records.map((r) => r.caseId));
        for (const l of labels) {
          expect(['backfilled-record', 'implausible-speed']).toContain(l.code);
          expect(cases.has(l.caseId!)).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('draws the ways suspension-abuse and unmodeled-activity look, unless the options fix them', () => {
    const logs = fc.sample(deviantLogArbitrary({ minCases: 15, maxCases: 20, codes: ['suspension-abuse', 'unmodeled-activity'] }), { seed: 5, numRuns: 40 });
    const records = logs.flatMap((log) => log.records);
    expect(records.some((r) => r.activity === 'extension-approved' && r.actor === undefined)).toBe(true); // unapproved-extension
    expect(records.some((r) => r.matterId.startsWith('UNLISTED-'))).toBe(true); // unlisted-matter
    const fixed = fc.sample(deviantLogArbitrary({ minCases: 15, maxCases: 20, codes: ['suspension-abuse', 'unmodeled-activity'], suspensionAbuse: ['at-acceptance'], unmodeledActivity: ['in-case'] }), { seed: 5, numRuns: 40 });
    const fixedRecords = fixed.flatMap((log) => log.records);
    expect(fixedRecords.some((r) => r.activity === 'extension-approved' && r.actor === undefined)).toBe(false);
    expect(fixedRecords.some((r) => r.matterId.startsWith('UNLISTED-'))).toBe(false);
  });

  it('draws labels over many runs, and shrunk logs stay valid', () => {
    const seen = new Set<string>();
    for (const log of fc.sample(deviantLogArbitrary({ minCases: 10, maxCases: 20 }), { seed: 8, numRuns: 30 })) {
      for (const l of log.labels) seen.add(l.code);
    }
    expect(seen.size).toBeGreaterThan(INJECTABLE_DEVIATION_CODES.length / 2);
    const failure = fc.check(
      fc.property(deviantLogArbitrary({ maxCases: 8 }), ({ labels }) => labels.length === 0),
      { seed: 4, numRuns: 50 },
    );
    expect(failure.failed).toBe(true);
    const [shrunk] = failure.counterexample!;
    for (const r of shrunk.records) expect(checkEventRecord(r).ok).toBe(true);
  });
});
