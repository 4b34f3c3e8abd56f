import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import { intentsArb, runIntents } from '../../../tests/helpers/editArbitraries';
import type { Dataset, Story, StoryStep } from '../schema';
import { validateDataset } from '../validate';
import { applyEdit, invertEdit } from './apply';
import { removeItem, updateItem, type EditResult } from './builders';
import { describeEdit } from './describe';
import type { Edit } from './edit';
import { applyStepEdits } from './storyFollow';

/** A small dataset whose story names an actor, a relation, an event, a type, a kind and a source. */
function withStory(): Dataset {
  const steps: StoryStep[] = [
    { date: '2001', caption: 'The alliance', selection: { kind: 'actor', id: 'pk' } },
    {
      date: '2005',
      caption: 'Support, militias hidden',
      selection: { kind: 'relation', id: 'r2' },
      filters: { hiddenTypes: ['militia'], hiddenKinds: ['truce'], neighbourhoodOnly: true },
      quote: { source: 'doc', text: 'The ISI backed it.' },
    },
    { date: '2011-05-02', caption: 'The raid', selection: { kind: 'event', id: 'e1' } },
    { date: '2012', caption: 'No selection' },
  ];
  return {
    title: 'Small',
    sources: [{ id: 'doc', title: 'A document' }],
    actorTypes: [{ id: 'militia', label: 'Militia' }],
    relationKinds: [{ id: 'truce', label: 'Truce', polarity: 'neutral', directed: false }],
    actors: [
      { id: 'us', label: 'US', type: 'state' },
      { id: 'pk', label: 'Pakistan', type: 'state' },
      { id: 'isi', label: 'ISI', type: 'intelligence-agency', parent: 'pk' },
      { id: 'lashkar', label: 'Lashkar', type: 'state' },
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
    ],
    events: [{ id: 'e1', date: '2011-05-02', title: 'Raid', actors: ['us', 'isi'], evidence: [] }],
    stories: [{ id: 'tale', title: 'A tale', steps }],
  };
}

function editOf(result: EditResult): Edit {
  if ('refused' in result) throw new Error(result.refused);
  return result.edit;
}

const storyWarnings = (d: Dataset) =>
  validateDataset(d).warnings.filter((w) => w.path.startsWith('stories'));

const steps = (d: Dataset) => d.stories![0]!.steps;

/** Applies the edit, checks the stories resolve and that undoing gives the dataset back. */
function applyAndUndo(d: Dataset, edit: Edit): Dataset {
  const out = applyEdit(d, edit);
  expect(storyWarnings(out)).toEqual([]);
  expect(applyEdit(out, invertEdit(edit))).toEqual(d);
  return out;
}

describe('a rename', () => {
  it('rewrites the actor a step selects, in the same undo step, and says so', () => {
    const d = withStory();
    const pk = d.actors[1]!;
    const edit = editOf(updateItem(d, 'actors', 'pk', { ...pk, id: 'pakistan' }));
    const out = applyAndUndo(d, edit);
    expect(steps(out)[0]!.selection).toEqual({ kind: 'actor', id: 'pakistan' });
    // Only that step changed; the others are the same objects.
    expect(steps(out).slice(1)).toEqual(steps(d).slice(1));
    expect(steps(out)[0]).toEqual({ ...steps(d)[0], selection: { kind: 'actor', id: 'pakistan' } });
    expect(describeEdit(edit, d)).toBe(
      'Changed actor “Pakistan”: id pk → pakistan (and 2 references to it, and 1 story step naming it)',
    );
  });

  it('rewrites a relation or an event a step selects, though nothing else names them', () => {
    const d = withStory();
    const relation = editOf(
      updateItem(d, 'relations', 'r2', { ...d.relations[1]!, id: 'backing' }),
    );
    expect(relation.op).toBe('group');
    expect(describeEdit(relation, d)).toMatch(/\(and 1 story step naming it\)$/);
    expect(steps(applyAndUndo(d, relation))[1]!.selection).toEqual({
      kind: 'relation',
      id: 'backing',
    });

    const event = editOf(updateItem(d, 'events', 'e1', { ...d.events[0]!, id: 'abbottabad' }));
    expect(steps(applyAndUndo(d, event))[2]!.selection).toEqual({
      kind: 'event',
      id: 'abbottabad',
    });
  });

  it('rewrites the types and kinds a step hides and the source its quote cites', () => {
    const d = withStory();
    const type = editOf(updateItem(d, 'actorTypes', 'militia', { id: 'armed', label: 'Militia' }));
    expect(steps(applyAndUndo(d, type))[1]!.filters).toEqual({
      hiddenTypes: ['armed'],
      hiddenKinds: ['truce'],
      neighbourhoodOnly: true,
    });
    const kind = editOf(
      updateItem(d, 'relationKinds', 'truce', { ...d.relationKinds[0]!, id: 'ceasefire' }),
    );
    expect(steps(applyAndUndo(d, kind))[1]!.filters?.hiddenKinds).toEqual(['ceasefire']);
    const source = editOf(updateItem(d, 'sources', 'doc', { id: 'cable', title: 'A document' }));
    const quoted = applyAndUndo(d, source);
    expect(steps(quoted)[1]!.quote).toEqual({ source: 'cable', text: 'The ISI backed it.' });
    expect(quoted.relations[1]!.evidence[0]!.source).toBe('cable');
  });

  it('changes no story when no step names the item', () => {
    const d = withStory();
    const edit = editOf(updateItem(d, 'actors', 'us', { ...d.actors[0]!, id: 'usa' }));
    expect(edit.op === 'group' && edit.steps).toBeFalsy();
    expect(applyEdit(d, edit).stories).toBe(d.stories);
  });
});

