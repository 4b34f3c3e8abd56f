/**
 * Hostile input through the import's one path (importBytes: size, decoding,
 * format, parsing, validation), as the worker and `npm run validate` see it:
 * nesting deep enough to overflow every recursive walker, numbers JSON.parse
 * turns into Infinity, values megabytes long, files just over the size
 * limit and UTF-16 without a byte order mark. Each is refused with one
 * precise, short message; nothing throws.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/core/jsonScan';
import { formatProblem, MAX_VALUE_CHARS } from '../../src/core/problems';
import { importBytes } from '../../src/import/importBytes';
import { MAX_IMPORT_BYTES, tooLarge } from '../../src/import/limits';

const utf8 = (text: string) => new TextEncoder().encode(text);
const importText = (name: string, text: string) => importBytes([{ name, bytes: utf8(text) }]);
const lines = (r: ReturnType<typeof importBytes>) => r.errors.map(formatProblem);

/** `[[[…]]]`, `depth` levels. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A valid dataset except for `note`, which holds whatever JSON text is given. */
const withNote = (note: string) =>
  `{
  "title": "Deep",
  "sources": [{ "id": "doc", "title": "Doc" }],
  "actors": [
    { "id": "a", "label": "A", "type": "state" },
    { "id": "b", "label": "B", "type": "state" }
  ],
  "relations": [
    {
      "id": "r",
      "source": "a",
      "target": "b",
      "kind": "alliance",
      "evidence": [{ "source": "doc", "quote": "q", "note": ${note} }]
    }
  ]
}`;

