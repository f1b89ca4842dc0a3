import { describe, expect, it } from 'vitest';
import { CASE_INDEX, CaseIndexer, indexCase, indexOf, type IndexedCaseView } from './case-index';
import { ORDINARY, testCase } from './detectors/_internal/test-case';

describe('indexCase', () => {
  it('finds first system records, any-source facts and per-purpose record lists in one pass', () => {
    const view = testCase([
      ['received', '2025-03-01 09:00', { source: 'evidence', evidenceKind: 'document' }],
      ...ORDINARY,
      ['expert-consultation', '2025-03-06 09:00'],
      ['window-accepted', '2025-03-06 10:00', { recordedAt: '2025-03-09T10:00:00+08:00' }],
      ['extension-approved', '2025-03-06 11:00'],
      ['extension-approved', '2025-03-06 12:00', { source: 'evidence', evidenceKind: 'document' }],
    ]);
    const index = indexCase(view.records, view.flow);
    const idOf = (i: number) => view.records[i]!.id;
    expect(index.anyReceived?.id).toBe('c1#1');
    expect(index.received?.id).toBe('c1#2');
    expect(index.departmentAccepted?.id).toBe('c1#3');
    expect(index.windowAccepted?.id).toBe('c1#11');
    expect(index.accepted?.id).toBe('c1#3');
    expect(index.decided?.id).toBe('c1#8');
    expect(index.end?.id).toBe('c1#8');
    expect(index.evidence.map(idOf)).toEqual(['c1#1', 'c1#13']);
    expect(index.extensions.map(idOf)).toEqual(['c1#12']);
    expect(index.steps.map(idOf)).toEqual(['c1#4', 'c1#5', 'c1#6', 'c1#7']);
    expect(index.unmodeled.map(idOf)).toEqual(['c1#10']);
    expect(index.entered.map(idOf)).toEqual(['c1#11']);
    expect(index.withMaterials.map(idOf)).toEqual(['c1#2']);
    expect(index.actorDepartment).toBe('market-regulation');
  });
});

describe('CaseIndexer', () => {
  it('tells which records close the case: terminal activities, and business-registered only in a cancelled-mode flow', () => {
    const view = testCase([...ORDINARY, ['business-registered', '2025-03-20 09:00'], ['revoked', '2025-03-21 09:00']]);
    const indexer = new CaseIndexer(view.flow);
    const closing = view.records.filter((r, i) => indexer.add(r, i)).map((r) => r.activity);
    expect(closing).toEqual(['approved', 'revoked']);
    const cancelled = new CaseIndexer({ ...view.flow!, mode: 'cancelled' });
    expect(cancelled.add(view.records.at(-2)!, 0)).toBe(true);
    expect(new CaseIndexer(undefined).add(view.records.at(-2)!, 0)).toBe(false);
  });
});

describe('indexOf', () => {
  it('reads the index the driver attached, else builds one per view', () => {
    const view = testCase(ORDINARY);
    const built = indexOf(view);
    expect(indexOf(view)).toBe(built);
    const attached = { ...indexCase([], undefined) };
    const indexed: IndexedCaseView = { ...view, [CASE_INDEX]: attached };
    expect(indexOf(indexed)).toBe(attached);
  });
});
