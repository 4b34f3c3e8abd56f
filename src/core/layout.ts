/**
 * Stable positions: one layout of the union graph of all dates, so an actor
 * keeps its place while time moves (the mental map). Deterministic: the same
 * dataset always gives the same picture (seeded start, fixed iterations).
 */
import Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';
import { nodeKey } from './graphKey';
import { communityGridLayout } from './layouts/communityGrid';
import { forceAtlas2Positions, unionMatrix, type UnionMatrix } from './layouts/forceAtlas2';
import {
  clutterOf,
  compareClutter,
  drawnLines,
  nudgeOffLines,
  type Clutter,
} from './lineClearance';
import type { Dataset } from './schema';
import { tokens } from './tokens';

export interface Point {
  x: number;
  y: number;
}

/** A small seeded PRNG (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to seed the layout from the dataset's content. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Above this many actors noverlap is skipped (it is superlinear) and the layout is spread by area. */
const NOVERLAP_MAX_ACTORS = 2000;

/** Such a layout gets at least (MIN_AREA_SIDE × spacing)² of area per actor. */
const MIN_AREA_SIDE = 0.6;

/**
 * Above this many actors × links the nudge off lines is skipped: each actor in conflict tries
 * up to 64 spots, each checked against every link and actor (100 actors × 900 links took 5 s),
 * and a graph that dense has few free spots anyway. The seed is 19 × 38.
 */
const NUDGE_MAX_WORK = 10_000;

/**
 * Up to this many actors × links, several seeded starts are laid out and nudged, and the one
 * with the least clutter is kept (lineClearance.ts `Clutter`: crowding, lines across or near
 * actors, tangled lines): a start that puts an actor between two others it is tied to (the
 * USA between Pakistan and the Taliban) cannot be mended by short nudges. Each start costs a
 * layout and a nudge (about 10 ms for the seed, or for 40 actors and 50 links: all twelve in
 * about 0.15 s), so only small graphs get them.
 */
const STARTS_MAX_WORK = 2_000;
const STARTS = 12;

/**
 * Positions for every actor, laid out on the union of all relations plus
 * "part of" links (so members sit near their parent), scaled so the mean
 * edge is about `spacing` pixels long. On small graphs, actors are then moved
 * off lines they do not join (core/lineClearance.ts).
 */
export function computeLayout(dataset: Dataset, spacing = 160): Map<string, Point> {
  const ids = dataset.actors.map((a) => a.id).sort();
  const seed = hashString(ids.join('\n'));
  const graph = unionMatrix(dataset, ids);
  const work = graph.order * graph.size;
  if (work > NUDGE_MAX_WORK) return rounded(spreadOut(graph, ids, seededRandom(seed), spacing));

  const lines = drawnLines(dataset);
  const options = {
    // A line nearer an actor's centre than this seems to touch it (0.2 × spacing: about a
    // symbol's width between the line and the symbol's edge).
    clearance: spacing * 0.2,
    // A line nearer than this crosses the symbol (its radius, and its border at a glance).
    touch: tokens.size.node * 0.75,
    separation: spacing * 0.5,
  };
  let best: { pos: Map<string, Point>; clutter: Clutter } | null = null;
  const starts = work <= STARTS_MAX_WORK ? STARTS : 1;
  for (let start = 0; start < starts; start++) {
    const pos = spreadOut(graph, ids, seededRandom(seed + start), spacing);
    nudgeOffLines(pos, lines, options);
    const clutter = clutterOf(pos, lines, options);
    if (best === null || compareClutter(clutter, best.clutter) < 0) best = { pos, clutter };
  }
  return rounded(best!.pos);
}

/**
 * A first picture of a big graph, for while `computeLayout` runs (in a worker, seconds at
 * 10k actors): communities in blocks of a grid (layouts/communityGrid.ts), one step the least
 * area per actor that `computeLayout` spreads a big graph to, so the extent is about the final
 * one's. Deterministic like `computeLayout`, which replaces it.
 */
export function quickLayout(dataset: Dataset, spacing = 160): Map<string, Point> {
  const ids = dataset.actors.map((a) => a.id).sort();
  const random = seededRandom(hashString(ids.join('\n')));
  const xy = communityGridLayout(unionMatrix(dataset, ids), MIN_AREA_SIDE * spacing, random);
  return rounded(new Map(ids.map((id, i) => [id, { x: xy[2 * i]!, y: xy[2 * i + 1]! }])));
}

