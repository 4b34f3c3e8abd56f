import { describe, expect, it } from 'vitest';
import type { Dataset } from '../schema';
import { addItem, removeItem, updateItem, type EditResult } from './builders';
import { describeEdit } from './describe';
import type { Edit } from './edit';

function seedLike(): Dataset {
  return {
    title: 'Seed-like',
    sources: [{ id: 'doc', title: 'An article' }],
    actorTypes: [],
    relationKinds: [],
    actors: [
      { id: 'us', label: 'US', type: 'state' },
      { id: 'pk', label: 'Pakistan', type: 'state' },
      { id: 'ttp', label: 'TTP', type: 'armed-group', from: '2007-12' },
      { id: 'isi', label: 'ISI', type: 'intelligence-agency', parent: 'pk' },
    ],
    relations: [
      {
        id: 'us-pk',
        source: 'us',
        target: 'pk',
        kind: 'alliance',
        from: '2001',
        until: '2011',
        evidence: [],
      },
      { id: 'r2', source: 'isi', target: 'us', kind: 'tension', evidence: [] },
      { id: 'r3', source: 'isi', target: 'ttp', kind: 'contact', evidence: [] },
      { id: 'r4', source: 'pk', target: 'isi', kind: 'support', evidence: [] },
      { id: 'r5', source: 'isi', target: 'us', kind: 'cooperation', until: '2011', evidence: [] },
    ],
    events: [],
  };
}

const editOf = (result: EditResult): Edit => {
  if ('refused' in result) throw new Error(result.refused);
  return result.edit;
};

describe('describeEdit', () => {
  it('words an addition, a change and a deletion as the changelog shows them', () => {
    const d = seedLike();
    const added = editOf(
      addItem(d, 'relations', {
        id: 'pk-ttp',
        source: 'pk',
        target: 'ttp',
        kind: 'hostility',
        from: '2007-12',
        evidence: [],
      }),
    );
    expect(describeEdit(added, d)).toBe('Added hostility “Pakistan – TTP” (2007-12 –)');
    const changed = editOf(
      updateItem(d, 'relations', 'us-pk', { ...d.relations[0]!, until: '2011-05-02' }),
    );
    expect(describeEdit(changed, d)).toBe(
      'Changed relation “US – Pakistan”: until 2011 → 2011-05-02',
    );
    expect(describeEdit(editOf(removeItem(d, 'actors', 'isi')), d)).toBe(
      'Deleted actor “ISI” and 4 relations',
    );
  });

  it('lists each field that changed, with references by label and absent values as (none)', () => {
    const d = seedLike();
    const edit = editOf(
      updateItem(d, 'relations', 'r2', {
        ...d.relations[1]!,
        kind: 'hostility',
        target: 'pk',
        note: 'after the raid',
        evidence: [{ source: 'doc', quote: 'relations soured' }],
      }),
    );
    expect(describeEdit(edit, d)).toBe(
      'Changed relation “ISI – US”: target “US” → “Pakistan”; kind tension → hostility; evidence: added quote “relations soured”; note (none) → “after the raid”',
    );
    const actor = editOf(
      updateItem(d, 'actors', 'isi', { ...d.actors[3]!, parent: undefined, type: 'armed-group' }),
    );
    expect(describeEdit(actor, d)).toBe(
      'Changed actor “ISI”: type intelligence agency → armed group; parent “Pakistan” → (none)',
    );
  });
});
