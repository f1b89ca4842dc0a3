import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OTHER_ACTIVITIES, STATUS_ACTIVITIES } from './activities';
import { formatLineIssues } from './event-log-issue';
import { parseEventLog } from './parse-event-log';
import { serializeEventLog } from './serialize-event-log';

const doc = readFileSync(new URL('../../docs/event-log.md', import.meta.url), 'utf8');
const blocks = (lang: string): string[] =>
  [...doc.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] ?? '');
/** The JavaScript engine's words in an invalid-json message vary between Node versions. */
const engineFree = (text: string): string => text.replace(/(Line is not valid JSON: ).*?(\. Write)/g, '$1…$2');

describe('docs/event-log.md', () => {
  it('has an example case log that reads without issues and is in the form the serializer writes', () => {
    const [example = ''] = blocks('jsonl');
    const { records, issues } = parseEventLog(example);
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.activity, r.lifecycle ?? r.status ?? r.evidenceKind ?? '-'])).toEqual([
      ['received', 1],
      ['window-accepted', 3],
      ['department-accepted', 8],
      ['review', 'start'],
      ['review', 'meeting'],
      ['review', 'complete'],
      ['approved', 11],
      ['certificate-issued', '-'],
    ]);
    expect(serializeEventLog(records)).toBe(example);
  });

  it('shows the counts and the formatted issues the bad example really gives', () => {
    const [, bad = ''] = blocks('jsonl');
    const [printed = ''] = blocks('text');
    const { counts, issues } = parseEventLog(bad);
    expect(doc).toContain(`the counts are \`{ read: ${counts.read}, accepted: ${counts.accepted}, rejected: ${counts.rejected} }\``);
    expect(engineFree(formatLineIssues(issues))).toBe(engineFree(printed.trimEnd()));
  });

  it('names every activity of the vocabulary, and every coded one in the lifecycle diagram', () => {
    const [diagram = ''] = blocks('mermaid');
    for (const [activity, code] of Object.entries(STATUS_ACTIVITIES)) {
      expect(doc).toContain(`| \`${activity}\` | ${code} |`);
      expect(diagram).toContain(`${activity} (${code}`);
    }
    for (const activity of OTHER_ACTIVITIES) expect(doc).toContain(`\`${activity}\``);
    expect(diagram).toContain('certificate-issued');
  });
});
