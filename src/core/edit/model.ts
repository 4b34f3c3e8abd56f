/**
 * The model follows an edit instead of being rebuilt.
 *
 * `applyEditToModel` returns a new `ExplorerModel` for the edited dataset,
 * derived from the previous one in time linear in the dataset's size at most:
 * - the temporal index's arrays are re-derived without sorting (`repack.ts`);
 * - the id maps and the usage counts are copied and the touched ids set,
 *   deleted or counted;
 * - the union graph gains, loses or replaces the touched nodes and edges. It
 *   is updated in place (copying a graphology graph costs as much as building
 *   it), so the previous model's `union` is this one: a previous model is kept
 *   only to know what changed (`modelEdit` in the store), not to be queried;
 * - positions: an existing actor never moves; a new one goes where the caller
 *   says, or near its parent, or near its relations' other ends, or in a free
 *   spot near the centre.
 */
import { countUse, type ExplorerModel, type Usage } from '../explorer-model';
import { IdMap } from '../idMap';
import type { Point } from '../layout';
import type { UnionGraph } from '../model';
import { RelationsById } from '../relationsById';
import type { Actor, Dataset, Relation } from '../schema';
import { buildIndex } from '../temporal';
import { resolveVocabulary, type Vocabulary } from '../vocabulary';
import { applyEdit, changeOf, itemEdits } from './apply';
import type { Edit, ModelChange } from './edit';
import { repackIndex, traceList } from './repack';

/**
 * How far apart a new actor is kept from the others, in layout units: half the
 * spacing `computeLayout` scales its picture to, so it sits like a neighbour.
 */
const NEW_ACTOR_GAP = 80;

/**
 * The model of the edited dataset, and what changed for the graph view. `at`:
 * where to put an actor the edit adds (where the user clicked, in layout
 * coordinates); it is used as given. The `computed` flags are false: neither
 * the layout nor the index was computed from scratch.
 */
export function applyEditToModel(
  model: ExplorerModel,
  edit: Edit,
  at?: Point,
): { model: ExplorerModel; change: ModelChange } {
  const before = model.dataset;
  const dataset = applyEdit(before, edit);
  const change = changeOf(edit);
  const vocabulary = change.vocabulary ? resolveVocabulary(dataset) : model.vocabulary;

  const actors = finalItems(edit, 'actors');
  const relations = finalItems(edit, 'relations');
  const events = finalItems(edit, 'events');
  updateUnionGraph(model.union, actors, relations, vocabulary);

  const relationIndex = followRelationIndex(model, edit, dataset);
  const next: ExplorerModel = {
    dataset,
    vocabulary,
    index: buildIndex(dataset, repackIndex(model.index.packed, before, dataset, edit)),
    union: model.union,
    positions: followPositions(model, edit, actors, at),
    actorsById: withItems(model.actorsById, actors),
    relationsById: new RelationsById(relationIndex, dataset.relations),
    relationIndex,
    eventsById: withItems(model.eventsById, events),
    usage: followUsage(model.usage, edit),
    computed: { layout: false, index: false },
  };
  return { model: next, change };
}

/** Each id a list's edits touch, and its item once the edit is done (null: gone). */
function finalItems<L extends 'actors' | 'relations' | 'events'>(
  edit: Edit,
  list: L,
): Map<string, Dataset[L][number] | null> {
  const out = new Map<string, Dataset[L][number] | null>();
  for (const e of itemEdits(edit)) {
    if (e.list !== list) continue;
    if (e.op === 'update') {
      out.set(e.before.id, null); // a change of id: gone under the old one
      out.set(e.after.id, e.after as Dataset[L][number]);
    } else out.set(e.item.id, e.op === 'add' ? (e.item as Dataset[L][number]) : null);
  }
  return out;
}

/** A copy of `map` with the touched ids set to their final item, or deleted. */
function withItems<T>(map: IdMap<T>, touched: Map<string, T | null>): IdMap<T> {
  const out = map.copy();
  for (const [id, item] of touched) {
    if (item === null) out.delete(id);
    else out.set(id, item);
  }
  return out;
}

/** The usage counts after `edit`: each actor or relation it adds, removes or changes counted. */
function followUsage(usage: Usage, edit: Edit): Usage {
  const actorTypes = new Map(usage.actorTypes);
  const relationKinds = new Map(usage.relationKinds);
  for (const e of itemEdits(edit)) {
    if (e.list === 'actors') {
      if (e.op === 'update') {
        countUse(actorTypes, e.before.type, -1);
        countUse(actorTypes, e.after.type, 1);
      } else countUse(actorTypes, e.item.type, e.op === 'add' ? 1 : -1);
    } else if (e.list === 'relations') {
      if (e.op === 'update') {
        countUse(relationKinds, e.before.kind, -1);
        countUse(relationKinds, e.after.kind, 1);
      } else countUse(relationKinds, e.item.kind, e.op === 'add' ? 1 : -1);
    }
  }
  return { actorTypes, relationKinds };
}

