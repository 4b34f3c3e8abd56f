/**
 * Everything derived once from a dataset that the app, the CLI and the
 * benchmarks need: the vocabulary, the temporal index, the union graph and
 * stable positions. Immutable; rebuilt only when a dataset is loaded.
 *
 * Two parts of it are costly and depend on the dataset alone: the layout and
 * the index's sorted structures (`DerivedData`). A big import computes them in
 * the import worker, and the library stores them with the dataset, so the
 * page only wraps them, on import and on every reload. The rest (the union
 * graph and the id maps) is built in steps (`steps.ts`), which the page runs
 * a few milliseconds at a time.
 */
import { computeLayout, quickLayout, type Point } from './layout';
import { IdMap } from './idMap';
import { unionGraphSteps, type UnionGraph } from './model';
import { RelationsById } from './relationsById';
import type { Actor, Dataset, EventItem } from './schema';
import { eachInSteps, runSteps, type Steps } from './steps';
import { buildIndex, packIndex, type PackedIndex, type TemporalIndex } from './temporal';
import { resolveVocabulary, type Vocabulary } from './vocabulary';

export interface ExplorerModel {
  dataset: Dataset;
  vocabulary: Vocabulary;
  index: TemporalIndex;
  union: UnionGraph;
  positions: Map<string, Point>;
  // IdMaps, not Maps: a million relations would grow one Map's table in a single long step.
  actorsById: IdMap<Actor>;
  /** A view of `dataset.relations` through `relationIndex` (no map of its own). */
  relationsById: RelationsById;
  /** Position of each relation in `dataset.relations` (the index's item number). */
  relationIndex: IdMap<number>;
  eventsById: IdMap<EventItem>;
  usage: Usage;
  /** What this model computed itself rather than received (for tests: a reload computes neither). */
  computed: { layout: boolean; index: boolean };
}

/**
 * How many actors have each type and how many relations each kind (what the legend lists):
 * counted while the model is built in steps and kept through edits, so that showing a model of
 * a million relations walks none of them.
 */
export interface Usage {
  actorTypes: ReadonlyMap<string, number>;
  relationKinds: ReadonlyMap<string, number>;
}

