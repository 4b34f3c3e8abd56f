import { describe, expect, it } from 'vitest';
import type { Dataset } from '../schema';
import { validateDataset } from '../validate';
import { applyEdit, invertEdit } from './apply';
import { addItem, newId, removeItem, updateItem, type EditResult } from './builders';
import type { Edit } from './edit';

function small(): Dataset {
  return {
    title: 'Small',
    sources: [{ id: 'doc', title: 'A document' }],
    actorTypes: [{ id: 'militia', label: 'Militia' }],
    relationKinds: [{ id: 'truce', label: 'Truce', polarity: 'neutral', directed: false }],
    actors: [
      { id: 'us', label: 'US', type: 'state' },
      { id: 'pk', label: 'Pakistan', type: 'state' },
      { id: 'isi', label: 'ISI', type: 'intelligence-agency', parent: 'pk' },
      { id: 's-wing', label: 'S Wing', type: 'intelligence-agency', parent: 'isi' },
      { id: 'lashkar', label: 'Lashkar', type: 'militia' },
    ],
    relations: [
      { id: 'r1', source: 'us', target: 'pk', kind: 'alliance', from: '2001', evidence: [] },
      {
        id: 'r2',
        source: 'isi',
        target: 'lashkar',
        kind: 'support',
        from: '1990',
        evidence: [{ source: 'doc', quote: 'The ISI backed it.' }],
      },
      { id: 'r3', source: 'us', target: 'isi', kind: 'truce', from: '2011', evidence: [] },
      { id: 'r4', source: 'isi', target: 'us', kind: 'tension', from: '2011', evidence: [] },
    ],
    events: [{ id: 'e1', date: '2011-05-02', title: 'Raid', actors: ['us', 'isi'], evidence: [] }],
  };
}

function editOf(result: EditResult): Edit {
  if ('refused' in result) throw new Error(result.refused);
  return result.edit;
}

/** The edit applied, checked valid as on import, and undone back to the original. */
function applyValid(d: Dataset, edit: Edit): Dataset {
  const out = applyEdit(d, edit);
  expect(validateDataset(out).errors).toEqual([]);
  expect(applyEdit(out, invertEdit(edit))).toEqual(d);
  return out;
}

describe('addItem', () => {
  it('adds at the end, with the defaults an import fills in and no undefined fields', () => {
    const d = small();
    const edit = editOf(
      addItem(d, 'relations', {
        id: 'r5',
        source: 'pk',
        target: 'lashkar',
        kind: 'support',
        note: undefined,
      } as never),
    );
    expect(edit).toEqual({
      op: 'add',
      list: 'relations',
      item: { id: 'r5', source: 'pk', target: 'lashkar', kind: 'support', evidence: [] },
      index: 4,
    });
    expect(Object.keys((edit as { item: object }).item)).not.toContain('note');
    applyValid(d, edit);
  });

  it('refuses an invalid item with its problems, and makes no edit', () => {
    const result = addItem(small(), 'relations', {
      id: 'r5',
      source: 'pk',
      target: 'us',
      kind: 'hostility',
      from: '2011',
      until: '2001',
      evidence: [],
    });
    expect(result).toEqual({
      refused: 'the relation was not saved: until: ends (2001) before it starts (2011)',
      problems: [expect.objectContaining({ path: 'until', severity: 'error' })],
    });
  });
});

