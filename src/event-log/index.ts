/**
 * The event log: the EventRecord contract every module shares, the fixed activity vocabulary,
 * record checks, and JSON Lines reading (batch and streaming) and writing. See docs/event-log.md.
 */

/** Outer-lifecycle activities with their 办理状态 code. */
export { STATUS_ACTIVITIES } from './activities';
/** Fixed activities without a status code. */
export { OTHER_ACTIVITIES } from './activities';
/** Whether an activity is in the fixed vocabulary. */
export { isLifecycleActivity } from './activities';
/** The 办理状态 code of an activity, if it has one. */
export { statusOf } from './activities';
/** The activity that carries a 办理状态 code. */
export { activityOfStatus } from './activities';
/** An outer-lifecycle activity that carries a 办理状态 code. */
export type { StatusActivity } from './activities';
/** 办理状态 code (1–15). */
export type { StatusCode } from './activities';
/** A fixed activity without a status code. */
export type { OtherActivity } from './activities';
/** Any activity of the fixed vocabulary. */
export type { LifecycleActivity } from './activities';

/** Version of the EventRecord contract. */
export { EVENT_RECORD_VERSION } from './event-record';
/** zod schema of one event record (the structural contract). */
export { EventRecordSchema } from './event-record';
/** zod schema of an ISO-8601 instant with an offset. */
export { InstantSchema } from './event-record';
/** zod schema of an actor `{ id, role, department }`. */
export { ActorSchema } from './event-record';
/** zod schema of the XES lifecycle transitions. */
export { LifecycleSchema } from './event-record';
/** zod schema of the channels. */
export { ChannelSchema } from './event-record';
/** zod schema of a record's source (`system` or `evidence`). */
export { SourceSchema } from './event-record';
/** zod schema of the kinds of outside evidence. */
export { EvidenceKindSchema } from './event-record';
/** zod schema of a reason `{ kind, text? }`. */
export { ReasonSchema } from './event-record';
/** zod schema of one flat `attrs` value. */
export { AttrValueSchema } from './event-record';
/** One record of the event log. */
export type { EventRecord } from './event-record';
/** Who did something. */
export type { Actor } from './event-record';
/** XES lifecycle transition of a record. */
export type { Lifecycle } from './event-record';
/** Channel of a record. */
export type { Channel } from './event-record';
/** Kind of outside evidence. */
export type { EvidenceKind } from './event-record';
/** Reason attached to a record. */
export type { Reason } from './event-record';
/** Where a record comes from. */
export type { Source } from './event-record';

/** Checks one record's shape and cross-field rules. */
export { checkEventRecord } from './check-event-record';
/** Result of `checkEventRecord`. */
export type { CheckEventRecordResult } from './check-event-record';
/** Codes of event log issues. */
export type { EventLogIssueCode } from './event-log-issue';
/** An issue in one event record. */
export type { EventLogIssue } from './event-log-issue';
/** An issue on one line of a log, with its line number. */
export type { LineIssue } from './event-log-issue';
/** Formats line issues one per line. */
export { formatLineIssues } from './event-log-issue';

/** Parses a whole JSON Lines log in memory. */
export { parseEventLog } from './parse-event-log';
/** Reads a JSON Lines log from a stream of text or bytes. */
export { readEventLog } from './read-event-log';
/** A streaming reader: async iterable of records with live counts and issues. */
export type { EventLogReader } from './read-event-log';
/** Records, issues and counts of a batch read. */
export type { EventLogReadResult } from './event-log-read-result';
/** Lines read, accepted and rejected. */
export type { EventLogCounts } from './event-log-read-result';
/** Options of `parseEventLog` and `readEventLog`. */
export type { EventLogReadOptions } from './event-log-read-result';

/** Writes records as JSON Lines. */
export { serializeEventLog } from './serialize-event-log';
/** Writes one record as one JSON line. */
export { serializeEventRecord } from './serialize-event-log';
