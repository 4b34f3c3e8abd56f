/**
 * The graph layer's contract: everything the store, the UI and the export
 * need to know about the graph view, and nothing about how it is drawn. It
 * imports only from core, so the layers above depend on these types, never
 * on Cytoscape or on the adapter's parts (adapter.ts composes them).
 */
import type { ModelChange } from '../core/edit/edit';
import type { ExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import type { Direction } from '../core/render/nearestInDirection';
import type { SceneFilter } from '../core/render/scene';

export interface GraphSelection {
  kind: 'actor' | 'relation' | 'event';
  id: string;
}

export type GraphFilter = SceneFilter;

/**
 * Marks laid over the graph by analysis views: extra classes on actors and
 * relations (styled in style.ts), and relations to draw even though they
 * are not active at the day (e.g. ones that ended, when comparing dates).
 */
export interface GraphOverlay {
  /** By actor and relation id: Maps, since the ids are user text (see core/graphKey.ts). */
  actorClasses: ReadonlyMap<string, string>;
  relationClasses: ReadonlyMap<string, string>;
  extraRelations: readonly string[];
}

export const OVERLAY_CLASSES = 'camp-a camp-b unbalanced began ended flipped';

/** Part of the hovered or selected neighbourhood, dimmed outside it, or neither (no focus). */
export type Emphasis = 'highlighted' | 'dimmed' | 'normal';

export interface GraphHover {
  kind: 'actor' | 'relation';
  id: string;
  x: number;
  y: number;
}

/** A box in graph coordinates, or on the page (client pixels) where a verb says so. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The part of the canvas something lies over, in CSS pixels: on a phone, a bottom sheet covers
 * a band this tall at the canvas's bottom (0: nothing covers it).
 */
export interface Obscured {
  bottom: number;
}

/** The user drew a relation on the canvas from one actor to another (ids of the two actors). */
export type DrawRelation = (sourceId: string, targetId: string) => void;

export interface GraphViewOptions {
  /** Skip fades and camera animations (prefers-reduced-motion). */
  reducedMotion?: boolean;
  /** Force the large-graph settings on or off (default: by the number of relations). */
  largeGraph?: boolean;
  /** Draw in batches (default: with the large-graph settings); off leaves Cytoscape's drawing. */
  batchedDrawing?: boolean;
  /** The user clicked an element, or the background (null). */
  onSelect?: (selection: GraphSelection | null) => void;
  /** The user finished dragging nodes to new positions. */
  onNodesMoved?: (moved: Map<string, Point>) => void;
  /** The pointer entered (or left, null) an actor or relation; x/y relative to the container. */
  onHover?: (hover: GraphHover | null) => void;
  /** The time window in calendar months at creation (0: the day alone); see `setDay`. */
  timeWindow?: number;
  /** Labels' on-screen floor at creation (see `setMinLabelPx`), so the first fit makes room for them. */
  minLabelPx?: number | null;
  /** What covers the canvas at creation (see `setObscured`), so the first fit is in sight. */
  obscured?: Obscured;
  /**
   * Called once the view has mounted every element it was created with (a large graph mounts
   * a slice per frame; any other graph is whole at once): the first picture is complete.
   */
  onMountedAll?: () => void;
}

export interface GraphView {
  /**
   * Shows the graph at a day, applying only what changed since the last call. With a time
   * window (calendar months, core/temporal.ts `windowSpan`) it shows every relation active at
   * any time in the window up to the day; without one, the window stays as it was.
   */
  setDay(day: number, timeWindow?: number): void;
  setFilter(filter: GraphFilter): void;
  /** Marks the selected actor or relation (events select their actors). */
  setSelection(selection: GraphSelection | null): void;
  /** Replaces the analysis overlay (null clears it). */
  setOverlay(overlay: GraphOverlay | null): void;
  /**
   * Follows an edit: `model` is the shown model with `change` applied (authoring). Only the
   * actors and relations the change names are read again (added, restyled, moved or removed)
   * and given the current day, filter, selection and overlay; the rest stays mounted as it is.
   * A vocabulary change restyles every element.
   */
  updateModel(model: ExplorerModel, change: ModelChange): void;
  /**
   * Drawing relations (edit mode): with a callback, a drag that starts on an actor draws a line
   * to the pointer instead of moving the actor, and releasing it on another actor calls back
   * with the two actors' ids; null turns it off (actors drag as before).
   */
  setDrawRelations(onDraw: DrawRelation | null): void;
  /** Centres the camera on the selection (in the part of the canvas in sight, see `setObscured`). */
  focus(selection: GraphSelection): void;
  /**
   * Tells the view what covers its canvas (a phone's bottom sheet; 0 when nothing does). Fit,
   * focus and a story step's box then frame into the part still in sight; a band that appears
   * or grows brings the selection and the counterparts it emphasises into sight (a glide, none
   * under reduced motion; nothing if they are in sight; never zoomed out past legible labels),
   * or with no selection frames the app's last fit or box into that part again; a band that
   * shrinks or goes moves nothing until the next fit. A selection made while a band is set is
   * brought into sight the same way.
   */
  setObscured(obscured: Obscured): void;
  /**
   * Shows every actor not filtered out whole, and on small graphs every label not hidden, inside
   * a margin (labels at the size they are drawn at the fitted zoom, `setMinLabelPx`).
   */
  fit(): void;
  /**
   * Shows a box in graph coordinates (a story step's camera), fitted and centred in the window
   * whatever its size; 'fit' shows the whole graph. Glides there when `animate`.
   */
  showBox(box: Box | 'fit', animate: boolean): void;
  /**
   * Moves actors to new positions (another layout) and fits the graph to them, gliding there
   * when `animate` (never under reduced motion, nor for large graphs: thousands of nodes
   * animated per frame would stutter). Labels are placed again once the actors arrive.
   */
  setPositions(positions: ReadonlyMap<string, Point>, animate: boolean): void;
  /**
   * Call after the container changed size: a camera still as the app last framed it (a fit, a
   * story step's box, a new layout) is framed again for the new size, one the user zoomed or
   * panned keeps its zoom and the point at the canvas's centre; at once, without a glide.
   */
  resize(): void;
  /**
   * False while a large graph is still being mounted, a slice per frame; verbs that need the
   * whole picture (fit, focus, the cursor, the lists of what is drawn) finish it first.
   */
  mountedAll(): boolean;
  /**
   * How many elements (actors, links, relations) the view has added to the canvas since it was
   * created: following an edit adds only the edited ones (tests and the benchmark read it).
   */
  elementsMounted(): number;
  /** True while this view draws in batches (large graphs, batched/install.ts). */
  readonly batchedDrawing: boolean;
  /** Frames drawn in batches so far (0 when Cytoscape draws). */
  batchedFrames(): number;
  /**
   * Cytoscape internals batched drawing needs that this Cytoscape's renderer or drawn elements
   * lack or changed, as "name: problem" (batched/internals.ts); empty when all conform.
   */
  missingRendererInternals(): string[];
  /** Ids of relations drawn now (leaving ones excluded once their fade started). */
  drawnRelations(): string[];
  /** Ids of actors drawn (not filtered out), and of those drawn alive (not greyed). */
  drawnActors(): string[];
  liveActors(): string[];
  /** The visible region in graph coordinates (for "export the current view"). */
  extent(): Box;
  /** Where an actor, or a relation's midpoint, is on the page (client pixels), if drawn. */
  clientPosition(kind: 'actor' | 'relation', id: string): Point | null;
  /** Points along a drawn relation's line, on the page (client pixels); null if not drawn. */
  relationLine(id: string): Point[] | null;
  /** How an actor or relation is emphasised now (hover or selection); null if not drawn. */
  emphasis(kind: 'actor' | 'relation', id: string): Emphasis | null;
  /** Where an actor's label is drawn (client pixels), or null when hidden or not drawn. */
  labelBox(id: string): Box | null;
  /**
   * Keeps labels at least this many CSS pixels tall on screen whatever the zoom (a phone), by
   * drawing them larger and hiding those that then collide; null: labels scale with the picture.
   * Large graphs keep their labels as they are.
   */
  setMinLabelPx(px: number | null): void;
  /** The on-screen font size (CSS px) of each drawn actor's label that is not hidden. */
  labelSizes(): { id: string; px: number }[];
  /**
   * The keyboard cursor: an actor marked with a focus ring while the graph has keyboard focus.
   * `placeCursor` puts it on the selected actor, else where it was, else on the most connected
   * actor, and returns that actor (null: nothing drawn). `moveCursor` moves it to the actor an
   * arrow leads to (core/render/nearestInDirection.ts): a neighbour by a drawn relation if one
   * lies that way, else any drawn actor that way; it returns the cursor's actor afterwards. The
   * view pans to keep the cursor on screen.
   */
  placeCursor(): string | null;
  moveCursor(direction: Direction): string | null;
  /** The keyboard cursor's actor, or null when there is no cursor. */
  cursor(): string | null;
  clearCursor(): void;
  destroy(): void;
}
