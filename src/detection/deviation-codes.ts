/**
 * Codes of the off-system behaviours (体外循环 and 隐性审批, DOMAIN.md §1) that the simulator can
 * inject and that detectors report. Each names one behaviour of the DOMAIN.md §1 table.
 */
export const DEVIATION_CODES = [
  'unmodeled-activity',
  'unlisted-material',
  'pre-acceptance-work',
  'withdraw-resubmit',
  'backfilled-record',
  'implausible-speed',
  'suspension-abuse',
  'disguised-filing',
  'serial-as-parallel',
  'double-acceptance',
  'missing-predecessor',
  'extraneous-delay',
] as const;

/** One deviation code. */
export type DeviationCode = (typeof DEVIATION_CODES)[number];
