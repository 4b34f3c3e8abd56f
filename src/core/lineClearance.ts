/**
 * Lines that keep off actors they do not join. An actor on (or just beside) the line between
 * two others makes a reader take that line for one of its own relations: at 2025 the
 * Pakistan–Taliban hostility, the seed's headline, ran under the USA. The force layout knows
 * nothing of this, so small graphs get a pass that moves such actors aside (`nudgeOffLines`),
 * and `clutterOf` scores a layout by what is left (and by tangled lines), so the layout can keep
 * its best start.
 *
 * Every actor is drawn at every date (outside its lifetime, faintly), but a relation's line
 * only while the relation is active, and the curves of relations shown together are bowed
 * apart. So each line says how long it is shown and how far its widest curve strays from the
 * straight line (`drawnLines`): a line kept clear by that much is clear at every date, and
 * where not every line can be cleared, the ones the reader sees longest, and on the day the
 * app opens, are cleared first.
 */
import { endDay, startDay } from './dates';
import type { Point } from './layout';
import { pairKey } from './render/curves';
import type { Dataset } from './schema';
import { TemporalIndex } from './temporal';
import { tokens } from './tokens';

/** A straight line the canvas draws between two actors at some time, with what it weighs. */
export interface DrawnLine {
  ends: readonly [string, string];
  /**
   * When it is drawn: disjoint intervals [from, until), sorted, as shares of the explored
   * span (0 its first day, 1 the day after its last).
   */
  shown: readonly (readonly [number, number])[];
  /** Whether it is drawn on the day the app opens on (the span's last day). */
  atOpening: boolean;
  /**
   * What a line over an actor costs the reader: the share of the span the line is drawn,
   * plus `OPENING_WEIGHT` when it is drawn on the opening day.
   */
  weight: number;
  /**
   * How far its outermost curve strays from the straight line, in layout units: relations
   * of one pair drawn at the same time are bowed `parallelGap` apart (render/curves.ts).
   */
  spread: number;
}

/**
 * The opening day's picture is the one every reader sees first, and the one a screenshot
 * shows: a line drawn then weighs as much again as one drawn for the whole span.
 */
export const OPENING_WEIGHT = 1;

/**
 * The lines drawn between each pair of actors at some date within the explored span (the
 * relations of a pair share one line, bowed apart where several are shown at once), and the
 * "part of" links, which are always drawn. Self-loops and relations never shown in the span
 * are left out; lines come in the order of their pair's key, so the result is deterministic.
 */
export function drawnLines(dataset: Dataset): DrawnLine[] {
  const index = new TemporalIndex(dataset);
  // The time bar reaches the last day itself: shown days are [start, end].
  const [first, after] = [index.start, index.end + 1];
  const share = (day: number) => (day - first) / (after - first);
  const known = new Set(dataset.actors.map((a) => a.id));
  const pairs = new Map<string, { ends: [string, string]; shown: [number, number][] }>();
  const pairOf = (source: string, target: string) => {
    const key = pairKey({ source, target });
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { ends: [source, target], shown: [] }));
    return pair;
  };
  for (const r of dataset.relations) {
    if (r.source === r.target || !known.has(r.source) || !known.has(r.target)) continue;
    const from = Math.max(startDay(r.from), first);
    const until = Math.min(endDay(r.until), after);
    if (from < until) pairOf(r.source, r.target).shown.push([share(from), share(until)]);
  }
  const partOf = new Set<string>();
  for (const a of dataset.actors)
    if (a.parent && a.parent !== a.id && known.has(a.parent)) {
      pairOf(a.id, a.parent);
      partOf.add(pairKey({ source: a.id, target: a.parent }));
    }

  const openingDay = share(index.end);
  const lines: DrawnLine[] = [];
  for (const key of [...pairs.keys()].sort()) {
    const { ends, shown: relations } = pairs.get(key)!;
    const shown = partOf.has(key) ? [[0, 1] as const] : union(relations);
    const atOpening = shown.some(([from, until]) => from <= openingDay && openingDay < until);
    const length = shown.reduce((sum, [from, until]) => sum + until - from, 0);
    lines.push({
      ends,
      shown,
      atOpening,
      weight: length + (atOpening ? OPENING_WEIGHT : 0),
      spread: Math.max(0, ((mostAtOnce(relations) - 1) / 2) * tokens.size.parallelGap),
    });
  }
  return lines;
}

/**
 * How long two lines are drawn together: the share of the span both are shown, plus
 * `OPENING_WEIGHT` when both are drawn on the opening day.
 */
