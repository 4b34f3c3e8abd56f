/**
 * Triangle enumeration by degree ordering (the "forward" algorithm): each
 * edge is oriented from the endpoint of lower (degree, number) rank to the
 * higher one, so every node has out-degree at most sqrt(2m), and each
 * triangle is found once, at its lowest-ranked corner. O(m^1.5) time, O(n + m)
 * memory.
 */
import type { SignedEdgeList } from './signedEdges';

/** Visits every triangle once: corners a, b, c and the edge numbers of ab, bc, ac. */
export type TriangleVisitor = (
  a: number,
  b: number,
  c: number,
  ab: number,
  bc: number,
  ac: number,
) => void;

interface Oriented {
  start: Int32Array;
  to: Int32Array;
  edge: Int32Array;
}

function orient(g: SignedEdgeList): Oriented {
  const m = g.u.length;
  const deg = new Int32Array(g.n);
  for (let e = 0; e < m; e++) {
    deg[g.u[e]!]!++;
    deg[g.v[e]!]!++;
  }
  const below = (x: number, y: number) => deg[x]! < deg[y]! || (deg[x] === deg[y] && x < y);
  const start = new Int32Array(g.n + 1);
  for (let e = 0; e < m; e++) {
    const a = g.u[e]!;
    const b = g.v[e]!;
    start[(below(a, b) ? a : b) + 1]!++;
  }
  for (let x = 0; x < g.n; x++) start[x + 1]! += start[x]!;
  const fill = start.slice(0, g.n);
  const to = new Int32Array(m);
  const edge = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const a = g.u[e]!;
    const b = g.v[e]!;
    const [lo, hi] = below(a, b) ? [a, b] : [b, a];
    to[fill[lo]!] = hi;
    edge[fill[lo]!++] = e;
  }
  return { start, to, edge };
}

/** Calls `visit` once per triangle of a simple graph. O(m^1.5). */
export function forEachTriangle(g: SignedEdgeList, visit: TriangleVisitor): void {
  const { start, to, edge } = orient(g);
  // mark[w] = 1 + edge number of (a, w) while a's out-neighbours are marked
  const mark = new Int32Array(g.n);
  for (let a = 0; a < g.n; a++) {
    const lo = start[a]!;
    const hi = start[a + 1]!;
    if (hi - lo < 2) continue;
    for (let k = lo; k < hi; k++) mark[to[k]!] = edge[k]! + 1;
    for (let k = lo; k < hi; k++) {
      const b = to[k]!;
      for (let j = start[b]!; j < start[b + 1]!; j++) {
        const c = to[j]!;
        if (mark[c]) visit(a, b, c, edge[k]!, edge[j]!, mark[c]! - 1);
      }
    }
    for (let k = lo; k < hi; k++) mark[to[k]!] = 0;
  }
}

/** Triangle counts by number of negative sides. */
export interface TriangleCounts {
  /** +++ : balanced. */
  ppp: number;
  /** ++− : unbalanced, and the only pattern weak balance forbids. */
  ppn: number;
  /** +−− : balanced (the enemy of my enemy is my friend). */
  pnn: number;
  /** −−− : unbalanced, but weakly balanced (three mutual enemies). */
  nnn: number;
  total: number;
}

/** Counts the triangles of a signed graph by sign pattern. O(m^1.5). */
export function countTriangles(g: SignedEdgeList): TriangleCounts {
  const byNeg = [0, 0, 0, 0];
  const s = g.sign;
  forEachTriangle(g, (_a, _b, _c, ab, bc, ac) => {
    byNeg[(s[ab]! < 0 ? 1 : 0) + (s[bc]! < 0 ? 1 : 0) + (s[ac]! < 0 ? 1 : 0)]!++;
  });
  const [ppp, ppn, pnn, nnn] = byNeg as [number, number, number, number];
  return { ppp, ppn, pnn, nnn, total: ppp + ppn + pnn + nnn };
}