describe('updateItem', () => {
  it('replaces the item in place', () => {
    const d = small();
    const edit = editOf(
      updateItem(d, 'relations', 'r1', { ...d.relations[0]!, until: '2011-05-02' }),
    );
    expect(edit).toMatchObject({
      op: 'update',
      index: 0,
      before: d.relations[0],
      after: { until: '2011-05-02' },
    });
    applyValid(d, edit);
  });

  it('refuses an unknown id, an unchanged item and an invalid change', () => {
    const d = small();
    expect(updateItem(d, 'actors', 'nobody', d.actors[0]!)).toEqual({
      refused: 'there is no actor “nobody”',
    });
    expect(updateItem(d, 'actors', 'us', { ...d.actors[0]! })).toEqual({
      refused: 'nothing changed',
    });
    expect(updateItem(d, 'actors', 'pk', { ...d.actors[1]!, parent: 's-wing' })).toMatchObject({
      refused: 'the actor was not saved: parent: parent chain loops back to "pk"',
    });
  });

  it('renames an actor everywhere it is named, as one edit', () => {
    const d = small();
    const edit = editOf(updateItem(d, 'actors', 'isi', { ...d.actors[2]!, id: 'inter-services' }));
    expect(edit.op).toBe('group');
    const out = applyValid(d, edit);
    const named = JSON.stringify(out);
    expect(named).not.toContain('"isi"');
    expect(out.actors[3]!.parent).toBe('inter-services');
    expect(out.relations.map((r) => [r.source, r.target])).toContainEqual([
      'inter-services',
      'lashkar',
    ]);
    expect(out.events[0]!.actors).toEqual(['us', 'inter-services']);
    expect(edit).toMatchObject({
      label: 'Changed actor “ISI”: id isi → inter-services (and 5 references to it)',
    });
  });

  it('renames a source, a type and a kind in what uses them', () => {
    const d = small();
    const source = applyValid(
      d,
      editOf(updateItem(d, 'sources', 'doc', { ...d.sources[0]!, id: 'book' })),
    );
    expect(source.relations[1]!.evidence[0]!.source).toBe('book');
    const type = applyValid(
      d,
      editOf(updateItem(d, 'actorTypes', 'militia', { ...d.actorTypes[0]!, id: 'armed' })),
    );
    expect(type.actors[4]!.type).toBe('armed');
    const kind = applyValid(
      d,
      editOf(updateItem(d, 'relationKinds', 'truce', { ...d.relationKinds[0]!, id: 'ceasefire' })),
    );
    expect(kind.relations[2]!.kind).toBe('ceasefire');
  });
});

describe('removeItem', () => {
  it('removes an actor with its relations, from its events, and as a parent, as one edit', () => {
    const d = small();
    const edit = editOf(removeItem(d, 'actors', 'isi'));
    const out = applyValid(d, edit);
    expect(out.actors.map((a) => a.id)).toEqual(['us', 'pk', 's-wing', 'lashkar']);
    expect(out.relations.map((r) => r.id)).toEqual(['r1']);
    expect(out.events[0]!.actors).toEqual(['us']);
    expect(out.actors.find((a) => a.id === 's-wing')).not.toHaveProperty('parent');
    expect(edit).toMatchObject({
      label:
        'Deleted actor “ISI” and 3 relations (removed from 1 event; no longer the parent of 1 actor)',
    });
  });

  it('refuses to remove what items still use, saying how many', () => {
    const d = small();
    expect(removeItem(d, 'sources', 'doc')).toEqual({
      refused: 'source “doc” is quoted by 1 relation: remove or move those quotes first',
    });
    expect(removeItem(d, 'actorTypes', 'militia')).toEqual({
      refused: 'actor type “militia” is used by 1 actor: give them another type first',
    });
    expect(removeItem(d, 'relationKinds', 'truce')).toEqual({
      refused: 'relation kind “truce” is used by 1 relation: give them another kind first',
    });
  });

  it('lets a dataset’s override of a built-in kind go: its relations fall back to the built-in', () => {
    const base = small();
    const strain = {
      id: 'tension',
      label: 'Strain',
      polarity: 'negative' as const,
      directed: false,
    };
    const d = { ...base, relationKinds: [...base.relationKinds, strain] };
    applyValid(d, editOf(removeItem(d, 'relationKinds', 'tension')));
  });

  it('removes a relation or an event alone', () => {
    const d = small();
    expect(editOf(removeItem(d, 'relations', 'r3'))).toEqual({
      op: 'remove',
      list: 'relations',
      item: d.relations[2],
      index: 2,
    });
    applyValid(d, editOf(removeItem(d, 'events', 'e1')));
  });
});

describe('newId', () => {
  it('makes a readable id from the label, unique in its list', () => {
    const d = small();
    expect(newId(d, 'actors', 'Inter-Services Intelligence')).toBe('inter-services-intelligence');
    expect(newId(d, 'actors', 'ISI')).toBe('isi-2');
    expect(newId(d, 'actors', '¿¿')).toBe('actor');
    expect(newId(d, 'relationKinds', 'Hostility')).toBe('hostility-2'); // not the built-in's id
  });
});
