/**
 * A plain signed graph on nodes 0..n-1 (edges with sign ±1), the input of
 * the triangle, camp and bound algorithms, and its adjacency in CSR form.
 * Keeping these free of dataset types lets the tests feed them random
 * graphs and compare with brute force.
 */
import type { PairState } from './snapshot';

export interface SignedEdgeList {
  n: number;
  u: Int32Array;
  v: Int32Array;
  /** +1 or -1. */
  sign: Int8Array;
}

/** Neighbours of node x: nbr[start[x] .. start[x + 1]), with the edge number of each in `edge`. */
export interface Adjacency {
  start: Int32Array;
  nbr: Int32Array;
  edge: Int32Array;
}

/** Builds the CSR adjacency of an undirected edge list. O(n + m). */
export function adjacency(g: SignedEdgeList): Adjacency {
  const m = g.u.length;
  const start = new Int32Array(g.n + 1);
  for (let e = 0; e < m; e++) {
    start[g.u[e]! + 1]!++;
    start[g.v[e]! + 1]!++;
  }
  for (let x = 0; x < g.n; x++) start[x + 1]! += start[x]!;
  const fill = start.slice(0, g.n);
  const nbr = new Int32Array(2 * m);
  const edge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = g.u[e]!;
    const b = g.v[e]!;
    nbr[fill[a]!] = b;
    edge[fill[a]!++] = e;
    nbr[fill[b]!] = a;
    edge[fill[b]!++] = e;
  }
  return { start, nbr, edge };
}

/** A signed graph over all actors of a pair state, with the pair behind each edge. */
export interface PairSignedGraph extends SignedEdgeList {
  /** Pair number of edge e. */
  pair: Int32Array;
  /** Active pairs left out because they are neutral-only or cancel out, and because they are mixed. */
  neutralPairs: number;
  mixedPairs: number;
}

/**
 * The signed graph used for balance and camps: one edge per active pair
 * whose relations all agree in sign (neutral ones aside). Mixed pairs (both
 * signs active) and pairs with net sign 0 say nothing definite about
 * friend/foe, so they are left out rather than guessed.
 */
export function strictSignedGraph(state: PairState, pairs?: Iterable<number>): PairSignedGraph {
  const c = state.compiled;
  const u: number[] = [];
  const v: number[] = [];
  const sign: number[] = [];
  const pair: number[] = [];
  let neutralPairs = 0;
  let mixedPairs = 0;
  const visit = (p: number) => {
    if (!state.active(p)) return;
    if (state.mixed(p)) mixedPairs++;
    const s = state.strictSign(p);
    if (s === 0) {
      if (!state.mixed(p)) neutralPairs++;
      return;
    }
    u.push(c.pairA[p]!);
    v.push(c.pairB[p]!);
    sign.push(s);
    pair.push(p);
  };
  if (pairs) for (const p of pairs) visit(p);
  else for (let p = 0; p < c.pairA.length; p++) visit(p);
  return {
    n: c.actorIds.length,
    u: Int32Array.from(u),
    v: Int32Array.from(v),
    sign: Int8Array.from(sign),
    pair: Int32Array.from(pair),
    neutralPairs,
    mixedPairs,
  };
}
