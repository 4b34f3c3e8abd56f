/**
 * Stable positions: one layout of the union graph of all dates, so an actor
 * keeps its place while time moves (the mental map). Deterministic: the same
 * dataset always gives the same picture (seeded start, fixed iterations).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { actorIdOf, nodeKey } from './graphKey';
import type { Dataset } from './schema';

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
 * Positions for every actor, laid out on the union of all relations plus
 * "part of" links (so members sit near their parent), scaled so the mean
 * edge is about `spacing` pixels long.
 */
export function computeLayout(dataset: Dataset, spacing = 160): Map<string, Point> {
  const ids = dataset.actors.map((a) => a.id).sort();
  const random = seededRandom(hashString(ids.join('\n')));
  // Nodes are keyed by nodeKey(id), never the raw id: see graphKey.ts.
  const g = new Graph({ type: 'undirected' });
  ids.forEach((id) => g.addNode(nodeKey(id), { x: random() * 100, y: random() * 100 }));
  const link = (a: string, b: string, weight: number) => {
    if (a === b) return;
    const e = g.edge(nodeKey(a), nodeKey(b));
    if (e === undefined) g.addEdge(nodeKey(a), nodeKey(b), { weight });
    else g.updateEdgeAttribute(e, 'weight', (w: number) => w + weight);
  };
  for (const r of dataset.relations) link(r.source, r.target, 1);
  for (const a of dataset.actors) if (a.parent) link(a.id, a.parent, 3);

  if (g.order > 1) {
    const settings = {
      ...forceAtlas2.inferSettings(g),
      gravity: 1,
      scalingRatio: 10,
      barnesHutOptimize: g.order > 500,
    };
    // Above 500 actors, 100 iterations: mean edge length against random pairs (lower is
    // tighter) is 0.524 at 1k actors against 0.512 with 400, and 0.511 at 5k against 0.489
    // with 200, for a quarter of the time (docs/PERFORMANCE.md). Up to 500 actors (the seed)
    // nothing changes.
    forceAtlas2.assign(g, { iterations: g.order > 500 ? 100 : 400, settings });
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

  for (const id of ids) {
    pos.set(id, {
      x: Math.round(g.getNodeAttribute(nodeKey(id), 'x')),
      y: Math.round(g.getNodeAttribute(nodeKey(id), 'y')),
    });
  }
  return pos;
}
