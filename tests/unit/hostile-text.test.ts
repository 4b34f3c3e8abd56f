/**
 * Hostile text in every import format (tests/fixtures/hostile): lone
 * surrogates, U+FFFE / U+FFFF, C0 controls, and GEXF character references to
 * them. Each file loads, every illegal character is U+FFFD, and a warning
 * names the file, the field, the position and the code point.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems';
import type { Dataset } from '../../src/core/schema';
import { hasIllegalChars } from '../../src/core/io/text-rules';
import { importBytes } from '../../src/import/importBytes';

const DIR = 'tests/fixtures/hostile';
const load = (name: string) => importBytes([{ name, bytes: readFileSync(`${DIR}/${name}`) }]);

/** Every string anywhere in a value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (typeof v === 'object' && v !== null) return Object.values(v).flatMap(strings);
  return [];
}

function loaded(name: string): { dataset: Dataset; warnings: string[] } {
  const result = load(name);
  expect(result.errors.map(formatProblem)).toEqual([]);
  expect(result.dataset).toBeDefined();
  // Nothing illegal reaches the store, the library or the exports.
  expect(strings(result.dataset).filter(hasIllegalChars)).toEqual([]);
  return { dataset: result.dataset!, warnings: result.warnings.map(formatProblem) };
}

const label = (d: Dataset, id: string) => d.actors.find((a) => a.id === id)?.label;

describe('hostile text on import', () => {
  it('JSON: a "\\ud800" escape, raw U+FFFE and U+FFFF, escaped NUL; emoji kept', () => {
    const { dataset, warnings } = loaded('hostile-labels.json');
    expect(label(dataset, 'a')).toBe('A\uFFFD');
    expect(label(dataset, 'b')).toBe('B\uFFFDb');
    expect(label(dataset, 'c')).toBe('C\uFFFD');
    expect(label(dataset, 'd')).toBe('Flag 😀 🎌');
    expect(dataset.actors.find((a) => a.id === 'c')?.description).toBe(
      'nul\uFFFD and backspace\uFFFD',
    );
    expect(dataset.relations.find((r) => r.id === 'r1')?.label).toBe('low \uFFFD half');
    const expected = [
      'actors[0].label: character 2 is U+D800',
      'actors[1].label: character 2 is U+FFFE',
      'actors[2].label: character 2 is U+FFFF',
      'actors[2].description: character 4 is U+0000 (a control character), character 19 is U+0008',
      'relations[0].label: character 5 is U+DC00 (a low surrogate without its high half)',
    ];
    for (const e of expected)
      expect(
        warnings.some((w) => w.includes('hostile-labels.json') && w.includes(e)),
        `${e}\n${warnings.join('\n')}`,
      ).toBe(true);
    expect(warnings.filter((w) => w.includes('replaced by U+FFFD'))).toHaveLength(5);
  });

  it('CSV: raw U+FFFE, U+FFFF and a BEL control', () => {
    const { dataset, warnings } = loaded('hostile-labels.csv');
    const r1 = dataset.relations.find((r) => r.id === 'r1')!;
    const r2 = dataset.relations.find((r) => r.id === 'r2')!;
    expect(r1.label).toBe('cold\uFFFDwar');
    expect(r2.note).toBe('ring\uFFFD and \uFFFD');
    const about = warnings.filter((w) => w.includes('replaced by U+FFFD'));
    expect(about).toHaveLength(2);
    expect(about.join('\n')).toMatch(
      /hostile-labels\.csv.*relations\[0\]\.label: character 5 is U\+FFFE/,
    );
    expect(about.join('\n')).toMatch(
      /hostile-labels\.csv.*relations\[1\]\.note: character 5 is U\+0007 \(a control character\), character 11 is U\+FFFF/,
    );
  });

  it('GEXF: &#xD800;, &#0;, &#xFFFF; and raw U+FFFE; &#x1F600; kept', () => {
    const { dataset, warnings } = loaded('illegal-refs.gexf');
    expect(label(dataset, 'a')).toBe('A\uFFFD');
    expect(label(dataset, 'b')).toBe('B\uFFFDb');
    expect(label(dataset, 'c')).toBe('C\uFFFD');
    expect(label(dataset, 'd')).toBe('D\uFFFDd');
    expect(label(dataset, 'e')).toBe('Smile 😀');
    const text = warnings.join('\n');
    // References: reported where they are written (line, element and attribute).
    expect(text).toContain(
      'illegal-refs.gexf:5:7 node.label: the character reference &#xD800; names U+D800 (a high surrogate without its low half), which XML 1.0 does not allow; read as U+FFFD',
    );
    expect(text).toContain(
      'illegal-refs.gexf:6:7 node.label: the character reference &#0; names U+0000',
    );
    expect(text).toContain(
      'illegal-refs.gexf:7:7 node.label: the character reference &#xFFFF; names U+FFFF',
    );
    // A raw character: reported by the one text rule, at its dataset field.
    expect(text).toMatch(/illegal-refs\.gexf.*actors\[3\]\.label: character 2 is U\+FFFE/);
  });

  it('refuses a dataset whose ids become equal once illegal characters are replaced', () => {
    const json = JSON.stringify({
      title: 'T',
      actors: [
        { id: 'x\uD800', label: 'one', type: 'state' },
        { id: 'x\uD801', label: 'two', type: 'state' },
      ],
      relations: [],
    });
    const result = importBytes([{ name: 'twins.json', bytes: new TextEncoder().encode(json) }]);
    expect(result.dataset).toBeUndefined();
    expect(result.errors.map(formatProblem).join('\n')).toMatch(/twins\.json.*actors\[1\]\.id/);
  });
});
