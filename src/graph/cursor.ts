/**
 * The keyboard cursor: an actor marked with a focus ring (the `cursor` class)
 * while the graph has keyboard focus, moved by the arrow keys to the actor
 * that lies that way (core/render/nearestInDirection.ts), neighbours first.
 */
import type { NodeSingular } from 'cytoscape';
import { nearestInDirection, type Direction, type Placed } from '../core/render/nearestInDirection';
import { actorIdOf } from './elements';
import type { Emphasis } from './emphasis';
import type { Relations } from './relations';
import { actorNode, type ViewState } from './viewState';

export const isShown = (n: NodeSingular) => n.nonempty() && !n.hasClass('filtered') && n.visible();

const placed = (n: NodeSingular): Placed => ({ id: n.id(), ...n.position() });

export type KeyboardCursor = ReturnType<typeof createCursor>;

/** @param mountRest mounts what a sliced mount still holds back (the cursor needs every actor). */
export function createCursor(
  state: ViewState,
  relations: Relations,
  emphasis: Emphasis,
  mountRest: () => void,
) {
  const { cy } = state;
  /** The cursor's node (element id), or null. */
  let cursorId: string | null = null;
  /** Where the cursor was last, so coming back to the graph finds it there. */
  let lastCursorId: string | null = null;

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
    if (state.reducedMotion) cy.panBy(by);
    else cy.animate({ panBy: by }, { duration: 200, easing: 'ease-out-cubic' });
  }

  /** The selected actor, else where the cursor was, else the most connected living actor. */
  function start(): NodeSingular | null {
    if (state.selection?.kind === 'actor') {
      const chosen = actorNode(state, state.selection.id);
      if (isShown(chosen)) return chosen;
    }
    if (lastCursorId) {
      const previous = cy.getElementById(lastCursorId) as NodeSingular;
      if (isShown(previous)) return previous;
    }
    const degree = emphasis.drawnDegrees();
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

  const current = () => (cursorId ? actorIdOf(cursorId) : null);

  return {
    current,
    place() {
      mountRest();
      setCursor(start());
      return current();
    },
    move(direction: Direction) {
      if (!cursorId) return null;
      mountRest();
      const from = cy.getElementById(cursorId) as NodeSingular;
      const links = from
        .connectedEdges()
        .filter((e) => e.hasClass('part-of') || relations.isDrawn(e));
      const neighbours = links.connectedNodes().filter(isShown).map(placed);
      const everyone = cy.nodes().filter(isShown).map(placed);
      const next =
        nearestInDirection(placed(from), neighbours, direction) ??
        nearestInDirection(placed(from), everyone, direction);
      if (next) setCursor(cy.getElementById(next) as NodeSingular);
      return current();
    },
    clear: () => setCursor(null),
    /** The cursor's actor was removed from the canvas (an edit): forget it. */
    forget(elementId: string) {
      if (cursorId === elementId) cursorId = null;
      if (lastCursorId === elementId) lastCursorId = null;
    },
  };
}
