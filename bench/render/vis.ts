/**
 * (c) vis-network with DataSet updates: nodes at the same fixed positions
 * (physics off), the relations active at the day as edges; each step
 * applies the index's diff as DataSet add/remove/update, vis-network's
 * incremental path. Its fastest settings: straight edges, no physics, no
 * layout pass.
 */
import { DataSet } from 'vis-data';
import { Network, type Edge, type Node } from 'vis-network';
import type { ExplorerModel } from '../../src/core/explorer-model';
import { installHarness, positionOf } from './harness';
import { benchModel } from './model';

let network: Network;
let model: ExplorerModel;
let current = 0;
const nodes = new DataSet<Node>();
const edges = new DataSet<Edge>();

const SHAPES: Record<string, string> = {
  'round-rectangle': 'square',
  rectangle: 'square',
  ellipse: 'dot',
  diamond: 'diamond',
  hexagon: 'hexagon',
  octagon: 'hexagon',
  triangle: 'triangle',
  star: 'star',
  pentagon: 'hexagon',
  tag: 'square',
  vee: 'triangleDown',
};

function edgeOf(id: string): Edge {
  const r = model.relationsById.get(id)!;
  const kind = model.vocabulary.relationKinds.get(r.kind)!;
  const directed = r.directed ?? kind.directed;
  return {
    id,
    from: r.source,
    to: r.target,
    color: { color: kind.color },
    width: 1.5 + 3.5 * (r.strength ?? 0.5),
    dashes: kind.lineStyle !== 'solid',
    arrows: directed ? 'to' : undefined,
  };
}

installHarness({
  mount(container, data, day) {
    model = benchModel(data);
    current = day;
    const state = model.index.stateAt(day);
    const live = new Set(state.actors);
    nodes.add(
      data.dataset.actors.map((a) => {
        const type = model.vocabulary.actorTypes.get(a.type)!;
        return {
          id: a.id,
          label: a.label,
          ...positionOf(data, a.id),
          shape: SHAPES[type.shape] ?? 'dot',
          size: 15,
          color: type.color,
          opacity: live.has(a.id) ? 1 : 0.3,
        };
      }),
    );
    edges.add(state.relations.map(edgeOf));
    network = new Network(
      container,
      { nodes, edges },
      {
        physics: false,
        layout: { improvedLayout: false },
        edges: { smooth: false },
        interaction: { hideEdgesOnDrag: true, hideEdgesOnZoom: true },
      },
    );
    network.fit({ animation: false });
  },
  setDay(day) {
    const d = model.index.diff(current, day);
    current = day;
    edges.remove(d.relationsLeft);
    edges.add(d.relationsEntered.map(edgeOf));
    nodes.update([
      ...d.actorsLeft.map((id) => ({ id, opacity: 0.3 })),
      ...d.actorsEntered.map((id) => ({ id, opacity: 1 })),
    ]);
  },
  onNextDraw: (cb) => network.once('afterDrawing', cb),
  drawn: () => ({ nodes: nodes.length, edges: edges.length }),
});
