import { describe, expect, it } from 'vitest';
import { toDay } from '../../core/dates';
import { buildExplorerModel } from '../../core/explorer-model';
import { datasetSchema } from '../../core/schema';
import {
  activeRelationsKey,
  DEFAULT_SORT,
  nextSort,
  shorten,
  sortRows,
  toRow,
  visibleRelations,
  type TableFilter,
} from './table-model';

const model = buildExplorerModel(
  datasetSchema.parse({
    title: 't',
    actors: [
      { id: 'a', label: 'alpha', type: 'state' },
      { id: 'b', label: 'Bravo', type: 'armed-group' },
      { id: 'c', label: 'charlie', type: 'state' },
      { id: 'd', label: 'Delta', type: 'person' },
    ],
    relations: [
      { id: 'ab', source: 'a', target: 'b', kind: 'support', from: '2000', evidence: [] },
      {
        id: 'bc',
        source: 'b',
        target: 'c',
        kind: 'hostility',
        from: '1999-05',
        until: '2003',
        evidence: [
          { source: 's', quote: 'one' },
          { source: 's', quote: 'two' },
        ],
      },
      { id: 'ac', source: 'a', target: 'c', kind: 'alliance', until: '2002' },
      { id: 'cd', source: 'c', target: 'd', kind: 'contact', from: '2001-02-03' },
      { id: 'gone', source: 'a', target: 'd', kind: 'contact', from: '1990', until: '1991' },
    ],
  }),
);
const NONE: TableFilter = { hiddenTypes: [], hiddenKinds: [], focusActor: null };
const day = toDay('2001-06-01');
const active = activeRelationsKey(model, day).split('\n');

describe('activeRelationsKey', () => {
  it('is the sorted ids of the relations active at the day', () => {
    expect(active).toEqual(['ab', 'ac', 'bc', 'cd']);
    expect(activeRelationsKey(model, toDay('2001-06-02'))).toBe(activeRelationsKey(model, day));
  });
});

describe('visibleRelations', () => {
  const ids = (f: Partial<TableFilter>) =>
    visibleRelations(model, active, { ...NONE, ...f })
      .map((r) => r.id)
      .sort();
  it('applies hidden kinds and hidden actor types like the graph', () => {
    expect(ids({})).toEqual(['ab', 'ac', 'bc', 'cd']);
    expect(ids({ hiddenKinds: ['hostility'] })).toEqual(['ab', 'ac', 'cd']);
    expect(ids({ hiddenTypes: ['armed-group'] })).toEqual(['ac', 'cd']);
  });
  it('keeps the focus actor and its counterparts, as the graph draws them', () => {
    // Neighbourhood of d: d and c; so only c–d (a and b are hidden).
    expect(ids({ focusActor: 'd' })).toEqual(['cd']);
    // Neighbourhood of a: a, b, c; b–c is drawn between two shown neighbours.
    expect(ids({ focusActor: 'a' })).toEqual(['ab', 'ac', 'bc']);
  });
});

describe('sortRows', () => {
  const rows = visibleRelations(model, active, NONE).map((r) => toRow(model, r));
  const order = (key: Parameters<typeof nextSort>[1], direction = 'ascending' as const) =>
    sortRows(rows, { key, direction }).map((r) => r.id);

  it('sorts labels case-insensitively, with ties broken by target', () => {
    expect(order('source')).toEqual(['ab', 'ac', 'bc', 'cd']);
    expect(order('target')).toEqual(['ab', 'ac', 'bc', 'cd']);
    expect(order('kind')).toEqual(['ac', 'cd', 'bc', 'ab']);
  });
  it('sorts dates with open ends first (from) and last (until)', () => {
    expect(order('from')).toEqual(['ac', 'bc', 'ab', 'cd']);
    expect(order('until')).toEqual(['ac', 'bc', 'ab', 'cd']);
  });
  it('reverses the column but not the tie-breakers', () => {
    expect(sortRows(rows, { key: 'until', direction: 'descending' }).map((r) => r.id)).toEqual([
      'ab',
      'cd',
      'bc',
      'ac',
    ]);
    expect(sortRows(rows, { key: 'evidence', direction: 'descending' })[0]!.id).toBe('bc');
  });
  it('does not change its input', () => {
    const before = rows.map((r) => r.id);
    sortRows(rows, { key: 'from', direction: 'descending' });
    expect(rows.map((r) => r.id)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('reverses the sorted column and starts others ascending', () => {
    expect(nextSort(DEFAULT_SORT, 'source')).toEqual({ key: 'source', direction: 'descending' });
    expect(nextSort({ key: 'source', direction: 'descending' }, 'source').direction).toBe(
      'ascending',
    );
    expect(nextSort({ key: 'source', direction: 'descending' }, 'from')).toEqual({
      key: 'from',
      direction: 'ascending',
    });
  });
});

describe('toRow', () => {
  it('carries labels, direction and the first quote', () => {
    const row = toRow(model, model.relationsById.get('bc')!);
    expect(row).toMatchObject({
      sourceLabel: 'Bravo',
      targetLabel: 'charlie',
      kindLabel: 'Hostility',
      directed: false,
      evidenceCount: 2,
      firstQuote: 'one',
    });
    expect(toRow(model, model.relationsById.get('ab')!).directed).toBe(true);
  });
});

describe('shorten', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(shorten('short  text\n here')).toBe('short text here');
    const long = 'As Pakistan engaged with various proxies since the disintegration of the former';
    expect(shorten(long, 40)).toBe('As Pakistan engaged with various proxies…');
    expect(shorten(long, 30)).toBe('As Pakistan engaged with…');
  });
  it('cuts inside a word when there is no space to cut at', () => {
    expect(shorten('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
