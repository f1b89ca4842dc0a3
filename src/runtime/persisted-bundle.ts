import { z } from 'zod';
import { EventRecordSchema } from '../event-log';

/** Format tag of a persisted bundle instance. */
export const PERSISTED_BUNDLE_FORMAT = 'permitflow.bundle/1';

/** A bundle instance as plain JSON: every record in the order written, and each matter case's machine snapshot. */
export const PersistedBundleInstanceSchema = z.strictObject({
  format: z.literal(PERSISTED_BUNDLE_FORMAT),
  bundleDefinitionId: z.string().min(1),
  bundleVersion: z.string().min(1),
  bundleId: z.string().min(1),
  applicantId: z.string().min(1).optional(),
  projectCode: z.string().min(1).optional(),
  utcOffset: z.string(),
  /** Bundle-level and matter records together, in the order they were written. */
  records: z.array(EventRecordSchema),
  /** The machine snapshot of each matter case received so far, by matter id. */
  cases: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** A bundle instance as plain JSON, from `persist()`. */
export type PersistedBundleInstance = z.infer<typeof PersistedBundleInstanceSchema>;
