/**
 * A scene: what a picture of the graph at a day contains, resolved to
 * positions, colours, shapes and line styles. Built from the ids the canvas
 * draws (so an export shows exactly what the user sees) or from the day
 * alone (the headless CLI). Framework-free: SVG and PNG exports render it.
 */
import type { ExplorerModel } from '../explorer-model';
import { asSpan as spanOf, type TimeSpan } from '../temporal';
import { tokens } from '../tokens';
import type { LineStyle } from '../vocabulary';
import type { ShapeName } from './shapes';

export interface SceneActor {
  id: string;
  label: string;
  type: string;
  color: string;
  shape: ShapeName;
  x: number;
  y: number;
  /** Outside its lifetime at the day: drawn greyed. */
  dormant: boolean;
}

export interface SceneRelation {
  id: string;
  source: string;
  target: string;
  kind: string;
  color: string;
  lineStyle: LineStyle;
  directed: boolean;
  /** Stroke width in pixels at scale 1 (from strength, as on the canvas). */
  width: number;
}

export interface Scene {
  actors: SceneActor[];
  relations: SceneRelation[];
  /** "Part of" links, child to parent, between drawn actors. */
  partOf: { child: string; parent: string }[];
}

export interface SceneSelection {
  /** Actors to draw (filtered ones left out). */
  actors: readonly string[];
  /** Of those, the ones alive at the day (the others are greyed). */
  liveActors: readonly string[];
  relations: readonly string[];
}

const [THINNEST, THICKEST] = tokens.size.relationWidth;

/** The width the canvas gives a relation of this strength (mapData 0..1 → 1.5..5). */
export const strokeWidth = (strength: number | undefined) =>
  THINNEST + (THICKEST - THINNEST) * (strength ?? 0.5);

export function buildScene(model: ExplorerModel, pick: SceneSelection): Scene {
  const { vocabulary, positions } = model;
  const live = new Set(pick.liveActors);
  const actors: SceneActor[] = [];
  for (const id of pick.actors) {
    const a = model.actorsById.get(id);
    if (!a) continue;
    const type = vocabulary.actorTypes.get(a.type);
    const p = positions.get(id) ?? { x: 0, y: 0 };
    actors.push({
      id,
      label: a.label,
      type: a.type,
      color: type?.color ?? tokens.color.unknownActor,
      shape: type?.shape ?? 'ellipse',
      x: p.x,
      y: p.y,
      dormant: !live.has(id),
    });
  }
  const drawn = new Set(actors.map((a) => a.id));
  const relations: SceneRelation[] = [];
  for (const id of pick.relations) {
    const r = model.relationsById.get(id);
    if (!r || !drawn.has(r.source) || !drawn.has(r.target)) continue;
    const kind = vocabulary.relationKinds.get(r.kind);
    relations.push({
      id,
      source: r.source,
      target: r.target,
      kind: r.kind,
      color: kind?.color ?? tokens.color.unknownRelation,
      lineStyle: kind?.lineStyle ?? 'solid',
      directed: r.directed ?? kind?.directed ?? false,
      width: strokeWidth(r.strength),
    });
  }
  const partOf = model.dataset.actors
    .filter((a) => a.parent && drawn.has(a.id) && drawn.has(a.parent))
    .map((a) => ({ child: a.id, parent: a.parent! }));
  return { actors, relations, partOf };
}

/** What the user has filtered out: actor types, relation kinds, or all but one actor's neighbourhood. */
export interface SceneFilter {
  hiddenTypes: ReadonlySet<string>;
  hiddenKinds: ReadonlySet<string>;
  /** When set, only this actor and its counterparts at the day are shown. */
  focusActor: string | null;
}

export const NO_FILTER: SceneFilter = {
  hiddenTypes: new Set(),
  hiddenKinds: new Set(),
  focusActor: null,
};

/** When a picture is taken: a day, or a span of days with a time window (core/temporal.ts). */
export type SceneTime = number | TimeSpan;

/** The actor and everyone related to it by a relation active at the day (or in the span). */
export function neighbourhoodAt(model: ExplorerModel, actor: string, day: SceneTime): Set<string> {
  const out = new Set([actor]);
  const span = spanOf(day);
  model.union.forEachRelationOf(actor, (edge, _attrs, source, target) => {
    if (model.index.relationActiveDuring(model.relationIndex.get(edge)!, span))
      out.add(source === actor ? target : source);
  });
  return out;
}

/** Actors a filter lets through at a day (greyed ones included). */
export function visibleActors(model: ExplorerModel, day: SceneTime, filter: SceneFilter): string[] {
  const near = filter.focusActor ? neighbourhoodAt(model, filter.focusActor, day) : null;
  return model.dataset.actors
    .filter((a) => !filter.hiddenTypes.has(a.type) && (near === null || near.has(a.id)))
    .map((a) => a.id);
}

/** The scene at a day under a filter, as the canvas would draw it. */
export function filteredSceneAt(model: ExplorerModel, day: SceneTime, filter: SceneFilter): Scene {
  const state = model.index.stateDuring(spanOf(day));
  return buildScene(model, {
    actors: visibleActors(model, day, filter),
    liveActors: state.actors,
    relations: state.relations.filter(
      (id) => !filter.hiddenKinds.has(model.relationsById.get(id)!.kind),
    ),
  });
}

/** The scene at a day with nothing filtered: every actor, greyed outside its lifetime. */
export function sceneAt(model: ExplorerModel, day: number): Scene {
  return filteredSceneAt(model, day, NO_FILTER);
}
