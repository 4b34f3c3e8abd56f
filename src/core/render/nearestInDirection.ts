/**
 * The keyboard cursor's move on the graph: from one actor, which actor an arrow
 * key leads to. Geometric, in the picture's coordinates (y grows downward, as
 * on screen): a candidate counts for an arrow when it lies in that arrow's
 * quarter of the plane (within 45° either side of its direction), so every
 * other actor is reachable by some arrow; among those, the one with the
 * smallest cost wins, where the cost is the distance along the arrow plus
 * twice the distance across it: a slightly farther actor straight ahead beats
 * a nearer one off to the side, as the eye expects.
 */

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Placed {
  id: string;
  x: number;
  y: number;
}

const UNIT: Record<Direction, { x: number; y: number }> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/** The arrow keys' directions, by `KeyboardEvent.key`. */
export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** How far a candidate is from `from` in a direction, or null when it is not that way. */
export function directionCost(from: Placed, to: Placed, direction: Direction): number | null {
  const u = UNIT[direction];
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const along = dx * u.x + dy * u.y;
  const across = Math.abs(dx * u.y - dy * u.x);
  if (along <= 0 || across > along) return null;
  return along + 2 * across;
}

/**
 * The candidate nearest `from` in a direction (see the module comment), or null when none lies
 * that way. `from` itself and candidates at its very spot are skipped. Ties go by id, so the
 * choice does not depend on the candidates' order.
 */
export function nearestInDirection(
  from: Placed,
  candidates: Iterable<Placed>,
  direction: Direction,
): string | null {
  let best: { id: string; cost: number } | null = null;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const cost = directionCost(from, c, direction);
    if (cost === null) continue;
    if (!best || cost < best.cost || (cost === best.cost && c.id < best.id))
      best = { id: c.id, cost };
  }
  return best?.id ?? null;
}