function seenTogether(a: DrawnLine, b: DrawnLine): number {
  let overlap = 0;
  for (const [from, until] of a.shown)
    for (const [otherFrom, otherUntil] of b.shown)
      overlap += Math.max(0, Math.min(until, otherUntil) - Math.max(from, otherFrom));
  return overlap + (a.atOpening && b.atOpening ? OPENING_WEIGHT : 0);
}

/** Half-open intervals merged where they overlap or touch: disjoint and sorted. */
function union(intervals: readonly (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, until] of [...intervals].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], until);
    else merged.push([from, until]);
  }
  return merged;
}

/** The most half-open intervals that overlap at one day (an end before a start on the same day). */
function mostAtOnce(intervals: readonly (readonly [number, number])[]): number {
  const steps = intervals.flatMap(([from, until]): [number, number][] => [
    [from, 1],
    [until, -1],
  ]);
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, step] of steps) {
    open += step;
    most = Math.max(most, open);
  }
  return most;
}

export interface NudgeOptions {
  /**
   * How far an actor's centre should stay from a line it is not part of (beyond the line's
   * own spread): nearer, the line seems to touch it.
   */
  clearance: number;
  /**
   * Nearer than this (beyond the line's spread), the line crosses the actor's symbol: worse
   * than any number of lines merely near an actor.
   */
  touch: number;
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
 * What is wrong with a picture, or with one actor's place in it, worst first: actors crowding
 * others, then lines across actors' symbols, then lines near actors and tangled lines,
 * weighed together (a line brushing an actor for a year matters less than a hub's spokes
 * bunched together for decades). The line counts are weights (`DrawnLine.weight`), summed
 * over every line and every actor it does not join: zero when every line is clear of every
 * other actor at every date.
 */
export interface Clutter {
  /** Pairs of actors closer than the separation (their symbols and labels collide). */
  crowded: number;
  /** Lines within `touch` of an actor. */
  across: number;
  /** Lines within `clearance` of an actor (those across it included). */
  near: number;
  /**
   * Pairs of lines that cross, or leave one actor so close in direction that they read as one
   * (a hub's spokes bunched together), each weighed by how long both are drawn
   * (`seenTogether`). Only for a whole layout (`clutterOf`): it is left to the choice of start.
   */
  tangles: number;
}

const CLEAR: Clutter = { crowded: 0, across: 0, near: 0, tangles: 0 };

/** Negative when clutter `a` is less than `b`, in the order `Clutter` gives. */
export function compareClutter(a: Clutter, b: Clutter): number {
  return a.crowded - b.crowded || a.across - b.across || a.near + a.tangles - b.near - b.tangles;
}

/** Whether nothing is in the way: no crowding, no line across or near an actor. */
const isClear = (c: Clutter) => c.crowded === 0 && c.across === 0 && c.near === 0;

/** The clutter of a whole layout (see `Clutter`). */
export function clutterOf(
  pos: ReadonlyMap<string, Point>,
  lines: readonly DrawnLine[],
  options: NudgeOptions,
): Clutter {
  const total = { ...CLEAR };
  for (const [id, p] of pos) {
    const under = linesUnder(id, p, pos, lines, options);
    total.crowded += crowding(id, p, pos, options.separation) / 2; // each pair seen twice
    total.across += under.across;
    total.near += under.near;
  }
  lines.forEach((line, i) => {
    for (const other of lines.slice(i + 1))
      if (tangled(line, other, pos)) total.tangles += seenTogether(line, other);
  });
  return total;
}

/** Lines leaving one actor less than this far apart in direction (15°) read as one bundle. */
const MIN_SPLAY = Math.PI / 12;

/**
 * Whether two lines cross between their ends, or share an actor and leave it less than
 * `MIN_SPLAY` apart.
 */
function tangled(l: DrawnLine, m: DrawnLine, pos: ReadonlyMap<string, Point>): boolean {
  const shared = l.ends.find((id) => m.ends.includes(id));
  const at = (id: string) => pos.get(id)!;
  if (shared !== undefined) {
    const hub = at(shared);
    const [p, q] = [l, m].map((line) => at(line.ends[0] === shared ? line.ends[1] : line.ends[0]));
    const turn = Math.abs(
      Math.atan2(p!.y - hub.y, p!.x - hub.x) - Math.atan2(q!.y - hub.y, q!.x - hub.x),
    );
    return Math.min(turn, 2 * Math.PI - turn) < MIN_SPLAY;
  }
  const [a, b, c, d] = [...l.ends, ...m.ends].map(at) as [Point, Point, Point, Point];
  /** The side of the line p–q that r is on: positive left, negative right. */
  const side = (p: Point, q: Point, r: Point) =>
    (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** The weight of the lines an actor placed at `p` would be near or across (its own aside). */
function linesUnder(
  id: string,
  p: Point,
  pos: ReadonlyMap<string, Point>,
  lines: readonly DrawnLine[],
  { clearance, touch }: NudgeOptions,
): Clutter {
  const found = { ...CLEAR };
  for (const line of lines) {
    const [a, b] = line.ends;
    if (a !== id && b !== id) addLine(found, line, p, pos.get(a)!, pos.get(b)!, clearance, touch);
  }
  return found;
}

/** Adds `line` (from `a` to `b`) to `found` if it passes near or across an actor at `p`. */
function addLine(
  found: Clutter,
  { weight, spread }: DrawnLine,
  p: Point,
  a: Point,
  b: Point,
  clearance: number,
  touch: number,
) {
  if (!nearSegment(p, a, b, clearance + spread)) return;
  found.near += weight;
  if (nearSegment(p, a, b, touch + spread)) found.across += weight;
}

/** How many other actors are closer than `separation` to an actor placed at `p`. */
function crowding(
  id: string,
  p: Point,
  pos: ReadonlyMap<string, Point>,
  separation: number,
): number {
  let count = 0;
  for (const [other, q] of pos)
    if (other !== id && (q.x - p.x) ** 2 + (q.y - p.y) ** 2 < separation * separation) count++;
  return count;
}

/**
 * Moves actors off lines they are not part of, and apart from actors they crowd. Each such
 * actor moves to the nearest spot around it (rings of candidates, nearest first) where it is
 * clear of other lines and its own lines clear of other actors; if there is none, to the spot
 * with the least clutter (`Clutter`: crowding, then lines across, then lines near, by weight),
 * if that is less than where it is; so no spot that crowds more actors is ever taken. Moves
 * are short (two clearances at most), so the picture keeps its shape (the mental map).
 * Deterministic: actors go in the order of their ids. Returns how many actors are still in
 * conflict.
 */
export function nudgeOffLines(
  pos: Map<string, Point>,
  lines: readonly DrawnLine[],
  options: NudgeOptions,
): number {
  const { clearance, touch, separation, passes = 3 } = options;
  const ids = [...pos.keys()].sort();
  const linesOf = new Map<string, DrawnLine[]>(ids.map((id) => [id, []]));
  for (const line of lines) {
    linesOf.get(line.ends[0])?.push(line);
    linesOf.get(line.ends[1])?.push(line);
  }
  /** The clutter an actor placed at `p` causes: in the way of lines, or others in its lines' way. */
  const clutterAt = (id: string, p: Point): Clutter => {
    const found = linesUnder(id, p, pos, lines, options);
    found.crowded = crowding(id, p, pos, separation);
    for (const other of ids) {
      if (other === id) continue;
      const q = pos.get(other)!;
      for (const line of linesOf.get(id)!) {
        const far = line.ends[0] === id ? line.ends[1] : line.ends[0];
        if (far !== other) addLine(found, line, q, p, pos.get(far)!, clearance, touch);
      }
    }
    return found;
  };
  let remaining = 0;
  for (let pass = 0; pass < passes; pass++) {
    remaining = 0;
    let moved = false;
    for (const id of ids) {
      const home = pos.get(id)!;
      // Only an actor on a line or crowding another moves (a line's own actors keep their place).
      const here = linesUnder(id, home, pos, lines, options);
      if (here.near === 0 && crowding(id, home, pos, separation) === 0) continue;
      let best = clutterAt(id, home);
      let bestSpot = home;
      search: for (const ring of RINGS)
        for (let k = 0; k < DIRECTIONS; k++) {
          const angle = (2 * Math.PI * k) / DIRECTIONS;
          const spot = {
            x: home.x + Math.cos(angle) * ring * clearance,
            y: home.y + Math.sin(angle) * ring * clearance,
          };
          const c = clutterAt(id, spot);
          if (compareClutter(c, best) < 0) {
            best = c;
            bestSpot = spot;
            if (isClear(c)) break search;
          }
        }
      if (bestSpot !== home) {
        pos.set(id, bestSpot);
        moved = true;
      }
      if (!isClear(best)) remaining++;
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
