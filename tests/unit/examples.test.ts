/**
 * The files in graph-data/examples import without errors or warnings through
 * the same path as the app's import and the validate CLI, and show what
 * graph-data/examples/README.md says they show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems';
import { importBytes, type FileBytes } from '../../src/import/importBytes';
import { detectFormat, importTexts } from '../../src/import/importTexts';

const DIR = 'graph-data/examples';
const bytes = (name: string): FileBytes => ({ name, bytes: readFileSync(`${DIR}/${name}`) });
const text = (name: string) => ({ name, text: readFileSync(`${DIR}/${name}`, 'utf8') });

/** Each import: one file, or the relations table with its actors table. */
const IMPORTS = [
  ['example.json'],
  ['example.gexf'],
  ['events.csv'],
  ['relations.csv', 'actors.csv'],
];

describe('examples', () => {
  it('covers every example file', () => {
    // Folders hold the shipped examples, each with its own test (ucdp-example.test.ts).
    const files = readdirSync(DIR, { withFileTypes: true })
      .filter((f) => f.isFile() && f.name !== 'README.md')
      .map((f) => f.name);
    expect(files.sort()).toEqual(IMPORTS.flat().sort());
  });

  it.each(IMPORTS.map((files) => [files.join(' + '), files]))(
    '%s imports without errors or warnings',
    (_, files) => {
      const r = importBytes((files as string[]).map(bytes));
      expect([...r.errors, ...r.warnings].map(formatProblem)).toEqual([]);
      expect(r.dataset!.relations.length).toBeGreaterThan(0);
    },
  );

  it('reads the same pair of tables in either order', () => {
    const a = importBytes(['relations.csv', 'actors.csv'].map(bytes)).dataset!;
    const b = importBytes(['actors.csv', 'relations.csv'].map(bytes)).dataset!;
    expect(b).toEqual(a);
    expect(a.actors.find((x) => x.id === 'militia')).toMatchObject({
      type: 'armed-group',
      aliases: ['RM', 'River Boys'],
    });
  });

  it('GEXF: a dynamic kind turns one edge into support, then hostility', () => {
    const d = importBytes([bytes('example.gexf')]).dataset!;
    const e1 = d.relations.filter((r) => r.id.startsWith('e1'));
    expect(e1.map((r) => [r.kind, r.from, r.until])).toEqual([
      ['support', '1995-01-01', '2016-03-14'],
      ['hostility', '2016-03-14', '2022-01-01'],
    ]);
  });

  it('events.csv is detected as an event table and aggregated by the given options', () => {
    const file = text('events.csv');
    expect(detectFormat(file.name, file.text).format).toBe('events');
    const d = importTexts([file]).dataset!;
    const pair = (a: string, b: string) =>
      d.relations
        .filter((r) => [r.source, r.target].sort().join() === [a, b].sort().join())
        .map((r) => [r.kind, r.from, r.until]);
    expect(pair('NTH', 'MIL')).toEqual([
      ['cooperation', '2015-01', '2016-01'],
      ['hostility', '2016-01', '2018-01'],
    ]);
    expect(pair('NTH', 'STH').map((x) => x[0])).toEqual(['tension', 'cooperation']);
    const wide = importTexts([file], { events: { windowMonths: 48 } }).dataset!;
    expect(wide.relations.map((r) => [r.kind, r.from, r.until])).toContainEqual([
      'hostility',
      '2015-01',
      '2019-01',
    ]);
  });

  it('refuses an event table together with another file', () => {
    const r = importTexts([text('events.csv'), text('actors.csv')]);
    expect(r.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'actors.csv: is a CSV relations (or actors) table (actors table: comma-separated, header of 8 columns with an id column), not an event table (CSV with actors and a Goldstein, QuadClass or CAMEO column) like events.csv: several files are read together only when all are of one event format; import it on its own',
    ]);
  });
});
