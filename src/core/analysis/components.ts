/**
 * Connected components of a signed graph, each renumbered 0..k-1 with its
 * own edge list. Camps are solved per component: edges never cross
 * components, so the optimal split of the whole is the union of optimal
 * splits of the parts, and each part can be flipped without changing its
 * frustration.
 */
import { adjacency, type SignedEdgeList } from './signedEdges';

export interface Component {
  /** Node numbers in the whole graph, ascending; local node i is nodes[i]. */
  nodes: Int32Array;
  /** The component's edges on local numbers. */
  graph: SignedEdgeList;
  /** Edge number in the whole graph of each local edge. */
  edges: Int32Array;
}

/** Components of `g` restricted to `nodes` (default: all), in order of their smallest node. */
export function components(g: SignedEdgeList, nodes?: Iterable<number>): Component[] {
  const adj = adjacency(g);
  const include = new Uint8Array(g.n);
  if (nodes) for (const x of nodes) include[x] = 1;
  else include.fill(1);
  // Endpoints of edges always belong, even if the caller's node list missed them.
  for (let e = 0; e < g.u.length; e++) include[g.u[e]!] = include[g.v[e]!] = 1;

  const comp = new Int32Array(g.n).fill(-1);
  const out: Component[] = [];
  for (let root = 0; root < g.n; root++) {
    if (!include[root] || comp[root]! >= 0) continue;
    const id = out.length;
    const members = [root];
    comp[root] = id;
    for (let i = 0; i < members.length; i++) {
      const x = members[i]!;
      for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
        const y = adj.nbr[k]!;
        if (comp[y]! < 0) {
          comp[y] = id;
          members.push(y);
        }
      }
    }
    members.sort((a, b) => a - b);
    const local = new Map(members.map((x, i) => [x, i]));
    const u: number[] = [];
    const v: number[] = [];
    const sign: number[] = [];
    const edges: number[] = [];
    for (const x of members) {
      for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
        const e = adj.edge[k]!;
        if (g.u[e] !== x) continue; // each edge once, from its u side
        u.push(local.get(x)!);
        v.push(local.get(g.v[e]!)!);
        sign.push(g.sign[e]!);
        edges.push(e);
      }
    }
    out.push({
      nodes: Int32Array.from(members),
      graph: {
        n: members.length,
        u: Int32Array.from(u),
        v: Int32Array.from(v),
        sign: Int8Array.from(sign),
      },
      edges: Int32Array.from(edges),
    });
  }
  return out;
}
