/**
 * Where the graph's tooltip goes: beside the hovered actor (or relation), on the side away from
 * what it is related to, so that the tooltip never hides the neighbours the hover emphasises.
 * Pure geometry in the canvas's pixel frame.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
}

/** Distance between the anchor and the tooltip's nearest edge: clears an actor's symbol at zoom 1. */
export const TOOLTIP_GAP = 18;
/** A point closer than this to the tooltip's box counts as covered (part of its symbol would be). */
export const TOOLTIP_CLEARANCE = 12;

type Candidate = (anchor: Point, size: Size, gap: number) => Placement;

/** In order of preference: above first (where the tooltip has always been), then around. */
const CANDIDATES: Candidate[] = [
  (a, s, g) => ({ left: a.x - s.width / 2, top: a.y - g - s.height }), // above
  (a, s, g) => ({ left: a.x - s.width / 2, top: a.y + g }), // below
  (a, s, g) => ({ left: a.x + g, top: a.y - s.height / 2 }), // right
  (a, s, g) => ({ left: a.x - g - s.width, top: a.y - s.height / 2 }), // left
  (a, s, g) => ({ left: a.x + g, top: a.y - g - s.height }), // above right
  (a, s, g) => ({ left: a.x - g - s.width, top: a.y - g - s.height }), // above left
  (a, _s, g) => ({ left: a.x + g, top: a.y + g }), // below right
  (a, s, g) => ({ left: a.x - g - s.width, top: a.y + g }), // below left
];

/** Moves a box inside the bounds where it can (a box larger than the bounds keeps its top left). */
function clampInto(p: Placement, size: Size, bounds: Size): Placement {
  const clamp = (at: number, length: number, room: number) =>
    Math.max(0, Math.min(at, room - length));
  return {
    left: clamp(p.left, size.width, bounds.width),
    top: clamp(p.top, size.height, bounds.height),
  };
}

function covers(p: Placement, size: Size, point: Point, clearance: number): boolean {
  return (
    point.x > p.left - clearance &&
    point.x < p.left + size.width + clearance &&
    point.y > p.top - clearance &&
    point.y < p.top + size.height + clearance
  );
}

/**
 * The tooltip's top-left corner: of the places around the anchor (kept inside `bounds`), the
 * first that covers neither the anchor nor any point of `avoid`; failing that, the one covering
 * the fewest (the anchor counts most: the tooltip is about it).
 */
export function placeTooltip(
  anchor: Point,
  size: Size,
  avoid: readonly Point[],
  bounds: Size,
  gap = TOOLTIP_GAP,
  clearance = TOOLTIP_CLEARANCE,
): Placement {
  let best: Placement | null = null;
  let bestCost = Infinity;
  for (const candidate of CANDIDATES) {
    const p = clampInto(candidate(anchor, size, gap), size, bounds);
    let cost = covers(p, size, anchor, clearance) ? avoid.length + 1 : 0;
    for (const q of avoid) if (covers(p, size, q, clearance)) cost++;
    if (cost < bestCost) {
      best = p;
      bestCost = cost;
      if (cost === 0) break;
    }
  }
  return best!;
}
