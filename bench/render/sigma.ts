/**
 * (d) sigma.js: the graphology-native WebGL renderer a user would pick instead
 * of Cytoscape for a large graph. Every actor is a node of one graphology
 * MultiGraph at the payload's positions (actors outside their lifetime faded,
 * as the other pages do); the relations active at the day and the "part of"
 * links are its edges. Each step applies the index's diff the way a sigma
 * user would: `dropEdge` / `addEdgeWithKey` through graphology (sigma listens
 * to the graph's events and redraws in its next frame) and a node colour
 * attribute for actors born or dissolved. Hiding edges with an `edgeReducer`
 * instead would keep every relation of the dataset in sigma's WebGL buffers,
 * which is what the adapter's change 1 (docs/PERFORMANCE.md) avoids.
 *
 * Settings: sigma's defaults (straight edges as quads, arrows for directed
 * relations, labels only for nodes drawn at least 6 px wide, so none at the
 * fitted zoom of M and L, as Cytoscape's `min-zoomed-font-size` culls them),
 * relation width by strength as in Cytoscape's style. Sigma has no dashed
 * lines: every relation is drawn solid, as the adapter does in a dense view.
 */
import { MultiGraph } from 'graphology';
import Sigma from 'sigma';
import type { ExplorerModel } from '../../src/core/explorer-model';
import { tokens } from '../../src/core/tokens';
import { installHarness, positionOf, type PagePayload } from './harness';
import { benchModel } from './model';

/** Node radius in screen pixels at the fitted zoom (sigma sizes are radii). */
const NODE_RADIUS = 3;

let renderer: Sigma;
let model: ExplorerModel;
let current = 0;
const graph = new MultiGraph();

/** `#rrggbb` at an opacity, as sigma's WebGL programs read an `rgba()` colour. */
function faded(hex: string, opacity: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
}

function actorColor(actorId: string, live: boolean): string {
  const actor = model.actorsById.get(actorId)!;
  const color = model.vocabulary.actorTypes.get(actor.type)!.color;
  return live ? color : faded(color, tokens.opacity.dormant);
}

function addRelation(id: string): void {
  const r = model.relationsById.get(id)!;
  const kind = model.vocabulary.relationKinds.get(r.kind)!;
  const directed = r.directed ?? kind.directed;
  graph.addEdgeWithKey(id, r.source, r.target, {
    color: kind.color,
    size: 0.5 + 2 * (r.strength ?? 0.5),
    type: directed ? 'arrow' : 'line',
  });
}

function addActors(data: PagePayload, live: ReadonlySet<string>): void {
  for (const a of data.dataset.actors) {
    graph.addNode(a.id, {
      label: a.label,
      ...positionOf(data, a.id),
      size: NODE_RADIUS,
      color: actorColor(a.id, live.has(a.id)),
    });
  }
  for (const a of data.dataset.actors) {
    if (a.parent)
      graph.addEdgeWithKey(`part:${a.id}`, a.id, a.parent, {
        color: tokens.color.partOf,
        size: 0.5,
      });
  }
}

installHarness({
  mount(container, data, day) {
    model = benchModel(data);
    current = day;
    const state = model.index.stateAt(day);
    addActors(data, new Set(state.actors));
    for (const id of state.relations) addRelation(id);
    renderer = new Sigma(graph, container);
  },
  setDay(day) {
    const d = model.index.diff(current, day);
    current = day;
    for (const id of d.relationsLeft) graph.dropEdge(id);
    for (const id of d.relationsEntered) addRelation(id);
    for (const id of d.actorsLeft) graph.setNodeAttribute(id, 'color', actorColor(id, false));
    for (const id of d.actorsEntered) graph.setNodeAttribute(id, 'color', actorColor(id, true));
  },
  onNextDraw: (cb) => void renderer.once('afterRender', cb),
  drawn: () => ({ nodes: graph.order, edges: graph.size }),
});
