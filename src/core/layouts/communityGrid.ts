/**
 * A first picture of a big graph in a fraction of a second: actors grouped by community, each
 * community a compact block of a square grid with its best-connected actor in the middle and
 * its neighbours spiralling out, blocks packed in rows. Used by `quickLayout` while the
 * force-directed layout (`computeLayout`, seconds at 10k actors) is computed.
 *
 * Why not a few ForceAtlas2 iterations, as before: from a random start, ten iterations at 10k
 * actors left related actors no nearer than any two actors (a relation's mean length 1.07 times
 * the mean distance between two actors) and actors on top of one another, for 3 s of CPU on
 * the loaded benchmark machine. Here a relation's mean length is 0.42 of that distance (the
 * refined layout's was about 0.5 at 5k actors), no two actors are closer than one grid step,
 * and it takes a tenth of the time (docs/PERFORMANCE.md, "XL first picture (session 8)").
 * Deterministic: its only chance is a seeded generator.
 */
import type { UnionMatrix } from './forceAtlas2';

/** Rounds of label propagation at most; it usually settles in fewer. */
const MAX_ROUNDS = 10;

/** Empty grid cells between two blocks, so that communities read as groups. */
const BLOCK_MARGIN = 1;

/**
 * Positions (x then y of each actor of `graph`) on a grid of step `gap`, centred on the origin.
 * `random` (seeded) breaks ties between communities.
 */
export function communityGridLayout(
  graph: UnionMatrix,
  gap: number,
  random: () => number,
): Float64Array {
  const adjacency = adjacencyOf(graph);
  const blocks = communitiesOf(adjacency, random).map((members) => spiralBlock(members, adjacency));
  const xy = packBlocks(blocks, graph.order, gap);
  centre(xy);
  return xy;
}

/** Each actor's neighbours and link weights, as offsets into flat lists (CSR). */
interface Adjacency {
  order: number;
  /** Actor `i`'s links are `neighbour[start[i]]` … `neighbour[start[i + 1] - 1]`. */
  start: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
  /** The sum of each actor's link weights. */
  degree: Float64Array;
}

function adjacencyOf(graph: UnionMatrix): Adjacency {
  const { order, size, source, target } = graph;
  const start = new Int32Array(order + 1);
  for (let e = 0; e < size; e++) {
    start[source[e]! + 1]!++;
    start[target[e]! + 1]!++;
  }
  for (let i = 0; i < order; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, order);
  const neighbour = new Int32Array(2 * size);
  const weight = new Float64Array(2 * size);
  const degree = new Float64Array(order);
  const add = (from: number, to: number, w: number) => {
    const k = next[from]!++;
    neighbour[k] = to;
    weight[k] = w;
    degree[from]! += w;
  };
  for (let e = 0; e < size; e++) {
    add(source[e]!, target[e]!, graph.weight[e]!);
    add(target[e]!, source[e]!, graph.weight[e]!);
  }
  return { order, start, neighbour, weight, degree };
}

/**
 * Communities by label propagation (Raghavan, Albert and Kumara 2007): every actor starts in
 * its own and, one after another, joins the one its links weigh most in, until a round changes
 * nothing. Ties are broken by chance and actors visited in a shuffled order, as the method
 * asks: always taking the lowest label, or visiting actors by number, floods one label over
 * the whole graph (at 10k actors it made a single community of nearly everyone). The chance is
 * `random`, seeded by the caller, so the result is the same every time. Returns the members of
 * each community, largest first.
 */
