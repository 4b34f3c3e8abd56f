/**
 * Everything derived once from a dataset that the app, the CLI and the
 * benchmarks need: the vocabulary, the temporal index, the union graph and
 * stable positions. Immutable; rebuilt only when a dataset is loaded.
 */
import { computeLayout, type Point } from './layout';
import { buildUnionGraph, type UnionGraph } from './model';
import type { Actor, Dataset, EventItem, Relation } from './schema';
import { buildIndex, type TemporalIndex } from './temporal';
import { resolveVocabulary, type Vocabulary } from './vocabulary';

export interface ExplorerModel {
  dataset: Dataset;
  vocabulary: Vocabulary;
  index: TemporalIndex;
  union: UnionGraph;
  positions: Map<string, Point>;
  actorsById: Map<string, Actor>;
  relationsById: Map<string, Relation>;
  /** Position of each relation in `dataset.relations` (the index's item number). */
  relationIndex: Map<string, number>;
  eventsById: Map<string, EventItem>;
}

/**
 * `positions`, when given, must be `computeLayout(dataset)` computed earlier (the seed's are
 * computed at build time); they are copied. Without them the layout is computed here.
 */
export function buildExplorerModel(
  dataset: Dataset,
  positions?: ReadonlyMap<string, Point>,
): ExplorerModel {
  return {
    dataset,
    vocabulary: resolveVocabulary(dataset),
    index: buildIndex(dataset),
    union: buildUnionGraph(dataset),
    positions: positions ? new Map(positions) : computeLayout(dataset),
    actorsById: new Map(dataset.actors.map((a) => [a.id, a])),
    relationsById: new Map(dataset.relations.map((r) => [r.id, r])),
    relationIndex: new Map(dataset.relations.map((r, i) => [r.id, i])),
    eventsById: new Map(dataset.events.map((e) => [e.id, e])),
  };
}
