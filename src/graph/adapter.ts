/**
 * The one module that owns Cytoscape. It mounts every actor and relation
 * once (preset positions from the core's layout), then moves through time by
 * applying the core's diff inside one `cy.batch()`: relations are shown or
 * hidden with `display` (never removed and re-added) and fade in and out;
 * actors outside their lifetime are greyed, not hidden, so the relations
 * that still name them stay readable.
 */
import cytoscape, { type Core } from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';
import { buildElements, relationElementId, relationIdOf } from './elements';
import { FADE_MS, graphStyle } from './style';

export interface GraphViewOptions {
  /** Skip fades (prefers-reduced-motion, exports, tests of the end state). */
  reducedMotion?: boolean;
}

export interface GraphView {
  /** Shows the graph at a day, applying only what changed since the last call. */
  setDay(day: number): void;
  fit(): void;
  /** Ids of relations drawn now (leaving ones excluded once their fade started). */
  drawnRelations(): string[];
  /** Ids of actors drawn as alive (not greyed) now. */
  liveActors(): string[];
  destroy(): void;
}

export function createGraphView(
  container: HTMLElement,
  model: ExplorerModel,
  day: number,
  options: GraphViewOptions = {},
): GraphView {
  const reducedMotion = options.reducedMotion ?? false;
  const cy: Core = cytoscape({
    container,
    elements: buildElements(model),
    style: graphStyle(reducedMotion),
    layout: { name: 'preset' },
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });

  const pendingHide = new Map<string, ReturnType<typeof setTimeout>>();
  let current = day;

  // Initial state: everything active at `day`, no animation.
  const initial = model.index.stateAt(day);
  const alive = new Set(initial.actors);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('dormant', !alive.has(n.id()));
    });
    for (const id of initial.relations) cy.getElementById(relationElementId(id)).removeClass('off');
  });
  cy.fit(undefined, 40);

  function show(id: string) {
    const ele = cy.getElementById(relationElementId(id));
    const timer = pendingHide.get(id);
    if (timer !== undefined) {
      clearTimeout(timer);
      pendingHide.delete(id);
    }
    if (reducedMotion) {
      ele.removeClass('off fading');
      return;
    }
    // Start transparent, then clear the class on the next frame so the opacity transition runs.
    if (ele.hasClass('off')) ele.addClass('fading');
    ele.removeClass('off');
    requestAnimationFrame(() => ele.removeClass('fading'));
  }

  function hide(id: string) {
    const ele = cy.getElementById(relationElementId(id));
    if (reducedMotion) {
      ele.addClass('off');
      return;
    }
    ele.addClass('fading');
    pendingHide.set(
      id,
      setTimeout(() => {
        pendingHide.delete(id);
        ele.addClass('off');
      }, FADE_MS),
    );
  }

  return {
    setDay(next) {
      if (next === current) return;
      const diff = model.index.diff(current, next);
      current = next;
      cy.batch(() => {
        for (const id of diff.relationsLeft) hide(id);
        for (const id of diff.relationsEntered) show(id);
        for (const id of diff.actorsLeft) cy.getElementById(id).addClass('dormant');
        for (const id of diff.actorsEntered) cy.getElementById(id).removeClass('dormant');
      });
    },
    fit() {
      cy.fit(undefined, 40);
    },
    drawnRelations() {
      return cy
        .edges('.relation')
        .filter(
          (e) =>
            !e.hasClass('off') && !(e.hasClass('fading') && pendingHide.has(relationIdOf(e.id()))),
        )
        .map((e) => relationIdOf(e.id()));
    },
    liveActors() {
      return cy
        .nodes()
        .filter((n) => !n.hasClass('dormant'))
        .map((n) => n.id());
    },
    destroy() {
      for (const t of pendingHide.values()) clearTimeout(t);
      cy.destroy();
    },
  };
}
