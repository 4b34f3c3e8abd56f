/** Cytoscape element definitions for a model's actors and relations. */
import type { ElementDefinition } from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';
import type { Actor, Relation } from '../core/schema';
import { tokens } from '../core/tokens';

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

/** Every actor and relation, once (the naive benchmark page mounts them all; the adapter does not). */
export function buildElements(model: ExplorerModel): ElementDefinition[] {
  return [
    ...actorElements(model),
    ...partOfElements(model),
    ...model.dataset.relations.map((r) => relationElement(model, r)),
  ];
}

/** A node per actor, at its laid-out position. */
export function actorElements(model: ExplorerModel): ElementDefinition[] {
  return model.dataset.actors.map((a) => actorElement(model, a));
}

/** An actor's node: its label, its type's colour and shape, at its laid-out position. */
export function actorElement(model: ExplorerModel, a: Actor): ElementDefinition {
  const type = model.vocabulary.actorTypes.get(a.type);
  return {
    group: 'nodes',
    data: {
      id: actorElementId(a.id),
      label: a.label,
      type: a.type,
      color: type?.color ?? tokens.color.unknownActor,
      shape: type?.shape ?? 'ellipse',
    },
    position: { ...(model.positions.get(a.id) ?? { x: 0, y: 0 }) },
  };
}

/** A "part of" link from each actor that has a parent to its parent. */
export function partOfElements(model: ExplorerModel): ElementDefinition[] {
  return model.dataset.actors.filter((a) => a.parent).map(partOfElement);
}

/** The "part of" link from an actor that has a parent to the parent. */
export function partOfElement(a: Actor): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: partOfElementId(a.id),
      source: actorElementId(a.id),
      target: actorElementId(a.parent!),
    },
    classes: 'part-of',
  };
}

/**
 * A relation's edge, created when it is first mounted: a dataset of a million relations
 * would otherwise hold a million definitions, most never drawn.
 */
export function relationElement(model: ExplorerModel, r: Relation): ElementDefinition {
  const kind = model.vocabulary.relationKinds.get(r.kind);
  const directed = r.directed ?? kind?.directed ?? false;
  return {
    group: 'edges',
    data: {
      id: relationElementId(r.id),
      source: actorElementId(r.source),
      target: actorElementId(r.target),
      kind: r.kind,
      polarity: kind?.polarity ?? 'neutral',
      color: kind?.color ?? tokens.color.unknownRelation,
      lineStyle: kind?.lineStyle ?? 'solid',
      strength: r.strength ?? 0.5,
      // Control-point distance, set by relations.ts from the relations drawn with it between
      // the same two actors (core/render/curves.ts); 0 is a straight line.
      bow: 0,
    },
    classes: directed ? 'relation directed off' : 'relation off',
  };
}
