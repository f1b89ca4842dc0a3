import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateBundle, validateFlow, type FlowDefinition } from '../definition';
import { formatIssues } from '../errors';
import type { BundleWithFlows } from '../flows';
import type { CliIo } from './run-cli';

/** The definitions read from a folder: lone flows, and bundles with their flows. */
export interface LoadedDefinitions {
  readonly flows: FlowDefinition[];
  readonly bundles: BundleWithFlows[];
}

/**
 * Reads every `*.json` of a folder as a flow, or as a bundle file `{ "bundle": …, "flows": [ … ] }`;
 * prints every problem and returns `undefined` when any file is unreadable or invalid.
 * @example
 * const definitions = await loadDefinitions('definitions/', io); // { flows, bundles } or undefined
 */
export async function loadDefinitions(dir: string, io: CliIo): Promise<LoadedDefinitions | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    io.stderr(`Cannot read the definitions folder ${dir}: ${(error as Error).message}\n`);
    return undefined;
  }
  const flows: FlowDefinition[] = [];
  const bundles: BundleWithFlows[] = [];
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
    const valid: FlowDefinition[] = [];
    candidates.forEach((candidate, index) => {
      const result = validateFlow(candidate);
      if (result.ok) valid.push(result.flow);
      else {
        io.stderr(`${path}${isBundleFile ? ` flows[${index}]` : ''} is not a valid flow:\n${formatIssues(result.issues)}\n`);
        bad = true;
      }
    });
    if (!isBundleFile) {
      flows.push(...valid);
      continue;
    }
    const bundle = validateBundle((input as { bundle: unknown }).bundle, { flows: valid });
    if (bundle.ok) bundles.push({ bundle: bundle.bundle, flows: valid });
    else {
      io.stderr(`${path} bundle is not a valid bundle:\n${formatIssues(bundle.issues)}\n`);
      bad = true;
    }
  }
  if (bad) return undefined;
  if (flows.length === 0 && bundles.length === 0) io.stderr(`Note: ${dir} holds no definitions; every matter will be reported as unknown.\n`);
  return { flows, bundles };
}
