/**
 * The legend's filters and the neighbourhood focus on the canvas: actors of
 * hidden types, or outside the focused actor's neighbourhood at the shown
 * span, and relations of hidden kinds get the `filtered` class; bows are
 * spread again among the relations still shown.
 */
import { visibleActors } from '../core/render/scene';
import { actorIdOf } from './elements';
import type { Relations } from './relations';
import type { ViewState } from './viewState';

export function filterCanvas(state: ViewState, relations: Relations) {
  const { cy } = state;
  const shown = new Set(visibleActors(state.model, state.span, state.filter));
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', !shown.has(actorIdOf(n.id())));
    });
    cy.edges('.relation').forEach((e) => {
      e.toggleClass('filtered', state.filter.hiddenKinds.has(e.data('kind')));
    });
    relations.rebowAll();
  });
}