/**
 * One force-directed layout of `graph` (actor `i` is `ids[i]`) from a start drawn from
 * `random`: ForceAtlas2, centred on the origin and scaled so the mean edge is `spacing` long,
 * then spread so no two actors' labels collide.
 */
function spreadOut(
  graph: UnionMatrix,
  ids: readonly string[],
  random: () => number,
  spacing: number,
  // Above 500 actors, 100 iterations: mean edge length against random pairs (lower is
  // tighter) is 0.524 at 1k actors against 0.512 with 400, and 0.511 at 5k against 0.489
  // with 200, for a quarter of the time (docs/PERFORMANCE.md). Up to 500 actors (the seed)
  // nothing changes.
  iterations = graph.order > 500 ? 100 : 400,
): Map<string, Point> {
  const n = graph.order;
  const start = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    start[2 * i] = random() * 100;
    start[2 * i + 1] = random() * 100;
  }
  const xy = n > 1 ? forceAtlas2Positions(graph, start, iterations) : start;

  // Normalise: centre on the origin, scale to the requested spacing.
  let total = 0;
  for (let e = 0; e < graph.size; e++) {
    const [s, t] = [graph.source[e]!, graph.target[e]!];
    total += Math.hypot(xy[2 * s]! - xy[2 * t]!, xy[2 * s + 1]! - xy[2 * t + 1]!);
  }
  const mean = graph.size > 0 ? total / graph.size : 1;
  let scale = mean > 0 ? spacing / mean : 1;
  if (n > NOVERLAP_MAX_ACTORS) {
    // Without noverlap a dense graph piles up (5000 actors fitted in 860 × 800 px, labels on
    // top of each other): spread it to at least (0.6 × spacing)² of area per actor instead.
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      [x1, y1] = [Math.min(x1, xy[2 * i]!), Math.min(y1, xy[2 * i + 1]!)];
      [x2, y2] = [Math.max(x2, xy[2 * i]!), Math.max(y2, xy[2 * i + 1]!)];
    }
    const side = Math.sqrt(Math.max(1e-9, (x2 - x1) * (y2 - y1)));
    scale = Math.max(scale, (Math.sqrt(n) * MIN_AREA_SIDE * spacing) / side);
  }
  let [sumX, sumY] = [0, 0];
  for (let i = 0; i < n; i++) [sumX, sumY] = [sumX + xy[2 * i]!, sumY + xy[2 * i + 1]!];
  const [cx, cy] = [sumX / Math.max(1, n), sumY / Math.max(1, n)];
  const pos = new Map<string, Point>();
  ids.forEach((id, i) =>
    pos.set(id, { x: (xy[2 * i]! - cx) * scale, y: (xy[2 * i + 1]! - cy) * scale }),
  );

  // Push apart nodes whose labels would collide (a node and its label need about 0.6 × spacing).
  // Not above NOVERLAP_MAX_ACTORS: it took 24 s at 5000 (those are spread by area, above).
  return n > 1 && n <= NOVERLAP_MAX_ACTORS ? withoutOverlaps(pos, ids, spacing) : pos;
}

/**
 * `pos` after graphology's noverlap, which reads only the nodes (position and size), so the
 * graph it gets has no edges. Nodes are keyed by nodeKey(id), never the raw id: see graphKey.ts.
 */
function withoutOverlaps(
  pos: Map<string, Point>,
  ids: readonly string[],
  spacing: number,
): Map<string, Point> {
  const g = new Graph({ type: 'undirected' });
  for (const id of ids) g.addNode(nodeKey(id), { ...pos.get(id)!, size: spacing * 0.3 });
  noverlap.assign(g, { maxIterations: 200, settings: { margin: spacing * 0.08, ratio: 1 } });
  for (const id of ids)
    pos.set(id, {
      x: g.getNodeAttribute(nodeKey(id), 'x'),
      y: g.getNodeAttribute(nodeKey(id), 'y'),
    });
  return pos;
}

/** Positions rounded to whole units (stable JSON, stable tests). */
function rounded(pos: Map<string, Point>): Map<string, Point> {
  for (const [id, p] of pos) pos.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
  return pos;
}
