/**
 * Hierarchical layout by `parent` ("part of"): each tree with its root on top and members one
 * level below their parent, drawn as a tidy tree (leaves side by side, a parent centred over
 * its members, no two subtrees overlapping). Actors with neither parent nor members are grouped
 * in a block beside the trees, by type.
 */
import type { Point } from '../layout';
import { byId, neighboursOf, rounded, SPACING, type LayoutInput } from './common';

/** Horizontal room for one actor and its label (more than MIN_GAP; labels wrap at about this). */
const SLOT = 0.75 * SPACING;
/** Vertical distance between levels of a tree. */
const LEVEL = SPACING;
/** Rows of the block of actors without parent or members. */
const ROW = 0.75 * SPACING;

export type HierarchyInput = LayoutInput & {
  actors: readonly { id: string; type: string; parent?: string | undefined }[];
};

/**
 * Positions by the parent tree, centred on the origin. `typeOrder` is the vocabulary's order of
 * actor types: members of a parent, and the block of actors on their own, go in that order,
 * then by most connected, then by id.
 */
export function hierarchyLayout(
  input: HierarchyInput,
  typeOrder: readonly string[],
): Map<string, Point> {
  const known = new Map(input.actors.map((a) => [a.id, a]));
  const degree = neighboursOf(input);
  const typeRank = (id: string) => {
    const i = typeOrder.indexOf(known.get(id)!.type);
    return i < 0 ? typeOrder.length : i;
  };
  const order = (a: string, b: string) =>
    typeRank(a) - typeRank(b) || degree.get(b)!.length - degree.get(a)!.length || byId(a, b);

  const members = new Map<string, string[]>(input.actors.map((a) => [a.id, []]));
  const parentOf = (id: string) => {
    const p = known.get(id)!.parent;
    return p !== undefined && p !== id && known.has(p) ? p : null;
  };
  for (const a of input.actors) {
    const p = parentOf(a.id);
    if (p !== null) members.get(p)!.push(a.id);
  }
  for (const list of members.values()) list.sort(order);

  const size = new Map<string, number>();
  const sizeOf = (id: string): number => {
    let n = size.get(id);
    if (n === undefined) {
      size.set(id, 1); // a guard should validation ever let a cycle through
      n = 1 + members.get(id)!.reduce((s, m) => s + sizeOf(m), 0);
      size.set(id, n);
    }
    return n;
  };
  const roots = input.actors
    .map((a) => a.id)
    .filter((id) => parentOf(id) === null && members.get(id)!.length > 0)
    .sort((a, b) => sizeOf(b) - sizeOf(a) || order(a, b));
  const alone = input.actors
    .map((a) => a.id)
    .filter((id) => parentOf(id) === null && members.get(id)!.length === 0)
    .sort(order);

  const pos = new Map<string, Point>();
  // Leaves take the next slot left to right; a parent sits midway over its first and last
  // member. Subtrees take disjoint runs of slots, so actors on one level are a slot apart.
  let slot = 0;
  const place = (id: string, level: number) => {
    if (pos.has(id)) return;
    pos.set(id, { x: 0, y: level * LEVEL }); // placed once, even through a cycle
    const list = members.get(id)!.filter((m) => !pos.has(m));
    if (list.length === 0) {
      pos.set(id, { x: slot++ * SLOT, y: level * LEVEL });
      return;
    }
    for (const m of list) place(m, level + 1);
    const first = pos.get(list[0]!)!.x;
    const last = pos.get(list[list.length - 1]!)!.x;
    pos.set(id, { x: (first + last) / 2, y: level * LEVEL });
  };
  for (const root of roots) {
    place(root, 0);
    slot += 0.5; // a little air between trees
  }

  // The block of actors on their own: a rough square to the right of the trees. Its rows sit
  // between the trees' levels and odd columns half a row lower, so a line from a root, or
  // between two actors of a row, does not run through the actors beside them.
  const left = roots.length > 0 ? slot * SLOT + SLOT : 0;
  const top = roots.length > 0 ? ROW / 2 : 0;
  const columns = Math.max(1, Math.ceil(Math.sqrt(alone.length)));
  alone.forEach((id, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns) + (column % 2) / 2;
    pos.set(id, { x: left + column * SLOT, y: top + row * ROW });
  });
  // Anything left (only a cycle could leave an actor unplaced) goes below the block.
  const rest = input.actors.filter((a) => !pos.has(a.id)).map((a) => a.id);
  const below = top + (Math.ceil(alone.length / columns) + 1) * ROW;
  rest.forEach((id, i) => pos.set(id, { x: left + i * SLOT, y: below }));

  return rounded(centred(pos));
}

/** Moves positions so their bounding box is centred on the origin. */
function centred(pos: Map<string, Point>): Map<string, Point> {
  if (pos.size === 0) return pos;
  // Loops, not Math.min(...xs): spreading a hundred thousand arguments overflows the stack.
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pos.values()) {
    [x1, y1] = [Math.min(x1, p.x), Math.min(y1, p.y)];
    [x2, y2] = [Math.max(x2, p.x), Math.max(y2, p.y)];
  }
  const [cx, cy] = [(x1 + x2) / 2, (y1 + y2) / 2];
  return new Map([...pos].map(([id, p]) => [id, { x: p.x - cx, y: p.y - cy }]));
}
