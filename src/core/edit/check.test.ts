import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import type { Dataset } from '../schema';
import { validateDataset } from '../validate';
import { checkDataset, checkItem } from './check';

function small(): Dataset {
  return {
    title: 'Small',
    sources: [{ id: 'doc', title: 'A document' }],
    actorTypes: [],
    relationKinds: [],
    actors: [
      { id: 'us', label: 'US', type: 'state' },
      { id: 'pk', label: 'Pakistan', type: 'state', from: '1947-08-14' },
      { id: 'isi', label: 'ISI', type: 'intelligence-agency', parent: 'pk', from: '1948' },
      { id: 's-wing', label: 'S Wing', type: 'intelligence-agency', parent: 'isi' },
    ],
    relations: [
      { id: 'r1', source: 'us', target: 'pk', kind: 'alliance', from: '1954', evidence: [] },
    ],
    events: [],
  };
}

const paths = (problems: { path: string; severity: string }[], severity = 'error') =>
  problems.filter((p) => p.severity === severity).map((p) => p.path);

describe('checkItem', () => {
  it('accepts a valid item, and an item checked against its own old self', () => {
    const d = small();
    expect(
      checkItem(d, 'relations', {
        id: 'r2',
        source: 'pk',
        target: 'isi',
        kind: 'support',
        from: '1990',
      }),
    ).toEqual([]);
    expect(checkItem(d, 'actors', d.actors[2], 'isi')).toEqual([]);
  });

  it('puts each error on its field, relative to the item', () => {
    const d = small();
    const problems = checkItem(d, 'relations', {
      id: 'r1',
      source: 'nobody',
      target: 'pk',
      kind: 'friendship',
      from: '2011-05-02',
      until: '2011',
      strength: 2,
      evidence: [{ source: 'book', quote: 'x' }],
    });
    expect(paths(problems).sort()).toEqual([
      'evidence[0].source',
      'id',
      'kind',
      'source',
      'strength',
      'until',
    ]);
    const byPath = new Map(problems.map((p) => [p.path, p.message]));
    expect(byPath.get('until')).toBe('ends (2011) before it starts (2011-05-02)');
    expect(byPath.get('id')).toBe('duplicate id "r1" (used by relations[0])');
    expect(byPath.get('source')).toBe('refers to actor "nobody", which does not exist');
    expect(byPath.get('strength')).toBe('must be between 0 and 1');
  });

  it('reports schema errors with their path: a missing field, an invalid date, an empty quote', () => {
    const d = small();
    const problems = checkItem(d, 'relations', {
      id: 'r9',
      source: 'us',
      kind: 'support',
      from: '2011-02-30',
      evidence: [{ source: 'doc', quote: '' }],
    });
    expect(paths(problems).sort()).toEqual(['evidence[0].quote', 'from', 'target']);
    expect(problems.find((p) => p.path === 'target')?.message).toBe('is required but missing');
  });

  it('finds a parent cycle the edit would make, and a self-parent', () => {
    const d = small();
    const loop = checkItem(d, 'actors', { ...d.actors[1], parent: 's-wing' }, 'pk');
    expect(loop.map((p) => [p.path, p.message])).toEqual([
      ['parent', 'parent chain loops back to "pk"'],
    ]);
    const self = checkItem(d, 'actors', { ...d.actors[0], parent: 'us' }, 'us');
    expect(self.map((p) => p.message)).toEqual(['an actor cannot be its own parent']);
  });

  it('checks a change of id: the new one must be free, the old one no longer resolves', () => {
    const d = small();
    expect(paths(checkItem(d, 'actors', { ...d.actors[0], id: 'pk' }, 'us'))).toEqual(['id']);
    expect(checkItem(d, 'actors', { ...d.actors[2], id: 'inter-services' }, 'isi')).toEqual([]);
    // Renamed, its child's parent is rewritten to the new id: no cycle through the old one.
    expect(
      checkItem(d, 'actors', { ...d.actors[1], id: 'pakistan', parent: 's-wing' }, 'pk'),
    ).toEqual([
      expect.objectContaining({ path: 'parent', message: 'parent chain loops back to "pakistan"' }),
    ]);
  });

  it('warns, as import does, about a relation outside an actor’s lifetime, and on the dates that cause it', () => {
    const d = small();
    const relation = checkItem(d, 'relations', {
      id: 'r2',
      source: 'us',
      target: 'pk',
      kind: 'hostility',
      from: '1900',
    });
    expect(paths(relation)).toEqual([]);
    expect(relation.map((p) => p.message)).toEqual([
      'relation "r2" (from 1900) is active outside the lifetime of its target "pk" (from 1947-08-14)',
    ]);
    const actor = checkItem(d, 'actors', { ...d.actors[0], from: '1990' }, 'us');
    expect(actor).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'from',
        message: '1 of its relations or events is dated before this start',
      }),
    ]);
  });

  it('says what is wrong with something that is not an item at all', () => {
    expect(checkItem(small(), 'events', 'a string')).toEqual([
      { severity: 'error', path: '', message: 'an event must be an object' },
    ]);
  });

  it('agrees with import: an item of a valid dataset has no error, and breaking one field errs there', () => {
    fc.assert(
      fc.property(datasetArb, fc.nat(), (d, n) => {
        expect(validateDataset(d).errors).toEqual([]);
        for (const r of d.relations) expect(paths(checkItem(d, 'relations', r, r.id))).toEqual([]);
        for (const a of d.actors) expect(paths(checkItem(d, 'actors', a, a.id))).toEqual([]);
        const r = d.relations[n % Math.max(1, d.relations.length)];
        if (!r || r.from === undefined) return;
        const broken = { ...r, until: '1999' }; // every generated date is in 2000 or later
        const imported = validateDataset({
          ...d,
          relations: d.relations.map((x) => (x === r ? broken : x)),
        });
        const at = d.relations.indexOf(r);
        expect(imported.errors.map((p) => p.path)).toEqual([`relations[${at}].until`]);
        expect(paths(checkItem(d, 'relations', broken, r.id))).toEqual(['until']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('checkDataset', () => {
  it('is the validation of import', () => {
    const d = small();
    expect(checkDataset(d)).toEqual({ errors: [], warnings: [] });
    const bad = { ...d, relations: [{ ...d.relations[0]!, target: 'us' }] };
    expect(checkDataset(bad).errors.map((p) => [p.path, p.message])).toEqual([
      ['relations[0].target', 'a relation needs two different actors'],
    ]);
  });
});
