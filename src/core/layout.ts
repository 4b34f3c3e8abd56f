/**
 * Stable positions: one layout of the union graph of all dates, so an actor
 * keeps its place while time moves (the mental map). Deterministic: the same
 * dataset always gives the same picture (seeded start, fixed iterations).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { actorIdOf, nodeKey } from './graphKey';
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
  const g = unionGraph(dataset, ids);
  const work = g.order * g.size;
  if (work > NUDGE_MAX_WORK) return rounded(spreadOut(g, ids, seededRandom(seed), spacing));

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
    const pos = spreadOut(g, ids, seededRandom(seed + start), spacing);
    nudgeOffLines(pos, lines, options);
    const clutter = clutterOf(pos, lines, options);
    if (best === null || compareClutter(clutter, best.clutter) < 0) best = { pos, clutter };
  }
  return rounded(best!.pos);
}

/** ForceAtlas2 iterations of `quickLayout`: a tenth of `computeLayout`'s for big graphs. */
export const QUICK_ITERATIONS = 10;

/**
 * A first picture of a big graph, for while `computeLayout` runs (in a worker, seconds at
 * 10k actors): the same seeded start, union graph and spreading, with `QUICK_ITERATIONS`
 * ForceAtlas2 iterations, so communities have begun to gather and the extent is the final
 * one's. Deterministic like `computeLayout`, which replaces it.
 */
export function quickLayout(dataset: Dataset, spacing = 160): Map<string, Point> {
  const ids = dataset.actors.map((a) => a.id).sort();
  const seed = hashString(ids.join('\n'));
  const g = unionGraph(dataset, ids);
  return rounded(spreadOut(g, ids, seededRandom(seed), spacing, QUICK_ITERATIONS));
}

/**
 * The union graph of all dates: one edge per pair of actors related at any time, and "part of"
 * links (weight 3, so members sit near their parent). A pair counts once however many
 * relations it had: weighed by their number, the pairs with the longest history (the story's
 * centre) were pulled tightest, their parallel curves squeezed into the shortest lines.
 * Nodes are keyed by nodeKey(id), never the raw id: see graphKey.ts.
 */
function unionGraph(dataset: Dataset, ids: readonly string[]): Graph {
  const g = new Graph({ type: 'undirected' });
  ids.forEach((id) => g.addNode(nodeKey(id)));
  const link = (a: string, b: string, weight: number) => {
    if (a === b) return;
    const e = g.edge(nodeKey(a), nodeKey(b));
    if (e === undefined) g.addEdge(nodeKey(a), nodeKey(b), { weight });
    else g.updateEdgeAttribute(e, 'weight', (w: number) => Math.max(w, weight));
  };
  for (const r of dataset.relations) link(r.source, r.target, 1);
  for (const a of dataset.actors) if (a.parent) link(a.id, a.parent, 3);
  return g;
}

/**
 * One force-directed layout of `g` from a start drawn from `random`: ForceAtlas2, centred on
 * the origin and scaled so the mean edge is `spacing` long, then spread so no two actors'
 * labels collide.
 */
function spreadOut(
  g: Graph,
  ids: readonly string[],
  random: () => number,
  spacing: number,
  // Above 500 actors, 100 iterations: mean edge length against random pairs (lower is
  // tighter) is 0.524 at 1k actors against 0.512 with 400, and 0.511 at 5k against 0.489
  // with 200, for a quarter of the time (docs/PERFORMANCE.md). Up to 500 actors (the seed)
  // nothing changes.
  iterations = g.order > 500 ? 100 : 400,
): Map<string, Point> {
  ids.forEach((id) => g.mergeNodeAttributes(nodeKey(id), { x: random() * 100, y: random() * 100 }));
  if (g.order > 1) {
    const settings = {
      ...forceAtlas2.inferSettings(g),
      gravity: 1,
      scalingRatio: 10,
      barnesHutOptimize: g.order > 500,
    };
    forceAtlas2.assign(g, { iterations, settings });
  }

  // Normalise: centre on the origin, scale to the requested spacing.
  const pos = new Map<string, Point>(
    ids.map((id) => [
      id,
      { x: g.getNodeAttribute(nodeKey(id), 'x'), y: g.getNodeAttribute(nodeKey(id), 'y') },
    ]),
  );
  let total = 0;
  let count = 0;
  g.forEachEdge((_e, _a, s, t) => {
    const p = pos.get(actorIdOf(s))!;
    const q = pos.get(actorIdOf(t))!;
    total += Math.hypot(p.x - q.x, p.y - q.y);
    count++;
  });
  const mean = count > 0 ? total / count : 1;
  let scale = mean > 0 ? spacing / mean : 1;
  if (g.order > NOVERLAP_MAX_ACTORS) {
    // Without noverlap a dense graph piles up (5000 actors fitted in 860 × 800 px, labels on
    // top of each other): spread it to at least (0.6 × spacing)² of area per actor instead.
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of pos.values()) {
      [x1, y1, x2, y2] = [
        Math.min(x1, p.x),
        Math.min(y1, p.y),
        Math.max(x2, p.x),
        Math.max(y2, p.y),
      ];
    }
    const side = Math.sqrt(Math.max(1e-9, (x2 - x1) * (y2 - y1)));
    scale = Math.max(scale, (Math.sqrt(g.order) * 0.6 * spacing) / side);
  }
  const cx = [...pos.values()].reduce((s, p) => s + p.x, 0) / Math.max(1, pos.size);
  const cy = [...pos.values()].reduce((s, p) => s + p.y, 0) / Math.max(1, pos.size);
  for (const id of ids) {
    const p = pos.get(id)!;
    g.mergeNodeAttributes(nodeKey(id), {
      x: (p.x - cx) * scale,
      y: (p.y - cy) * scale,
      size: spacing * 0.3,
    });
  }

  // Push apart nodes whose labels would collide (a node and its label need about 0.6 × spacing).
  // Not above NOVERLAP_MAX_ACTORS: it took 24 s at 5000 (those are spread by area, above).
  if (g.order > 1 && g.order <= NOVERLAP_MAX_ACTORS)
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
