import type { DeviationCode } from '../detection/deviation-codes';
import { PermitflowError } from '../errors';

/**
 * The codes `generateLog` can inject: every deviation code. How each looks in the log — built from
 * ordinary records, with no marker field; only the labels tell:
 *
 * - `pre-acceptance-work` (线下预审): 1–3 outside-evidence records (`meeting`, `document`, `opinion`,
 *   channel `offline`, an officer or section chief of the department, a listed material on documents
 *   and opinions) dated 8–40 working days before `received`; acceptance then follows receipt within
 *   minutes and the case has no 补正. The lawful look-alike is the same kind of evidence dated after
 *   receipt.
 * - `withdraw-resubmit` (撤件重报): an earlier case of the same applicant, project and matter ends in
 *   `withdrawn-before-acceptance` (sometimes during a 补正) or `not-accepted`; the labeled case is
 *   received 1–7 working days later. The label names the later case; the first attempt is an extra
 *   case beyond `cases`. The look-alike is a withdrawal with no return.
 * - `backfilled-record` (先批后录): every system record from receipt to decision gets a `recordedAt`
 *   3–25 working days after the decision, 40–200 s apart as in a batch entry; the business times stay
 *   plausible. The look-alike: `recordedAt` seconds to minutes after `at`.
 * - `implausible-speed`: one step with a minimum duration is completed in 5–50 % of it. The
 *   look-alike: a step done in 1–1.2× its minimum.
 * - `suspension-abuse`: one of the {@link SuspensionAbuseVariant}s the options allow, drawn with equal
 *   weight; by default a 特别程序 with a non-Art. 45 reason starting at the very instant of department
 *   acceptance, or 2–3 post-acceptance 补正 rounds. The look-alikes: one 补正 before acceptance, an
 *   Art. 45 special procedure mid-process, an approved Art. 42 extension.
 * - `unlisted-material`: the pre-acceptance 补正 demands, besides listed materials, one on no list
 *   (another department's opinion, a 奇葩证明 such as `no-dispute-certificate`), and the applicant
 *   hands it in. The look-alike: a 补正 of listed materials only.
 * - `unmodeled-activity`: one of the {@link UnmodeledActivityVariant}s the options allow; by default
 *   (`in-case`) right after acceptance, a step-like activity on no flow (`solicit-opinions` 征求意见,
 *   `joint-review-meeting` 会审, `scheme-pre-review` 方案预审, …) logged by the department as `system`
 *   start/complete records 2–10 working days apart; no step starts before it completes (it gates the
 *   flow). The look-alike: long listed steps such as expert review.
 * - `double-acceptance` (两头受理): `window-accepted` by the hall, then `department-accepted` 5–20
 *   working days later. The look-alike: window then department acceptance within hours.
 * - `disguised-filing` (以备案之名行审批之实): a filing-mode matter (备案) that is reviewed like an
 *   approval — filed 5–20 working days after receipt, or sent back for a 补正 (`supplement-started` /
 *   `supplement-ended` by the department) and filed days after, or refused (`refused`, 不予备案) 1–4
 *   working days after receipt. The look-alike: a filing filed on the spot or the next working day.
 * - `extraneous-delay` (中介服务、技术审查 kept out of the system): after acceptance, between one step's
 *   completion and the next step's start (or before the decision), nothing at all is logged for 8–30
 *   working days — no step in progress, no 补正, no 特别程序. The look-alikes: a long expert review
 *   (a clock-stopping step, in progress for 20–45 working days), 补正 rounds and 特别程序 of weeks.
 * - `missing-predecessor` (wholly off-system items): a matter of the construction-permit bundle that
 *   depends on others (`dependsOn`: 施工许可 on 施工图审查, 消防 and 人防 design reviews; 建设用地规划许可
 *   on 立项备案; …) is filed for a project whose earlier matters are in the log — one other early
 *   matter and every predecessor but one, all approved 10–40+ working days before — while the
 *   remaining predecessor never appears: it was done off the system. The label names the later
 *   case; the project's earlier cases are extra cases beyond `cases`. The look-alike: the same project
 *   history with every predecessor present (`projectHistory`), or a project first seen at that matter.
 * - `serial-as-parallel` (串联 disguised as 并联): two matters of one stage of the construction-permit
 *   bundle that need nothing of each other are filed under one bundle instance (`bundleId`, the
 *   并联审批实例编码), but the labeled one is received only 1–10 working days after its partner is
 *   decided (and its certificate issued). The label names the later case and the bundle; the partner
 *   is an extra case beyond `cases`. The look-alike (`parallelPair`): both received at once, overlapping.
 *
 * Records the runtime would reject are written beside the runtime's own, with the same links; each
 * case's records are then sorted by time and numbered `<caseId>#<n>` in that order, so appended
 * records cannot be told by their ids.
 */
