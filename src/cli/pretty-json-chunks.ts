/**
 * The text of `JSON.stringify(object, null, 2)`, in pieces: each element of the object's array
 * values is its own piece, so a report of a million measurements is written without holding its
 * whole text (hundreds of megabytes) as one string.
 */
export function* prettyJsonChunks(object: Readonly<Record<string, unknown>>): Generator<string> {
  // Keys whose value JSON leaves out (undefined, a function) are left out here too.
  const entries = Object.entries(object).filter(([, value]) => Array.isArray(value) || JSON.stringify(value) !== undefined);
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    yield `  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value)) yield indented(JSON.stringify(value, null, 2)!, 1);
    else if (value.length === 0) yield '[]';
    else {
      yield '[\n';
      for (let e = 0; e < value.length; e++) yield `    ${indented(JSON.stringify(value[e], null, 2) ?? 'null', 2)}${e < value.length - 1 ? ',' : ''}\n`;
      yield '  ]';
    }
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield '}';
}

/** JSON text placed `depth` levels deep: every line after the first indented by two spaces per level (JSON strings hold no raw newline). */
function indented(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
