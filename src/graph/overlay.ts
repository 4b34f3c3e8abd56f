/**
 * Analysis overlays on the canvas: classes on actors and relations (camps,
 * changes, unbalanced triangles) and relations drawn although they are not
 * active at the day (`extraRelations`, mounted with the `off` and
 * `overlay-shown` classes and unmounted when the overlay goes).
 */
import { OVERLAY_CLASSES, type GraphOverlay } from './contract';
import type { Relations } from './relations';
import { actorNode, relationEdge, type ViewState } from './viewState';

export function applyOverlay(state: ViewState, relations: Relations, next: GraphOverlay | null) {
  const { cy } = state;
  const previous = state.overlayShown;
  state.overlay = next;
  state.overlayShown = new Set(next?.extraRelations ?? []);
  cy.batch(() => {
    cy.elements().removeClass(`${OVERLAY_CLASSES} overlay-shown`);
    // Relations mounted only for the previous overlay leave with it.
    relations.unmount(
      [...previous].filter(
        (id) => !state.overlayShown.has(id) && relationEdge(state, id).hasClass('off'),
      ),
    );
    if (!next) return;
    for (const [id, cls] of next.actorClasses) actorNode(state, id).addClass(cls);
    // Unmounted relations get their class when they are mounted (relations.ts `mount`).
    for (const [id, cls] of next.relationClasses) relationEdge(state, id).addClass(cls);
    for (const id of next.extraRelations) relations.mount(id).addClass('overlay-shown');
    relations.rebowAll();
  });
}
