/** The app's ExplorerModel for a payload, with the payload's positions instead of `computeLayout`. */
import { buildExplorerModel, type ExplorerModel } from '../../src/core/explorer-model';
import { positionOf, type PagePayload } from './harness';

export function benchModel(data: PagePayload): ExplorerModel {
  const { dataset } = data;
  return buildExplorerModel(
    dataset,
    new Map(dataset.actors.map((a) => [a.id, positionOf(data, a.id)])),
  );
}
