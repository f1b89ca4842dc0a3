import { isFixedWidthInstant } from '../../_internal/instant';
import { statusOf } from '../activities';
import { ChannelSchema, EvidenceKindSchema, LifecycleSchema, SourceSchema, type EventRecord } from '../event-record';

const LIFECYCLES: ReadonlySet<unknown> = new Set(LifecycleSchema.options);
const CHANNELS: ReadonlySet<unknown> = new Set(ChannelSchema.options);
const SOURCES: ReadonlySet<unknown> = new Set(SourceSchema.options);
const EVIDENCE_KINDS: ReadonlySet<unknown> = new Set(EvidenceKindSchema.options);

/**
 * Every field of the contract, and whether it is required. Typed against the record, so a field
 * added to the contract does not compile until it is listed here — and checked in the switch of
 * {@link isPlainRecord} below (a switch, not a table of check functions, which read a log slower).
 */
const REQUIRED: { readonly [K in keyof EventRecord]-?: boolean } = {
  id: true,
  caseId: true,
  matterId: true,
  flowVersion: true,
  bundleId: false,
  projectCode: false,
  applicantId: false,
  activity: true,
  status: false,
  lifecycle: false,
  at: true,
  recordedAt: false,
  actor: false,
  channel: false,
  source: true,
  evidenceKind: false,
  materials: false,
  reason: false,
  attrs: false,
};
const REQUIRED_COUNT = Object.values(REQUIRED).filter(Boolean).length;

const isText = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isActor(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 3 && isText(value.id) && isText(value.role) && isText(value.department);
}

function isReason(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (!isText(value.kind)) return false;
  if (keys.length === 1) return true;
  return keys.length === 2 && typeof value.text === 'string';
}

function isMaterials(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const material of value) if (!isText(material)) return false;
  return true;
}

function isAttrs(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    // An own "__proto__" key is reported by checkEventRecord, not passed.
    if (key === '__proto__') return false;
    const attr = value[key];
    if (!(attr === null || typeof attr === 'string' || typeof attr === 'boolean' || (typeof attr === 'number' && Number.isFinite(attr)))) return false;
  }
  return true;
}

/**
 * Whether `value` is an event record as {@link checkEventRecord} would accept it, in the plain form
 * logs are written in: instants of the fixed-width form, every field of the schema's kind, nothing
 * else. It answers only for what it can check quickly; `false` means "check it with the schema",
 * not "invalid". The schema's messages are the reason to use it for anything else.
 *
 * Nothing is copied: the line reader keeps the value it parsed itself; `checkEventRecord` copies
 * what it returns.
 */
export function isPlainRecord(value: unknown): value is EventRecord {
  if (!isPlainObject(value)) return false;
  let required = 0;
  for (const key of Object.keys(value)) {
    const field = value[key];
    switch (key) {
      case 'id':
      case 'caseId':
      case 'matterId':
      case 'flowVersion':
      case 'activity':
        if (!isText(field)) return false;
        required++;
        break;
      case 'at':
        if (typeof field !== 'string' || !isFixedWidthInstant(field)) return false;
        required++;
        break;
      case 'source':
        if (!SOURCES.has(field)) return false;
        required++;
        break;
      case 'bundleId':
      case 'projectCode':
      case 'applicantId':
        if (!isText(field)) return false;
        break;
      case 'status':
        // The status must be the one its activity carries (1–15).
        if (typeof field !== 'number' || typeof value.activity !== 'string' || statusOf(value.activity) !== field) return false;
        break;
      case 'lifecycle':
        if (!LIFECYCLES.has(field)) return false;
        break;
      case 'recordedAt':
        if (typeof field !== 'string' || !isFixedWidthInstant(field)) return false;
        break;
      case 'actor':
        if (!isActor(field)) return false;
        break;
      case 'channel':
        if (!CHANNELS.has(field)) return false;
        break;
      case 'evidenceKind':
        if (!EVIDENCE_KINDS.has(field)) return false;
        break;
      case 'materials':
        if (!isMaterials(field)) return false;
        break;
      case 'reason':
        if (!isReason(field)) return false;
        break;
      case 'attrs':
        if (!isAttrs(field)) return false;
        break;
      default:
        return false;
    }
  }
  // Evidence, and only evidence, says what kind it is.
  return required === REQUIRED_COUNT && (value.source === 'evidence') === (value.evidenceKind !== undefined);
}
