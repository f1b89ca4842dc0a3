import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CliIo } from './run-cli';

/** Writes a report's pieces to `out` (then says where), or to stdout after a blank line. */
export async function writeReport(pieces: Iterable<string>, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) {
    io.stdout('\n');
    for (const piece of pieces) io.stdout(piece);
    return;
  }
  await pipeline(Readable.from(pieces), createWriteStream(out));
  io.stdout(`Report written to ${out}\n`);
}
