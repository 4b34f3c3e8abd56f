/**
 * ForceAtlas2 on typed arrays built straight from a dataset, without a graphology graph.
 *
 * `graphology-layout-forceatlas2` copies a graph into two flat matrices (a node's position,
 * forces and mass; an edge's ends and weight) and iterates on those alone. Building the
 * graphology union graph only to have it copied was most of the quick layout's time at 10k
 * actors / 100k relations (an edge record, an edge key and adjacency entries per pair:
 * docs/PERFORMANCE.md, "XL first picture (session 8)"). Here the same matrices are built from
 * the relations, with nodes and edges in the order the graph would have held them, and the
 * library's own iteration runs on them: the positions are the ones the graph gave, bit for bit.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { Dataset } from '../schema';

/** Numbers per node and per edge in the library's matrices (its `PPN` and `PPE`). */
const PER_NODE = 10;
const PER_EDGE = 3;
/** Offsets within a node's numbers (x, y, dx, dy, old dx, old dy, mass, …). */
const NODE_X = 0;
const NODE_Y = 1;
const NODE_MASS = 6;
const NODE_CONVERGENCE = 7;
const NODE_SIZE = 8;

/**
 * The union graph of all dates: actor `i` is `ids[i]`; one edge per pair of actors related at
 * any time, and per "part of" link (weight 3, so members sit near their parent). A pair counts
 * once however many relations it had (weight 1, or 3 if it is also a "part of" link): weighed
 * by their number, the pairs with the longest history were pulled tightest, their parallel
 * curves squeezed into the shortest lines.
 */
export interface UnionMatrix {
  /** Number of actors. */
  order: number;
  /** Number of linked pairs. */
  size: number;
  /** Each edge's two actors (numbers into `ids`), in the order the pairs were first linked. */
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/**
 * The union graph of `dataset` over `ids` (every actor id, in the order positions are wanted).
 * Edges come in the order graphology's `forEachEdge` gave them: relations first, by first
 * appearance of their pair, then parents; an edge keeps the orientation it was first added in.
 */
export function unionMatrix(dataset: Dataset, ids: readonly string[]): UnionMatrix {
  const numberOf = new Map<string, number>();
  ids.forEach((id, i) => numberOf.set(id, i));
  const order = ids.length;
  const edgeOfPair = new Map<number, number>();
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  const link = (a: string, b: string, w: number) => {
    if (a === b) return;
    const s = actorNumber(numberOf, a);
    const t = actorNumber(numberOf, b);
    const pair = Math.min(s, t) * order + Math.max(s, t);
    const edge = edgeOfPair.get(pair);
    if (edge !== undefined) weight[edge] = Math.max(weight[edge]!, w);
    else {
      edgeOfPair.set(pair, source.length);
      source.push(s);
      target.push(t);
      weight.push(w);
    }
  };
  for (const r of dataset.relations) link(r.source, r.target, 1);
  for (const a of dataset.actors) if (a.parent) link(a.id, a.parent, 3);
  return {
    order,
    size: source.length,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    weight: Float64Array.from(weight),
  };
}

function actorNumber(numberOf: ReadonlyMap<string, number>, id: string): number {
  const n = numberOf.get(id);
  // A validated dataset's references all resolve; the graph refused unknown ends the same way.
  if (n === undefined) throw new Error(`the layout was given a relation to unknown actor "${id}"`);
  return n;
}

/** The settings every force-directed layout here runs with (the library's defaults beneath). */
function settingsFor(order: number) {
  return {
    ...DEFAULT_SETTINGS,
    ...forceAtlas2.inferSettings(order),
    gravity: 1,
    scalingRatio: 10,
    barnesHutOptimize: order > 500,
  };
}

/**
 * `iterations` of ForceAtlas2 on `graph` from `start` (x then y of each actor); returns the
 * positions the same way. Matrices are filled as the library fills them from a graph whose
 * nodes carry `start` and no size: 32-bit floats, mass 1 plus the weighted degree.
 */
export function forceAtlas2Positions(
  graph: UnionMatrix,
  start: Float64Array,
  iterations: number,
): Float64Array {
  const nodes = new Float32Array(graph.order * PER_NODE);
  for (let i = 0; i < graph.order; i++) {
    const n = i * PER_NODE;
    nodes[n + NODE_X] = start[2 * i]!;
    nodes[n + NODE_Y] = start[2 * i + 1]!;
    nodes[n + NODE_MASS] = 1;
    nodes[n + NODE_CONVERGENCE] = 1;
    nodes[n + NODE_SIZE] = 1;
  }
  const edges = new Float32Array(graph.size * PER_EDGE);
  for (let e = 0; e < graph.size; e++) {
    const s = graph.source[e]! * PER_NODE;
    const t = graph.target[e]! * PER_NODE;
    const w = graph.weight[e]!;
    nodes[s + NODE_MASS]! += w;
    nodes[t + NODE_MASS]! += w;
    edges[e * PER_EDGE] = s;
    edges[e * PER_EDGE + 1] = t;
    edges[e * PER_EDGE + 2] = w;
  }
  const settings = settingsFor(graph.order);
  for (let k = 0; k < iterations; k++) iterate(settings, nodes, edges);
  const out = new Float64Array(2 * graph.order);
  for (let i = 0; i < graph.order; i++) {
    out[2 * i] = nodes[i * PER_NODE + NODE_X]!;
    out[2 * i + 1] = nodes[i * PER_NODE + NODE_Y]!;
  }
  return out;
}
