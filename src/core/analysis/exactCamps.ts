/**
 * Exact minimum-frustration split by branch and bound, for small components.
 *
 * Nodes are assigned in maximum-connectivity order (next: the node with most
 * edges to those already placed), so that edges become decided early. The
 * first node is fixed to camp 0: flipping every camp keeps the frustration,
 * which halves the tree. At each step the bound is
 *
 *   cost of decided edges + Σ over unplaced nodes x of min(c0[x], c1[x]),
 *
 * where c_k[x] counts x's edges to placed nodes that would be frustrated if
 * x went to camp k. Those edge sets are disjoint, so the sum never exceeds
 * what remains to pay; it is kept up to date in O(degree) per assignment.
 * A branch is cut when the bound reaches the best split found so far.
 */
import { adjacency, type SignedEdgeList } from './signedEdges';
import type { Split } from './frustration';

export interface ExactOptions {
  /** A known split (e.g. from local search): only strictly better ones are searched for. */
  incumbent?: Split;
  /** Stop as soon as a split this good is found (a proven lower bound). */
  floor?: number;
  /** Maximum number of node assignments before giving up; Infinity by default. */
  budget?: number;
}

/** Assignment order: start at the highest degree, then always the most connected to the placed set. */
function searchOrder(g: SignedEdgeList, start: Int32Array, nbr: Int32Array): Int32Array {
  const n = g.n;
  const placed = new Uint8Array(n);
  const links = new Int32Array(n);
  const order = new Int32Array(n);
  const deg = (x: number) => start[x + 1]! - start[x]!;
  for (let d = 0; d < n; d++) {
    let best = -1;
    for (let x = 0; x < n; x++) {
      if (placed[x]) continue;
      if (best < 0 || links[x]! > links[best]! || (links[x] === links[best] && deg(x) > deg(best)))
        best = x;
    }
    order[d] = best;
    placed[best] = 1;
    for (let k = start[best]!; k < start[best + 1]!; k++) links[nbr[k]!]!++;
  }
  return order;
}

/**
 * The minimum-frustration split of `g`, or null when the budget ran out
 * before the search finished. Exponential in the worst case: meant for
 * components of up to ~24 nodes.
 */
export function exactSplit(g: SignedEdgeList, options: ExactOptions = {}): Split | null {
  const n = g.n;
  if (n === 0) return { camp: new Uint8Array(0), frustration: 0 };
  const { start, nbr, edge } = adjacency(g);
  const order = searchOrder(g, start, nbr);
  const camp = new Int8Array(n).fill(-1);
  const c0 = new Int32Array(n);
  const c1 = new Int32Array(n);
  const budget = options.budget ?? Infinity;
  const floor = options.floor ?? 0;

  let best = options.incumbent ? options.incumbent.frustration : Infinity;
  let bestCamp: Uint8Array | null = options.incumbent ? options.incumbent.camp.slice() : null;
  let cost = 0;
  let sumMin = 0; // Σ min(c0, c1) over unplaced nodes
  let steps = 0;
  let aborted = false;

  // Places x in camp k (or undoes it with dir = -1), updating neighbours' counts and sumMin.
  const place = (x: number, k: number, dir: 1 | -1) => {
    for (let j = start[x]!; j < start[x + 1]!; j++) {
      const w = nbr[j]!;
      if (camp[w]! >= 0) continue;
      const s = g.sign[edge[j]!]!;
      const before = Math.min(c0[w]!, c1[w]!);
      // w in x's camp frustrates a negative edge; w in the other camp a positive one.
      const same = s < 0 ? dir : 0;
      const other = s > 0 ? dir : 0;
      if (k === 0) {
        c0[w]! += same;
        c1[w]! += other;
      } else {
        c1[w]! += same;
        c0[w]! += other;
      }
      sumMin += Math.min(c0[w]!, c1[w]!) - before;
    }
  };

  const search = (d: number): void => {
    if (d === n) {
      if (cost < best) {
        best = cost;
        bestCamp = Uint8Array.from(camp);
      }
      return;
    }
    const x = order[d]!;
    const own = Math.min(c0[x]!, c1[x]!);
    const first = d === 0 || c0[x]! <= c1[x]! ? 0 : 1;
    for (let option = 0; option < (d === 0 ? 1 : 2); option++) {
      if (aborted || best <= floor) return;
      const k = option === 0 ? first : 1 - first;
      const add = k === 0 ? c0[x]! : c1[x]!;
      if (cost + add + sumMin - own >= best) continue;
      if (++steps > budget) {
        aborted = true;
        return;
      }
      camp[x] = k;
      cost += add;
      sumMin -= own;
      place(x, k, 1);
      search(d + 1);
      place(x, k, -1);
      sumMin += own;
      cost -= add;
      camp[x] = -1;
    }
  };
  search(0);
  if (aborted || bestCamp === null) return null;
  return { camp: bestCamp, frustration: best };
}

/** Minimum frustration by trying all 2^(n-1) splits. For tests and tiny graphs only. */
export function bruteForceFrustration(g: SignedEdgeList): number {
  if (g.n <= 1) return 0;
  let best = Infinity;
  for (let mask = 0; mask < 1 << (g.n - 1); mask++) {
    let f = 0;
    for (let e = 0; e < g.u.length; e++) {
      const same = ((mask >> g.u[e]!) & 1) === ((mask >> g.v[e]!) & 1);
      if (g.sign[e]! > 0 ? !same : same) f++;
    }
    best = Math.min(best, f);
  }
  return best;
}
