import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid } from './_helpers/mermaid';

// Every ```mermaid block in docs/ must parse with Mermaid itself, as GitHub and doc sites render it.
const docs = new URL('../docs/', import.meta.url);
const files = [
  ...readdirSync(docs).filter((f) => f.endsWith('.md')),
  ...readdirSync(new URL('flows/', docs)).map((f) => `flows/${f}`),
];
const blocks = files.flatMap((file) =>
  [...readFileSync(new URL(file, docs), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m, i) => ({ file, index: i + 1, text: m[1]! })),
);

let parse: (text: string) => Promise<unknown>;
beforeAll(async () => {
  const mermaid = await loadMermaid();
  parse = (text) => mermaid.parse(text);
});

describe('Mermaid diagrams in docs/', () => {
  it('finds diagrams to check', () => {
    expect(blocks.length).toBeGreaterThan(20);
  });
  for (const { file, index, text } of blocks) {
    it(`parses diagram ${index} of ${file}`, async () => {
      await expect(parse(text)).resolves.toBeTruthy();
    });
  }
});
