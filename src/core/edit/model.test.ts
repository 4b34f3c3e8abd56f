import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb, probeDays } from '../../../tests/helpers/arbitraries';
import { intentsArb, runIntents } from '../../../tests/helpers/editArbitraries';
import { endDay, startDay } from '../dates';
import { buildExplorerModel, type ExplorerModel } from '../explorer-model';
import type { Point } from '../layout';
import type { Dataset } from '../schema';
import { generateSyntheticDataset } from '../synthetic';
import { packIndex } from '../temporal';
import { applyEdit } from './apply';
import { addItem, removeItem, updateItem } from './builders';
import type { Edit } from './edit';
import { applyEditToModel } from './model';

/** Positions without running the layout (the tests compare everything else with a rebuild). */
function rowOf(d: Dataset): Map<string, Point> {
  return new Map(d.actors.map((a, i) => [a.id, { x: 200 * i, y: 0 }]));
}

const sorted = (xs: readonly string[]) => [...xs].sort();

/** Ids of the items active at t, by a full scan (as in temporal.test.ts). */
const naiveActive = (items: readonly { id: string; from?: string; until?: string }[], t: number) =>
  sorted(items.filter((x) => startDay(x.from) <= t && t < endDay(x.until)).map((x) => x.id));

/** The model's answers that must not depend on how it was made. */
function expectSameAnswers(edited: ExplorerModel, rebuilt: ExplorerModel): void {
  const d = rebuilt.dataset;
  expect(edited.dataset).toEqual(d);
  expect(edited.index.packed).toEqual(packIndex(d));
  const all = probeDays(d);
  // Every probe day of a small dataset; 40 spread over a bigger one's, to keep the test quick.
  const days = all.filter((_, k) => k % Math.ceil(all.length / 40) === 0);
  for (const t of days) {
    const a = edited.index.stateAt(t);
    expect(sorted(a.actors)).toEqual(naiveActive(d.actors, t));
    expect(sorted(a.relations)).toEqual(naiveActive(d.relations, t));
  }
  for (let k = 0; k + 1 < days.length; k += 3) {
    const a = edited.index.diff(days[k]!, days[k + 1]!);
    const b = rebuilt.index.diff(days[k]!, days[k + 1]!);
    expect(sorted(a.relationsEntered)).toEqual(sorted(b.relationsEntered));
    expect(sorted(a.relationsLeft)).toEqual(sorted(b.relationsLeft));
    expect(sorted(a.actorsEntered)).toEqual(sorted(b.actorsEntered));
    expect(a.flips.map((f) => sorted(f.entered)).sort()).toEqual(
      b.flips.map((f) => sorted(f.entered)).sort(),
    );
  }
  const edges = [...days].sort((x, y) => x - y);
  expect(edited.index.activity(edges)).toEqual(rebuilt.index.activity(edges));
  expect(edited.index.events).toEqual(rebuilt.index.events);
  expect([edited.index.start, edited.index.end, edited.index.timeless]).toEqual([
    rebuilt.index.start,
    rebuilt.index.end,
    rebuilt.index.timeless,
  ]);

  expect(edited.union.actorCount).toBe(rebuilt.union.actorCount);
  expect(edited.union.relationCount).toBe(rebuilt.union.relationCount);
  for (const a of d.actors) expect(edited.union.actor(a.id)).toEqual(rebuilt.union.actor(a.id));
  for (const r of d.relations) {
    expect(edited.union.relation(r.id)).toEqual(rebuilt.union.relation(r.id));
    expect(edited.union.endpoints(r.id)).toEqual(rebuilt.union.endpoints(r.id));
  }
  expect(new Map(edited.actorsById)).toEqual(new Map(rebuilt.actorsById));
  expect(new Map(edited.relationsById)).toEqual(new Map(rebuilt.relationsById));
  expect(new Map(edited.relationIndex)).toEqual(new Map(rebuilt.relationIndex));
  expect(new Map(edited.eventsById)).toEqual(new Map(rebuilt.eventsById));
  expect(edited.vocabulary).toEqual(rebuilt.vocabulary);
  expect(edited.usage).toEqual(rebuilt.usage);
}