/** Adds `by` (1, or -1 for an item gone) to `key`'s count, dropping counts that reach 0. */
export function countUse(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/**
 * The costly, dataset-only part of the model, in a form that crosses threads
 * and goes into IndexedDB as plain copies of memory.
 */
export interface DerivedData {
  /** `computeLayout(dataset)`: x then y of each actor, in `dataset.actors` order. */
  positions: Float64Array;
  index: PackedIndex;
  /**
   * True when `positions` are `quickLayout(dataset)`, a first picture shown while the worker
   * computes `computeLayout` (which replaces them, in the store and in the library).
   */
  quickLayout?: boolean;
}

/**
 * Above this many actors or relations `computeLayout` takes seconds (about 9 s at 10k actors /
 * 100k relations on the benchmark machine), so a dataset is first shown in `quickLayout` and
 * its positions refined after (docs/PERFORMANCE.md, "First picture of a big dataset").
 */
export const QUICK_LAYOUT_ACTORS = 2_000;
export const QUICK_LAYOUT_RELATIONS = 200_000;

/** Whether a dataset is first laid out quickly, then refined (see `QUICK_LAYOUT_ACTORS`). */
export function needsQuickLayout(dataset: Dataset): boolean {
  return (
    dataset.actors.length > QUICK_LAYOUT_ACTORS || dataset.relations.length > QUICK_LAYOUT_RELATIONS
  );
}

/**
 * Computes the layout and the index structures (seconds at a million relations: off the page).
 * `quick`: the layout is `quickLayout`, to be refined (see `DerivedData.quickLayout`).
 */
export function deriveData(dataset: Dataset, { quick = false } = {}): DerivedData {
  return {
    positions: packPositions(dataset, quick ? quickLayout(dataset) : computeLayout(dataset)),
    index: packIndex(dataset),
    ...(quick && { quickLayout: true }),
  };
}

export function packPositions(
  dataset: Dataset,
  positions: ReadonlyMap<string, Point>,
): Float64Array {
  const out = new Float64Array(2 * dataset.actors.length);
  dataset.actors.forEach((a, i) => {
    const p = positions.get(a.id);
    out[2 * i] = p?.x ?? 0;
    out[2 * i + 1] = p?.y ?? 0;
  });
  return out;
}

export function unpackPositions(dataset: Dataset, packed: Float64Array): Map<string, Point> {
  return new Map(
    dataset.actors.map((a, i) => [a.id, { x: packed[2 * i]!, y: packed[2 * i + 1]! }]),
  );
}

/**
 * Whether derived data (read back from storage) was made for a dataset of this shape. Data
 * that does not fit is recomputed rather than trusted.
 */
export function derivedFits(dataset: Dataset, derived: DerivedData): boolean {
  const { positions, index } = derived;
  return (
    positions instanceof Float64Array &&
    positions.length === 2 * dataset.actors.length &&
    index?.actors?.start?.length === dataset.actors.length &&
    index.relations?.start?.length === dataset.relations.length &&
    index.eventOrder?.length === dataset.events.length
  );
}

/** What a caller may hand in instead of having it computed. */
export interface KnownParts {
  /** `computeLayout(dataset)` (the seed's is computed at build time); copied. */
  positions?: ReadonlyMap<string, Point>;
  /** `packIndex(dataset)`. */
  index?: PackedIndex;
}

/** The known parts in derived data, if it fits the dataset (else none: they are computed). */
export function knownParts(dataset: Dataset, derived: DerivedData | undefined): KnownParts {
  if (!derived || !derivedFits(dataset, derived)) return {};
  return { positions: unpackPositions(dataset, derived.positions), index: derived.index };
}

/** The model at once (Node, small datasets); the layout and index computed unless known. */
export function buildExplorerModel(
  dataset: Dataset,
  positions?: ReadonlyMap<string, Point>,
): ExplorerModel {
  return runSteps(explorerModelSteps(dataset, { positions }));
}

/**
 * The model in steps of a few milliseconds each (`steps.ts`). With `known.positions` and
 * `known.index` every step is short; without them the layout or the index is computed in one
 * long step.
 */
export function* explorerModelSteps(
  dataset: Dataset,
  known: KnownParts = {},
): Steps<ExplorerModel> {
  const index = buildIndex(dataset, known.index);
  const positions = known.positions ? new Map(known.positions) : computeLayout(dataset);
  yield 0.05;
  const union = yield* scaled(unionGraphSteps(dataset), 0.05, 0.7);
  const actorsById = new IdMap<Actor>();
  const relationIndex = new IdMap<number>();
  const eventsById = new IdMap<EventItem>();
  const actorTypes = new Map<string, number>();
  const relationKinds = new Map<string, number>();
  yield* eachInSteps(
    dataset.actors,
    (a) => {
      actorsById.set(a.id, a);
      countUse(actorTypes, a.type, 1);
    },
    0.7,
    0.72,
  );
  yield* eachInSteps(
    dataset.relations,
    (r, i) => {
      relationIndex.set(r.id, i);
      countUse(relationKinds, r.kind, 1);
    },
    0.72,
    0.98,
  );
  yield* eachInSteps(dataset.events, (e) => eventsById.set(e.id, e), 0.98, 1);
  return {
    dataset,
    vocabulary: resolveVocabulary(dataset),
    index,
    union,
    positions,
    actorsById,
    relationsById: new RelationsById(relationIndex, dataset.relations),
    relationIndex,
    eventsById,
    usage: { actorTypes, relationKinds },
    computed: { layout: !known.positions, index: !known.index },
  };
}

/** Runs `steps`, mapping its progress into [from, to]. */
function* scaled<T>(steps: Steps<T>, from: number, to: number): Steps<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield from + (to - from) * next.value;
  }
}