describe('a deletion', () => {
  it('clears the selection of a step that selects a deleted relation; undo restores it', () => {
    const d = withStory();
    const edit = editOf(removeItem(d, 'relations', 'r2'));
    const out = applyAndUndo(d, edit);
    expect(steps(out)[1]!.selection).toBeUndefined();
    // Its quote was in the deleted relation's evidence only: the step cannot vouch for it now.
    expect(steps(out)[1]!.quote).toBeUndefined();
    // The rest of the step stays.
    expect(steps(out)[1]!.caption).toBe('Support, militias hidden');
    expect(steps(out)[1]!.filters).toEqual(steps(d)[1]!.filters);
    expect(describeEdit(edit, d)).toMatch(/^Deleted support .* \(cleared from 1 story step\)$/);
  });

  it('with an actor, clears the steps selecting it and its relations, in one undo step', () => {
    const d = withStory();
    const edit = editOf(removeItem(d, 'actors', 'isi'));
    const out = applyAndUndo(d, edit);
    expect(steps(out)[1]!.selection).toBeUndefined(); // r2 went with the ISI
    expect(steps(out)[0]!.selection).toEqual({ kind: 'actor', id: 'pk' });
    expect(describeEdit(edit, d)).toBe(
      'Deleted actor “ISI” and 1 relation (removed from 1 event; cleared from 1 story step)',
    );
  });

  it('drops a deleted type from a filter (the filter goes when empty); a built-in stays', () => {
    const d = withStory();
    d.stories![0]!.steps[3]!.filters = { hiddenTypes: ['militia'] };
    // “militia” is the type of no actor: deleting it is allowed.
    const edit = editOf(removeItem(d, 'actorTypes', 'militia'));
    const out = applyAndUndo(d, edit);
    expect(steps(out)[1]!.filters).toEqual({ hiddenKinds: ['truce'], neighbourhoodOnly: true });
    expect(steps(out)[3]!.filters).toBeUndefined();

    // A dataset's own entry for a built-in kind: its users fall back to the built-in, which
    // a filter can still hide.
    const builtIn = {
      ...d,
      relationKinds: [
        { id: 'support', label: 'Backing', polarity: 'positive' as const, directed: true },
      ],
    };
    builtIn.stories = [
      {
        id: 'tale',
        title: 'A tale',
        steps: [{ date: '2001', caption: '', filters: { hiddenKinds: ['support'] } }],
      },
    ];
    const kept = applyEdit(builtIn, editOf(removeItem(builtIn, 'relationKinds', 'support')));
    expect(steps(kept)[0]!.filters).toEqual({ hiddenKinds: ['support'] });
  });
});

describe('stories edited outside the undo history', () => {
  it('undo restores a step whose caption changed since, and leaves a reselected step alone', () => {
    const d = withStory();
    const edit = editOf(removeItem(d, 'actors', 'pk'));
    const out = applyEdit(d, edit);
    expect(steps(out)[0]!.selection).toBeUndefined();
    // In the story panel meanwhile: a caption edited, another step given a new selection.
    const [first, second, ...rest] = steps(out);
    const edited: Story = {
      ...out.stories![0]!,
      steps: [
        { ...first!, caption: 'Rewritten' },
        { ...second!, selection: { kind: 'actor', id: 'us' } },
        ...rest,
      ],
    };
    const undone = applyEdit({ ...out, stories: [edited] }, invertEdit(edit));
    expect(steps(undone)[0]).toEqual({ ...steps(d)[0], caption: 'Rewritten' });
    expect(steps(undone)[1]!.selection).toEqual({ kind: 'actor', id: 'us' });
  });

  it('skips a step edit whose story or step is gone, and changes nothing then', () => {
    const stories = withStory().stories!;
    const edit = {
      story: 'tale',
      step: 9,
      before: {},
      after: { selection: { kind: 'actor' as const, id: 'us' } },
    };
    expect(applyStepEdits(stories, [edit])).toBe(stories);
    expect(applyStepEdits(stories, [{ ...edit, story: 'other', step: 0 }])).toBe(stories);
  });
});

/** A story of steps selecting the dataset's items, chosen by the numbers given. */
function storyOver(d: Dataset, picks: readonly number[]): Story {
  const lists = [
    ['actor', d.actors],
    ['relation', d.relations],
    ['event', d.events],
  ] as const;
  return {
    id: 'walk',
    title: 'A walk',
    steps: picks.map((n) => {
      const [kind, items] = lists[n % 3]!;
      const item = items[Math.floor(n / 3) % Math.max(1, items.length)];
      return {
        date: '2001',
        caption: `Step ${n}`,
        ...(item && { selection: { kind, id: item.id } }),
      };
    }),
  };
}

describe('any sequence of edits', () => {
  it('leaves every story reference resolved, and undoing them all restores the stories', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.array(fc.nat(), { maxLength: 8 }),
        intentsArb(6),
        (base, picks, intents) => {
          const d = { ...base, stories: [storyOver(base, picks)] };
          expect(storyWarnings(d)).toEqual([]);
          const { edits, dataset } = runIntents(d, intents);
          expect(storyWarnings(dataset)).toEqual([]);
          const undone = [...edits]
            .reverse()
            .reduce((x, e) => applyEdit(x, invertEdit(e)), dataset);
          expect(undone).toEqual(d);
        },
      ),
      { numRuns: 150 },
    );
  });
});
