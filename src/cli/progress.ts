import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CliIo } from './run-cli';

const PROGRESS_EVERY_MS = 100;
const BAR = 24;

const megabytes = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

/** A progress bar on stderr for reading one file: shown on a terminal, or when asked for. */
export interface FileProgress {
  /** The file's chunks, counted as they are read. */
  chunks(): AsyncGenerator<Uint8Array>;
  /** Sets the line shown after the bar (e.g. `120 lines, 4 open cases`). */
  status(text: string): void;
  /** Draws the bar at 100 % and ends its line, if it was ever shown. */
  finish(text: string): void;
}

/**
 * A progress bar for reading `path` of `size` bytes, redrawn at most every 100 ms of `io.now`.
 * @example
 * const progress = fileProgress(path, (await stat(path)).size, io, options.progress);
 * for await (const record of readEventLog(progress.chunks())) progress.status(`${n++} lines`);
 */
export function fileProgress(path: string, size: number, io: CliIo, forced: boolean): FileProgress {
  const now = io.now ?? (() => performance.now());
  const showProgress = forced || io.stderrIsTTY === true;
  let bytes = 0;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  let text = '';
  const draw = (force: boolean) => {
    if (!showProgress) return;
    const t = now();
    if (!force && t - last < PROGRESS_EVERY_MS) return;
    last = t;
    shown = true;
    const share = size === 0 ? 1 : Math.min(1, bytes / size);
    const filled = Math.round(share * BAR);
    io.stderr(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${megabytes(bytes)}/${megabytes(size)} MB, ${text}`);
  };
  return {
    async *chunks() {
      for await (const chunk of createReadStream(path)) {
        bytes += (chunk as Buffer).length;
        draw(false);
        yield chunk as Buffer;
      }
    },
    status(next) {
      text = next;
    },
    finish(final) {
      if (!shown) return;
      text = final;
      draw(true);
      io.stderr('\n');
    },
  };
}
