/**
 * The graphology model: the union multigraph of every actor and relation
 * across all dates (for layout and analytics), and the signed graph at a day.
 */
import Graph, { MultiGraph } from 'graphology';
import type { Dataset, Polarity } from './schema';
import type { TemporalIndex } from './temporal';
import { resolveVocabulary, signOf } from './vocabulary';

export interface ActorNode {
  label: string;
  type: string;
  parent?: string;
  from?: string;
  until?: string;
}

export interface RelationEdge {
  kind: string;
  polarity: Polarity;
  /** +1, -1 or 0. Not called `weight`: graphology-metrics would read it as one. */
  sign: 1 | -1 | 0;
  directed: boolean;
  from?: string;
  until?: string;
}

export type UnionGraph = MultiGraph<ActorNode, RelationEdge>;

/**
 * Every actor as a node and every relation as an edge keyed by its id;
 * directed kinds become directed edges, others undirected (a mixed graph).
 */
export function buildUnionGraph(dataset: Dataset): UnionGraph {
  const vocab = resolveVocabulary(dataset);
  const g: UnionGraph = new MultiGraph<ActorNode, RelationEdge>({ type: 'mixed' });
  for (const a of dataset.actors) {
    g.addNode(a.id, {
      label: a.label,
      type: a.type,
      parent: a.parent,
      from: a.from,
      until: a.until,
    });
  }
  for (const r of dataset.relations) {
    const kind = vocab.relationKinds.get(r.kind);
    const polarity = kind?.polarity ?? 'neutral';
    const directed = r.directed ?? kind?.directed ?? false;
    const attrs: RelationEdge = {
      kind: r.kind,
      polarity,
      sign: signOf(polarity),
      directed,
      from: r.from,
      until: r.until,
    };
    if (directed) g.addDirectedEdgeWithKey(r.id, r.source, r.target, attrs);
    else g.addUndirectedEdgeWithKey(r.id, r.source, r.target, attrs);
  }
  return g;
}

export interface SignedEdge {
  /** Sign of the sum of the active relations' signs: +1, -1, or 0 when they cancel. */
  sign: 1 | -1 | 0;
  /** True when both positive and negative relations are active between the pair. */
  mixed: boolean;
  relations: string[];
}

export type SignedGraph = Graph<ActorNode, SignedEdge>;

/**
 * The signed simple graph at day t: active actors, and one undirected edge per
 * pair that has active relations, carrying their net sign. Endpoints of an
 * active relation are included even outside their own lifetime, so that no
 * relation is lost.
 */
export function signedGraphAt(union: UnionGraph, index: TemporalIndex, t: number): SignedGraph {
  const state = index.stateAt(t);
  const g: SignedGraph = new Graph<ActorNode, SignedEdge>({ type: 'undirected' });
  const addNode = (id: string) => {
    if (!g.hasNode(id)) g.addNode(id, union.getNodeAttributes(id));
  };
  for (const id of state.actors) addNode(id);
  for (const id of state.relations) {
    const [s, t2] = union.extremities(id);
    const sign = union.getEdgeAttribute(id, 'sign');
    addNode(s);
    addNode(t2);
    const existing = g.edge(s, t2);
    if (existing === undefined) {
      g.addEdge(s, t2, { sign, mixed: false, relations: [id] });
      continue;
    }
    const e = g.getEdgeAttributes(existing);
    const signs = [...e.relations, id].map((r) => union.getEdgeAttribute(r, 'sign'));
    const total = signs.reduce<number>((x, y) => x + y, 0);
    g.replaceEdgeAttributes(existing, {
      sign: total > 0 ? 1 : total < 0 ? -1 : 0,
      mixed: signs.includes(1) && signs.includes(-1),
      relations: [...e.relations, id],
    });
  }
  return g;
}
