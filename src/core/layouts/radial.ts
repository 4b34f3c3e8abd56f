/**
 * Radial layout around one actor: the focus in the centre, the others on rings by their graph
 * distance from it in the union graph (relations at any date and "part of" links). Each actor
 * sits within the wedge of the actor it was reached from, wedges sized by how many actors hang
 * below, so a branch stays together and its lines do not cross other branches. Actors the focus
 * cannot reach go on one more ring outside.
 */
import type { Point } from '../layout';
import {
  byId,
  evenAngles,
  mostConnected,
  neighboursOf,
  polar,
  radiusForAngles,
  rounded,
  SPACING,
  type LayoutInput,
} from './common';

/** The wedges start at the top (12 o'clock) and go clockwise on screen (y points down). */
const START_ANGLE = -Math.PI / 2;

/**
 * Positions around `focus` (the most connected actor when it is null or unknown). The focus is
 * at the origin; ring radii increase with distance, at least `SPACING` apart and wide enough
 * that no two actors on a ring are closer than `MIN_GAP`.
 */
export function radialLayout(input: LayoutInput, focus: string | null): Map<string, Point> {
  const neighbours = neighboursOf(input);
  const centre = focus !== null && neighbours.has(focus) ? focus : mostConnected(neighbours);
  const pos = new Map<string, Point>();
  if (centre === null) return pos;

  const degree = (id: string) => neighbours.get(id)!.length;
  // Breadth first, best connected first: each actor hangs below the first actor it is reached
  // from, which makes a spanning tree whose branches are the wedges.
  const depth = new Map<string, number>([[centre, 0]]);
  const children = new Map<string, string[]>([[centre, []]]);
  const rings: string[][] = [[centre]];
  for (let frontier = [centre]; frontier.length > 0;) {
    const next: string[] = [];
    for (const id of frontier) {
      const fresh = neighbours
        .get(id)!
        .filter((n) => !depth.has(n))
        .sort((a, b) => degree(b) - degree(a) || byId(a, b));
      for (const n of fresh) {
        depth.set(n, depth.get(id)! + 1);
        children.set(n, []);
        children.get(id)!.push(n);
        next.push(n);
      }
    }
    if (next.length > 0) rings.push(next);
    frontier = next;
  }

  // Each actor's share of the circle: one per leaf below it (itself when it has none),
  // counted from the outer ring inwards (no recursion, however long a chain).
  const leaves = new Map<string, number>();
  for (let r = rings.length - 1; r >= 0; r--)
    for (const id of rings[r]!)
      leaves.set(
        id,
        Math.max(
          1,
          children.get(id)!.reduce((s, c) => s + leaves.get(c)!, 0),
        ),
      );

  const angle = new Map<string, number>([[centre, START_ANGLE]]);
  const wedgeStart = new Map<string, number>([[centre, START_ANGLE]]);
  const wedgeSize = new Map<string, number>([[centre, 2 * Math.PI]]);
  for (const ring of rings)
    for (const id of ring) {
      let start = wedgeStart.get(id)!;
      const unit = wedgeSize.get(id)! / leaves.get(id)!;
      for (const c of children.get(id)!) {
        const size = unit * leaves.get(c)!;
        wedgeStart.set(c, start);
        wedgeSize.set(c, size);
        angle.set(c, start + size / 2);
        start += size;
      }
    }

  pos.set(centre, { x: 0, y: 0 });
  let radius = 0;
  for (let r = 1; r < rings.length; r++) {
    const angles = rings[r]!.map((id) => angle.get(id)!);
    radius = Math.max(radius + SPACING, r * SPACING, radiusForAngles(angles));
    for (const id of rings[r]!) pos.set(id, polar(radius, angle.get(id)!));
  }

  const unreachable = input.actors
    .map((a) => a.id)
    .filter((id) => !depth.has(id))
    .sort(byId);
  if (unreachable.length > 0) {
    const angles = evenAngles(unreachable.length, START_ANGLE);
    radius = Math.max(radius + SPACING, radiusForAngles(angles));
    unreachable.forEach((id, i) => pos.set(id, polar(radius, angles[i]!)));
  }
  return rounded(pos);
}
