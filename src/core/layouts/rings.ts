/**
 * Rings by actor type: one ring per type, in the vocabulary's order from the centre out.
 * Actors are spread evenly around their ring, ordered so each sits near the actors it is
 * connected to on the rings inside it (the circular mean of their angles), which keeps lines
 * between rings short and reduces crossings.
 */
import type { Point } from '../layout';
import {
  byId,
  evenAngles,
  neighboursOf,
  normalAngle,
  polar,
  radiusForAngles,
  rounded,
  SPACING,
  type LayoutInput,
} from './common';

export type RingsInput = LayoutInput & { actors: readonly { id: string; type: string }[] };

/**
 * Between rings: tighter than SPACING (a type often has one or two actors, and seven rings at
 * SPACING made the seed's picture too large to read once fitted), still more than MIN_GAP.
 */
const RING_GAP = 0.7 * SPACING;

/** The first ring starts at the top (12 o'clock). */
const START_ANGLE = -Math.PI / 2;

/**
 * Positions on rings around the origin, one per type present (types not in `typeOrder` come
 * after, by id). Radii increase ring by ring, at least `RING_GAP` apart and wide enough that no
 * two actors on a ring are closer than `MIN_GAP`. A first ring of one actor sits at the centre.
 */
export function ringsLayout(input: RingsInput, typeOrder: readonly string[]): Map<string, Point> {
  const neighbours = neighboursOf(input);
  const byType = new Map<string, string[]>();
  for (const a of input.actors) {
    if (!byType.has(a.type)) byType.set(a.type, []);
    byType.get(a.type)!.push(a.id);
  }
  const types = [
    ...typeOrder.filter((t) => byType.has(t)),
    ...[...byType.keys()].filter((t) => !typeOrder.includes(t)).sort(byId),
  ];

  const angle = new Map<string, number>();
  const pos = new Map<string, Point>();
  let radius = -RING_GAP;
  types.forEach((type, ring) => {
    const ids = byType.get(type)!;
    // Where each actor would like to be: the circular mean of its placed neighbours' angles.
    const wish = new Map<string, number>();
    for (const id of ids) {
      let [sx, sy] = [0, 0];
      for (const n of neighbours.get(id)!) {
        const a = angle.get(n);
        if (a !== undefined) [sx, sy] = [sx + Math.cos(a), sy + Math.sin(a)];
      }
      if (sx !== 0 || sy !== 0) wish.set(id, normalAngle(Math.atan2(sy, sx)));
    }
    const degree = (id: string) => neighbours.get(id)!.length;
    // Those with a wish in its order; the others (the first ring, or no link inwards) after,
    // the most connected first.
    const ordered = [
      ...ids.filter((id) => wish.has(id)).sort((a, b) => wish.get(a)! - wish.get(b)! || byId(a, b)),
      ...ids.filter((id) => !wish.has(id)).sort((a, b) => degree(b) - degree(a) || byId(a, b)),
    ];
    const even = evenAngles(ordered.length, 0);
    const wished = wish.size > 0 ? bestRotation(ordered, even, wish) : START_ANGLE;
    const offset = clearOfInnerRays(wished, ordered, even, wish, [...angle.values()]);
    const angles = even.map((a) => a + offset);

    radius =
      ring === 0 && ordered.length === 1
        ? 0
        : Math.max(radius + RING_GAP, RING_GAP, radiusForAngles(angles));
    ordered.forEach((id, i) => {
      angle.set(id, normalAngle(angles[i]!));
      pos.set(id, polar(radius, angles[i]!));
    });
  });
  return rounded(pos);
}

/** Turns tried to keep a ring's actors off the rays of inner actors: 5° steps up to 45° each way. */
const TURNS = Array.from(
  { length: 19 },
  (_, i) => (((i + 1) >> 1) * (i % 2 ? 1 : -1) * Math.PI) / 36,
);
const RAY_CHECK_MAX_WORK = 250_000;
/** An actor within this angle of an inner actor's ray has lines that run over it. */
const RAY_CLEARANCE = (10 * Math.PI) / 180;

/**
 * The rotation near `wished` (the nearest turn first) with the fewest actors on the ray of an
 * inner actor: there, an actor's line to the centre side runs over the inner one (in the seed,
 * every one-actor ring tied to Pakistan lined up above it). Deviating from the wishes costs
 * too, so a ring turns only as far as it must.
 */
function clearOfInnerRays(
  wished: number,
  ordered: readonly string[],
  even: readonly number[],
  wish: ReadonlyMap<string, number>,
  inner: readonly number[],
): number {
  // Each turn checks every actor against every inner one: on big rings, where a ray is
  // crowded anyway, the wished rotation stands.
  if (ordered.length * inner.length > RAY_CHECK_MAX_WORK) return wished;
  let best = wished;
  let bestCost = Infinity;
  for (const turn of TURNS) {
    const offset = wished + turn;
    let cost = 0;
    ordered.forEach((id, i) => {
      const a = even[i]! + offset;
      const w = wish.get(id);
      if (w !== undefined) cost += 1 - Math.cos(a - w);
      for (const b of inner) if (1 - Math.cos(a - b) < 1 - Math.cos(RAY_CLEARANCE)) cost += 1;
    });
    if (cost < bestCost - 1e-9) [best, bestCost] = [offset, cost];
  }
  return best;
}

/** The rotation of evenly spaced slots that brings actors closest to their wishes (circular mean). */
function bestRotation(
  ordered: readonly string[],
  even: readonly number[],
  wish: ReadonlyMap<string, number>,
): number {
  let [sx, sy] = [0, 0];
  ordered.forEach((id, i) => {
    const w = wish.get(id);
    if (w !== undefined) [sx, sy] = [sx + Math.cos(w - even[i]!), sy + Math.sin(w - even[i]!)];
  });
  return sx === 0 && sy === 0 ? START_ANGLE : Math.atan2(sy, sx);
}
