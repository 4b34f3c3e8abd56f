/**
 * The pointer on the canvas: hovering an actor emphasises its neighbourhood
 * and reports it for a tooltip, tapping selects, dragging actors reports
 * their new positions. (Drawing relations is drawRelations.ts; the keyboard
 * cursor is cursor.ts.)
 */
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { Point } from '../core/layout';
import type { GraphViewOptions } from './contract';
import { actorIdOf, relationIdOf } from './elements';
import type { Emphasis } from './emphasis';
import type { ViewState } from './viewState';

/**
 * Listens on the view's canvas; returns what stops listening to the container (Cytoscape's
 * own listeners go with it).
 */
export function listenToPointer(
  state: ViewState,
  options: Pick<GraphViewOptions, 'onHover' | 'onSelect' | 'onNodesMoved'>,
  emphasis: Emphasis,
  placeLabels: () => void,
): () => void {
  const { cy, container } = state;

  // Hover: emphasise a node's neighbourhood among what is drawn, and report it for a tooltip.
  cy.on('mouseover', 'node', (evt) => {
    const node = evt.target as NodeSingular;
    state.hovered = node;
    emphasis.apply();
    const p = node.renderedPosition();
    options.onHover?.({ kind: 'actor', id: actorIdOf(node.id()), x: p.x, y: p.y });
  });
  cy.on('mouseover', 'edge.relation', (evt) => {
    const edge = evt.target as EdgeSingular;
    const p = edge.renderedMidpoint();
    options.onHover?.({ kind: 'relation', id: relationIdOf(edge.id()), x: p.x, y: p.y });
  });
  const clearHover = () => {
    state.hovered = null;
    // Back to the selection's emphasis, if any.
    emphasis.apply();
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
    placeLabels();
  });

  return () => container.removeEventListener('mouseleave', clearHover);
}
