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
      x: g.getNodeAttribute(nodeKey(id), 'x'),
      y: g.getNodeAttribute(nodeKey(id), 'y'),
    });
  }
  if (g.order * g.size <= NUDGE_MAX_WORK) {
    const links: [string, string][] = [];
    g.forEachEdge((_e, _a, s, t) => links.push([actorIdOf(s), actorIdOf(t)]));
    nudgeOffLines(pos, links, { clearance: spacing * 0.22, separation: spacing * 0.5 });
  }
  for (const [id, p] of pos) pos.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
  return pos;
}

/**
 * Above this many actors × links the nudge is skipped: each actor in conflict tries up to 96
 * spots, each checked against every link and actor (100 actors × 900 links took 5 s), and a
 * graph that dense has few free spots anyway. The seed is 18 × 40.
 */
const NUDGE_MAX_WORK = 10_000;

export interface NudgeOptions {
  /** How far an actor must stay from the centre line of a link it is not part of. */
  clearance: number;
  /** How far apart actors must stay (a nudge must not put one on another). */
  separation: number;
  /** Passes over the actors at most. */
  passes?: number;
}

/** Candidate spots around an actor: rings of this many directions … */
const DIRECTIONS = 16;
/** … at these multiples of the clearance. */
const RINGS = [0.5, 1, 1.5, 2];

/**
 * Moves actors off links they are not part of: an actor sitting on (or within `clearance` of)
 * the straight line between two other actors makes a reader take the line for one of its own
 * relations (at 2025 the Pakistan–India rivalry ran through the two coalition stars). Each such
 * actor moves to the nearest spot around it (rings of candidates, nearest first) where it is
 * clear of other links and its own links clear of other actors; if there is none, to the spot
 * with the fewest such conflicts, if that is fewer than where it is. No spot closer than
 * `separation` to another actor is taken. Moves are short (two clearances at most), so the picture keeps its
 * shape (the mental map). Deterministic: actors go in the order of their ids. Returns how many
 * actors are still in conflict.
 */
export function nudgeOffLines(
  pos: Map<string, Point>,
  links: readonly (readonly [string, string])[],
  { clearance, separation, passes = 3 }: NudgeOptions,
): number {
  const ids = [...pos.keys()].sort();
  const linksOf = new Map<string, (readonly [string, string])[]>(ids.map((id) => [id, []]));
  for (const link of links) {
    linksOf.get(link[0])?.push(link);
    linksOf.get(link[1])?.push(link);
  }
  /** Whether an actor placed at `p` would crowd another. */
  const crowded = (id: string, p: Point) =>
    ids.some((other) => {
      if (other === id) return false;
      const q = pos.get(other)!;
      return (q.x - p.x) ** 2 + (q.y - p.y) ** 2 < separation * separation;
    });
  /** How many links an actor placed at `p` sits on. */
  const onLines = (id: string, p: Point): number => {
    let count = 0;
    for (const [a, b] of links) {
      if (a === id || b === id) continue;
      if (nearSegment(p, pos.get(a)!, pos.get(b)!, clearance)) count++;
    }
    return count;
  };
  /** How many ways an actor placed at `p` is in the way, or has others in its way. */
  const conflicts = (id: string, p: Point): number => {
    let count = onLines(id, p);
    for (const other of ids) {
      if (other === id) continue;
      const q = pos.get(other)!;
      for (const [a, b] of linksOf.get(id)!) {
        const far = a === id ? b : a;
        if (far !== other && nearSegment(q, p, pos.get(far)!, clearance)) count++;
      }
    }
    return count;
  };
  let remaining = 0;
  for (let pass = 0; pass < passes; pass++) {
    remaining = 0;
    let moved = false;
    for (const id of ids) {
      const home = pos.get(id)!;
      // Only an actor on a line moves (the line's own actors keep their place).
      if (onLines(id, home) === 0) continue;
      let best = conflicts(id, home);
      let bestSpot = home;
      search: for (const ring of RINGS)
        for (let k = 0; k < DIRECTIONS; k++) {
          const angle = (2 * Math.PI * k) / DIRECTIONS;
          const spot = {
            x: home.x + Math.cos(angle) * ring * clearance,
            y: home.y + Math.sin(angle) * ring * clearance,
          };
          if (crowded(id, spot)) continue;
          const c = conflicts(id, spot);
          if (c < best) {
            best = c;
            bestSpot = spot;
            if (c === 0) break search;
          }
        }
      if (bestSpot !== home) {
        pos.set(id, bestSpot);
        moved = true;
      }
      if (best > 0) remaining++;
    }
    if (!moved) break;
  }
  return remaining;
}

/**
 * Whether `p` is within `clearance` of the segment a–b away from its ends (near an end the
 * line is leaving its own actor, and the separation between actors applies instead).
 */
function nearSegment(p: Point, a: Point, b: Point, clearance: number): boolean {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const len2 = vx * vx + vy * vy;
  if (len2 < 1e-9) return false;
  const t = ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2;
  const margin = Math.min(0.45, clearance / Math.sqrt(len2));
  if (t < margin || t > 1 - margin) return false;
  return Math.hypot(p.x - (a.x + t * vx), p.y - (a.y + t * vy)) < clearance;
}
