/**
 * What the canvas shows, read back for exports and browser tests: the lists
 * of what is drawn, where things are on the page, how they are emphasised.
 * Read-only: nothing here changes the view (the lists finish a sliced mount
 * first, so they describe the whole picture).
 */
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { Point } from '../core/layout';
import type { GraphView } from './contract';
import { isShown } from './cursor';
import { actorIdOf, relationIdOf } from './elements';
import type { Relations } from './relations';
import { actorNode, relationEdge, type ViewState } from './viewState';

type Queries = Pick<
  GraphView,
  | 'drawnRelations'
  | 'drawnActors'
  | 'liveActors'
  | 'extent'
  | 'clientPosition'
  | 'relationLine'
  | 'emphasis'
  | 'labelBox'
  | 'labelSizes'
>;

export function createQueries(
  state: ViewState,
  relations: Relations,
  mountRest: () => void,
): Queries {
  const { cy, container } = state;
  const element = (kind: 'actor' | 'relation', id: string) =>
    kind === 'actor' ? actorNode(state, id) : relationEdge(state, id);
  /** Client-pixel offset of the canvas on the page. */
  const origin = () => container.getBoundingClientRect();

  return {
    drawnRelations() {
      mountRest();
      return cy
        .edges('.relation')
        .filter(relations.isDrawn)
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
      const ele = element(kind, id);
      if (ele.empty() || !ele.visible()) return null;
      const p = ele.isEdge() ? ele.renderedMidpoint() : (ele as NodeSingular).renderedPosition();
      const box = origin();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    relationLine(id) {
      const edge = relationEdge(state, id);
      if (edge.empty() || !edge.visible()) return null;
      return sampleLine(edge, origin());
    },
    emphasis(kind, id) {
      const ele = element(kind, id);
      if (ele.empty() || !ele.visible()) return null;
      if (ele.hasClass('highlighted')) return 'highlighted';
      return ele.hasClass('dimmed') ? 'dimmed' : 'normal';
    },
    labelBox(id) {
      const node = actorNode(state, id);
      if (node.empty() || !node.visible() || !node.style('label')) return null;
      const b = node.renderedBoundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
      });
      const box = origin();
      return { x1: box.left + b.x1, y1: box.top + b.y1, x2: box.left + b.x2, y2: box.top + b.y2 };
    },
    labelSizes() {
      const zoom = cy.zoom();
      return cy
        .nodes()
        .filter((n) => isShown(n) && Boolean(n.style('label')))
        .map((n) => ({ id: actorIdOf(n.id()), px: parseFloat(n.style('font-size')) * zoom }));
    },
  };
}

/** The quadratic curve Cytoscape draws through one control point, sampled, on the page. */
function sampleLine(edge: EdgeSingular, box: { left: number; top: number }): Point[] {
  const s = edge.renderedSourceEndpoint();
  const t = edge.renderedTargetEndpoint();
  const c = controlPoint(edge) ?? { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
  return Array.from({ length: 33 }, (_, i) => {
    const u = i / 32;
    const [a, b, d] = [(1 - u) * (1 - u), 2 * (1 - u) * u, u * u];
    return {
      x: box.left + a * s.x + b * c.x + d * t.x,
      y: box.top + a * s.y + b * c.y + d * t.y,
    };
  });
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
