/**
 * A lower bound on the minimum frustration: the size of a packing of
 * edge-disjoint unbalanced cycles (an odd number of negative sides).
 *
 * Why it bounds: walking round a cycle, an edge is satisfied when it is
 * positive and stays in a camp, or negative and changes camp. The walk
 * returns to its start, so it changes camp an even number of times; a cycle
 * with an odd number of negative edges therefore has at least one
 * frustrated edge under every split. Disjoint cycles add up.
 *
 * Packing (greedy, so the bound is valid but not always tight):
 * 1. unbalanced triangles first, the shortest cycles, by degree-ordered
 *    enumeration (O(m^1.5));
 * 2. then rounds on the unused edges: a breadth-first forest labels each
 *    node with the parity of negative edges on its tree path; a non-tree
 *    edge that disagrees with the labels closes an unbalanced cycle (tree
 *    path + edge). Cycles are taken shortest first when their edges are
 *    still free. A round with no disagreeing edge means the rest is
 *    balanced, and the packing is maximal. O(n + m) per round.
 */
import { adjacency, type SignedEdgeList } from './signedEdges';
import { forEachTriangle } from './triangles';

export interface BoundOptions {
  /** Rounds of step 2 before stopping; the bound stays valid when cut short. Default 1000. */
  maxRounds?: number;
}

/** Number of edge-disjoint unbalanced cycles found: a lower bound on the frustration of any split. */
export function frustrationLowerBound(g: SignedEdgeList, options: BoundOptions = {}): number {
  const m = g.u.length;
  const used = new Uint8Array(m);
  let count = 0;
  const neg = (e: number) => (g.sign[e]! < 0 ? 1 : 0);
  forEachTriangle(g, (_a, _b, _c, ab, bc, ac) => {
    if ((neg(ab) + neg(bc) + neg(ac)) % 2 === 0) return;
    if (used[ab] || used[bc] || used[ac]) return;
    used[ab] = used[bc] = used[ac] = 1;
    count++;
  });

  const adj = adjacency(g);
  const parity = new Int8Array(g.n);
  const depth = new Int32Array(g.n);
  const parentEdge = new Int32Array(g.n);
  const parent = new Int32Array(g.n);
  const isTree = new Uint8Array(m);
  const maxRounds = options.maxRounds ?? 1000;
  for (let round = 0; round < maxRounds; round++) {
    depth.fill(-1);
    isTree.fill(0);
    const queue = new Int32Array(g.n);
    for (let root = 0; root < g.n; root++) {
      if (depth[root]! >= 0) continue;
      depth[root] = 0;
      parity[root] = 0;
      parent[root] = -1;
      let head = 0;
      let tail = 0;
      queue[tail++] = root;
      while (head < tail) {
        const x = queue[head++]!;
        for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
          const e = adj.edge[k]!;
          const y = adj.nbr[k]!;
          if (used[e] || depth[y]! >= 0) continue;
          depth[y] = depth[x]! + 1;
          parity[y] = parity[x]! ^ neg(e);
          parent[y] = x;
          parentEdge[y] = e;
          isTree[e] = 1;
          queue[tail++] = y;
        }
      }
    }
    const closing: number[] = [];
    for (let e = 0; e < m; e++) {
      if (used[e] || isTree[e]) continue;
      if ((parity[g.u[e]!]! ^ parity[g.v[e]!]!) !== neg(e)) closing.push(e);
    }
    if (closing.length === 0) break;
    const span = (e: number) => depth[g.u[e]!]! + depth[g.v[e]!]!;
    closing.sort((a, b) => span(a) - span(b));
    for (const e of closing) {
      const cycle = treePath(g.u[e]!, g.v[e]!, depth, parent, parentEdge, used);
      if (cycle === null) continue;
      used[e] = 1;
      for (const t of cycle) used[t] = 1;
      count++;
    }
  }
  return count;
}

/** Tree edges between x and y, or null when one of them is already used. */
function treePath(
  x: number,
  y: number,
  depth: Int32Array,
  parent: Int32Array,
  parentEdge: Int32Array,
  used: Uint8Array,
): number[] | null {
  const path: number[] = [];
  while (x !== y) {
    // climb from the deeper end; at equal depth climb both, alternately
    const up = depth[x]! >= depth[y]! ? x : y;
    const e = parentEdge[up]!;
    if (used[e]) return null;
    path.push(e);
    if (up === x) x = parent[x]!;
    else y = parent[y]!;
  }
  return path;
}
