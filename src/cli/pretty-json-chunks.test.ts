import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJsonChunks } from './pretty-json-chunks';

describe('prettyJsonChunks', () => {
  it('writes exactly what JSON.stringify(object, null, 2) writes', () => {
    const value = fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 4 }), fc.constant(undefined), fc.array(fc.oneof(fc.constant(undefined), fc.string())));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 5 }), (object) => {
        expect([...prettyJsonChunks(object)].join('')).toBe(JSON.stringify(object, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('gives each element of an array its own piece', () => {
    const chunks = [...prettyJsonChunks({ counts: { read: 2 }, measurements: [{ id: 'a' }, { id: 'b' }] })];
    expect(chunks.filter((c) => c.includes('"id"'))).toHaveLength(2);
  });
});
