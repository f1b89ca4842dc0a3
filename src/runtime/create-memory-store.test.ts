import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/works-planning-permit.json';
import type { FlowDefinition } from '../definition/schemas';
import { createFlowInstance } from './create-flow-instance';
import { createMemoryStore } from './create-memory-store';

const flow = example as FlowDefinition;

describe('createMemoryStore', () => {
  it('saves, loads, lists and deletes cases', async () => {
    const store = createMemoryStore();
    const instance = createFlowInstance(flow, { caseId: 'C-1' });
    instance.send({ type: 'receive' });
    await store.put(instance.persist());
    expect(await store.get('C-1')).toEqual(instance.persist());
    expect(await store.get('C-2')).toBeUndefined();
    const ids: string[] = [];
    for await (const id of store.caseIds()) ids.push(id);
    expect(ids).toEqual(['C-1']);
    expect(await store.delete('C-1')).toBe(true);
    expect(await store.get('C-1')).toBeUndefined();
  });

  it('rejects a save based on a stale read (optimistic versioning)', async () => {
    const store = createMemoryStore();
    const instance = createFlowInstance(flow, { caseId: 'C-1' });
    instance.send({ type: 'receive' });
    await store.put(instance.persist(), { expectedRevision: 0 });
    instance.send({ type: 'withdraw' });
    await expect(store.put(instance.persist(), { expectedRevision: 0 })).rejects.toMatchObject({ code: 'store-conflict' });
    await store.put(instance.persist(), { expectedRevision: 1 });
    expect((await store.get('C-1'))?.records).toHaveLength(2);
  });
});
