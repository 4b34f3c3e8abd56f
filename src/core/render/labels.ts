/**
 * Label collision avoidance: each actor's label goes below its symbol, or
 * above, right or left of it if that spot is taken, and is hidden when no spot
 * is free of other actors' symbols and of labels already placed. Actors are
 * served in priority order (the caller's: e.g. alive before greyed, then by
 * how many relations they have at the day), so the labels that go are those
 * of the least connected actors; the view shows a hidden label again when its
 * actor is hovered or selected.
 *
 * Everything is in graph units. Labels scale with the picture on the canvas, so
 * collisions are the same at every zoom: the pass runs when what is drawn
 * changes, not on zoom. `labelScale` is there for a view whose labels keep a
 * screen size (pass 1 / zoom).
 */

export type LabelPlace = 'bottom' | 'top' | 'right' | 'left' | 'hidden';

export interface LabelItem {
  id: string;
  /** Centre of the actor's symbol. */
  x: number;
  y: number;
  /** Half the symbol's size (its border included). */
  radius: number;
  /** The label's box at scale 1 (wrapped lines and halo included). */
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** How an actor stands to the selection: selected itself, a counterpart of it, or neither. */
export type SelectionRole = 'selected' | 'counterpart' | 'other';

/** One tier of label priority: more than any actor's count of relations in a labelled graph. */
const TIER = 1e6;
const ROLE_TIERS: Record<SelectionRole, number> = { selected: 4, counterpart: 2, other: 0 };

/**
 * A label's priority in the placement: the selection first (the selected actor, a selected
 * relation's two ends or an event's actors), then its counterparts (the actors it emphasises),
 * then everyone else; within each, actors alive at the day before greyed ones, then the most
 * connected. So someone who tapped an actor reads its own name first, then those of the
 * counterparts that matter most, and the labels that yield to them are the least telling.
 */
export function labelPriority(role: SelectionRole, alive: boolean, degree: number): number {
  return ROLE_TIERS[role] * TIER + (alive ? TIER : 0) + Math.min(degree, TIER - 1);
}

const PLACES: readonly Exclude<LabelPlace, 'hidden'>[] = ['bottom', 'top', 'right', 'left'];

/** The box a label takes at a place, `gap` away from its symbol. */
export function labelBox(item: LabelItem, place: LabelPlace, gap: number, labelScale = 1): Box {
  const w = item.width * labelScale;
  const h = item.height * labelScale;
  const { x, y, radius: r } = item;
  switch (place) {
    case 'top':
      return { x1: x - w / 2, x2: x + w / 2, y1: y - r - gap - h, y2: y - r - gap };
    case 'right':
      return { x1: x + r + gap, x2: x + r + gap + w, y1: y - h / 2, y2: y + h / 2 };
    case 'left':
      return { x1: x - r - gap - w, x2: x - r - gap, y1: y - h / 2, y2: y + h / 2 };
    default:
      return { x1: x - w / 2, x2: x + w / 2, y1: y + r + gap, y2: y + r + gap + h };
  }
}

const boxesOverlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function discOverlaps(box: Box, x: number, y: number, r: number): boolean {
  const dx = x - Math.max(box.x1, Math.min(x, box.x2));
  const dy = y - Math.max(box.y1, Math.min(y, box.y2));
  return dx * dx + dy * dy < r * r;
}

/** A uniform grid over boxes, so each test looks only at the few items near it. */
class Grid<T> {
  private cells = new Map<string, T[]>();
  constructor(private readonly cell: number) {}
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x1 / this.cell); i <= Math.floor(b.x2 / this.cell); i++)
      for (let j = Math.floor(b.y1 / this.cell); j <= Math.floor(b.y2 / this.cell); j++)
        out.push(`${i},${j}`);
    return out;
  }
  add(b: Box, item: T) {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(item);
      else this.cells.set(k, [item]);
    }
  }
  near(b: Box): Set<T> {
    const out = new Set<T>();
    for (const k of this.keys(b)) for (const item of this.cells.get(k) ?? []) out.add(item);
    return out;
  }
}

/** How far a box reaches outside bounds, summed over its four sides (0: inside). */
function overflow(box: Box, bounds: Box): number {
  return (
    Math.max(0, bounds.x1 - box.x1) +
    Math.max(0, box.x2 - bounds.x2) +
    Math.max(0, bounds.y1 - box.y1) +
    Math.max(0, box.y2 - bounds.y2)
  );
}

/**
 * Where each item's label goes (see the module comment). Deterministic: ties go by id.
 *
 * @param bounds the picture's edges (e.g. the box of every symbol): among the free places, the
 *   one that reaches least beyond them is taken, so labels at the edges face inward and a camera
 *   that fits the labels (viewport.ts `fitLabelled`) need not zoom out for them. A label is never
 *   hidden for reaching beyond the bounds.
 */
export function placeLabels(
  items: readonly LabelItem[],
  gap: number,
  labelScale = 1,
  bounds?: Box,
): Map<string, LabelPlace> {
  // The index's cell grows with the labels: a phone zoomed far out draws them ten times their
  // size in graph units, and boxes spanning a hundred small cells made a fit's placements (a
  // dozen zooms tried) take seconds at 1,000 actors. Any size gives the same places.
  const cell =
    Math.max(32, ...items.slice(0, 1).map((i) => i.radius * 4)) * Math.max(1, labelScale);
  const symbols = new Grid<LabelItem>(cell);
  for (const item of items) {
    const r = item.radius;
    symbols.add({ x1: item.x - r, y1: item.y - r, x2: item.x + r, y2: item.y + r }, item);
  }
  const labels = new Grid<Box>(cell);
  const order = [...items].sort(
    (a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const out = new Map<string, LabelPlace>();
  for (const item of order) {
    let chosen: LabelPlace = 'hidden';
    const candidates = PLACES.map((place) => ({
      place,
      box: labelBox(item, place, gap, labelScale),
    }));
    // A stable sort: places equally far out keep the order of PLACES.
    if (bounds) candidates.sort((a, b) => overflow(a.box, bounds) - overflow(b.box, bounds));
    for (const { place, box } of candidates) {
      const onSymbol = [...symbols.near(box)].some(
        (other) => other !== item && discOverlaps(box, other.x, other.y, other.radius),
      );
      if (onSymbol) continue;
      if ([...labels.near(box)].some((placed) => boxesOverlap(box, placed))) continue;
      labels.add(box, box);
      chosen = place;
      break;
    }
    out.set(item.id, chosen);
  }
  return out;
}
