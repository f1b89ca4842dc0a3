import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFlowDocs } from '../scripts/flow-docs';

describe('docs/flows', () => {
  for (const [name, text] of Object.entries(renderFlowDocs())) {
    it(`${name} is what the definitions give (run npm run docs:flows after changing a built-in)`, () => {
      expect(readFileSync(new URL(`../docs/flows/${name}`, import.meta.url), 'utf8')).toBe(text);
    });
  }
});
