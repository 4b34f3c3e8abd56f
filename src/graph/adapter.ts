/**
 * The one module that owns Cytoscape. It mounts every actor once (preset
 * positions from the core's layout), then moves through time by applying
 * the core's diff inside one `cy.batch()`: relations fade in and out; a pair
 * whose relation flips sign changes colour smoothly; actors outside their
 * lifetime are greyed, not hidden, so relations that still name them stay
 * readable.
 *
 * Only relations that are drawn live in Cytoscape: one is added when it
 * becomes active and removed when it ends (after its fade). Hidden elements
 * are not free in Cytoscape: every change re-sorts all elements by z-order
 * and every frame takes the bounding box of each one, hidden or not, so a
 * dataset with 10k relations of which 1k are active paid for 10k on each
 * step (docs/PERFORMANCE.md has the numbers).
 *
 * Three independent reasons hide a mounted element, each its own class:
 * `off` (not active at the day, mounted only for an analysis overlay),
 * `filtered` (legend filters, neighbourhood focus) and `fading` (transient,
 * during a fade).
 */
import cytoscape, {
  type CollectionReturnValue,
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeCollection,
  type NodeSingular,
} from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';
import { windowSpan } from '../core/temporal';
import type { Point } from '../core/layout';
import { parallelBows, type PairMember } from '../core/render/curves';
import { fitPoints } from '../core/render/viewport';
import { placeLabels, type LabelItem } from '../core/render/labels';
import { nearestInDirection, type Direction, type Placed } from '../core/render/nearestInDirection';
import { NO_FILTER, visibleActors, type SceneFilter } from '../core/render/scene';
import { tokens } from '../core/tokens';
import { cytoscapeNonconformities, installBatchedDrawing } from './batched/install';
import { describeNonconformity } from './batched/internals';
import {
  actorElementId,
  actorElements,
  actorIdOf,
  partOfElements,
  relationElement,
  relationElementId,
  relationIdOf,
} from './elements';
import { runInSlices } from './slices';
import { FADE_MS, graphStyle, isLargeGraph, viewOptions } from './style';

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

/** The classes the label pass gives an actor whose label is not below its symbol (style.ts). */
const LABEL_CLASSES = ['label-top', 'label-right', 'label-left', 'label-hidden'];
/** Labels are placed again at most this often while the day changes (playback). */
const LABEL_DELAY_MS = 150;
/** How long actors glide to another layout's positions. */
const LAYOUT_ANIMATION_MS = 600;
const GAP = tokens.size.parallelGap;
/**
 * Elements a slice of a large graph's mount adds: about 50 ms of work each on a quiet machine
 * (styles, then the first frame's measuring), well under the 200 ms a task may take.
 */
const SLICE_NODES = 200;
const SLICE_RELATIONS = 500;

const isRelationDefinition = (def: ElementDefinition) =>
  String(def.classes).split(' ').includes('relation');
const pairMember = (def: Pick<ElementDefinition, 'data'>): PairMember => ({
  id: def.data.id!,
  source: def.data.source!,
  target: def.data.target!,
});

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
}

/** Part of the hovered or selected neighbourhood, dimmed outside it, or neither (no focus). */
export type Emphasis = 'highlighted' | 'dimmed' | 'normal';

