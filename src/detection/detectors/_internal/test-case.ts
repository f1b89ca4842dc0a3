import { chinaMainlandCalendar } from '../../../calendar';
import type { EventRecord } from '../../../event-log';
import { licenceSeparationFlow } from '../../../flows';
import type { CaseSummary, CaseView } from '../../case-detector';

/** The flow of the detectors' unit tests: the food business permit under approval (steps document-review, site-inspection ≥ PT1H, …). */
export const testFlow = licenceSeparationFlow('approval');
const calendar = chinaMainlandCalendar();

/** One line of a test case: activity, local time `2025-03-03 09:00` (+08:00), and any other fields. */
export type Line = readonly [activity: string, at: string, extra?: Partial<EventRecord>];

const instant = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;
const officer = { id: 'market-regulation-case-officer-01', role: 'case-officer', department: 'market-regulation' };

/** A case view built from lines, records numbered `<caseId>#<n>` in order; system records by default. */
export function testCase(lines: readonly Line[], caseId = 'c1'): CaseView {
  const records: EventRecord[] = lines.map(([activity, at, extra], i) => ({
    id: `${caseId}#${i + 1}`,
    caseId,
    matterId: testFlow.id,
    flowVersion: testFlow.version,
    projectCode: 'P-1',
    applicantId: 'A-1',
    activity,
    at: instant(at),
    source: 'system',
    actor: officer,
    ...extra,
  }));
  return { caseId, matterId: testFlow.id, flow: testFlow, records, calendar };
}

/** The summary of an earlier attempt that ended with `end` at `endAt`. */
export function earlierAttempt(caseId: string, receivedAt: string, end: string, endAt: string): CaseSummary {
  return {
    caseId,
    matterId: testFlow.id,
    projectCode: 'P-1',
    applicantId: 'A-1',
    receivedAt: instant(receivedAt),
    end: { activity: end, at: instant(endAt), recordId: `${caseId}#2` },
    firstRecordId: `${caseId}#1`,
  };
}

/** An ordinary lawful case: received, accepted, reviewed, inspected for 2 h, decided, certified. */
export const ORDINARY: readonly Line[] = [
  ['received', '2025-03-03 09:00', { actor: undefined, materials: ['application-form'] }],
  ['department-accepted', '2025-03-03 10:00'],
  ['document-review', '2025-03-03 11:00', { lifecycle: 'start' }],
  ['document-review', '2025-03-04 11:00', { lifecycle: 'complete' }],
  ['site-inspection', '2025-03-05 09:00', { lifecycle: 'start' }],
  ['site-inspection', '2025-03-05 11:00', { lifecycle: 'complete' }],
  ['approved', '2025-03-07 15:00'],
  ['certificate-issued', '2025-03-10 10:00'],
];
