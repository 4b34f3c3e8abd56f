/**
 * Drawing a relation on the canvas (edit mode): a drag that starts on an
 * actor stretches a line from it to the pointer, rings the actor under the
 * pointer, and releasing there reports the two actors (the store then opens
 * the new-relation form).
 *
 * In edit mode every drag on an actor draws, as yEd's and Gephi's edge tools
 * do: no modifier key and no small handle to hit, so it works the same with a
 * finger on a phone as with a mouse. Actors are not dragged meanwhile; the
 * layout tools still arrange them, and leaving edit mode gives dragging back.
 * (A Kumu-style handle on the selected actor would need a selection first
 * and a target a few pixels wide on a phone.)
 *
 * The line is an SVG overlay above the canvas rather than a temporary
 * Cytoscape node and edge: Cytoscape would style, z-sort and measure those
 * with every element on each pointer move (a large graph redraws in full,
 * batched drawing included), and they would show up in the lists of drawn
 * elements that exports and tests read. The overlay costs one attribute
 * change per move and touches nothing the view reports.
 */
import type { EventObject, NodeSingular, Position } from 'cytoscape';
import { tokens } from '../core/tokens';
import type { DrawRelation } from './contract';
import { actorIdOf } from './elements';
import type { ViewState } from './viewState';

const SVG = 'http://www.w3.org/2000/svg';
/** An actor counts as under the pointer this far (graph units) beyond its symbol's edge. */
const REACH = 4;

interface Gesture {
  source: NodeSingular;
  target: NodeSingular | null;
}

export type RelationDrawing = ReturnType<typeof createRelationDrawing>;

export function createRelationDrawing(state: ViewState) {
  const { cy } = state;
  let onDraw: DrawRelation | null = null;
  let gesture: Gesture | null = null;
  const band = createBand(state.container);

  /** The drawn actor whose symbol is under a graph position (nearest first), if any. */
  function actorAt(at: Position): NodeSingular | null {
    const reach = (tokens.size.node + tokens.size.nodeBorder) / 2 + REACH;
    let best: NodeSingular | null = null;
    let bestDistance = reach;
    cy.nodes().forEach((n) => {
      const p = n.position();
      const distance = Math.hypot(p.x - at.x, p.y - at.y);
      if (distance <= bestDistance && !n.hasClass('filtered') && n.visible()) {
        best = n;
        bestDistance = distance;
      }
    });
    return best;
  }

  function setTarget(target: NodeSingular | null) {
    if (!gesture || gesture.target?.same(target ?? cy.collection())) return;
    gesture.target?.removeClass('draw-target');
    target?.addClass('draw-target');
    gesture.target = target;
  }

  function start(evt: EventObject) {
    if (!onDraw || evt.target === cy) return;
    const source = evt.target as NodeSingular;
    gesture = { source, target: null };
    source.addClass('draw-source');
    band.show(source.renderedPosition(), source.renderedPosition());
  }

  function move(evt: EventObject) {
    if (!gesture) return;
    const under = actorAt(evt.position);
    const target = under && !under.same(gesture.source) ? under : null;
    setTarget(target);
    band.show(
      gesture.source.renderedPosition(),
      target?.renderedPosition() ?? evt.renderedPosition,
    );
  }

  function end(evt?: EventObject) {
    if (!gesture) return;
    const { source } = gesture;
    const under = evt ? actorAt(evt.position) : null;
    setTarget(null);
    source.removeClass('draw-source');
    band.hide();
    gesture = null;
    if (under && !under.same(source) && onDraw)
      onDraw(actorIdOf(source.id()), actorIdOf(under.id()));
  }

  cy.on('tapstart', 'node', start);
  cy.on('tapdrag', move);
  cy.on('tapend', end);

  return {
    set(next: DrawRelation | null) {
      onDraw = next;
      // While drawing, a drag on an actor must not move it (nor pan: Cytoscape pans only from
      // the background and from edges).
      cy.autoungrabify(next !== null);
      if (!next) end();
    },
    destroy() {
      band.remove();
    },
  };
}

/** The rubber band: one dashed line in an SVG laid over the canvas, ignored by the pointer. */
function createBand(container: HTMLElement) {
  let svg: SVGSVGElement | null = null;
  let line: SVGLineElement | null = null;
  return {
    show(from: Position, to: Position) {
      if (!svg || !line) {
        svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('class', 'graph-draw-band');
        svg.setAttribute('aria-hidden', 'true');
        Object.assign(svg.style, {
          position: 'absolute',
          inset: '0',
          width: '100%',
          height: '100%',
          pointerEvents: 'none',
        });
        line = document.createElementNS(SVG, 'line');
        line.setAttribute('stroke', tokens.color.accent);
        line.setAttribute('stroke-width', String(tokens.size.emphasisedWidth[0]));
        line.setAttribute('stroke-dasharray', '6 4');
        line.setAttribute('stroke-linecap', 'round');
        svg.append(line);
        container.append(svg);
      }
      line.setAttribute('x1', String(from.x));
      line.setAttribute('y1', String(from.y));
      line.setAttribute('x2', String(to.x));
      line.setAttribute('y2', String(to.y));
      svg.style.display = '';
    },
    hide() {
      if (svg) svg.style.display = 'none';
    },
    remove() {
      svg?.remove();
      svg = line = null;
    },
  };
}
