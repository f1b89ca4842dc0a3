import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chinaMainlandCalendar } from '../calendar';
import type { FlowDefinition } from '../definition';
import { validateFlow } from '../definition';
import { formatIssues } from '../errors';
import { formatLineIssues } from '../event-log';
import { detectOffSystemWorkInLog, formatReportMarkdown, summarizeFindings } from '../detection';
import type { CliIo } from './run-cli';

/** Options of the `detect` command, parsed. */
export interface DetectCommandOptions {
  readonly flows: string;
  readonly format: 'md' | 'json';
  readonly out: string | undefined;
  readonly progress: boolean;
  readonly maxIssues: number;
}

const PROGRESS_EVERY_MS = 100;
const BAR = 24;

const megabytes = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

/** Reads every `*.json` of a folder as a flow, or a bundle file `{ bundle, flows }`; `undefined` after printing why not. */
async function loadFlows(dir: string, io: CliIo): Promise<FlowDefinition[] | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    io.stderr(`Cannot read the flows folder ${dir}: ${(error as Error).message}\n`);
    return undefined;
  }
  const flows: FlowDefinition[] = [];
  let bad = false;
  for (const name of names) {
    const path = join(dir, name);
    let input: unknown;
    try {
      input = JSON.parse(await readFile(path, 'utf8')) as unknown;
    } catch (error) {
      io.stderr(`${path}: ${(error as Error).message}\n`);
      bad = true;
      continue;
    }
    const isBundleFile = typeof input === 'object' && input !== null && 'bundle' in input && 'flows' in input;
    const candidates = isBundleFile && Array.isArray((input as { flows: unknown }).flows) ? ((input as { flows: unknown[] }).flows as unknown[]) : [input];
    candidates.forEach((candidate, index) => {
      const result = validateFlow(candidate);
      if (result.ok) flows.push(result.flow);
      else {
        io.stderr(`${path}${isBundleFile ? ` flows[${index}]` : ''} is not a valid flow:\n${formatIssues(result.issues)}\n`);
        bad = true;
      }
    });
  }
  if (bad) return undefined;
  if (flows.length === 0) io.stderr(`Note: ${dir} holds no flow definitions; every matter will be reported as unknown.\n`);
  return flows;
}

/**
 * `permitflow detect <log.jsonl>`: streams the log through the detector, prints the counts and the
 * report. Returns 0 with or without findings; 2 for unusable input (missing log, bad flows folder).
 */
export async function runDetect(logPath: string, options: DetectCommandOptions, io: CliIo): Promise<number> {
  const flows = options.flows === 'builtin' ? undefined : await loadFlows(options.flows, io);
  if (options.flows !== 'builtin' && flows === undefined) return 2;
  const size = (await stat(logPath)).size; // ENOENT goes to runCli: "No such file"

  const now = io.now ?? (() => performance.now());
  const showProgress = options.progress || io.stderrIsTTY === true;
  let bytes = 0;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  let read = 0;
  let openCases = 0;
  const draw = (force: boolean) => {
    if (!showProgress) return;
    const t = now();
    if (!force && t - last < PROGRESS_EVERY_MS) return;
    last = t;
    shown = true;
    const share = size === 0 ? 1 : Math.min(1, bytes / size);
    const filled = Math.round(share * BAR);
    io.stderr(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${megabytes(bytes)}/${megabytes(size)} MB, ${read} lines, ${openCases} open cases`);
  };
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(logPath)) {
      bytes += (chunk as Buffer).length;
      draw(false);
      yield chunk as Buffer;
    }
  }

  const result = await detectOffSystemWorkInLog(counted(), {
    maxIssues: options.maxIssues,
    ...(flows === undefined ? {} : { flows }),
    onRecord: (s) => {
      read = s.read;
      openCases = s.openCases;
    },
  });
  if (shown) {
    read = result.stats.read;
    openCases = 0;
    draw(true);
    io.stderr('\n');
  }

  const { stats, findings, issues, issuesDropped } = result;
  io.stdout(`${logPath}: ${stats.read} read, ${stats.accepted} accepted, ${stats.rejected} rejected; ${stats.cases} case(s), ${findings.length} finding(s)`);
  io.stdout(`${stats.silenced > 0 ? `, ${stats.silenced} silenced` : ''}${stats.late > 0 ? `; ${stats.late} late record(s) not analysed` : ''}\n`);
  if (issues.length > 0) io.stdout(`${formatLineIssues(issues)}\n`);
  if (issuesDropped > 0) io.stdout(`(${issuesDropped} more issue(s) not shown; raise --max-issues to see them)\n`);
  if (stats.unknownMatters.length > 0) io.stdout(`Matters without a flow definition (their cases were analysed without one): ${stats.unknownMatters.join(', ')}\n`);

  const report = summarizeFindings(findings, { cases: stats.cases, calendar: chinaMainlandCalendar() });
  const text = options.format === 'json' ? `${JSON.stringify({ stats, report, findings }, null, 2)}\n` : formatReportMarkdown(report);
  if (options.out === undefined) io.stdout(`\n${text}`);
  else {
    await writeFile(options.out, text);
    io.stdout(`Report written to ${options.out}\n`);
  }
  return 0;
}
