import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import { intentsArb, runIntents } from '../../../tests/helpers/editArbitraries';
import type { Dataset, Evidence, Story, StoryStep } from '../schema';
import { validateDataset } from '../validate';
import { applyEdit, invertEdit } from './apply';
import { removeItem, updateItem, type EditResult } from './builders';
import { describeEdit } from './describe';
import type { Edit } from './edit';
import { applyStepEdits, changedEvidence, quotesLost } from './storyFollow';

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

const quoteOf = (d: Dataset) => steps(d)[1]!.quote;

describe('a change of evidence', () => {
  /** The relation r2 with `evidence` in place of its own: the edit the relation form makes. */
  const withEvidence = (d: Dataset, evidence: Evidence[]) =>
    editOf(updateItem(d, 'relations', 'r2', { ...d.relations[1]!, evidence }));

  it('moves a quote of the whole text to the new words, in the same undo step', () => {
    const d = withStory();
    const edit = withEvidence(d, [{ source: 'doc', quote: 'The ISI backed the group.' }]);
    const out = applyAndUndo(d, edit);
    expect(quoteOf(out)).toEqual({ source: 'doc', text: 'The ISI backed the group.' });
    expect(quotesLost(edit)).toEqual([]);
    expect(describeEdit(edit, d)).toBe(
      'Changed relation “ISI – Lashkar”: evidence: quote “The ISI backed it.” changed (and the quote of 1 story step)',
    );
  });

  it('moves a quote to the source its evidence now cites', () => {
    const d = withStory();
    d.sources.push({ id: 'cable', title: 'A cable' });
    const edit = withEvidence(d, [{ source: 'cable', quote: 'The ISI backed it.' }]);
    expect(quoteOf(applyAndUndo(d, edit))).toEqual({ source: 'cable', text: 'The ISI backed it.' });

    // A part of the text, still there word for word, goes with it too.
    d.stories![0]!.steps[1]!.quote = { source: 'doc', text: 'backed it' };
    const part = withEvidence(d, [{ source: 'cable', quote: 'The ISI backed it, twice.' }]);
    expect(quoteOf(applyAndUndo(d, part))).toEqual({ source: 'cable', text: 'backed it' });
  });

  it('changes nothing when the quoted part is still in the new text', () => {
    const d = withStory();
    d.stories![0]!.steps[1]!.quote = { source: 'doc', text: 'ISI backed' };
    const edit = withEvidence(d, [{ source: 'doc', quote: 'In 1990 the ISI backed it openly.' }]);
    expect(edit.op).toBe('update'); // no story step in it
    expect(applyEdit(d, edit).stories).toBe(d.stories);
  });

  it('drops a quoted part the new text lacks, says which step lost it, and undo restores it', () => {
    const d = withStory();
    d.stories![0]!.steps[1]!.quote = { source: 'doc', text: 'ISI backed' };
    const edit = withEvidence(d, [{ source: 'doc', quote: 'The army backed it.' }]);
    const out = applyAndUndo(d, edit);
    expect(quoteOf(out)).toBeUndefined();
    expect(steps(out)[1]!.selection).toEqual({ kind: 'relation', id: 'r2' });
    expect(quotesLost(edit)).toEqual([
      { story: 'tale', step: 1, quote: { source: 'doc', text: 'ISI backed' } },
    ]);
    expect(describeEdit(edit, d)).toMatch(/\(1 story step lost its quote\)$/);
  });

  it('drops the quote of a deleted evidence item, unless other evidence still holds the words', () => {
    const d = withStory();
    const removal = withEvidence(d, []);
    expect(quoteOf(applyAndUndo(d, removal))).toBeUndefined();
    expect(quotesLost(removal)).toHaveLength(1);

    const e1 = { ...d.events[0]!, evidence: [{ source: 'doc', quote: 'The ISI backed it.' }] };
    d.events[0] = e1;
    const held = withEvidence(d, []);
    expect(quotesLost(held)).toEqual([]);
    expect(applyEdit(d, held).stories).toBe(d.stories);
    // The event's evidence follows the same rules as a relation's.
    const eventEdit = editOf(updateItem(d, 'events', 'e1', { ...e1, evidence: [] }));
    expect(applyEdit(d, eventEdit).stories).toBe(d.stories); // r2 still holds the words
  });

  it('follows the quote of an event whose evidence is the only one holding it', () => {
    const d = withStory();
    d.events[0] = { ...d.events[0]!, evidence: [{ source: 'doc', quote: 'Raided at night.' }] };
    d.stories![0]!.steps[2]!.quote = { source: 'doc', text: 'Raided at night.' };
    const edit = editOf(
      updateItem(d, 'events', 'e1', {
        ...d.events[0],
        evidence: [{ source: 'doc', quote: 'Raided after midnight.' }],
      }),
    );
    expect(steps(applyAndUndo(d, edit))[2]!.quote).toEqual({
      source: 'doc',
      text: 'Raided after midnight.',
    });
  });

  it('leaves alone a quote the evidence did not hold before the edit', () => {
    const d = withStory();
    d.stories![0]!.steps[1]!.quote = { source: 'doc', text: 'Never said.' };
    const edit = withEvidence(d, [{ source: 'doc', quote: 'Something else.' }]);
    expect(applyEdit(d, edit).stories).toBe(d.stories);
  });
});

describe('any change of evidence', () => {
  const words = fc.array(fc.constantFrom('the', 'ISI', 'backed', 'it', 'army'), {
    minLength: 1,
    maxLength: 5,
  });
  const evidenceArb = fc.array(
    fc.record({ source: fc.constantFrom('doc', 'cable'), quote: words.map((w) => w.join(' ')) }),
    { minLength: 1, maxLength: 4 },
  );

  it('keeps a quote the evidence holds, or drops it and says so; undo restores it', () => {
    fc.assert(
      fc.property(evidenceArb, evidenceArb, fc.nat(), fc.nat(), (before, after, pick, cut) => {
        const d = withStory();
        d.sources.push({ id: 'cable', title: 'A cable' });
        d.relations[1] = { ...d.relations[1]!, evidence: before };
        // The step quotes the tail of one evidence item, from some word on.
        const quoted = before[pick % before.length]!;
        const tail = quoted.quote.split(' ');
        const text = tail.slice(cut % tail.length).join(' ');
        d.stories![0]!.steps[1]!.quote = { source: quoted.source, text };
        const result = updateItem(d, 'relations', 'r2', { ...d.relations[1], evidence: after });
        if ('refused' in result) return; // nothing changed
        const out = applyAndUndo(d, result.edit);
        const lost = quotesLost(result.edit);
        if (quoteOf(out)) expect(lost).toEqual([]);
        else
          expect(lost).toEqual([
            { story: 'tale', step: 1, quote: { source: quoted.source, text } },
          ]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('changedEvidence', () => {
  const q = (quote: string) => ({ source: 'doc', quote });

  it('pairs the items changed in place and skips those kept, removed or added', () => {
    const before = [q('a'), q('b'), q('c'), q('d')];
    // b rewritten, c removed, e added at the end.
    const after = [q('a'), q('B'), q('d'), q('e')];
    expect(changedEvidence(before, after)).toEqual([[q('b'), q('B')]]);
    expect(changedEvidence(before, before)).toEqual([]);
    expect(changedEvidence([], [q('x')])).toEqual([]);
    expect(changedEvidence([q('x'), q('y')], [q('X'), q('Y')])).toEqual([
      [q('x'), q('X')],
      [q('y'), q('Y')],
    ]);
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
