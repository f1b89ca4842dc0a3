import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatIssues } from '../errors';
import { validateBundle, validateFlow } from '../definition';
import { formatLineIssues, readEventLog } from '../event-log';
import { toMermaid } from '../interop';
import { runDetect } from './run-detect';
import { runMeasure } from './run-measure';

/** Where the CLI writes, and what it may ask of its surroundings; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (the progress bar shows by itself only then). */
  readonly stderrIsTTY?: boolean;
  /** Milliseconds from any fixed origin, to pace the progress bar; default `performance.now()`. */
  readonly now?: () => number;
}

const USAGE = `Usage: permitflow <command> [options]

Commands:
  validate <definition.json>   Check a flow or bundle definition; prints every issue with its path.
  log check <log.jsonl>        Read an event log; prints lines read/accepted/rejected and each bad line.
  diagram <flow.json>          Print a flow as a Mermaid state diagram.
  detect <log.jsonl>           Find off-system work (体外循环, 隐性审批) in an event log; prints
                               lines read/accepted/rejected and a report of the findings.
  measure <log.jsonl>          Measure every 一件事 bundle and lone case end to end (official vs
                               experienced time, trips, materials, limits); prints lines
                               read/accepted/rejected and the report.

Options:
  --max-issues <n>             Bad lines (and unmeasured cases) to print (default 20).
  --flows builtin|<dir>        "detect": the built-in flows (default), or a folder of flow JSON files
                               (and bundle files { "bundle": …, "flows": [ … ] }).
  --bundles builtin|<dir>      "measure": the built-in bundles and flows (default), or a folder of
                               bundle files and flow files, as for --flows.
  --format md|json|html        The report as Markdown tables (default) or JSON; "measure" also
                               writes a self-contained HTML page.
  --out <file>                 "detect", "measure": write the report to a file instead of stdout.
  --progress                   "detect", "measure": show a progress bar on stderr even when it is
                               not a terminal.
  --low-memory                 "measure": read the log twice instead of holding it: a third to half
                               the memory, 1.3–1.7× the time (docs/measurement.md).
  -h, --help                   Show this help.

Exit codes: 0 ok, 1 the input has problems (issues are printed), 2 the command could not run.
"detect" and "measure" exit 0 even with findings, bad lines or unmeasured cases (they are their
output), and 2 for unusable input: a missing log, an unreadable definitions folder, or a file in it
that is not a valid definition.`;

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'max-issues': { type: 'string', default: '20' },
        flows: { type: 'string', default: 'builtin' },
        bundles: { type: 'string', default: 'builtin' },
        format: { type: 'string', default: 'md' },
        out: { type: 'string' },
        progress: { type: 'boolean', default: false },
        'low-memory': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.stdout : io.stderr)(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  try {
    if (command === 'validate' && rest.length === 1) {
      const input = await readJson(rest[0]!);
      const isBundle = typeof input === 'object' && input !== null && 'matters' in input;
      const result = isBundle ? validateBundle(input) : validateFlow(input);
      if (result.ok) {
        io.stdout(`${rest[0]}: valid ${isBundle ? 'bundle' : 'flow'}\n`);
        return 0;
      }
      io.stdout(`${rest[0]}: ${result.issues.length} issue(s)\n${formatIssues(result.issues)}\n`);
      return 1;
    }
    if (command === 'diagram' && rest.length === 1) {
      const result = validateFlow(await readJson(rest[0]!));
      if (!result.ok) {
        io.stderr(`${rest[0]} is not a valid flow:\n${formatIssues(result.issues)}\n`);
        return 1;
      }
      io.stdout(toMermaid(result.flow));
      return 0;
    }
    if (command === 'detect' && rest.length === 1) {
      const maxIssues = Number(values['max-issues']);
      if (!Number.isInteger(maxIssues) || maxIssues < 0) {
        io.stderr(`--max-issues must be a whole number, got "${values['max-issues']}".\n`);
        return 2;
      }
      if (values.format !== 'md' && values.format !== 'json') {
        io.stderr(`--format must be md or json, got "${values.format}".\n`);
        return 2;
      }
      return await runDetect(rest[0]!, { flows: values.flows, format: values.format, out: values.out, progress: values.progress, maxIssues }, io);
    }
    if (command === 'measure' && rest.length === 1) {
      const maxIssues = Number(values['max-issues']);
      if (!Number.isInteger(maxIssues) || maxIssues < 0) {
        io.stderr(`--max-issues must be a whole number, got "${values['max-issues']}".\n`);
        return 2;
      }
      if (values.format !== 'md' && values.format !== 'json' && values.format !== 'html') {
        io.stderr(`--format must be md, json or html, got "${values.format}".\n`);
        return 2;
      }
      return await runMeasure(rest[0]!, { bundles: values.bundles, format: values.format, out: values.out, progress: values.progress, lowMemory: values['low-memory'], maxIssues }, io);
    }
    if (command === 'log' && rest[0] === 'check' && rest.length === 2) {
      const maxIssues = Number(values['max-issues']);
      if (!Number.isInteger(maxIssues) || maxIssues < 0) {
        io.stderr(`--max-issues must be a whole number, got "${values['max-issues']}".\n`);
        return 2;
      }
      const reader = readEventLog(createReadStream(rest[1]!), { maxIssues });
      for await (const record of reader) void record;
      const { read, accepted, rejected } = reader.counts;
      io.stdout(`${rest[1]}: ${read} read, ${accepted} accepted, ${rejected} rejected\n`);
      if (reader.issues.length > 0) io.stdout(`${formatLineIssues(reader.issues)}\n`);
      if (reader.issuesDropped > 0) io.stdout(`(${reader.issuesDropped} more issue(s) not shown; raise --max-issues to see them)\n`);
      return rejected > 0 ? 1 : 0;
    }
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    io.stderr(code === 'ENOENT' ? `No such file: ${(error as NodeJS.ErrnoException).path}\n` : `${message}\n`);
    return 2;
  }
  io.stderr(`Unknown command "${positionals.join(' ')}".\n\n${USAGE}\n`);
  return 2;
}
