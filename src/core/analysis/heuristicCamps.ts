/**
 * Heuristic minimum-frustration split for components too large to search:
 * seeded restarts (greedy breadth-first starts and random starts), each
 * improved by single-node moves until none helps, then by "kicks": flip a
 * breadth-first ball of 1..√n nodes (a group single moves cannot shift
 * together), descend again, and undo the kick if the result is worse
 * (equal is kept, to drift along plateaus). Deterministic for a given seed.
 *
 * Moving node x flips the status of each of its edges, so the gain is
 * frustrated(x) − (degree(x) − frustrated(x)); a move is taken when the gain
 * is positive. Each move lowers the frustration, so descent terminates.
 */
import { seededRandom } from '../layout';
import type { Split } from './frustration';
import { isFrustrated } from './frustration';
import type { Adjacency, SignedEdgeList } from './signedEdges';

export interface HeuristicOptions {
  /** Independent starts (default 4). */
  restarts?: number;
  /** Kicks after each start's descent (default: the node count, clamped to 64..500). */
  kicks?: number;
  seed?: number;
}

/** Local search state: camps, frustrated edges per node, total frustration. */
class Descent {
  readonly camp: Uint8Array;
  readonly fr: Int32Array;
  total = 0;
  /** Nodes flipped since the log was last emptied, so a kick can be undone in O(its moves). */
  readonly log: number[] = [];
  private readonly stack: number[] = [];
  private readonly queued: Uint8Array;

  constructor(
    private readonly g: SignedEdgeList,
    private readonly adj: Adjacency,
    camp: Uint8Array,
  ) {
    this.camp = camp;
    this.fr = new Int32Array(g.n);
    this.queued = new Uint8Array(g.n);
    for (let e = 0; e < g.u.length; e++) {
      if (!isFrustrated(g.sign[e]!, camp[g.u[e]!]!, camp[g.v[e]!]!)) continue;
      this.fr[g.u[e]!]!++;
      this.fr[g.v[e]!]!++;
      this.total++;
    }
  }

  private degree(x: number): number {
    return this.adj.start[x + 1]! - this.adj.start[x]!;
  }

  /** Moves x to the other camp; neighbours that may now want to move are queued. */
  flip(x: number): void {
    const { camp, fr, adj, g } = this;
    this.total += this.degree(x) - 2 * fr[x]!;
    fr[x] = this.degree(x) - fr[x]!;
    camp[x]! ^= 1;
    this.log.push(x);
    for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
      const w = adj.nbr[k]!;
      fr[w]! += isFrustrated(g.sign[adj.edge[k]!]!, camp[x]!, camp[w]!) ? 1 : -1;
      this.push(w);
    }
    this.push(x);
  }

  push(x: number): void {
    if (this.queued[x]) return;
    this.queued[x] = 1;
    this.stack.push(x);
  }

  /** Undoes every flip logged since `log` was last emptied. */
  undo(): void {
    const moves = this.log.splice(0);
    for (let i = moves.length - 1; i >= 0; i--) this.flip(moves[i]!);
    this.log.length = 0;
    for (const x of this.stack) this.queued[x] = 0;
    this.stack.length = 0;
  }

  /** Single-node moves until none lowers the frustration. */
  descend(): void {
    while (this.stack.length > 0) {
      const x = this.stack.pop()!;
      this.queued[x] = 0;
      if (2 * this.fr[x]! > this.degree(x)) this.flip(x);
    }
  }
}

/** Assigns nodes in breadth-first order from `root`, each to the camp that frustrates fewer placed edges. */
function greedyStart(g: SignedEdgeList, adj: Adjacency, root: number, random: () => number) {
  const camp = new Uint8Array(g.n);
  const placed = new Uint8Array(g.n); // queued
  const assigned = new Uint8Array(g.n);
  const queue: number[] = [];
  for (let r = 0; r < g.n; r++) {
    const seed = (root + r) % g.n;
    if (placed[seed]) continue;
    placed[seed] = 1;
    queue.push(seed);
    for (let i = queue.length - 1; i < queue.length; i++) {
      const x = queue[i]!;
      let cost0 = 0;
      let cost1 = 0;
      for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
        const w = adj.nbr[k]!;
        if (!assigned[w]) continue;
        if (isFrustrated(g.sign[adj.edge[k]!]!, 0, camp[w]!)) cost0++;
        else cost1++;
      }
      camp[x] = cost0 < cost1 ? 0 : cost1 < cost0 ? 1 : random() < 0.5 ? 0 : 1;
      assigned[x] = 1;
      for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
        const w = adj.nbr[k]!;
        if (placed[w]) continue;
        placed[w] = 1;
        queue.push(w);
      }
    }
  }
  return camp;
}

/** Up to `size` nodes nearest to `x` (breadth-first): a group that single-node moves cannot shift together. */
function ball(adj: Adjacency, x: number, size: number): number[] {
  const out = [x];
  const seen = new Set(out);
  for (let i = 0; i < out.length && out.length < size; i++) {
    const y = out[i]!;
    for (let k = adj.start[y]!; k < adj.start[y + 1]! && out.length < size; k++) {
      const w = adj.nbr[k]!;
      if (seen.has(w)) continue;
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

/**
 * A good (not proven optimal) split of `g` by restarts, descent and kicks.
 * Each kick costs the degrees of the nodes it moves, not O(n).
 */
export function heuristicSplit(
  g: SignedEdgeList,
  adj: Adjacency,
  options: HeuristicOptions = {},
): Split {
  const random = seededRandom(options.seed ?? 1);
  const restarts = options.restarts ?? 4;
  // Long kick chains beat many restarts on sparse noisy graphs (measured; see docs/ANALYSIS.md).
  const kicks = options.kicks ?? Math.min(500, Math.max(64, g.n));
  const maxKick = Math.ceil(Math.sqrt(g.n));
  let best: Split | null = null;
  for (let r = 0; r < restarts && best?.frustration !== 0; r++) {
    const start =
      r % 2 === 0
        ? greedyStart(g, adj, r === 0 ? 0 : Math.floor(random() * g.n), random)
        : Uint8Array.from({ length: g.n }, () => (random() < 0.5 ? 0 : 1));
    const d = new Descent(g, adj, start);
    for (let x = 0; x < g.n; x++) d.push(x);
    d.descend();
    for (let k = 0; k < kicks && d.total > 0 && g.n > 1; k++) {
      const savedTotal = d.total;
      d.log.length = 0;
      for (const x of ball(adj, Math.floor(random() * g.n), 1 + Math.floor(random() * maxKick)))
        d.flip(x);
      d.descend();
      if (d.total > savedTotal) d.undo();
    }
    if (best === null || d.total < best.frustration)
      best = { camp: d.camp.slice(), frustration: d.total };
  }
  return best ?? { camp: new Uint8Array(g.n), frustration: 0 };
}
