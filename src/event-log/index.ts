/**
 * The event log: the EventRecord contract every module shares, the fixed activity vocabulary,
 * record checks, and JSON Lines reading (batch and streaming) and writing. See docs/event-log.md.
 */

/** Outer-lifecycle activities with their 办理状态 code. */
export { STATUS_ACTIVITIES } from './activities.js';
/** Fixed activities without a status code. */
export { OTHER_ACTIVITIES } from './activities.js';
/** Whether an activity is in the fixed vocabulary. */
export { isLifecycleActivity } from './activities.js';
/** The 办理状态 code of an activity, if it has one. */
export { statusOf } from './activities.js';
/** The activity that carries a 办理状态 code. */
export { activityOfStatus } from './activities.js';
/** An outer-lifecycle activity that carries a 办理状态 code. */
export type { StatusActivity } from './activities.js';
/** 办理状态 code (1–15). */
export type { StatusCode } from './activities.js';
/** A fixed activity without a status code. */
export type { OtherActivity } from './activities.js';
/** Any activity of the fixed vocabulary. */
export type { LifecycleActivity } from './activities.js';

/** Version of the EventRecord contract. */
export { EVENT_RECORD_VERSION } from './event-record.js';
/** zod schema of one event record (the structural contract). */
export { EventRecordSchema } from './event-record.js';
/** zod schema of an ISO-8601 instant with an offset. */
export { InstantSchema } from './event-record.js';
/** zod schema of an actor `{ id, role, department }`. */
export { ActorSchema } from './event-record.js';
/** zod schema of the XES lifecycle transitions. */
export { LifecycleSchema } from './event-record.js';
/** zod schema of the channels. */
export { ChannelSchema } from './event-record.js';
/** zod schema of a record's source (`system` or `evidence`). */
export { SourceSchema } from './event-record.js';
/** zod schema of the kinds of outside evidence. */
export { EvidenceKindSchema } from './event-record.js';
/** zod schema of a reason `{ kind, text? }`. */
export { ReasonSchema } from './event-record.js';
/** zod schema of one flat `attrs` value. */
export { AttrValueSchema } from './event-record.js';
/** One record of the event log. */
export type { EventRecord } from './event-record.js';
/** Who did something. */
export type { Actor } from './event-record.js';
/** XES lifecycle transition of a record. */
export type { Lifecycle } from './event-record.js';
/** Channel of a record. */
export type { Channel } from './event-record.js';
/** Kind of outside evidence. */
export type { EvidenceKind } from './event-record.js';
/** Reason attached to a record. */
export type { Reason } from './event-record.js';
/** Where a record comes from. */
export type { Source } from './event-record.js';

/** Checks one record's shape and cross-field rules. */
export { checkEventRecord } from './check-event-record.js';
/** Result of `checkEventRecord`. */
export type { CheckEventRecordResult } from './check-event-record.js';
/** Codes of event log issues. */
export type { EventLogIssueCode } from './event-log-issue.js';
/** An issue in one event record. */
export type { EventLogIssue } from './event-log-issue.js';
/** An issue on one line of a log, with its line number. */
export type { LineIssue } from './event-log-issue.js';
/** Formats line issues one per line. */
export { formatLineIssues } from './event-log-issue.js';

/** Parses a whole JSON Lines log in memory. */
export { parseEventLog } from './parse-event-log.js';
/** Reads a JSON Lines log from a stream of text or bytes. */
export { readEventLog } from './read-event-log.js';
/** A streaming reader: async iterable of records with live counts and issues. */
export type { EventLogReader } from './read-event-log.js';
/** Records, issues and counts of a batch read. */
export type { EventLogReadResult } from './event-log-read-result.js';
/** Lines read, accepted and rejected. */
export type { EventLogCounts } from './event-log-read-result.js';
/** Options of `parseEventLog` and `readEventLog`. */
export type { EventLogReadOptions } from './event-log-read-result.js';

/** Writes records as JSON Lines. */
export { serializeEventLog } from './serialize-event-log.js';
/** Writes one record as one JSON line. */
export { serializeEventRecord } from './serialize-event-log.js';
