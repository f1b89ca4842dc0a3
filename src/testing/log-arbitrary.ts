import fc from 'fast-check';
import type { FlowDefinition } from '../definition/index';
import {
  generateLog,
  INJECTABLE_DEVIATION_CODES,
  SUSPENSION_ABUSE_VARIANTS,
  UNMODELED_ACTIVITY_VARIANTS,
  type GeneratedLog,
  type InjectableDeviationCode,
  type SuspensionAbuseVariant,
  type UnmodeledActivityVariant,
} from '../simulation/index';

/** Options of {@link conformantLogArbitrary} and {@link deviantLogArbitrary}. */
export interface LogArbitraryOptions {
  /** Fewest cases (applications) in a log; default 1. A project's earlier matters and abandoned first attempts come on top. */
  readonly minCases?: number;
  /** Most cases in a log; default 20, so properties stay fast. */
  readonly maxCases?: number;
  /** Flows the cases run; default: the simulator's mix of built-in flows. */
  readonly flows?: readonly FlowDefinition[];
}

/** Options of {@link deviantLogArbitrary}. */
export interface DeviantLogArbitraryOptions extends LogArbitraryOptions {
  /** Codes that may be injected; default: every injectable code. */
  readonly codes?: readonly InjectableDeviationCode[];
  /** How an injected `suspension-abuse` may look; default: a non-empty subset of every variant, drawn per log. */
  readonly suspensionAbuse?: readonly SuspensionAbuseVariant[];
  /** How an injected `unmodeled-activity` may look; default: a non-empty subset of every variant, drawn per log. */
  readonly unmodeledActivity?: readonly UnmodeledActivityVariant[];
}

function sizes(options: LogArbitraryOptions) {
  const { minCases = 1, maxCases = 20 } = options;
  return { seed: fc.integer({ min: 0, max: 0xffff_ffff }), cases: fc.integer({ min: minCases, max: maxCases }) };
}

/**
 * Conformant logs from `generateLog` with a seed drawn by fast-check: no deviations, but the lawful
 * look-alikes of each (a single 补正, long expert reviews, fast steps, Art. 42 extensions, …).
 * @example
 * fc.assert(fc.property(conformantLogArbitrary(), ({ records }) => detect(records).length === 0));
 */
export function conformantLogArbitrary(options: LogArbitraryOptions = {}): fc.Arbitrary<GeneratedLog> {
  return fc
    .record(sizes(options))
    .map(({ seed, cases }) => generateLog({ seed, cases, ...(options.flows === undefined ? {} : { flows: options.flows }) }));
}

/**
 * Logs with labeled deviations: a non-empty set of codes, each injected at a drawn rate (0.1–0.9),
 * in variants drawn per log (every way the simulator can inject `suspension-abuse` and
 * `unmodeled-activity`, unless the options fix them); `labels` name the code and case of each
 * injection. A small log may still draw no injection.
 * @example
 * fc.assert(fc.property(deviantLogArbitrary(), ({ records, labels }) => sameFindings(detect(records), labels)));
 */
export function deviantLogArbitrary(options: DeviantLogArbitraryOptions = {}): fc.Arbitrary<GeneratedLog> {
  const codes = options.codes ?? INJECTABLE_DEVIATION_CODES;
  return fc
    .record({
      ...sizes(options),
      inject: fc.subarray([...codes], { minLength: 1 }).chain((chosen) =>
        fc.tuple(...chosen.map((code) => fc.integer({ min: 1, max: 9 }).map((tenths) => [code, tenths / 10] as const))),
      ),
      suspensionAbuse: options.suspensionAbuse === undefined ? fc.subarray([...SUSPENSION_ABUSE_VARIANTS], { minLength: 1 }) : fc.constant(options.suspensionAbuse),
      unmodeledActivity: options.unmodeledActivity === undefined ? fc.subarray([...UNMODELED_ACTIVITY_VARIANTS], { minLength: 1 }) : fc.constant(options.unmodeledActivity),
    })
    .map(({ seed, cases, inject, suspensionAbuse, unmodeledActivity }) =>
      generateLog({ seed, cases, inject: Object.fromEntries(inject), suspensionAbuse, unmodeledActivity, ...(options.flows === undefined ? {} : { flows: options.flows }) }),
    );
}