export interface GraphHover {
  kind: 'actor' | 'relation';
  id: string;
  x: number;
  y: number;
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
  /** Centres the camera on the selection. */
  focus(selection: GraphSelection): void;
  fit(): void;
  /**
   * Shows a box in graph coordinates (a story step's camera), fitted and centred in the window
   * whatever its size; 'fit' shows the whole graph. Glides there when `animate`.
   */
  showBox(box: { x1: number; y1: number; x2: number; y2: number } | 'fit', animate: boolean): void;
  /**
   * Moves actors to new positions (another layout) and fits the graph to them, gliding there
   * when `animate` (never under reduced motion, nor for large graphs: thousands of nodes
   * animated per frame would stutter). Labels are placed again once the actors arrive.
   */
  setPositions(positions: ReadonlyMap<string, Point>, animate: boolean): void;
  /** Call after the container changed size. */
  resize(): void;
  /**
   * False while a large graph is still being mounted, a slice per frame; verbs that need the
   * whole picture (fit, focus, the cursor, the lists of what is drawn) finish it first.
   */
  mountedAll(): boolean;
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
  extent(): { x1: number; y1: number; x2: number; y2: number };
  /** Where an actor, or a relation's midpoint, is on the page (client pixels), if drawn. */
  clientPosition(kind: 'actor' | 'relation', id: string): Point | null;
  /** Points along a drawn relation's line, on the page (client pixels); null if not drawn. */
  relationLine(id: string): Point[] | null;
  /** How an actor or relation is emphasised now (hover or selection); null if not drawn. */
  emphasis(kind: 'actor' | 'relation', id: string): Emphasis | null;
  /** Where an actor's label is drawn (client pixels), or null when hidden or not drawn. */
  labelBox(id: string): { x1: number; y1: number; x2: number; y2: number } | null;
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

export function createGraphView(
  container: HTMLElement,
  model: ExplorerModel,
  day: number,
  options: GraphViewOptions = {},
): GraphView {
  const reducedMotion = options.reducedMotion ?? false;
  const large = options.largeGraph ?? isLargeGraph(model.dataset.relations.length);
  // Large graphs skip fades: each step would animate dozens of edges for 17 frames.
  const fades = !reducedMotion && !large;
  const batchedWanted = options.batchedDrawing ?? large;

  let windowMonths = options.timeWindow ?? 0;
  /** The span of days shown: the day alone, or the window up to it. */
  let span = windowSpan(day, windowMonths);
  const initial = model.index.stateDuring(span);
  /** Actors alive in the span, kept up to date by `setDay` (slices mounted later need it). */
  const alive = new Set(initial.actors);

  /** Relations' element definitions, made when first mounted (elements.ts says why). */
  const relationDefs = new Map<string, ElementDefinition>();
  function relationDef(id: string): ElementDefinition | undefined {
    let def = relationDefs.get(id);
    const relation = def ? undefined : model.relationsById.get(id);
    if (relation) relationDefs.set(id, (def = relationElement(model, relation)));
    return def;
  }
  const byDatasetOrder = (ids: Iterable<string>) =>
    [...ids].sort((a, b) => model.relationIndex.get(a)! - model.relationIndex.get(b)!);

  const nodeDefs = actorElements(model);
  for (const def of nodeDefs) if (!alive.has(actorIdOf(def.data.id!))) def.classes = 'dormant';
  nodeDefs.push(...partOfElements(model));
  const elements: ElementDefinition[] = [...nodeDefs];
  for (const id of byDatasetOrder(initial.relations)) {
    const def = relationDef(id)!;
    elements.push({ ...def, classes: baseClasses(def) });
  }

  // Parallel relations start spread apart; `rebow` keeps them so as relations come and go.
  // Large graphs leave the spreading to Cytoscape and skip label placement (style.ts says why).
  const ownCurves = !large;
  const initialBows = ownCurves
    ? parallelBows(elements.filter(isRelationDefinition).map(pairMember), GAP)
    : new Map<string, number>();
  for (const def of elements)
    if (initialBows.has(def.data.id!)) def.data.bow = initialBows.get(def.data.id!);

  /** Labels drawn this many times their size (see `setMinLabelPx`). */
  let labelScale = 1;
  let solidLines = large && !batchedWanted;
  // Batched drawing keeps line styles until a view is dense; Cytoscape's own needs them off.
  const currentStyle = () => graphStyle(!fades, solidLines, large, labelScale);
  // Large graphs are mounted in slices (see `mountNextSlice`), so start empty.
  const sliced = large;
  const cy: Core = cytoscape({
    container,
    elements: sliced ? [] : elements,
    style: currentStyle(),
    ...viewOptions(large),
  });
  // Large graphs: one path per style instead of one draw per element (batched/install.ts).
  const batched = batchedWanted ? installBatchedDrawing(cy) : null;
  const batchedDrawing = batched?.installed ? batched.drawing : null;
  if (batchedWanted && !batchedDrawing && large) {
    solidLines = true;
    cy.style(currentStyle());
  }
  /** Shows every actor not filtered out; large graphs fit on positions (core/render/viewport.ts). */
  function fitView(nodes: { position: Point; filtered: boolean }[]) {
    if (!large) {
      cy.fit(cy.elements(':visible'), 40);
      return;
    }
    const viewport = fitPoints(
      nodes.filter((n) => !n.filtered).map((n) => n.position),
      {
        width: cy.width(),
        height: cy.height(),
        padding: 40,
        radius: (tokens.size.node + tokens.size.nodeBorder) / 2,
        minZoom: cy.minZoom(),
        maxZoom: cy.maxZoom(),
      },
    );
    if (viewport) cy.viewport(viewport);
  }
  const mountedNodes = () =>
    cy.nodes().map((n) => ({ position: n.position(), filtered: n.hasClass('filtered') }));
  if (sliced)
    fitView(
      nodeDefs
        .filter((def) => def.group === 'nodes')
        .map((def) => ({ position: def.position!, filtered: false })),
    );
  else fitView(mountedNodes());
  /** Each actor's label box at its default place, measured once: labels never change. */
  const labelSizes = new Map<string, { width: number; height: number }>();
  if (ownCurves)
    cy.nodes().forEach((n) => {
      const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (box.w > 0) labelSizes.set(n.id(), { width: box.w, height: box.h });
    });

  /** Relations fading out, by the fade (one timer per step) that will remove them. */
  const pendingHide = new Map<string, number>();
  const fadeTimers = new Set<ReturnType<typeof setTimeout>>();
  let fadeCount = 0;
  let current = day;
  let filter = NO_FILTER;
  let selection: GraphSelection | null = null;
  let overlay: GraphOverlay | null = null;
  let overlayShown = new Set<string>();

  const actorNode = (id: string) => cy.getElementById(actorElementId(id)) as NodeSingular;
  const relationEdge = (id: string) => cy.getElementById(relationElementId(id)) as EdgeSingular;
  const isActive = (id: string) =>
    model.index.relationActiveDuring(model.relationIndex.get(id) ?? -1, span);

  /** The classes a relation's element is created with, without the day's 'off'. */
  function baseClasses(def: ElementDefinition): string {
    return String(def.classes)
      .split(' ')
      .filter((c) => c !== 'off')
      .join(' ');
  }

  /**
   * Adds a relation's element with the classes the current view gives it; returns it (empty
   * while its actors are still waiting to be mounted: the relation slices mount it then).
   */
  function mount(id: string, extra = ''): EdgeSingular {
    const present = relationEdge(id);
    if (present.nonempty() || pendingNodes.length > 0) return present;
    const def = relationDef(id)!;
    const classes = [baseClasses(def)];
    if (extra) classes.push(extra);
    if (filter.hiddenKinds.has(def.data.kind as string)) classes.push('filtered');
    const marked = overlay?.relationClasses.get(id);
    if (marked) classes.push(marked);
    if (overlayShown.has(id)) classes.push('overlay-shown');
    if (!isActive(id)) classes.push('off');
    const ele = cy.add({ ...def, classes: classes.join(' ') }) as unknown as EdgeSingular;
    if (selection?.kind === 'relation' && selection.id === id) ele.select();
    rebow(def);
    return ele;
  }

  /** Whether a mounted relation is shown, so takes a place among its pair's curves. */
  const takesPart = (e: EdgeSingular) =>
    !e.hasClass('filtered') && (!e.hasClass('off') || e.hasClass('overlay-shown'));

  /** Spreads the relations shown between a relation's two actors (core/render/curves.ts). */
  function rebow(def: ElementDefinition) {
    if (!ownCurves) return;
    const source = cy.getElementById(def.data.source!);
    const between = source
      .edgesWith(cy.getElementById(def.data.target!))
      .filter((e) => e.hasClass('relation') && takesPart(e));
    setBows(between);
  }

  function setBows(edges: CollectionReturnValue) {
    const bows = parallelBows(
      edges.map((e) => pairMember({ data: e.data() as ElementDefinition['data'] })),
      GAP,
    );
    edges.forEach((e) => {
      const bow = bows.get(e.id()) ?? 0;
      if (e.data('bow') !== bow) e.data('bow', bow);
    });
  }

  const rebowAll = () => {
    if (ownCurves) setBows(cy.edges('.relation').filter(takesPart));
  };

  /** Removes a relation's element, unless an analysis overlay still shows it. */
  function unmount(id: string) {
    pendingHide.delete(id);
    const ele = relationEdge(id);
    if (ele.empty()) return;
    if (overlayShown.has(id)) ele.addClass('off').removeClass('fading');
    else ele.remove();
    rebow(relationDef(id)!);
  }

  /** Work for the next frame, one callback per step (not one per edge), in one batch. */
  let nextFrame: (() => void)[] = [];
  let frameRequest = 0;
  function onNextFrame(fn: () => void) {
    nextFrame.push(fn);
    if (frameRequest !== 0) return;
    frameRequest = requestAnimationFrame(() => {
      frameRequest = 0;
      const work = nextFrame;
      nextFrame = [];
      cy.batch(() => work.forEach((f) => f()));
    });
  }

  function show(id: string, fromColor?: string) {
    const present = relationEdge(id);
    pendingHide.delete(id);
    if (!fades) {
      mount(id).removeClass('off fading');
      return;
    }
    if (fromColor) {
      // A flip: appear at once in the old colour, then blend to the new one.
      const ele = mount(id).removeClass('off fading');
      ele.style({ 'line-color': fromColor, 'target-arrow-color': fromColor });
      onNextFrame(() => ele.removeStyle('line-color target-arrow-color'));
      return;
    }
    // A new element starts transparent (one fading out is already); clearing the class on
    // the next frame runs the opacity transition.
    const ele = present.nonempty() ? present.removeClass('off') : mount(id, 'fading');
    onNextFrame(() => ele.removeClass('fading'));
  }

  /** Fades relations out, then removes them: one timer for all of a step's relations. */
  function hide(ids: string[]) {
    if (ids.length === 0) return;
    if (!fades) {
      for (const id of ids) unmount(id);
      return;
    }
    const fade = ++fadeCount;
    for (const id of ids) {
      relationEdge(id).addClass('fading');
      pendingHide.set(id, fade);
    }
    const timer = setTimeout(() => {
      fadeTimers.delete(timer);
      cy.batch(() => {
        for (const id of ids) if (pendingHide.get(id) === fade) unmount(id);
      });
    }, FADE_MS);
    fadeTimers.add(timer);
  }

  function applyFilter() {
    const shown = new Set(visibleActors(model, span, filter));
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', !shown.has(actorIdOf(n.id())));
      });
      cy.edges('.relation').forEach((e) => {
        e.toggleClass('filtered', filter.hiddenKinds.has(e.data('kind')));
      });
      rebowAll();
    });
    applyEmphasis();
    placeAllLabels();
  }

  const isDrawn = (e: EdgeSingular) =>
    !e.hasClass('off') &&
    !e.hasClass('filtered') &&
    !pendingHide.has(relationIdOf(e.id())) &&
    !e.source().hasClass('filtered') &&
    !e.target().hasClass('filtered');

  /**
   * Emphasis: the hovered actor's neighbourhood stands out while the pointer is on it; the
   * selection's (an actor's neighbourhood, a relation and its two actors, an event's actors
   * and the relations between them) stands out until the selection is cleared. The rest is
   * dimmed.
   */
  let hovered: NodeSingular | null = null;

  /** The actors whose neighbourhood or relation is emphasised (empty: nothing is). */
  function emphasisFocus(): Set<string> {
    if (hovered) return new Set([hovered.id()]);
    if (!selection) return new Set();
    if (selection.kind === 'relation') {
      const def = relationDef(selection.id);
      return relationEdge(selection.id).nonempty() && def
        ? new Set([def.data.source!, def.data.target!])
        : new Set();
    }
    return new Set(selectionElements(selection).map((n) => n.id()));
  }

  /** The node, its drawn relations and "part of" links, and the actors at their other ends. */
  function neighbourhood(node: NodeSingular): CollectionReturnValue {
    const links = node.connectedEdges().filter((e) => e.hasClass('part-of') || isDrawn(e));
    return node.union(links).union(links.connectedNodes());
  }

  function emphasised(): CollectionReturnValue | null {
    return hovered ? neighbourhood(hovered) : selectionEmphasis();
  }

  /** What the selection emphasises (see `emphasised`), hover aside. */
  function selectionEmphasis(): CollectionReturnValue | null {
    if (!selection) return null;
    if (selection.kind === 'relation') {
      const edge = relationEdge(selection.id);
      return edge.nonempty() && isDrawn(edge) ? edge.union(edge.connectedNodes()) : null;
    }
    const actors = selectionElements(selection) as NodeCollection;
    if (actors.empty()) return null;
    if (selection.kind === 'actor') return neighbourhood(actors[0]!);
    return actors.union(
      actors.edgesWith(actors).filter((e) => e.hasClass('part-of') || isDrawn(e)),
    );
  }

  /** After relations came or went: the emphasis again, in full only if they touch its focus. */
  function refreshEmphasis(changed: readonly string[]) {
    const focus = emphasisFocus();
    if (focus.size === 0) return;
    const touches = changed.some((id) => {
      const def = relationDef(id);
      return def !== undefined && (focus.has(def.data.source!) || focus.has(def.data.target!));
    });
    if (touches) {
      applyEmphasis();
      return;
    }
    cy.batch(() => {
      for (const id of changed) relationEdge(id).removeClass('highlighted').addClass('dimmed');
    });
  }

  function applyEmphasis() {
    const keep = emphasised();
    cy.batch(() => {
      if (!keep) {
        cy.elements().removeClass('dimmed highlighted');
        return;
      }
      cy.elements().difference(keep).removeClass('highlighted').addClass('dimmed');
      keep.removeClass('dimmed').addClass('highlighted');
    });
  }

  /** How many drawn relations each actor (by element id) has. */
  function drawnDegrees(): Map<string, number> {
    const degree = new Map<string, number>();
    cy.edges('.relation').forEach((e) => {
      if (!isDrawn(e)) return;
      for (const end of [e.data('source') as string, e.data('target') as string])
        degree.set(end, (degree.get(end) ?? 0) + 1);
    });
    return degree;
  }

  /**
   * Places every shown actor's label (core/render/labels.ts) at the current label scale: the
   * selection's actors and neighbours first, and always shown (someone who tapped an actor must
   * read who it deals with, even where labels are crowded); then actors alive at the day, then
   * the most connected, so a hidden label is that of a greyed or lightly connected actor.
   */
  function placeAllLabels() {
    if (!ownCurves) return;
    const degree = drawnDegrees();
    const selected = new Set(
      selectionEmphasis()
        ?.nodes()
        .map((n) => n.id()),
    );
    const items: LabelItem[] = [];
    cy.nodes().forEach((n) => {
      const size = labelSizes.get(n.id());
      if (!size || n.hasClass('filtered')) return;
      const p = n.position();
      items.push({
        id: n.id(),
        x: p.x,
        y: p.y,
        radius: (tokens.size.node + tokens.size.nodeBorder) / 2,
        ...size,
        priority:
          (selected.has(n.id()) ? 1e7 : 0) +
          (n.hasClass('dormant') ? 0 : 1e6) +
          (degree.get(n.id()) ?? 0),
      });
    });
    const places = placeLabels(items, tokens.size.labelGap, labelScale);
    cy.batch(() => {
      for (const [id, placed] of places) {
        const node = cy.getElementById(id);
        const place = placed === 'hidden' && selected.has(id) ? 'bottom' : placed;
        const wanted = place === 'bottom' ? '' : `label-${place}`;
        if (LABEL_CLASSES.every((c) => node.hasClass(c) === (c === wanted))) continue;
        node.removeClass(LABEL_CLASSES.join(' '));
        if (wanted) node.addClass(wanted);
      }
    });
  }
  placeAllLabels();

  /** Labels follow the day (who is alive and connected), at most once per LABEL_DELAY_MS. */
  let labelTimer: ReturnType<typeof setTimeout> | null = null;
  function placeLabelsSoon() {
    if (labelTimer !== null) return;
    labelTimer = setTimeout(() => {
      labelTimer = null;
      placeAllLabels();
    }, LABEL_DELAY_MS);
  }

  // Hover: emphasise a node's neighbourhood among what is drawn, and report it for a tooltip.
  cy.on('mouseover', 'node', (evt) => {
    const node = evt.target as NodeSingular;
    hovered = node;
    applyEmphasis();
    const p = node.renderedPosition();
    options.onHover?.({ kind: 'actor', id: actorIdOf(node.id()), x: p.x, y: p.y });
  });
  cy.on('mouseover', 'edge.relation', (evt) => {
    const edge = evt.target as EdgeSingular;
    const p = edge.renderedMidpoint();
    options.onHover?.({ kind: 'relation', id: relationIdOf(edge.id()), x: p.x, y: p.y });
  });
  const clearHover = () => {
    hovered = null;
    // Back to the selection's emphasis, if any.
    applyEmphasis();
    options.onHover?.(null);
  };
  cy.on('mouseout', 'node', clearHover);
  // Leaving the canvas straight from a node sends Cytoscape no mouseout.
  container.addEventListener('mouseleave', clearHover);
  cy.on('mouseout', 'edge.relation', () => options.onHover?.(null));
  cy.on('viewport drag', () => options.onHover?.(null));

  cy.on('tap', (evt) => {
    if (evt.target === cy) options.onSelect?.(null);
  });
  cy.on('tap', 'node', (evt) =>
    options.onSelect?.({ kind: 'actor', id: actorIdOf((evt.target as NodeSingular).id()) }),
  );
  cy.on('tap', 'edge.relation', (evt) =>
    options.onSelect?.({ kind: 'relation', id: relationIdOf((evt.target as EdgeSingular).id()) }),
  );
  cy.on('dragfree', 'node', (evt) => {
    const moved = new Map<string, Point>();
    const node = evt.target as NodeSingular;
    moved.set(actorIdOf(node.id()), { ...node.position() });
    options.onNodesMoved?.(moved);
    placeAllLabels();
  });

  const selectionElements = (selection: GraphSelection) => {
    if (selection.kind === 'actor') return actorNode(selection.id);
    if (selection.kind === 'relation') return relationEdge(selection.id);
    const actors = model.eventsById.get(selection.id)?.actors ?? [];
    return cy.nodes().filter((n) => actors.includes(actorIdOf(n.id())));
  };

  /**
   * Mounting large graphs a slice per task: actors (and "part of" links), then the relations
   * drawn by then, so no task blocks the page for long (docs/PERFORMANCE.md, "Big imports").
   * Cytoscape styles each element and measures it for its first frame; for thousands of
   * elements in one go that was seconds. The view's verbs work meanwhile: setDay, setFilter,
   * setSelection and setOverlay change what is mounted, and what is mounted later is mounted
   * as the view is by then. Verbs that need the whole picture finish mounting first.
   */
  const pendingNodes: ElementDefinition[] = sliced ? nodeDefs.slice() : [];
  /** Relations still to mount; listed from the view once every node is mounted. */
  let pendingRelations: string[] | null = sliced ? null : [];

  function mountNextSlice(): boolean {
    cy.batch(() => {
      if (pendingNodes.length > 0) mountNodes(pendingNodes.splice(0, SLICE_NODES));
      else {
        pendingRelations ??= byDatasetOrder(
          new Set([...model.index.stateDuring(span).relations, ...overlayShown]),
        );
        for (const id of pendingRelations.splice(0, SLICE_RELATIONS))
          if (isActive(id) || overlayShown.has(id)) mount(id);
      }
      if (selection) selectionElements(selection).select();
    });
    if (selection || hovered) applyEmphasis();
    return pendingNodes.length > 0 || pendingRelations?.length !== 0;
  }

  /** Adds actors and "part of" links as the view shows them now: alive or not, filtered, marked. */
  function mountNodes(defs: ElementDefinition[]) {
    const shown = new Set(visibleActors(model, span, filter));
    cy.add(
      defs.map((def) => {
        if (def.group !== 'nodes') return def;
        const actor = actorIdOf(def.data.id!);
        const classes = [
          alive.has(actor) ? '' : 'dormant',
          shown.has(actor) ? '' : 'filtered',
          overlay?.actorClasses.get(actor) ?? '',
        ];
        return { ...def, classes: classes.filter(Boolean).join(' ') };
      }),
    );
  }

  const slices = sliced ? runInSlices(mountNextSlice) : null;
  /** Mounts what is still waiting, now (for verbs that need every element). */
  const mountRest = () => slices?.finish();

  /** Labels' on-screen floor (`setMinLabelPx`); re-applied after each zoom, once it settles. */
  let minLabelPx: number | null = null;
  let zoomTimer: ReturnType<typeof setTimeout> | null = null;
  function applyLabelScale() {
    const wanted =
      minLabelPx === null ? 1 : Math.max(1, minLabelPx / (tokens.size.label * cy.zoom()));
    // Small zoom changes keep the scale: restyling every node is not free.
    if (Math.abs(wanted - labelScale) < 0.01 * labelScale) return;
    labelScale = wanted;
    cy.style(currentStyle());
    placeAllLabels();
  }
  cy.on('zoom', () => {
    if (minLabelPx === null || large) return;
    if (zoomTimer !== null) clearTimeout(zoomTimer);
    zoomTimer = setTimeout(() => {
      zoomTimer = null;
      applyLabelScale();
    }, LABEL_DELAY_MS);
  });

  /** The keyboard cursor's node (element id), or null; see `placeCursor`. */
  let cursorId: string | null = null;
  /** Where the cursor was last, so coming back to the graph finds it there. */
  let lastCursorId: string | null = null;
  const isShown = (n: NodeSingular) => n.nonempty() && !n.hasClass('filtered') && n.visible();
  const placed = (n: NodeSingular): Placed => ({ id: n.id(), ...n.position() });

  function setCursor(node: NodeSingular | null) {
    cy.batch(() => {
      if (cursorId) cy.getElementById(cursorId).removeClass('cursor');
      node?.addClass('cursor');
    });
    cursorId = node?.id() ?? null;
    if (cursorId) lastCursorId = cursorId;
    if (node) keepOnScreen(node);
  }

  /** Pans the least that brings a node (with a margin for its label) inside the view. */
  function keepOnScreen(node: NodeSingular) {
    const margin = Math.min(64, cy.width() / 4, cy.height() / 4);
    const p = node.renderedPosition();
    const shift = (at: number, length: number) =>
      at < margin ? margin - at : at > length - margin ? length - margin - at : 0;
    const by = { x: shift(p.x, cy.width()), y: shift(p.y, cy.height()) };
    if (by.x === 0 && by.y === 0) return;
    cy.stop();
    if (reducedMotion) cy.panBy(by);
    else cy.animate({ panBy: by }, { duration: 200, easing: 'ease-out-cubic' });
  }

  function cursorStart(): NodeSingular | null {
    if (selection?.kind === 'actor') {
      const chosen = actorNode(selection.id);
      if (isShown(chosen)) return chosen;
    }
    if (lastCursorId) {
      const previous = cy.getElementById(lastCursorId) as NodeSingular;
      if (isShown(previous)) return previous;
    }
    const degree = drawnDegrees();
    let best: NodeSingular | null = null;
    let bestScore = -1;
    cy.nodes().forEach((n) => {
      if (!isShown(n)) return;
      const score = (n.hasClass('dormant') ? 0 : 1e6) + (degree.get(n.id()) ?? 0);
      if (score > bestScore || (score === bestScore && best && n.id() < best.id())) {
        best = n;
        bestScore = score;
      }
    });
    return best;
  }

  return {
    get batchedDrawing() {
      return batchedDrawing !== null && batchedDrawing.fallback() === null;
    },
    batchedFrames: () => batchedDrawing?.frames() ?? 0,
    missingRendererInternals: () =>
      (batchedDrawing?.nonconformities() ?? cytoscapeNonconformities(cy)).map(
        describeNonconformity,
      ),
    setDay(next, timeWindow = windowMonths) {
      if (next === current && timeWindow === windowMonths) return;
      const nextSpan = windowSpan(next, timeWindow);
      const diff = model.index.diffSpans(span, nextSpan);
      current = next;
      windowMonths = timeWindow;
      span = nextSpan;
      // A flipped pair blends from the colour of the relation that left.
      const flipColor = new Map<string, string>();
      for (const f of diff.flips) {
        const old = relationDef(f.left[0]!)?.data.color as string | undefined;
        if (old) for (const id of f.entered) flipColor.set(id, old);
      }
      const flippedOut = new Set(diff.flips.flatMap((f) => f.left));
      cy.batch(() => {
        // A flipped-out relation goes at once: its successor takes its place.
        for (const id of flippedOut) unmount(id);
        hide(diff.relationsLeft.filter((id) => !flippedOut.has(id)));
        for (const id of diff.relationsEntered) show(id, flipColor.get(id));
        for (const id of diff.actorsLeft) {
          alive.delete(id);
          actorNode(id).addClass('dormant');
        }
        for (const id of diff.actorsEntered) {
          alive.add(id);
          actorNode(id).removeClass('dormant');
        }
      });
      if (filter.focusActor) applyFilter();
      else refreshEmphasis([...diff.relationsEntered, ...diff.relationsLeft]);
      placeLabelsSoon();
    },
    setFilter(next) {
      filter = next;
      applyFilter();
    },
    setOverlay(next) {
      const previous = overlayShown;
      overlay = next;
      overlayShown = new Set(next?.extraRelations ?? []);
      cy.batch(() => {
        cy.elements().removeClass(`${OVERLAY_CLASSES} overlay-shown`);
        // Relations mounted only for the previous overlay leave with it.
        for (const id of previous)
          if (!overlayShown.has(id) && relationEdge(id).hasClass('off')) unmount(id);
        if (!next) return;
        for (const [id, cls] of next.actorClasses) actorNode(id).addClass(cls);
        // Unmounted relations get their class when they are mounted (see `mount`).
        for (const [id, cls] of next.relationClasses) relationEdge(id).addClass(cls);
        for (const id of next.extraRelations) mount(id).addClass('overlay-shown');
        rebowAll();
      });
      applyEmphasis();
    },
    setSelection(next) {
      selection = next;
      cy.batch(() => {
        cy.elements().unselect();
        if (next) selectionElements(next).select();
      });
      applyEmphasis();
      placeAllLabels(); // the selection's labels go first (see placeAllLabels)
    },
    mountedAll: () => slices?.done ?? true,
    focus(selection) {
      mountRest();
      const eles = selectionElements(selection);
      if (eles.empty()) return;
      const target = { center: { eles }, zoom: Math.max(cy.zoom(), 1) };
      if (reducedMotion) cy.center(eles);
      else cy.animate(target, { duration: 350, easing: 'ease-in-out-cubic' });
    },
    fit() {
      mountRest();
      fitView(mountedNodes());
    },
    showBox(box, animate) {
      cy.stop(true, false); // a camera move in flight (a layout's fit) would end elsewhere
      if (box === 'fit') {
        mountRest();
        fitView(mountedNodes());
        return;
      }
      const corners = [
        { x: box.x1, y: box.y1 },
        { x: box.x2, y: box.y2 },
      ];
      const viewport = fitPoints(corners, {
        width: cy.width(),
        height: cy.height(),
        padding: 0,
        radius: 0,
        minZoom: cy.minZoom(),
        maxZoom: cy.maxZoom(),
      });
      if (!viewport) return;
      if (animate && !reducedMotion && !large)
        cy.animate(viewport, { duration: 350, easing: 'ease-in-out-cubic' });
      else cy.viewport(viewport);
    },
    setPositions(positions, animate) {
      const target = (node: NodeSingular) => {
        const p = positions.get(actorIdOf(node.id()));
        return p ? { x: p.x, y: p.y } : node.position();
      };
      mountRest();
      cy.stop(true, true); // a camera move in flight would fight the new fit
      cy.nodes().stop(true, true); // and a previous layout's glide would overwrite positions
      if (!animate || reducedMotion || large) {
        cy.batch(() => cy.nodes().forEach((n) => void n.position(target(n))));
        fitView(mountedNodes());
        placeAllLabels();
        return;
      }
      // By element id; a prototype-less object, as ids are user text (graphKey.ts says why).
      const byElement: Record<string, { x: number; y: number }> = Object.create(null);
      cy.nodes().forEach((n) => void (byElement[n.id()] = target(n)));
      cy.nodes()
        .layout({
          name: 'preset',
          positions: byElement,
          fit: true,
          padding: 40,
          animate: true,
          animationDuration: LAYOUT_ANIMATION_MS,
          animationEasing: 'ease-in-out-cubic',
          stop: placeAllLabels,
        })
        .run();
    },
    resize() {
      cy.resize();
    },
    drawnRelations() {
      mountRest();
      return cy
        .edges('.relation')
        .filter(isDrawn)
        .map((e) => relationIdOf(e.id()));
    },
    drawnActors() {
      mountRest();
      return cy
        .nodes()
        .filter((n) => !n.hasClass('filtered'))
        .map((n) => actorIdOf(n.id()));
    },
    liveActors() {
      mountRest();
      return cy
        .nodes()
        .filter((n) => !n.hasClass('dormant') && !n.hasClass('filtered'))
        .map((n) => actorIdOf(n.id()));
    },
    extent() {
      const e = cy.extent();
      return { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2 };
    },
    clientPosition(kind, id) {
      const ele = kind === 'actor' ? actorNode(id) : relationEdge(id);
      if (ele.empty() || !ele.visible()) return null;
      const p = ele.isEdge() ? ele.renderedMidpoint() : (ele as NodeSingular).renderedPosition();
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    relationLine(id) {
      const edge = relationEdge(id);
      if (edge.empty() || !edge.visible()) return null;
      const box = container.getBoundingClientRect();
      const s = edge.renderedSourceEndpoint();
      const t = edge.renderedTargetEndpoint();
      const c = controlPoint(edge) ?? { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
      // The quadratic curve Cytoscape draws through one control point, sampled.
      return Array.from({ length: 33 }, (_, i) => {
        const u = i / 32;
        const [a, b, d] = [(1 - u) * (1 - u), 2 * (1 - u) * u, u * u];
        return {
          x: box.left + a * s.x + b * c.x + d * t.x,
          y: box.top + a * s.y + b * c.y + d * t.y,
        };
      });
    },
    emphasis(kind, id) {
      const ele = kind === 'actor' ? actorNode(id) : relationEdge(id);
      if (ele.empty() || !ele.visible()) return null;
      if (ele.hasClass('highlighted')) return 'highlighted';
      return ele.hasClass('dimmed') ? 'dimmed' : 'normal';
    },
    labelBox(id) {
      const node = actorNode(id);
      if (node.empty() || !node.visible() || !node.style('label')) return null;
      const b = node.renderedBoundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
      });
      const box = container.getBoundingClientRect();
      return { x1: box.left + b.x1, y1: box.top + b.y1, x2: box.left + b.x2, y2: box.top + b.y2 };
    },
    setMinLabelPx(px) {
      if (large) return;
      minLabelPx = px;
      applyLabelScale();
    },
    labelSizes() {
      const zoom = cy.zoom();
      return cy
        .nodes()
        .filter((n) => isShown(n) && Boolean(n.style('label')))
        .map((n) => ({ id: actorIdOf(n.id()), px: parseFloat(n.style('font-size')) * zoom }));
    },
    placeCursor() {
      mountRest();
      setCursor(cursorStart());
      return cursorId ? actorIdOf(cursorId) : null;
    },
    moveCursor(direction) {
      if (!cursorId) return null;
      mountRest();
      const from = cy.getElementById(cursorId) as NodeSingular;
      const links = from.connectedEdges().filter((e) => e.hasClass('part-of') || isDrawn(e));
      const neighbours = links.connectedNodes().filter(isShown).map(placed);
      const everyone = cy.nodes().filter(isShown).map(placed);
      const next =
        nearestInDirection(placed(from), neighbours, direction) ??
        nearestInDirection(placed(from), everyone, direction);
      if (next) setCursor(cy.getElementById(next) as NodeSingular);
      return actorIdOf(cursorId);
    },
    clearCursor() {
      setCursor(null);
    },
    cursor() {
      return cursorId ? actorIdOf(cursorId) : null;
    },
    destroy() {
      if (zoomTimer !== null) clearTimeout(zoomTimer);
      if (labelTimer !== null) clearTimeout(labelTimer);
      container.removeEventListener('mouseleave', clearHover);
      for (const t of fadeTimers) clearTimeout(t);
      if (frameRequest !== 0) cancelAnimationFrame(frameRequest);
      slices?.cancel();
      cy.destroy();
    },
  };
}

/**
 * The rendered control point of a curved edge, or undefined for a straight one: Cytoscape
 * draws a lone `bezier` edge (large graphs) straight, and then has no control points to map
 * (`renderedControlPoints()` throws).
 */
function controlPoint(edge: EdgeSingular): { x: number; y: number } | undefined {
  try {
    return edge.renderedControlPoints()?.[0];
  } catch {
    return undefined;
  }
}
