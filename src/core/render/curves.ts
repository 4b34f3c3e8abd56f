/**
 * How parallel relations (several between the same two actors, in either
 * direction) are told apart: each is its own curve, bowed to a fixed gap from
 * its neighbours, rather than one bundled line with a count. The story is in
 * exactly these pairs (Pakistan's support for the Taliban, then tension, then
 * hostility): their kinds differ in colour and dash, which a bundle would hide
 * until hovered, and curves let a screenshot or an export show all of them.
 *
 * Cytoscape's own bundling ('bezier' with 'control-point-step-size') was not
 * enough: its curves are only half as far apart as the step (a quadratic curve
 * reaches half way to its control point), so with 18 px two 5 px lines were
 * 9 px apart and read as one; and it counts every mounted edge of the pair,
 * hidden ones included. Here the canvas ('unbundled-bezier' with each edge's
 * `control-point-distances`) and the SVG export take their bows from the same
 * function, over the relations actually drawn.
 */

export interface PairMember {
  id: string;
  source: string;
  target: string;
}

/** The key of the unordered pair of actors a relation joins. */
export const pairKey = (r: { source: string; target: string }) =>
  r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`;

/**
 * The control-point distance of each relation: how far from the straight line between its
 * actors its curve's control point lies, perpendicular to the line and measured in the
 * relation's own direction (source to target, to the left in screen coordinates for positive
 * values), as Cytoscape's unbundled-bezier `control-point-distances` reads it. A pair's
 * relations are ordered by id (a stable order, whatever the order they were drawn in) and
 * spread symmetrically, so their midpoints are `gap` apart; a lone relation is straight (0).
 * Relations listed in either direction are placed on the pair's canonical direction first, so
 * A→B and B→A never land on the same curve.
 */
export function parallelBows(relations: readonly PairMember[], gap: number): Map<string, number> {
  const pairs = new Map<string, PairMember[]>();
  for (const r of relations) {
    if (r.source === r.target) continue;
    const key = pairKey(r);
    const members = pairs.get(key);
    if (members) members.push(r);
    else pairs.set(key, [r]);
  }
  const bows = new Map<string, number>();
  for (const members of pairs.values()) {
    if (members.length === 1) {
      bows.set(members[0]!.id, 0);
      continue;
    }
    members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    members.forEach((r, k) => {
      // The curve's midpoint is half way to its control point: twice the offset wanted.
      const offset = (k - (members.length - 1) / 2) * gap;
      const canonical = r.source < r.target ? 1 : -1;
      bows.set(r.id, 2 * offset * canonical);
    });
  }
  return bows;
}

/**
 * The control point of a bowed relation from `a` (source) to `b` (target): the midpoint moved
 * `bow` along the left normal of a→b, as Cytoscape places it.
 */
export function controlPoint(
  a: { x: number; y: number },
  b: { x: number; y: number },
  bow: number,
): { x: number; y: number } {
  const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return {
    x: (a.x + b.x) / 2 + (-(b.y - a.y) / d) * bow,
    y: (a.y + b.y) / 2 + ((b.x - a.x) / d) * bow,
  };
}
