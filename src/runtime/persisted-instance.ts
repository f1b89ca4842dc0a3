import { z } from 'zod';
import { EventRecordSchema } from '../event-log/event-record';

/** Format tag of a persisted instance; bumped on any incompatible change. */
export const PERSISTED_INSTANCE_FORMAT = 'permitflow.instance/1';

/** A flow instance as plain JSON: the machine snapshot plus its append-only event records. */
export const PersistedFlowInstanceSchema = z.strictObject({
  format: z.literal(PERSISTED_INSTANCE_FORMAT),
  matterId: z.string().min(1),
  flowVersion: z.string().min(1),
  caseId: z.string().min(1),
  applicantId: z.string().min(1).optional(),
  projectCode: z.string().min(1).optional(),
  bundleId: z.string().min(1).optional(),
  utcOffset: z.string(),
  /** xstate's persisted snapshot of the compiled machine. */
  snapshot: z.record(z.string(), z.unknown()),
  records: z.array(EventRecordSchema),
});

/** A flow instance as plain JSON, from `persist()`. */
export type PersistedFlowInstance = z.infer<typeof PersistedFlowInstanceSchema>;
