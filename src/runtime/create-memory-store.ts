import { PermitflowError } from '../errors';
import type { InstanceStore } from './instance-store';
import type { PersistedFlowInstance } from './persisted-instance';

/**
 * An {@link InstanceStore} in memory, with optimistic versioning by record count. Values are
 * copied in and out, so a caller cannot change what is stored by mutating what it passed.
 * @example
 * const store = createMemoryStore();
 * await store.put(instance.persist());
 * const saved = await store.get('C-1');
 */
export function createMemoryStore(): InstanceStore {
  const cases = new Map<string, PersistedFlowInstance>();
  return {
    get: async (caseId) => {
      const found = cases.get(caseId);
      return found === undefined ? undefined : structuredClone(found);
    },
    put: async (instance, options) => {
      const expected = options?.expectedRevision;
      if (expected !== undefined) {
        const current = cases.get(instance.caseId)?.records.length ?? 0;
        if (current !== expected) {
          throw new PermitflowError(
            'store-conflict',
            `Case "${instance.caseId}" has ${current} records in the store, not ${expected}: someone else saved it since you read it. Load it again and retry.`,
          );
        }
      }
      cases.set(instance.caseId, structuredClone(instance));
    },
    delete: async (caseId) => cases.delete(caseId),
    caseIds: async function* () {
      yield* [...cases.keys()];
    },
  };
}
