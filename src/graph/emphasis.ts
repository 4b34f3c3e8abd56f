/**
 * Emphasis: the hovered actor's neighbourhood stands out while the pointer is
 * on it; the selection's (an actor's neighbourhood, a relation and its two
 * actors, an event's actors and the relations between them) stands out until
 * the selection is cleared. The rest is dimmed.
 */
import type { CollectionReturnValue, NodeCollection, NodeSingular } from 'cytoscape';
import type { Relations } from './relations';
import { relationEdge, selectionElements, type ViewState } from './viewState';

export type Emphasis = ReturnType<typeof createEmphasis>;

export function createEmphasis(state: ViewState, relations: Relations) {
  const { cy } = state;
  /**
   * Whether any element may carry 'dimmed' or 'highlighted'. Clearing them is skipped when none
   * does: Cytoscape's `removeClass` counts every element as changed, whether or not it had the
   * class, and restyles them all (a second's frame for a large graph after an edit).
   */
  let marked = false;

  /** The actors (element ids) whose neighbourhood or relation is emphasised (empty: none). */
  function focus(): Set<string> {
    if (state.hovered) return new Set([state.hovered.id()]);
    const { selection } = state;
    if (!selection) return new Set();
    if (selection.kind === 'relation') {
      const def = relations.def(selection.id);
      return relationEdge(state, selection.id).nonempty() && def
        ? new Set([def.data.source!, def.data.target!])
        : new Set();
    }
    return new Set(selectionElements(state, selection).map((n) => n.id()));
  }

  /** The node, its drawn relations and "part of" links, and the actors at their other ends. */
  function neighbourhood(node: NodeSingular): CollectionReturnValue {
    const links = node
      .connectedEdges()
      .filter((e) => e.hasClass('part-of') || relations.isDrawn(e));
    return node.union(links).union(links.connectedNodes());
  }

  /** What the selection emphasises, hover aside (null: nothing). */
  function ofSelection(): CollectionReturnValue | null {
    const { selection } = state;
    if (!selection) return null;
    if (selection.kind === 'relation') {
      const edge = relationEdge(state, selection.id);
      return edge.nonempty() && relations.isDrawn(edge) ? edge.union(edge.connectedNodes()) : null;
    }
    const actors = selectionElements(state, selection) as NodeCollection;
    if (actors.empty()) return null;
    if (selection.kind === 'actor') return neighbourhood(actors[0]!);
    return actors.union(
      actors.edgesWith(actors).filter((e) => e.hasClass('part-of') || relations.isDrawn(e)),
    );
  }

  function apply() {
    const keep = state.hovered ? neighbourhood(state.hovered) : ofSelection();
    if (!keep && !marked) return;
    cy.batch(() => {
      if (!keep) {
        cy.elements().removeClass('dimmed highlighted');
        return;
      }
      cy.elements().difference(keep).removeClass('highlighted').addClass('dimmed');
      keep.removeClass('dimmed').addClass('highlighted');
    });
    marked = keep !== null;
  }

  /** After relations came or went: the emphasis again, in full only if they touch its focus. */
  function refresh(changed: readonly string[]) {
    const actors = focus();
    if (actors.size === 0) return;
    const touches = changed.some((id) => {
      const def = relations.def(id);
      return def !== undefined && (actors.has(def.data.source!) || actors.has(def.data.target!));
    });
    if (touches) {
      apply();
      return;
    }
    marked = true;
    cy.batch(() => {
      for (const id of changed)
        relationEdge(state, id).removeClass('highlighted').addClass('dimmed');
    });
  }

  /** How many drawn relations each actor (by element id) has. */
  function drawnDegrees(): Map<string, number> {
    const degree = new Map<string, number>();
    cy.edges('.relation').forEach((e) => {
      if (!relations.isDrawn(e)) return;
      for (const end of [e.data('source') as string, e.data('target') as string])
        degree.set(end, (degree.get(end) ?? 0) + 1);
    });
    return degree;
  }

  return { apply, refresh, ofSelection, drawnDegrees };
}
