import type { PersistedFlowInstance } from './persisted-instance';

/** Where persisted cases live. Implementations: in memory here; SQLite and PostgreSQL stores plug in the same way. */
export interface InstanceStore {
  /** The case saved under `caseId`, or `undefined`. */
  get(caseId: string): Promise<PersistedFlowInstance | undefined>;
  /**
   * Saves a case. With `expectedRevision` (the number of records the caller last read), the save
   * fails with a `store-conflict` error when someone else saved in between (optimistic versioning).
   */
  put(instance: PersistedFlowInstance, options?: { readonly expectedRevision?: number }): Promise<void>;
  /** Removes a case; true when there was one. */
  delete(caseId: string): Promise<boolean>;
  /** The ids of every saved case. */
  caseIds(): AsyncIterable<string>;
}