/**
 * The union graph brought to the edited dataset by net effect (what each
 * touched id ends as), in an order that never leaves a relation without its
 * actors: touched relations out, actors in or replaced, touched relations
 * back in, actors that are gone out. Relation attributes are read through the
 * vocabulary, so a kind whose direction or polarity changed needs no re-adding.
 */
function updateUnionGraph(
  union: UnionGraph,
  actors: Map<string, Actor | null>,
  relations: Map<string, Relation | null>,
  vocabulary: Vocabulary,
): void {
  union.useVocabulary(vocabulary);
  for (const id of relations.keys()) union.dropRelation(id);
  for (const actor of actors.values()) if (actor !== null) union.putActor(actor);
  for (const r of relations.values()) if (r !== null) union.addRelation(r);
  for (const [id, actor] of actors) if (actor === null) union.dropActor(id);
}

/** Positions of each relation in `dataset.relations`: copied when none moved, else renumbered. */
function followRelationIndex(model: ExplorerModel, edit: Edit, dataset: Dataset): IdMap<number> {
  const trace = traceList(edit, 'relations', model.dataset.relations.length);
  if (!trace.sameNumbers) return new IdMap(dataset.relations.map((r, k) => [r.id, k]));
  const out = model.relationIndex.copy();
  for (const e of itemEdits(edit)) {
    if (e.list !== 'relations') continue;
    if (e.op === 'update') out.delete(e.before.id);
    else if (e.op === 'remove') out.delete(e.item.id);
  }
  trace.fresh.forEach((isFresh, k) => {
    if (isFresh) out.set(dataset.relations[k]!.id, k);
  });
  return out;
}

/**
 * Positions after the edit: a renamed actor keeps its place under its new id,
 * a removed one loses it, an added one gets one (see {@link placeNewActor});
 * no other actor moves.
 */
function followPositions(
  model: ExplorerModel,
  edit: Edit,
  actors: Map<string, Actor | null>,
  at: Point | undefined,
): Map<string, Point> {
  const positions = new Map(model.positions);
  for (const e of itemEdits(edit)) {
    if (e.list !== 'actors' || e.op !== 'update' || e.before.id === e.after.id) continue;
    const kept = positions.get(e.before.id);
    if (kept) positions.set(e.after.id, kept);
  }
  for (const [id, actor] of actors) if (actor === null) positions.delete(id);
  let space: FreeSpace | undefined;
  for (const [id, actor] of actors) {
    if (actor === null || positions.has(id)) continue;
    const placed =
      at ?? (space ??= new FreeSpace(positions)).near(anchorOf(actor, model.union, positions));
    positions.set(id, placed);
    space?.add(placed);
  }
  return positions;
}

/** Where a new actor belongs: by its parent, else amid its relations' other ends, else the centre. */
function anchorOf(actor: Actor, union: UnionGraph, positions: ReadonlyMap<string, Point>): Point {
  const parent = actor.parent === undefined ? undefined : positions.get(actor.parent);
  if (parent) return parent;
  const ends: Point[] = [];
  union.forEachRelationOf(actor.id, (_relation, _attrs, source, target) => {
    const other = positions.get(source === actor.id ? target : source);
    if (other) ends.push(other);
  });
  if (ends.length > 0) return centroid(ends);
  return centroid(positions.values());
}

function centroid(points: Iterable<Point>): Point {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
    n++;
  }
  return n === 0 ? { x: 0, y: 0 } : { x: x / n, y: y / n };
}

/**
 * The actors' positions in a grid of cells `NEW_ACTOR_GAP` wide, to find a
 * spot at least that far from every actor in time proportional to the spots
 * tried, not to the number of actors.
 */
class FreeSpace {
  private readonly cells = new Map<string, Point[]>();

  constructor(positions: ReadonlyMap<string, Point>) {
    for (const p of positions.values()) this.add(p);
  }

  add(p: Point): void {
    const key = this.cellOf(p.x, p.y);
    const cell = this.cells.get(key);
    if (cell) cell.push(p);
    else this.cells.set(key, [p]);
  }

  /** The anchor itself when free, else the first free spot on rings around it, one gap apart. */
  near(anchor: Point): Point {
    if (this.isFree(anchor)) return anchor;
    for (let ring = 1; ; ring++) {
      const spots = 6 * ring;
      for (let k = 0; k < spots; k++) {
        const angle = (2 * Math.PI * k) / spots;
        const p = {
          x: Math.round(anchor.x + ring * NEW_ACTOR_GAP * Math.cos(angle)),
          y: Math.round(anchor.y + ring * NEW_ACTOR_GAP * Math.sin(angle)),
        };
        if (this.isFree(p)) return p;
      }
    }
  }

  private isFree(p: Point): boolean {
    const cx = Math.floor(p.x / NEW_ACTOR_GAP);
    const cy = Math.floor(p.y / NEW_ACTOR_GAP);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of this.cells.get(`${cx + dx},${cy + dy}`) ?? [])
          if (Math.hypot(q.x - p.x, q.y - p.y) < NEW_ACTOR_GAP) return false;
    return true;
  }

  private cellOf(x: number, y: number): string {
    return `${Math.floor(x / NEW_ACTOR_GAP)},${Math.floor(y / NEW_ACTOR_GAP)}`;
  }
}
