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
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
} from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import { NO_FILTER, visibleActors, type SceneFilter } from '../core/render/scene';
import { installBatchedDrawing } from './batched/install';
import {
  actorElementId,
  actorIdOf,
  buildElements,
  relationElementId,
  relationIdOf,
} from './elements';
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
}

export interface GraphHover {
  kind: 'actor' | 'relation';
  id: string;
  x: number;
  y: number;
}

export interface GraphView {
  /** Shows the graph at a day, applying only what changed since the last call. */
  setDay(day: number): void;
  setFilter(filter: GraphFilter): void;
  /** Marks the selected actor or relation (events select their actors). */
  setSelection(selection: GraphSelection | null): void;
  /** Replaces the analysis overlay (null clears it). */
  setOverlay(overlay: GraphOverlay | null): void;
  /** Centres the camera on the selection. */
  focus(selection: GraphSelection): void;
  fit(): void;
  /** Call after the container changed size. */
  resize(): void;
  /** True when this view draws in batches (large graphs, batchedDraw.ts). */
  readonly batchedDrawing: boolean;
  /** Ids of relations drawn now (leaving ones excluded once their fade started). */
  drawnRelations(): string[];
  /** Ids of actors drawn (not filtered out), and of those drawn alive (not greyed). */
  drawnActors(): string[];
  liveActors(): string[];
  /** The visible region in graph coordinates (for "export the current view"). */
  extent(): { x1: number; y1: number; x2: number; y2: number };
  /** Where an actor, or a relation's midpoint, is on the page (client pixels), if drawn. */
  clientPosition(kind: 'actor' | 'relation', id: string): Point | null;
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

  const initial = model.index.stateAt(day);
  const alive = new Set(initial.actors);
  const activeNow = new Set(initial.relations);
  /** Every relation's element definition; mounted on demand. */
  const relationDefs = new Map<string, ElementDefinition>();
  const elements: ElementDefinition[] = [];
  for (const def of buildElements(model)) {
    const id = def.data.id!;
    if (def.group === 'nodes') {
      if (!alive.has(actorIdOf(id))) def.classes = 'dormant';
      elements.push(def);
    } else if (String(def.classes).includes('relation')) {
      const relation = relationIdOf(id);
      relationDefs.set(relation, def);
      if (activeNow.has(relation)) elements.push({ ...def, classes: baseClasses(def) });
    } else elements.push(def);
  }

  const cy: Core = cytoscape({
    container,
    elements,
    // Batched drawing keeps line styles until a view is dense; Cytoscape's own needs them off.
    style: graphStyle(!fades, large && !batchedWanted),
    ...viewOptions(large),
  });
  // Large graphs: one path per style instead of one draw per element (batched/install.ts).
  const batched = batchedWanted && installBatchedDrawing(cy);
  if (batchedWanted && !batched && large) cy.style(graphStyle(!fades, true));
  cy.fit(undefined, 40);

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
    model.index.relationActive(model.relationIndex.get(id) ?? -1, current);

  /** The classes a relation's element is created with, without the day's 'off'. */
  function baseClasses(def: ElementDefinition): string {
    return String(def.classes)
      .split(' ')
      .filter((c) => c !== 'off')
      .join(' ');
  }

  /** Adds a relation's element with the classes the current view gives it; returns it. */
  function mount(id: string, extra = ''): EdgeSingular {
    const present = relationEdge(id);
    if (present.nonempty()) return present;
    const def = relationDefs.get(id)!;
    const classes = [baseClasses(def)];
    if (extra) classes.push(extra);
    if (filter.hiddenKinds.has(def.data.kind as string)) classes.push('filtered');
    const marked = overlay?.relationClasses.get(id);
    if (marked) classes.push(marked);
    if (overlayShown.has(id)) classes.push('overlay-shown');
    if (!isActive(id)) classes.push('off');
    const ele = cy.add({ ...def, classes: classes.join(' ') }) as unknown as EdgeSingular;
    if (selection?.kind === 'relation' && selection.id === id) ele.select();
    return ele;
  }

