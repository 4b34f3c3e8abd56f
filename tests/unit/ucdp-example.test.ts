/**
 * The shipped UCDP example (graph-data/examples/ucdp-nonstate/) is what the
 * importer makes of the real CSV kept in tests/fixtures/ucdp/ today, its
 * committed layout fits it, and its attribution travels with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importUcdpConflicts } from '../../src/core/io/ucdp';
import { prepareExample } from '../../scripts/prepare-example';

const DIR = 'graph-data/examples/ucdp-nonstate';
const CSV = 'tests/fixtures/ucdp/ucdp-nonstate-221.csv';
const read = (path: string) => readFileSync(path, 'utf8');

describe('the UCDP Non-State example', () => {
  const shipped = read(`${DIR}/dataset.json`);
  const layout = read(`${DIR}/layout.json`);

  it('is the importer’s reading of the real file (rebuild with npm run example:ucdp)', () => {
    const fresh = importUcdpConflicts(
      { name: 'ucdp-nonstate-221.csv', text: read(CSV) },
      'ucdp-nonstate',
    );
    expect(fresh.errors).toEqual([]);
    expect(JSON.parse(shipped)).toEqual(JSON.parse(JSON.stringify(fresh.dataset)));
  });

  it('is prepared for the app with its committed positions, one per actor', () => {
    const prepared = prepareExample(shipped, layout, `${DIR}/dataset.json`);
    expect(prepared.positions).toEqual(JSON.parse(layout));
    expect(new Set(prepared.positions.map(([id]) => id))).toEqual(
      new Set(prepared.dataset.actors.map((a) => a.id)),
    );
  });

  it('credits UCDP, its licence and the citation UCDP asks for', () => {
    const { sources } = JSON.parse(shipped) as { sources: { publisher: string; note: string }[] };
    const readme = read(`${DIR}/README.md`);
    for (const text of [sources[0]!.note, readme]) {
      expect(text).toContain('CC BY 4.0');
      expect(text).toMatch(/Sundberg, Ralph, Kristine Eck (&|and) Joakim Kreutz \(2012\)/);
    }
    expect(sources[0]!.publisher).toContain('Uppsala Conflict Data Program');
  });
});
