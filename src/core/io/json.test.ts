import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import { parseDatasetJson, validateDataset } from '../validate';
import { exportJson } from './json';
import { richDatasetArb } from '../../../tests/helpers/io-support';

describe('exportJson', () => {
  it('round-trips exactly through validateDataset (property)', () => {
    fc.assert(
      fc.property(fc.oneof(datasetArb, richDatasetArb), (d) => {
        const back = validateDataset(JSON.parse(exportJson(d)));
        expect(back.errors).toEqual([]);
        expect(back.dataset).toEqual(d);
      }),
      { numRuns: 200 },
    );
  });

  it('writes keys in schema order, omits $schema and empty default lists, indents by 2', () => {
    const seed = parseDatasetJson(readFileSync('graph-data/seed.json', 'utf8')).dataset!;
    const text = exportJson(seed);
    expect(text).not.toContain('$schema');
    expect(text.startsWith('{\n  "title": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const top = Object.keys(JSON.parse(text));
    expect(top).toEqual([
      'title',
      'description',
      'period',
      'sources',
      'actorTypes',
      'relationKinds',
      'actors',
      'relations',
      'events',
    ]);
    const relation = JSON.parse(text).relations[0];
    expect(Object.keys(relation)).toEqual([
      'id',
      'source',
      'target',
      'kind',
      'from',
      'until',
      'strength',
      'label',
      'evidence',
      'note',
    ]);
    expect(parseDatasetJson(text).dataset).toEqual({ ...seed, $schema: undefined });
  });

  it('leaves out lists that default to empty but keeps required ones', () => {
    const text = exportJson({
      title: 't',
      sources: [],
      actorTypes: [],
      relationKinds: [],
      actors: [],
      relations: [],
      events: [],
    });
    expect(JSON.parse(text)).toEqual({ title: 't', actors: [] });
  });
});
