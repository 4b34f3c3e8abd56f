import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import { intentsArb, runIntents } from '../../../tests/helpers/editArbitraries';
import type { Dataset } from '../schema';
import { applyEdit, changeOf, invertEdit } from './apply';
import type { Edit } from './edit';

function small(): Dataset {
  return {
    title: 'Small',
    sources: [{ id: 'doc', title: 'A document' }],
    actorTypes: [],
    relationKinds: [],
    actors: [
      { id: 'us', label: 'US', type: 'state' },
      { id: 'pk', label: 'Pakistan', type: 'state' },
      { id: 'isi', label: 'ISI', type: 'intelligence-agency', parent: 'pk' },
    ],
    relations: [
      { id: 'r1', source: 'us', target: 'pk', kind: 'alliance', from: '2001', evidence: [] },
      { id: 'r2', source: 'isi', target: 'us', kind: 'tension', from: '2011', evidence: [] },
    ],
    events: [{ id: 'e1', date: '2011-05-02', title: 'Raid', actors: ['us'], evidence: [] }],
  };
}

describe('applyEdit', () => {
  it('inserts at the index and shares every list and item it does not touch', () => {
    const d = small();
    const item = { id: 'r3', source: 'pk', target: 'isi', kind: 'support', evidence: [] };
    const out = applyEdit(d, { op: 'add', list: 'relations', item, index: 1 });
    expect(out.relations.map((r) => r.id)).toEqual(['r1', 'r3', 'r2']);
    expect(out.relations).not.toBe(d.relations);
    expect(out.relations[0]).toBe(d.relations[0]);
    expect(out.actors).toBe(d.actors);
    expect(out.events).toBe(d.events);
    expect(d.relations.map((r) => r.id)).toEqual(['r1', 'r2']); // the input is untouched
  });

  it('copies a list once for a group of edits to it', () => {
    const d = small();
    const edit: Edit = {
      op: 'group',
      label: 'two',
      edits: [
        { op: 'remove', list: 'relations', item: d.relations[1]!, index: 1 },
        {
          op: 'update',
          list: 'relations',
          before: d.relations[0]!,
          after: { ...d.relations[0]!, until: '2011' },
          index: 0,
        },
      ],
    };
    const out = applyEdit(d, edit);
    expect(out.relations).toEqual([{ ...d.relations[0], until: '2011' }]);
    expect(out.sources).toBe(d.sources);
  });

  it('refuses, naming the place, an item that is not the one the edit names', () => {
    const d = small();
    expect(() =>
      applyEdit(d, { op: 'remove', list: 'relations', item: d.relations[0]!, index: 1 }),
    ).toThrow('cannot remove relations[1]: expected “r1” there, found “r2”');
    const changed = { ...d.relations[0]!, note: 'edited in another tab' };
    expect(() =>
      applyEdit(d, { op: 'update', list: 'relations', before: changed, after: changed, index: 0 }),
    ).toThrow('cannot update relations[0] (“r1”): it has changed since the edit was made');
    expect(() =>
      applyEdit(d, { op: 'remove', list: 'events', item: d.events[0]!, index: 3 }),
    ).toThrow('cannot remove events[3] (“e1”): the list has only 1 items');
    expect(() => applyEdit(d, { op: 'add', list: 'events', item: d.events[0]!, index: 5 })).toThrow(
      'cannot add events[5]: the list has only 1 items',
    );
  });

  it('leaves the dataset untouched when a group fails half way', () => {
    const d = small();
    const before = structuredClone(d);
    const edit: Edit = {
      op: 'group',
      label: 'half',
      edits: [
        { op: 'remove', list: 'relations', item: d.relations[0]!, index: 0 },
        { op: 'remove', list: 'relations', item: d.relations[0]!, index: 0 }, // already gone
      ],
    };
    expect(() => applyEdit(d, edit)).toThrow(/expected “r1” there, found “r2”/);
    expect(d).toEqual(before);
  });
});

describe('invertEdit', () => {
  it('undoes any sequence of edits a user can make, step by step, back to the same dataset', () => {
    fc.assert(
      fc.property(datasetArb, intentsArb(), (d, intents) => {
        const { edits, dataset } = runIntents(d, intents);
        let current = dataset;
        for (const edit of [...edits].reverse()) current = applyEdit(current, invertEdit(edit));
        expect(current).toEqual(d);
      }),
      { numRuns: 200 },
    );
  });

  it('turns an add into a remove at the same index, and an update around', () => {
    const d = small();
    const add: Edit = {
      op: 'add',
      list: 'actors',
      item: { id: 'x', label: 'X', type: 'state' },
      index: 0,
    };
    expect(invertEdit(add)).toEqual({ ...add, op: 'remove' });
    expect(invertEdit(invertEdit(add))).toEqual(add);
    const update: Edit = {
      op: 'update',
      list: 'actors',
      before: d.actors[0]!,
      after: { ...d.actors[0]!, label: 'USA' },
      index: 0,
    };
    expect(applyEdit(applyEdit(d, update), invertEdit(update))).toEqual(d);
  });
});

describe('changeOf', () => {
  it('lists the ids touched per kind of item, both ids of a rename, and vocabulary changes', () => {
    const d = small();
    const edit: Edit = {
      op: 'group',
      label: 'rename',
      edits: [
        {
          op: 'update',
          list: 'actors',
          before: d.actors[0]!,
          after: { ...d.actors[0]!, id: 'usa' },
          index: 0,
        },
        {
          op: 'update',
          list: 'relations',
          before: d.relations[0]!,
          after: { ...d.relations[0]!, source: 'usa' },
          index: 0,
        },
        {
          op: 'update',
          list: 'events',
          before: d.events[0]!,
          after: { ...d.events[0]!, actors: ['usa'] },
          index: 0,
        },
      ],
    };
    expect(changeOf(edit)).toEqual({
      actors: ['us', 'usa'],
      relations: ['r1'],
      events: ['e1'],
      vocabulary: false,
    });
    const kind: Edit = {
      op: 'add',
      list: 'relationKinds',
      item: { id: 'truce', label: 'Truce', polarity: 'neutral', directed: false },
      index: 0,
    };
    expect(changeOf(kind)).toEqual({ actors: [], relations: [], events: [], vocabulary: true });
    const source: Edit = { op: 'remove', list: 'sources', item: d.sources[0]!, index: 0 };
    expect(changeOf(source)).toEqual({ actors: [], relations: [], events: [], vocabulary: false });
  });
});
