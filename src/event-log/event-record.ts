import { z } from 'zod';

/** Version of the EventRecord contract; bumped on any incompatible change. */
export const EVENT_RECORD_VERSION = 1;

const text = z.string().min(1);

/** ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`), e.g. `2025-03-03T09:30:00+08:00`. */
export const InstantSchema = z.iso.datetime({ offset: true, local: false });

/** Who did something: an id, their role and their department. */
export const ActorSchema = z.strictObject({ id: text, role: text, department: text });

/** XES lifecycle transitions used in the log (`send-back` is 退回). */
export const LifecycleSchema = z.enum(['start', 'complete', 'suspend', 'resume', 'send-back', 'abort']);

/** How the applicant or the office acted: online, at a window, on mobile, by mail, or off the system. */
export const ChannelSchema = z.enum(['online', 'window', 'mobile', 'mail', 'offline']);

/** Where a record comes from: the approval system itself, or evidence from outside it. */
export const SourceSchema = z.enum(['system', 'evidence']);

/** Kinds of outside evidence that reveal work the system did not see. */
export const EvidenceKindSchema = z.enum([
  'document',
  'meeting',
  'payment',
  'visit',
  'call',
  'complaint',
  'signature',
  'opinion',
  'other',
]);

/** Why something was suspended, extended, refused or sent back: a typed kind and free text. */
export const ReasonSchema = z.strictObject({ kind: text, text: z.string().optional() });

/** Flat JSON values allowed in `attrs`. */
export const AttrValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One thing that happened to a case — the contract every module shares (DESIGN.md "EventRecord").
 * Unknown top-level fields are rejected: put extra data in `attrs`, so nothing is silently dropped.
 */
export const EventRecordSchema = z.strictObject({
  id: text,
  caseId: text,
  matterId: text,
  flowVersion: text,
  bundleId: text.optional(),
  projectCode: text.optional(),
  applicantId: text.optional(),
  activity: text,
  status: z.number().int().min(1).max(15).optional(),
  lifecycle: LifecycleSchema.optional(),
  at: InstantSchema,
  recordedAt: InstantSchema.optional(),
  actor: ActorSchema.optional(),
  channel: ChannelSchema.optional(),
  source: SourceSchema,
  evidenceKind: EvidenceKindSchema.optional(),
  materials: z.array(text).optional(),
  reason: ReasonSchema.optional(),
  attrs: z.record(z.string(), AttrValueSchema).optional(),
});

/** One record of the event log. */
export type EventRecord = z.infer<typeof EventRecordSchema>;
/** Who did something. */
export type Actor = z.infer<typeof ActorSchema>;
/** XES lifecycle transition of a record. */
export type Lifecycle = z.infer<typeof LifecycleSchema>;
/** Channel of a record. */
export type Channel = z.infer<typeof ChannelSchema>;
/** Kind of outside evidence. */
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;
/** Reason attached to a record. */
export type Reason = z.infer<typeof ReasonSchema>;
/** Where a record comes from. */
export type Source = z.infer<typeof SourceSchema>;
