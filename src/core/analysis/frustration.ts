/**
 * Frustration of a two-camp split: positive edges across the camps plus
 * negative edges within a camp. Zero exactly when the split explains every
 * sign (the graph is balanced and the split is its bipartition).
 */
import type { SignedEdgeList } from './signedEdges';

/** Whether an edge of sign `sign` between camps `ca` and `cb` is frustrated. */
export function isFrustrated(sign: number, ca: number, cb: number): boolean {
  return sign > 0 ? ca !== cb : ca === cb;
}

/** Number of frustrated edges of `g` under `camp` (0/1 per node). O(m). */
export function frustration(g: SignedEdgeList, camp: ArrayLike<number>): number {
  let f = 0;
  for (let e = 0; e < g.u.length; e++)
    if (isFrustrated(g.sign[e]!, camp[g.u[e]!]!, camp[g.v[e]!]!)) f++;
  return f;
}

/** A split of nodes 0..n-1 into camps 0 and 1, with its frustration. */
export interface Split {
  camp: Uint8Array;
  frustration: number;
}