function communitiesOf(
  { order, start, neighbour, weight }: Adjacency,
  random: () => number,
): number[][] {
  const label = Int32Array.from({ length: order }, (_, i) => i);
  const visit = shuffled(order, random);
  const weightOf = new Float64Array(order);
  const seen: number[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = 0;
    for (const i of visit) {
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const l = label[neighbour[k]!]!;
        if (weightOf[l] === 0) seen.push(l);
        weightOf[l]! += weight[k]!;
      }
      let [best, bestWeight, ties] = [label[i]!, weightOf[label[i]!]!, 1];
      for (const l of seen) {
        const w = weightOf[l]!;
        weightOf[l] = 0;
        if (l === label[i] || w < bestWeight) continue;
        if (w > bestWeight) [best, bestWeight, ties] = [l, w, 1];
        // A fair choice among the tied: the k-th replaces the choice with probability 1/k.
        else if (random() * ++ties < 1) best = l;
      }
      seen.length = 0;
      if (best !== label[i]) {
        label[i] = best;
        changed++;
      }
    }
    if (changed === 0) break;
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < order; i++) {
    const list = members.get(label[i]!);
    if (list) list.push(i);
    else members.set(label[i]!, [i]);
  }
  return [...members.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/** 0 … n − 1 in an order drawn from `random` (Fisher–Yates). */
function shuffled(n: number, random: () => number): Int32Array {
  const out = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A community laid out in grid cells: actor `members[k]` at (`x[k]`, `y[k]`), all ≥ 0. */
interface Block {
  members: number[];
  x: Int32Array;
  y: Int32Array;
  width: number;
  height: number;
}

/**
 * The members on a square spiral of grid cells: the best-connected first, in the middle, then
 * the others in breadth-first order from it (links within the community only), so an actor's
 * neighbours sit in the rings around it.
 */
function spiralBlock(members: number[], adjacency: Adjacency): Block {
  const ordered = breadthFirst(members, adjacency);
  const x = new Int32Array(ordered.length);
  const y = new Int32Array(ordered.length);
  // The square spiral: right 1, down 1, left 2, up 2, right 3, …
  let [cx, cy, dx, dy, run, left, turns] = [0, 0, 1, 0, 1, 1, 0];
  for (let k = 0; k < ordered.length; k++) {
    [x[k], y[k]] = [cx, cy];
    [cx, cy] = [cx + dx, cy + dy];
    if (--left === 0) {
      [dx, dy] = [-dy, dx];
      if (++turns % 2 === 0) run++;
      left = run;
    }
  }
  const [minX, minY, maxX, maxY] = [min(x), min(y), -min(x.map((v) => -v)), -min(y.map((v) => -v))];
  for (let k = 0; k < ordered.length; k++) [x[k], y[k]] = [x[k]! - minX, y[k]! - minY];
  return { members: ordered, x, y, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** The least of `values` (a loop: spreading 100k numbers into Math.min overflows the stack). */
function min(values: Int32Array): number {
  let least = Infinity;
  for (const v of values) least = Math.min(least, v);
  return least;
}

/** `members` in breadth-first order, each search starting from the best-connected left. */
function breadthFirst(members: number[], { start, neighbour, degree }: Adjacency): number[] {
  const inCommunity = new Set(members);
  const byDegree = [...members].sort((a, b) => degree[b]! - degree[a]! || a - b);
  const visited = new Set<number>();
  const order: number[] = [];
  for (const root of byDegree) {
    if (visited.has(root)) continue;
    visited.add(root);
    order.push(root);
    for (let head = order.length - 1; head < order.length; head++) {
      const i = order[head]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const j = neighbour[k]!;
        if (inCommunity.has(j) && !visited.has(j)) {
          visited.add(j);
          order.push(j);
        }
      }
    }
  }
  return order;
}

/**
 * Blocks placed left to right in rows about as wide as the whole is tall (largest first, so
 * each row's height is its first block's), `BLOCK_MARGIN` cells apart.
 */
function packBlocks(blocks: readonly Block[], order: number, gap: number): Float64Array {
  const cells = blocks.reduce(
    (sum, b) => sum + (b.width + BLOCK_MARGIN) * (b.height + BLOCK_MARGIN),
    0,
  );
  const widest = blocks.reduce((most, b) => Math.max(most, b.width), 0);
  const rowWidth = Math.max(Math.ceil(Math.sqrt(cells)), widest);
  const xy = new Float64Array(2 * order);
  let [left, top, rowHeight] = [0, 0, 0];
  for (const block of blocks) {
    if (left > 0 && left + block.width > rowWidth) {
      [left, top, rowHeight] = [0, top + rowHeight + BLOCK_MARGIN, 0];
    }
    block.members.forEach((actor, k) => {
      xy[2 * actor] = (left + block.x[k]!) * gap;
      xy[2 * actor + 1] = (top + block.y[k]!) * gap;
    });
    left += block.width + BLOCK_MARGIN;
    rowHeight = Math.max(rowHeight, block.height);
  }
  return xy;
}

/** Moves `xy` so that the mean position is the origin (as the force-directed layout is). */
function centre(xy: Float64Array): void {
  const n = xy.length / 2;
  let [sumX, sumY] = [0, 0];
  for (let i = 0; i < n; i++) [sumX, sumY] = [sumX + xy[2 * i]!, sumY + xy[2 * i + 1]!];
  const [cx, cy] = [sumX / Math.max(1, n), sumY / Math.max(1, n)];
  for (let i = 0; i < n; i++) [xy[2 * i], xy[2 * i + 1]] = [xy[2 * i]! - cx, xy[2 * i + 1]! - cy];
}
