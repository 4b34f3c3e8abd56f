/**
 * Following an edit on a headless Cytoscape (the parts of the view that do
 * the work, without a canvas): the edited actors and relations are read
 * again from the next model, everything else stays the same element object.
 * The browser test (tests/e2e/authoring-graph.e2e.ts) checks it on screen.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyEdit, changeOf } from '../core/edit/apply';
import type { Edit } from '../core/edit/edit';
import { toDay } from '../core/dates';
import { buildExplorerModel, type ExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import type { Dataset, Relation } from '../core/schema';
import { windowSpan } from '../core/temporal';
import { tokens } from '../core/tokens';
import { actorElementId, partOfElementId, relationElementId } from './elements';
import { followEdit } from './followEdit';
import { initialElements } from './mounting';
import { createRelations } from './relations';
import { createViewState } from './viewState';

const dataset: Dataset = {
  title: 'Edits',
  sources: [],
  actorTypes: [],
  relationKinds: [],
  events: [],
  actors: [
    { id: 'a', label: 'Alpha', type: 'state' },
    { id: 'b', label: 'Beta', type: 'armed-group' },
    { id: 'c', label: 'Gamma', type: 'state' },
  ],
  relations: [
    { id: 'r1', source: 'a', target: 'b', kind: 'support', from: '2000', evidence: [] },
    { id: 'r2', source: 'b', target: 'c', kind: 'hostility', from: '2000', evidence: [] },
  ],
};
const positions = new Map<string, Point>([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 100, y: 0 }],
  ['c', { x: 50, y: 80 }],
  ['d', { x: -60, y: 40 }],
]);
const DAY = toDay('2005');

/** The view's parts on a headless Cytoscape, showing `model` at DAY. */
function headlessView(model: ExplorerModel) {
  const span = windowSpan(DAY, 0);
  const initial = initialElements(model, span, true);
  const { alive } = initial;
  const cy = cytoscape({ headless: true, elements: [...initial.nodes, ...initial.relations] });
  const container = null as unknown as HTMLElement; // followEdit never touches the page
  const state = createViewState({
    ...{ cy, container, model, large: false, reducedMotion: true },
    ...{ day: DAY, windowMonths: 0, span, alive },
  });
  const relations = createRelations(state);
  const follow = (edit: Edit) => {
    const next = buildExplorerModel(applyEdit(state.model.dataset, edit), positions);
    const before = state.mountedCount;
    followEdit(state, relations, next, changeOf(edit));
    return state.mountedCount - before;
  };
  return { cy, state, follow };
}

const relation = (fields: Partial<Relation> & Pick<Relation, 'id' | 'source' | 'target'>) =>
  ({ kind: 'support', from: '2001', evidence: [], ...fields }) as Relation;

describe('following an edit', () => {
  const model = buildExplorerModel(dataset, positions);

  it('mounts an added relation alone, bowed beside its pair, and keeps every other element', () => {
    const { cy, follow } = headlessView(model);
    const kept = cy.elements().toArray();
    const added = relation({ id: 'r3', source: 'b', target: 'a', kind: 'hostility' });
    expect(follow({ op: 'add', list: 'relations', item: added, index: 2 })).toBe(1);
    const edge = cy.getElementById(relationElementId('r3'));
    expect(edge.nonempty()).toBe(true);
    expect(edge.data('polarity')).toBe('negative');
    // Two relations between a and b now: r1 (a→b) and r3 (b→a) bow the same distance, each
    // measured in its own direction, so to opposite sides of the line (core/render/curves.ts).
    const gap = tokens.size.parallelGap;
    expect(edge.data('bow')).toBe(-gap);
    expect(cy.getElementById(relationElementId('r1')).data('bow')).toBe(-gap);
    for (const ele of kept) expect(cy.getElementById(ele.id())).toBe(ele);
  });

  it('takes a relation off when its new dates end before the day, and straightens its pair', () => {
    const { cy, state, follow } = headlessView(model);
    follow({
      op: 'add',
      list: 'relations',
      item: relation({ id: 'r3', source: 'a', target: 'b' }),
      index: 2,
    });
    const r3 = state.model.relationsById.get('r3')!;
    follow({
      op: 'update',
      list: 'relations',
      before: r3,
      after: { ...r3, until: '2003' },
      index: 2,
    });
    expect(cy.getElementById(relationElementId('r3')).empty()).toBe(true);
    expect(cy.getElementById(relationElementId('r1')).data('bow')).toBe(0);
  });

  it('adds an actor with its "part of" link, and a removed actor takes its relations along', () => {
    const { cy, state, follow } = headlessView(model);
    const d = { id: 'd', label: 'Delta', type: 'intelligence-agency', parent: 'a' };
    expect(follow({ op: 'add', list: 'actors', item: d, index: 3 })).toBe(2);
    const node = cy.getElementById(actorElementId('d'));
    expect(node.position()).toEqual({ x: -60, y: 40 });
    expect(node.data('label')).toBe('Delta');
    expect(cy.getElementById(partOfElementId('d')).target().id()).toBe(actorElementId('a'));

    const c = state.model.actorsById.get('c')!;
    const r2 = state.model.relationsById.get('r2')!;
    follow({
      op: 'group',
      label: 'Deleted actor “Gamma” and 1 relation',
      edits: [
        { op: 'remove', list: 'relations', item: r2, index: 1 },
        { op: 'remove', list: 'actors', item: c, index: 2 },
      ],
    });
    expect(cy.getElementById(actorElementId('c')).empty()).toBe(true);
    expect(cy.getElementById(relationElementId('r2')).empty()).toBe(true);
  });

  it('renames and moves an edited actor in place, greyed when its new lifetime excludes the day', () => {
    const { cy, state, follow } = headlessView(model);
    const node = cy.getElementById(actorElementId('b'));
    const b = state.model.actorsById.get('b')!;
    const after = { ...b, label: 'Beta front', until: '2004' };
    expect(follow({ op: 'update', list: 'actors', before: b, after, index: 1 })).toBe(0);
    expect(cy.getElementById(actorElementId('b'))).toBe(node);
    expect(node.data('label')).toBe('Beta front');
    expect(node.hasClass('dormant')).toBe(true);
    expect(state.alive.has('b')).toBe(false);
  });

  it('restyles every mounted relation when a relation kind changes colour', () => {
    const { cy, follow } = headlessView(model);
    const kind = {
      id: 'support',
      label: 'Support',
      polarity: 'positive' as const,
      directed: false,
      color: '#123456',
    };
    follow({ op: 'add', list: 'relationKinds', item: kind, index: 0 });
    expect(cy.getElementById(relationElementId('r1')).data('color')).toBe('#123456');
    expect(cy.getElementById(relationElementId('r2')).nonempty()).toBe(true);
  });

  it('gives an added actor the current filter', () => {
    const { cy, state, follow } = headlessView(model);
    state.filter = { hiddenTypes: new Set(['militia']), hiddenKinds: new Set(), focusActor: null };
    const d = { id: 'd', label: 'Delta', type: 'militia' };
    follow({ op: 'add', list: 'actors', item: d, index: 3 });
    expect(cy.getElementById(actorElementId('d')).hasClass('filtered')).toBe(true);
  });
});
