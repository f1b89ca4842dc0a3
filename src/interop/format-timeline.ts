import type { EventRecord } from '../event-log/event-record';

/** Options of {@link formatTimeline}. */
export interface FormatTimelineOptions {
  /** Extra text after a record's line, e.g. the working days used so far. */
  readonly annotate?: (record: EventRecord) => string | undefined;
  /** Show each record's matter after the time: for the log of a bundle, whose matters interleave. */
  readonly showMatter?: boolean;
}

function describe(record: EventRecord): string {
  const what = record.lifecycle ? `${record.activity} ${record.lifecycle}` : record.activity;
  return record.status === undefined ? what : `${what} (${record.status})`;
}

function details(record: EventRecord): string {
  const parts: string[] = [];
  if (record.actor) parts.push(`${record.actor.department}/${record.actor.role}`);
  if (record.channel) parts.push(record.channel);
  if (record.source === 'evidence') parts.push(`evidence:${record.evidenceKind ?? 'other'}`);
  if (record.materials?.length) parts.push(`materials: ${record.materials.join(', ')}`);
  if (record.attrs?.to !== undefined) parts.push(`→ ${String(record.attrs.to)}`);
  if (record.attrs?.deadline !== undefined) parts.push(`${String(record.attrs.budget)} deadline ${String(record.attrs.deadline)}`);
  if (record.reason) parts.push(`${record.reason.kind}${record.reason.text ? `: ${record.reason.text}` : ''}`);
  return parts.join(' · ');
}

/**
 * Renders records as a readable timeline, one line each, in the order given:
 * local date and time as written in the record, activity (with lifecycle and 办理状态 code), who, how and why.
 * @example
 * console.log(formatTimeline(instance.records));
 * // 2025-09-22 09:00  received (1)             online · materials: application-form
 */
export function formatTimeline(records: readonly EventRecord[], options: FormatTimelineOptions = {}): string {
  const width = Math.max(0, ...records.map((r) => describe(r).length)) + 2;
  const matterWidth = options.showMatter ? Math.max(0, ...records.map((r) => r.matterId.length)) + 2 : 0;
  return records
    .map((record) => {
      const matter = options.showMatter ? `  ${record.matterId.padEnd(matterWidth)}` : '';
      const when = `${record.at.slice(0, 10)} ${record.at.slice(11, 16)}${matter}`;
      const note = options.annotate?.(record);
      const line = `${when}  ${describe(record).padEnd(width)}${details(record)}`;
      return (note ? `${line}  [${note}]` : line).trimEnd();
    })
    .join('\n');
}