describe('applyEditToModel', () => {
  it('answers as a model rebuilt from the edited dataset, after any sequence of edits', () => {
    fc.assert(
      fc.property(datasetArb, intentsArb(6), (d, intents) => {
        const { edits, dataset } = runIntents(d, intents);
        let model = buildExplorerModel(d, rowOf(d));
        for (const edit of edits) {
          const before = new Map(model.positions);
          model = applyEditToModel(model, edit).model;
          // Existing actors never move (a renamed one keeps its place under its new id).
          for (const [id, p] of before)
            if (model.actorsById.has(id)) expect(model.positions.get(id)).toEqual(p);
        }
        expect(sorted([...model.positions.keys()])).toEqual(
          sorted(dataset.actors.map((a) => a.id)),
        );
        expectSameAnswers(model, buildExplorerModel(dataset, model.positions));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the previous model’s dataset and index as they were', () => {
    const d = generateSyntheticDataset('S', 3);
    const model = buildExplorerModel(d, rowOf(d));
    const packed = structuredClone(model.index.packed);
    const relation = d.relations[10]!;
    const result = removeItem(d, 'relations', relation.id);
    if (!('edit' in result)) throw new Error(result.refused);
    const { model: next, change } = applyEditToModel(model, result.edit);
    expect(model.dataset).toBe(d);
    expect(model.index.packed).toEqual(packed);
    expect(model.relationsById.has(relation.id)).toBe(true);
    expect(next.relationsById.has(relation.id)).toBe(false);
    expect(change).toEqual({ actors: [], relations: [relation.id], events: [], vocabulary: false });
    expect(next.computed).toEqual({ layout: false, index: false });
    expectSameAnswers(next, buildExplorerModel(next.dataset, next.positions));
  });

  it('places a new actor where the caller says, else by its parent, else in a free spot', () => {
    const d = generateSyntheticDataset('S', 5);
    const model = buildExplorerModel(d, rowOf(d));
    const parent = d.actors[7]!;
    const add = (id: string, extra: object = {}): Edit => {
      const result = addItem(d, 'actors', { id, label: id, type: 'state', ...extra });
      if (!('edit' in result)) throw new Error(result.refused);
      return result.edit;
    };
    expect(
      applyEditToModel(model, add('dropped'), { x: 12, y: -40 }).model.positions.get('dropped'),
    ).toEqual({
      x: 12,
      y: -40,
    });

    const child = applyEditToModel(model, add('child', { parent: parent.id })).model.positions.get(
      'child',
    )!;
    const home = model.positions.get(parent.id)!;
    const distance = Math.hypot(child.x - home.x, child.y - home.y);
    expect(distance).toBeGreaterThanOrEqual(80); // not on top of its parent…
    expect(distance).toBeLessThanOrEqual(200); // …but beside it

    const loner = applyEditToModel(model, add('loner')).model.positions.get('loner')!;
    for (const p of model.positions.values())
      expect(Math.hypot(p.x - loner.x, p.y - loner.y)).toBeGreaterThanOrEqual(80);
  });

  it('restyles every relation of a kind whose polarity changes', () => {
    const d = generateSyntheticDataset('S', 9);
    const model = buildExplorerModel(d, rowOf(d));
    const hostile = d.relations.filter((r) => r.kind === 'hostility');
    expect(hostile.length).toBeGreaterThan(0);
    const result = addItem(d, 'relationKinds', {
      id: 'hostility',
      label: 'Hostility',
      polarity: 'positive',
      directed: true,
    });
    if (!('edit' in result)) throw new Error(result.refused);
    const { model: next, change } = applyEditToModel(model, result.edit);
    expect(change.vocabulary).toBe(true);
    expect(next.union.relation(hostile[0]!.id)).toMatchObject({
      polarity: 'positive',
      sign: 1,
      directed: true,
    });
    expectSameAnswers(next, buildExplorerModel(next.dataset, next.positions));
  });

  it('renames an actor everywhere: relations, events, children and its position follow', () => {
    const d = generateSyntheticDataset('S', 4);
    const model = buildExplorerModel(d, rowOf(d));
    const actor = d.actors.find((a) => d.relations.some((r) => r.source === a.id))!;
    const result = updateItem(d, 'actors', actor.id, { ...actor, id: 'renamed' });
    if (!('edit' in result)) throw new Error(result.refused);
    const { model: next } = applyEditToModel(model, result.edit);
    expect(next.positions.get('renamed')).toEqual(model.positions.get(actor.id));
    expect(next.positions.has(actor.id)).toBe(false);
    expect(next.union.hasActor(actor.id)).toBe(false);
    expect(next.dataset.relations.some((r) => r.source === actor.id || r.target === actor.id)).toBe(
      false,
    );
    expectSameAnswers(next, buildExplorerModel(applyEdit(d, result.edit), next.positions));
  });
});