  /** Removes a relation's element, unless an analysis overlay still shows it. */
  function unmount(id: string) {
    pendingHide.delete(id);
    const ele = relationEdge(id);
    if (ele.empty()) return;
    if (overlayShown.has(id)) ele.addClass('off').removeClass('fading');
    else ele.remove();
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
    const shown = new Set(visibleActors(model, current, filter));
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', !shown.has(actorIdOf(n.id())));
      });
      cy.edges('.relation').forEach((e) => {
        e.toggleClass('filtered', filter.hiddenKinds.has(e.data('kind')));
      });
    });
  }

  const isDrawn = (e: EdgeSingular) =>
    !e.hasClass('off') &&
    !e.hasClass('filtered') &&
    !pendingHide.has(relationIdOf(e.id())) &&
    !e.source().hasClass('filtered') &&
    !e.target().hasClass('filtered');

  // Hover: highlight a node's neighbourhood among what is drawn, and report it for a tooltip.
  cy.on('mouseover', 'node', (evt) => {
    const node = evt.target as NodeSingular;
    const keep = node.closedNeighborhood();
    cy.batch(() => {
      cy.elements().not(keep).addClass('dimmed');
      keep.addClass('highlighted');
    });
    const p = node.renderedPosition();
    options.onHover?.({ kind: 'actor', id: actorIdOf(node.id()), x: p.x, y: p.y });
  });
  cy.on('mouseover', 'edge.relation', (evt) => {
    const edge = evt.target as EdgeSingular;
    const p = edge.renderedMidpoint();
    options.onHover?.({ kind: 'relation', id: relationIdOf(edge.id()), x: p.x, y: p.y });
  });
  const clearHover = () => {
    cy.batch(() => cy.elements().removeClass('dimmed highlighted'));
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
  });

  const selectionElements = (selection: GraphSelection) => {
    if (selection.kind === 'actor') return actorNode(selection.id);
    if (selection.kind === 'relation') return relationEdge(selection.id);
    const actors = model.eventsById.get(selection.id)?.actors ?? [];
    return cy.nodes().filter((n) => actors.includes(actorIdOf(n.id())));
  };

  return {
    batchedDrawing: batched,
    setDay(next) {
      if (next === current) return;
      const diff = model.index.diff(current, next);
      current = next;
      // A flipped pair blends from the colour of the relation that left.
      const flipColor = new Map<string, string>();
      for (const f of diff.flips) {
        const old = relationDefs.get(f.left[0]!)?.data.color as string | undefined;
        if (old) for (const id of f.entered) flipColor.set(id, old);
      }
      const flippedOut = new Set(diff.flips.flatMap((f) => f.left));
      cy.batch(() => {
        // A flipped-out relation goes at once: its successor takes its place.
        for (const id of flippedOut) unmount(id);
        hide(diff.relationsLeft.filter((id) => !flippedOut.has(id)));
        for (const id of diff.relationsEntered) show(id, flipColor.get(id));
        for (const id of diff.actorsLeft) actorNode(id).addClass('dormant');
        for (const id of diff.actorsEntered) actorNode(id).removeClass('dormant');
      });
      if (filter.focusActor) applyFilter();
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
      });
    },
    setSelection(next) {
      selection = next;
      cy.batch(() => {
        cy.elements().unselect();
        if (next) selectionElements(next).select();
      });
    },
    focus(selection) {
      const eles = selectionElements(selection);
      if (eles.empty()) return;
      const target = { center: { eles }, zoom: Math.max(cy.zoom(), 1) };
      if (reducedMotion) cy.center(eles);
      else cy.animate(target, { duration: 350, easing: 'ease-in-out-cubic' });
    },
    fit() {
      cy.fit(cy.elements(':visible'), 40);
    },
    resize() {
      cy.resize();
    },
    drawnRelations() {
      return cy
        .edges('.relation')
        .filter(isDrawn)
        .map((e) => relationIdOf(e.id()));
    },
    drawnActors() {
      return cy
        .nodes()
        .filter((n) => !n.hasClass('filtered'))
        .map((n) => actorIdOf(n.id()));
    },
    liveActors() {
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
    destroy() {
      container.removeEventListener('mouseleave', clearHover);
      for (const t of fadeTimers) clearTimeout(t);
      if (frameRequest !== 0) cancelAnimationFrame(frameRequest);
      cy.destroy();
    },
  };
}