export const INJECTABLE_DEVIATION_CODES = [
  'double-acceptance',
  'unmodeled-activity',
  'unlisted-material',
  'pre-acceptance-work',
  'withdraw-resubmit',
  'backfilled-record',
  'implausible-speed',
  'suspension-abuse',
  'disguised-filing',
  'extraneous-delay',
  'missing-predecessor',
  'serial-as-parallel',
] as const satisfies ReadonlyArray<DeviationCode>;

/** A deviation code {@link generateLog} can inject. */
export type InjectableDeviationCode = (typeof INJECTABLE_DEVIATION_CODES)[number];

/**
 * How an injected `suspension-abuse` looks (`generateLog`'s and `generateBundleLog`'s
 * `suspensionAbuse` option):
 *
 * - `at-acceptance`: a 特别程序 with a non-Art. 45 reason (`business-suspension`, `other`) starting at
 *   the very instant of department acceptance, lasting 5–20 working days (the vendor's 挂起).
 * - `repeated-supplement`: 2–3 补正 rounds after acceptance (过程补件), ordinary materials and reasons.
 * - `post-acceptance-supplement`: one such round.
 * - `repeated-pre-acceptance-supplement`: 2–3 补正 rounds before acceptance (一次性告知 broken), a lawful
 *   first round counted among them.
 * - `unjustified-reason`: a 特别程序 after the last step with a non-Art. 45 reason, 5–20 working days.
 * - `never-ended`: an Art. 45 special procedure started after the last step, never ended; the
 *   decision comes 5–15 working days later (written beside the runtime's records, which cannot decide
 *   a suspended case).
 * - `entered-after-decision`: an Art. 45 special procedure inside the processing time whose start and
 *   end were keyed in (`recordedAt`) 1–5 working days after the decision was (after its own late
 *   entry, in a case keyed in late as a whole): a pause added to cover an overrun.
 * - `unapproved-extension`: an Art. 42 extension (`extension-approved`, 10 working days) with no
 *   approver, inside the processing time.
 * - `repeated-extension`: two approved extensions of 10 working days (Art. 42 extends once).
 * - `over-long-extension`: one approved extension of 15–30 working days (the flow allows 10 unless it
 *   says otherwise).
 */
export const SUSPENSION_ABUSE_VARIANTS = [
  'at-acceptance',
  'repeated-supplement',
  'post-acceptance-supplement',
  'repeated-pre-acceptance-supplement',
  'unjustified-reason',
  'never-ended',
  'entered-after-decision',
  'unapproved-extension',
  'repeated-extension',
  'over-long-extension',
] as const;

/** One way an injected `suspension-abuse` looks; see {@link SUSPENSION_ABUSE_VARIANTS}. */
export type SuspensionAbuseVariant = (typeof SUSPENSION_ABUSE_VARIANTS)[number];

/** The variants injected unless the options say otherwise (the seeded logs of the benches and the quality table). */
export const DEFAULT_SUSPENSION_ABUSE_VARIANTS: readonly SuspensionAbuseVariant[] = ['at-acceptance', 'repeated-supplement'];

/**
 * How an injected `unmodeled-activity` looks (`generateLog`'s `unmodeledActivity` option):
 *
 * - `in-case`: a step-like activity on no flow inside the case, right after acceptance, gating it.
 * - `unlisted-matter`: a whole matter on no list (隐性审批 as a matter of its own: the labeled
 *   matter's flow under another id and name, `…（联合预审，未列入清单）`) applied for by the same
 *   applicant for the same project 40–80 working days before and approved; the labeled case is
 *   received 1–4 working days after that approval. Only a case with a project code of its own, of
 *   a matter that requires no other (`dependsOn`), filed alone and not a resubmission, can show it;
 *   the others get `in-case`.
 */
export const UNMODELED_ACTIVITY_VARIANTS = ['in-case', 'unlisted-matter'] as const;

/** One way an injected `unmodeled-activity` looks; see {@link UNMODELED_ACTIVITY_VARIANTS}. */
export type UnmodeledActivityVariant = (typeof UNMODELED_ACTIVITY_VARIANTS)[number];

/** The variant injected unless the options say otherwise. */
export const DEFAULT_UNMODELED_ACTIVITY_VARIANTS: readonly UnmodeledActivityVariant[] = ['in-case'];

/** The variants of a generator option, checked: `defaults` when absent. */
export function variantsOf<V extends string>(option: string, all: readonly V[], defaults: readonly V[], variants: readonly V[] | undefined): readonly V[] {
  if (variants === undefined) return defaults;
  const known = new Set<string>(all);
  const unknown = variants.filter((v) => !known.has(v));
  if (variants.length === 0 || unknown.length > 0) {
    throw new PermitflowError(
      'invalid-argument',
      `${option} ${variants.length === 0 ? 'is empty' : `names ${unknown.map((v) => `"${v}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a variant`}; give one or more of ${all.join(', ')}.`,
    );
  }
  return variants;
}
