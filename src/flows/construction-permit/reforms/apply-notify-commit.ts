import { PermitflowError } from '../../../errors';
import type { FlowDefinition } from '../../../definition';
import type { NotifyCommitSettings, VerificationMethod } from '../../../definition/schemas';
import type { BundleWithFlows } from '../../bundle-with-flows';
import type { ConstructionPermitMatterId } from '../construction-permit-ids';
import { NOTIFY_COMMIT_CORRECTION_WORKING_DAYS, NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS } from '../sources';
import { MATTERS, isMatterId } from '../_internal/catalogue';
import { material } from '../_internal/define';
import { draftOf, finish, flowOf, putFlow } from '../_internal/draft';

/** Options of {@link applyNotifyCommit}. */
export interface ApplyNotifyCommitOptions {
  /** The matters to switch to 告知承诺. */
  readonly matters: readonly ConstructionPermitMatterId[];
  /** Working days after the decision to verify the commitment (事中事后核查); 20 by default [R]. */
  readonly verificationWorkingDays?: number;
  /** How the commitment is verified; data sharing and an on-site inspection by default [R]. */
  readonly verificationMethods?: readonly VerificationMethod[];
  /** Working days given to correct a breach before revocation (责令限期整改); 20 by default [R]. */
  readonly correctionWorkingDays?: number;
}

/** How the commitment is verified by default [R]: the shared data first, then the site (工程 matters are about what is built). */
export const DEFAULT_VERIFICATION_METHODS: readonly VerificationMethod[] = ['data-sharing', 'on-site-inspection'];

/**
 * What a false commitment leads to, as told to the applicant (国办发〔2020〕42号; 行政许可法 Art. 69,
 * Art. 79 [R wording]).
 */
export const FALSE_COMMITMENT_CONSEQUENCES =
  '承诺不实或逾期未达到承诺条件的，责令限期整改；逾期不整改或整改后仍不符合条件的，依法撤销审批决定；' +
  '虚假承诺记入信用记录，纳入失信联合惩戒，依法予以行政处罚；涉嫌犯罪的，移送司法机关处理';

/** The commitment letter every switched matter adds to its list. */
const COMMITMENT_LETTER = material('commitment-letter', '告知承诺书（书面或电子签署）');

/**
 * 告知承诺 for chosen matters: each switches to mode `notify-commit` — the office tells the
 * applicant the permit's conditions in writing, the applicant commits, and the decision is made
 * on the spot (so the matter becomes a 即办件 with no review process), then verified within the
 * window; a breach gets the correction period before revocation. Each gains the material
 * `commitment-letter`; its other materials stay (an applicant may still supply them).
 * @throws {PermitflowError} `invalid-argument` when a chosen matter is not in the bundle, is a
 * filing, has no published conditions, or involves an area 国办发〔2020〕42号 excludes (the
 * message names the matter and the area, and how to fix it).
 */
export function applyNotifyCommit(input: BundleWithFlows, options: ApplyNotifyCommitOptions): BundleWithFlows {
  const verification = positive('verificationWorkingDays', options.verificationWorkingDays ?? NOTIFY_COMMIT_VERIFICATION_WORKING_DAYS);
  const correction = positive('correctionWorkingDays', options.correctionWorkingDays ?? NOTIFY_COMMIT_CORRECTION_WORKING_DAYS);
  const methods = options.verificationMethods ?? DEFAULT_VERIFICATION_METHODS;
  if (methods.length === 0) {
    throw new PermitflowError('invalid-argument', '告知承诺: verificationMethods is empty; name at least one way to verify a commitment, e.g. ["data-sharing"].');
  }
  const draft = draftOf(input);
  for (const id of options.matters) {
    const flow = flowOf(draft, id);
    if (flow === undefined || !draft.bundle.matters.some((m) => m.matterId === id)) throw notInBundle('告知承诺 (reforms.notifyCommit)', id, draft.bundle.matters.map((m) => m.matterId));
    if (flow.mode === 'notify-commit') continue;
    if (flow.mode !== 'approval' && flow.mode !== 'optimized-approval') {
      throw new PermitflowError(
        'invalid-argument',
        `告知承诺: matter "${id}" (${flow.name}) is a ${flow.mode}, not an approval; notify-and-commit replaces an approval. Remove it from reforms.notifyCommit.`,
      );
    }
    const involves = flow.involves ?? [];
    if (involves.length > 0) {
      throw new PermitflowError(
        'invalid-argument',
        `告知承诺: matter "${id}" (${flow.name}) involves ${involves.join(', ')}; 国办发〔2020〕42号 excludes matters that directly involve ` +
          'national security, public safety, the ecological environment or life, health and property from notify-and-commit. ' +
          `Remove "${id}" from reforms.notifyCommit; to speed it up, defer its secondary materials with reforms.deferredMaterials (容缺受理) instead.`,
      );
    }
    const conditions = isMatterId(id) ? MATTERS[id].commitmentConditions : [];
    if (conditions.length === 0) {
      throw new PermitflowError(
        'invalid-argument',
        `告知承诺: matter "${id}" (${flow.name}) has no published conditions to tell the applicant, and 告知承诺 needs quantifiable ones. ` +
          `Remove "${id}" from reforms.notifyCommit, or write its flow with notifyCommit settings yourself.`,
      );
    }
    const settings: NotifyCommitSettings = {
      conditions: conditions.map((c) => ({ ...c })),
      falseCommitmentConsequences: FALSE_COMMITMENT_CONSEQUENCES,
      decision: 'on-the-spot',
      verification: { withinWorkingDays: verification, methods: [...methods] },
      correctionWorkingDays: correction,
    };
    putFlow(draft, switchToNotifyCommit(flow, settings));
  }
  return finish(input, draft);
}

function switchToNotifyCommit(flow: FlowDefinition, notifyCommit: NotifyCommitSettings): FlowDefinition {
  const switched: FlowDefinition = {
    ...flow,
    mode: 'notify-commit',
    caseType: 'immediate',
    materials: [...flow.materials, { ...COMMITMENT_LETTER }],
    notifyCommit,
  };
  // The decision is made on the spot, on the commitment: no review process runs.
  delete switched.process;
  return switched;
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new PermitflowError('invalid-argument', `告知承诺: ${name} is ${value}; use a whole number of working days, at least 1.`);
  }
  return value;
}

/** The error for a chosen matter the bundle does not hold. */
export function notInBundle(reform: string, id: string, held: readonly string[]): PermitflowError {
  return new PermitflowError(
    'invalid-argument',
    `${reform}: matter "${id}" is not in this bundle (its category or another reform may have left it out or merged it). ` +
      `Choose among: ${held.join(', ')}.`,
  );
}
