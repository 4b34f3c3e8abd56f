/**
 * What the analyses read from a loaded dataset: the explorer model minus the
 * layout, so that tests and benchmarks can build it without running
 * ForceAtlas2. An `ExplorerModel` is an `AnalysisModel`.
 */
import type { ExplorerModel } from '../explorer-model';
import { IdMap } from '../idMap';
import { buildUnionGraph } from '../model';
import { RelationsById } from '../relationsById';
import type { Dataset } from '../schema';
import { buildIndex } from '../temporal';
import { resolveVocabulary } from '../vocabulary';

export type AnalysisModel = Pick<
  ExplorerModel,
  'dataset' | 'vocabulary' | 'index' | 'union' | 'actorsById' | 'relationsById' | 'relationIndex'
>;

/** Builds the parts of the explorer model the analyses need (no layout). */
export function buildAnalysisModel(dataset: Dataset): AnalysisModel {
  const relationIndex = new IdMap(dataset.relations.map((r, i) => [r.id, i]));
  return {
    dataset,
    vocabulary: resolveVocabulary(dataset),
    index: buildIndex(dataset),
    union: buildUnionGraph(dataset),
    actorsById: new IdMap(dataset.actors.map((a) => [a.id, a])),
    relationsById: new RelationsById(relationIndex, dataset.relations),
    relationIndex,
  };
}
