/** Cytoscape element definitions for a model: every actor and relation, once. */
import type { ElementDefinition } from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';

/**
 * Cytoscape ids: every element's id is prefixed, never a raw dataset id. Besides keeping
 * actors, relations and "part of" links apart, this keeps ids named after Object.prototype
 * members ("constructor", "__proto__") away from Cytoscape's plain-object bookkeeping: its
 * `remove()` marks elements in `{}[ele.id()]`, so an element with such an id was never removed.
 */
export const actorElementId = (actorId: string) => `actor:${actorId}`;
export const actorIdOf = (elementId: string) => elementId.slice('actor:'.length);
export const relationElementId = (relationId: string) => `rel:${relationId}`;
export const partOfElementId = (actorId: string) => `part:${actorId}`;
export const relationIdOf = (elementId: string) => elementId.slice('rel:'.length);

export function buildElements(model: ExplorerModel): ElementDefinition[] {
  const { dataset, vocabulary, positions } = model;
  const out: ElementDefinition[] = [];
  for (const a of dataset.actors) {
    const type = vocabulary.actorTypes.get(a.type);
    out.push({
      group: 'nodes',
      data: {
        id: actorElementId(a.id),
        label: a.label,
        type: a.type,
        color: type?.color ?? '#595959',
        shape: type?.shape ?? 'ellipse',
      },
      position: { ...(positions.get(a.id) ?? { x: 0, y: 0 }) },
    });
  }
  for (const a of dataset.actors) {
    if (!a.parent) continue;
    out.push({
      group: 'edges',
      data: {
        id: partOfElementId(a.id),
        source: actorElementId(a.id),
        target: actorElementId(a.parent),
      },
      classes: 'part-of',
    });
  }
  for (const r of dataset.relations) {
    const kind = vocabulary.relationKinds.get(r.kind);
    const directed = r.directed ?? kind?.directed ?? false;
    out.push({
      group: 'edges',
      data: {
        id: relationElementId(r.id),
        source: actorElementId(r.source),
        target: actorElementId(r.target),
        kind: r.kind,
        polarity: kind?.polarity ?? 'neutral',
        color: kind?.color ?? '#999999',
        lineStyle: kind?.lineStyle ?? 'solid',
        strength: r.strength ?? 0.5,
      },
      classes: directed ? 'relation directed off' : 'relation off',
    });
  }
  return out;
}
