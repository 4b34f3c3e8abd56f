/** The app's ExplorerModel for a payload, with the payload's positions instead of `computeLayout`. */
import type { ExplorerModel } from '../../src/core/explorer-model';
import { buildUnionGraph } from '../../src/core/model';
import { buildIndex } from '../../src/core/temporal';
import { resolveVocabulary } from '../../src/core/vocabulary';
import { positionOf, type PagePayload } from './harness';

export function benchModel(data: PagePayload): ExplorerModel {
  const { dataset } = data;
  return {
    dataset,
    vocabulary: resolveVocabulary(dataset),
    index: buildIndex(dataset),
    union: buildUnionGraph(dataset),
    positions: new Map(dataset.actors.map((a) => [a.id, positionOf(data, a.id)])),
    actorsById: new Map(dataset.actors.map((a) => [a.id, a])),
    relationsById: new Map(dataset.relations.map((r) => [r.id, r])),
    relationIndex: new Map(dataset.relations.map((r, i) => [r.id, i])),
    eventsById: new Map(dataset.events.map((e) => [e.id, e])),
  };
}
