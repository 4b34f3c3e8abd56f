/**
 * What the arranged layouts (radial, hierarchy, rings) share: the actors' connections, the
 * spacing scale and the geometry of rings. Plain Maps keyed by actor id (no graphology, so no
 * node keys are needed: a Map takes any string, "__proto__" included).
 */
import type { Point } from '../layout';
import type { Dataset } from '../schema';

/** The part of a dataset a layout reads. */
export type LayoutInput = Pick<Dataset, 'actors' | 'relations'>;

/**
 * The spacing scale, as computeLayout's: about 160 units between connected actors, so the
 * canvas fit and label sizes work the same in every layout.
 */
export const SPACING = 160;

/** No two actors closer than this (an actor and its label need about 0.6 × spacing). */
export const MIN_GAP = 0.6 * SPACING;

/**
 * Each actor's neighbours in the union graph of all dates: relations at any time, and "part
 * of" links (drawn on the canvas too). Self-loops and unknown ids are left out. Every actor has
 * an entry; neighbours are sorted, so everything built from this is deterministic.
 */
export function neighboursOf(input: LayoutInput): Map<string, string[]> {
  const sets = new Map<string, Set<string>>(input.actors.map((a) => [a.id, new Set()]));
  const link = (a: string, b: string) => {
    if (a === b || !sets.has(a) || !sets.has(b)) return;
    sets.get(a)!.add(b);
    sets.get(b)!.add(a);
  };
  for (const r of input.relations) link(r.source, r.target);
  for (const a of input.actors) if (a.parent) link(a.id, a.parent);
  return new Map([...sets].map(([id, s]) => [id, [...s].sort(byId)]));
}

/** Code-unit order, the same in every locale (localeCompare is not). */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most connected actor (most distinct neighbours; ties by id), or null with no actors. */
export function mostConnected(neighbours: ReadonlyMap<string, readonly string[]>): string | null {
  let best: string | null = null;
  for (const [id, list] of neighbours) {
    if (best === null) best = id;
    else {
      const d = list.length - neighbours.get(best)!.length;
      if (d > 0 || (d === 0 && byId(id, best) < 0)) best = id;
    }
  }
  return best;
}

/**
 * The smallest radius at which actors at these angles (radians, any order) keep `MIN_GAP`
 * apart along the ring: the chord of the smallest angular gap must be at least the gap.
 */
export function radiusForAngles(angles: readonly number[]): number {
  if (angles.length < 2) return 0;
  const sorted = [...angles].map(normalAngle).sort((a, b) => a - b);
  let smallest = 2 * Math.PI - (sorted[sorted.length - 1]! - sorted[0]!);
  for (let i = 1; i < sorted.length; i++)
    smallest = Math.min(smallest, sorted[i]! - sorted[i - 1]!);
  const half = Math.min(Math.PI / 2, Math.max(1e-9, smallest / 2));
  return MIN_GAP / (2 * Math.sin(half));
}

/** An angle in [0, 2π). */
export function normalAngle(a: number): number {
  const t = a % (2 * Math.PI);
  return t < 0 ? t + 2 * Math.PI : t;
}

/** `count` angles evenly around a circle, the first at `offset`. */
export function evenAngles(count: number, offset: number): number[] {
  return Array.from({ length: count }, (_, i) => offset + (2 * Math.PI * i) / count);
}

export function polar(radius: number, angle: number): Point {
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** Positions rounded to whole units, as computeLayout's (stable JSON, stable tests). */
export function rounded(pos: ReadonlyMap<string, Point>): Map<string, Point> {
  return new Map([...pos].map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
}