describe('JSON nested too deep', () => {
  it.each([2_000, 5_000, 100_000])(
    '%i levels in an evidence note: one error at the bracket that goes too deep',
    (depth) => {
      const text = withNote(nested(depth));
      const r = importText('deep.json', text);
      expect(r.dataset).toBeUndefined();
      expect(r.errors).toHaveLength(1);
      // The note opens at level 6 (object, relations, relation, evidence, evidence item).
      const noteAt = text.indexOf('"note": ') + '"note": '.length;
      const tooDeep = noteAt + MAX_JSON_DEPTH - 5;
      expect(lines(r)).toEqual([
        `deep.json:14:${tooDeep - text.lastIndexOf('\n', tooDeep)} relations[0].evidence[0].note[0][0][0][0][0]…: this list is nested 65 levels deep; the limit is 64 (a dataset needs 5)`,
      ]);
    },
  );

  it('5,000 levels of objects as the actors list', () => {
    const text = `{"title": "t", "actors": ${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    const [line, ...rest] = lines(importText('deep.json', text));
    expect(rest).toEqual([]);
    expect(line).toMatch(
      /^deep\.json:1:\d+ actors\.a\.a\.a\.a\.a\.a\.a\.a\.a…: this object is nested 65 levels deep; the limit is 64/,
    );
  });

  it('counts brackets outside strings only, and accepts the limit itself', () => {
    const inString = withNote(JSON.stringify(nested(10_000)));
    expect(lines(importText('s.json', inString))).toEqual([
      's.json relations[0].evidence[0].note: is longer than 5000 characters (got "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…)',
    ]);
    // 59 levels in the note reach exactly 64: only the schema complains (a note is text).
    const atLimit = lines(importText('limit.json', withNote(nested(MAX_JSON_DEPTH - 5))));
    expect(atLimit).toEqual([
      expect.stringMatching(
        /^limit\.json relations\[0\]\.evidence\[0\]\.note: must be a string, not an array \(got \[\[\[/,
      ),
    ]);
  });

  it('reports the depth before malformed text further on', () => {
    const r = importText('deep.json', `{"actors": ${nested(200)}, oops`);
    expect(lines(r)).toEqual([
      // `{` is level 1, so the 64th `[` of the actors list opens level 65.
      expect.stringContaining(`deep.json:1:${'{"actors": '.length + 64} actors[0][0][0]`),
    ]);
  });
});

describe('numbers too large for JSON.parse', () => {
  it('shows 1e400 as written, with line, column and field', () => {
    const r = importBytes([
      { name: 'huge-number.json', bytes: readFileSync('tests/fixtures/hostile/huge-number.json') },
    ]);
    expect(lines(r)).toEqual([
      'huge-number.json:14:19 relations[0].strength: must be a finite number, within ±1.8e308 (got 1e400)',
      'huge-number.json:20:19 relations[1].strength: must be a finite number, within ±1.8e308 (got -1e400)',
    ]);
  });

  it('a number written with 400 digits', () => {
    const r = importText('digits.json', withNote(`1${'0'.repeat(400)}`));
    expect(lines(r)).toEqual([
      expect.stringMatching(
        /^digits\.json:14:\d+ relations\[0\]\.evidence\[0\]\.note: must be a finite number, within ±1\.8e308 \(got 1000+…\)$/,
      ),
    ]);
  });
});

describe('values shown in problems stay short', () => {
  const megabyte = 'x'.repeat(1_000_000);

  it.each([
    [
      'a string where a number belongs',
      `{"title": "t", "actors": [], "relations": [{"id": "r", "source": "a", "target": "b", "kind": "alliance", "strength": "${megabyte}"}]}`,
    ],
    ['a string where a list belongs', `{"title": "t", "actors": "${megabyte}"}`],
    [
      'a long list where text belongs',
      `{"title": [${Array(200_000).fill('"abc"').join(',')}], "actors": []}`,
    ],
    [
      'a long date',
      `{"title": "t", "actors": [{"id": "a", "label": "A", "type": "state", "from": "${megabyte}"}]}`,
    ],
    ['a long unknown field', `{"title": "t", "actors": [], "${megabyte}": 1}`],
    [
      'a long reference',
      `{"title": "t", "actors": [{"id": "a", "label": "A", "type": "${megabyte}"}]}`,
    ],
  ])('%s', (_, text) => {
    const r = importText('long.json', text);
    expect(r.errors.length).toBeGreaterThan(0);
    for (const p of r.errors) {
      expect(JSON.stringify(p).length).toBeLessThan(1_000);
      expect(formatProblem(p).length).toBeLessThan(600);
    }
  });

  it('cuts with an ellipsis at the limit', () => {
    const r = importText('long.json', `{"title": "t", "actors": "${megabyte}"}`);
    expect(lines(r)).toEqual([
      `long.json actors: must be a list, not a string (got "${'x'.repeat(MAX_VALUE_CHARS - 2)}…)`,
    ]);
  });
});

describe('size limit', () => {
  // The check looks at the length alone, so zero-filled bytes stand in for a big file.
  const sized = (bytes: number) =>
    importBytes([{ name: 'big.json', bytes: new Uint8Array(bytes) }]);

  it('50 MiB and 1 byte: the exact sizes', () => {
    expect(lines(sized(MAX_IMPORT_BYTES + 1))).toEqual([
      'big.json: the file is 52,428,801 bytes; the limit is 52,428,800 bytes (50 MiB): split it, or aggregate events into relations first',
    ]);
  });

  it('50.0001 MiB no longer reads as "50.0 MB; the limit is 50 MB"', () => {
    const [line] = lines(sized(Math.ceil(50.0001 * 2 ** 20)));
    expect(line).toContain('the file is 52,428,905 bytes; the limit is 52,428,800 bytes (50 MiB)');
  });

  it('exactly 50 MiB is within the limit', () => {
    expect(tooLarge(MAX_IMPORT_BYTES)).toBeNull();
  });
});

describe('UTF-16 without a byte order mark', () => {
  const utf16 = (text: string, endian: 'le' | 'be') => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[2 * i + (endian === 'le' ? 0 : 1)] = code & 0xff;
      bytes[2 * i + (endian === 'le' ? 1 : 0)] = code >> 8;
    }
    return bytes;
  };

  it.each([
    ['example.json', 'le'],
    ['example.json', 'be'],
    ['relations.csv', 'le'],
    ['relations.csv', 'be'],
    ['example.gexf', 'le'],
    ['example.gexf', 'be'],
  ] as const)('%s, %s: refused as UTF-16', (name, endian) => {
    const text = readFileSync(`graph-data/examples/${name}`, 'utf8');
    const r = importBytes([{ name, bytes: utf16(text, endian) }]);
    expect(lines(r)).toEqual([
      `${name}: the file is encoded as UTF-16; save it as UTF-8 and import it again`,
    ]);
  });

  it('text in another script is still recognised by its punctuation', () => {
    const text = 'id,label,type\nbj,北京市人民政府,state\nsh,上海市人民政府,state\n';
    expect(lines(importBytes([{ name: 'a.csv', bytes: utf16(text, 'le') }]))).toEqual([
      'a.csv: the file is encoded as UTF-16; save it as UTF-8 and import it again',
    ]);
    // The same text as UTF-8 is read (it fails later, for lack of relations).
    expect(lines(importText('a.csv', text)).join('\n')).not.toContain('UTF-16');
  });
});
