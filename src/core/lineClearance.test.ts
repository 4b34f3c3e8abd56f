import { describe, expect, it } from 'vitest';
import type { Point } from './layout';
import {
  clutterOf,
  drawnLines,
  nudgeOffLines,
  OPENING_WEIGHT,
  type DrawnLine,
} from './lineClearance';
import { tokens } from './tokens';
import { validateDataset } from './validate';

const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

/** A line drawn all the time, alone between its actors. */
const line = (a: string, b: string, weight = 1): DrawnLine => ({
  ends: [a, b],
  shown: [[0, 1]],
  atOpening: true,
  weight,
  spread: 0,
});

const options = { clearance: 35, touch: 20, separation: 80 };

describe('drawnLines', () => {
  const raw = {
    title: 'lines',
    period: { from: '2000', until: '2010' },
    actors: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id, type: 'state' })),
    relations: [
      // a–b: two relations for the first half, side by side for one year, then none.
      { id: 'r1', source: 'a', target: 'b', kind: 'support', from: '2000', until: '2004' },
      { id: 'r2', source: 'b', target: 'a', kind: 'tension', from: '2003', until: '2005' },
      // a–c: drawn on the opening day (the period's last day) and never before 2008.
      { id: 'r3', source: 'a', target: 'c', kind: 'hostility', from: '2008' },
      // Outside the period: never drawn.
      { id: 'r4', source: 'c', target: 'd', kind: 'contact', from: '1990', until: '1995' },
    ],
  };
  const dataset = validateDataset(raw, 'test.json').dataset!;

  it('gives one line per pair, weighed by how long it is drawn and whether on the opening day', () => {
    const lines = drawnLines(dataset);
    expect(lines.map((l) => l.ends)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
    const [ab, ac] = lines as [DrawnLine, DrawnLine];
    // Drawn 2000–2005 of 2000–2010 (the last day included): about half, not at the opening.
    expect(ab.atOpening).toBe(false);
    expect(ab.weight).toBeCloseTo(0.5, 2);
    expect(ac.atOpening).toBe(true);
    expect(ac.weight).toBeCloseTo(0.2 + OPENING_WEIGHT, 2);
  });

  it('spreads a line by the bows of the relations drawn at the same time', () => {
    const [ab, ac] = drawnLines(dataset) as [DrawnLine, DrawnLine];
    expect(ab.spread).toBe(tokens.size.parallelGap / 2);
    expect(ac.spread).toBe(0);
  });

  it('draws "part of" links all the time', () => {
    const withParent = validateDataset(
      { ...raw, actors: [...raw.actors, { id: 'e', label: 'e', type: 'person', parent: 'd' }] },
      'test.json',
    ).dataset!;
    const de = drawnLines(withParent).find((l) => l.ends.includes('e'))!;
    expect(de.shown).toEqual([[0, 1]]);
    expect(de.weight).toBe(1 + OPENING_WEIGHT);
  });
});

describe('nudgeOffLines', () => {
  it('moves an actor off a line it is not part of, just far enough', () => {
    const pos = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 5 }],
    ]);
    const left = nudgeOffLines(pos, [line('a', 'b')], options);
    expect(left).toBe(0);
    const c = pos.get('c')!;
    expect(Math.abs(c.y)).toBeGreaterThanOrEqual(35);
    expect(dist(c, { x: 200, y: 5 })).toBeLessThanOrEqual(70);
    // The line's own actors stay put.
    expect(pos.get('a')).toEqual({ x: 0, y: 0 });
    expect(pos.get('b')).toEqual({ x: 400, y: 0 });
  });

  it('keeps an actor clear of the curves of a pair drawn side by side, not only of its centre line', () => {
    const pos = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 40 }],
    ]);
    // Clear of a lone line at 40, but three curves side by side reach 16 out from it.
    nudgeOffLines(pos, [{ ...line('a', 'b'), spread: 16 }], options);
    expect(Math.abs(pos.get('c')!.y)).toBeGreaterThanOrEqual(35 + 16);
  });

  it('leaves a clear layout unchanged', () => {
    const start: [string, Point][] = [
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 150 }],
    ];
    const pos = new Map(start);
    nudgeOffLines(pos, [line('a', 'b'), line('a', 'c')], options);
    expect([...pos]).toEqual(start);
  });

  it('does not crowd the moved actor onto another', () => {
    const pos = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 0 }],
      ['d', { x: 200, y: 60 }],
    ]);
    nudgeOffLines(pos, [line('a', 'b')], { ...options, separation: 50 });
    const ids = [...pos.keys()];
    for (const x of ids)
      for (const y of ids)
        if (x < y) expect(dist(pos.get(x)!, pos.get(y)!)).toBeGreaterThanOrEqual(50);
  });

  it('moves an actor apart from one it crowds', () => {
    const pos = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 30, y: 0 }],
    ]);
    expect(nudgeOffLines(pos, [], options)).toBe(0);
    expect(dist(pos.get('a')!, pos.get('b')!)).toBeGreaterThanOrEqual(80);
  });

  it('where it cannot clear every line, clears the ones drawn longer', () => {
    // c lies between four parallel lines 50 apart, two drawn long below it (+y) and two
    // briefly above: no spot within its reach is 35 from all of them. The candidate spots
    // below come first, so only the lines' weights send it up.
    const pos = new Map<string, Point>([
      ['c', { x: 200, y: 0 }],
      ...[-75, -25, 25, 75].flatMap((y): [string, Point][] => [
        [`w${y}`, { x: 0, y }],
        [`e${y}`, { x: 400, y }],
      ]),
    ]);
    const lines = [-75, -25, 25, 75].map((y) => line(`w${y}`, `e${y}`, y > 0 ? 2 : 0.1));
    // One pass: given more, it walks on past the last line, clear of all.
    nudgeOffLines(pos, lines, { ...options, separation: 10, passes: 1 });
    const c = pos.get('c')!;
    // Clear of the long-drawn lines at 25 and 75, near the brief ones but not across them.
    expect(c.y).toBeLessThanOrEqual(25 - 35);
    expect(c.y).toBeLessThan(-25 - options.touch);
    expect(c.y).toBeGreaterThan(-75 + options.touch);
  });

  it('is deterministic', () => {
    const make = () =>
      new Map<string, Point>([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 300, y: 10 }],
        ['c', { x: 150, y: 0 }],
        ['d', { x: 150, y: 200 }],
      ]);
    const lines = [line('a', 'b'), line('c', 'd'), line('a', 'd')];
    const p = make();
    const q = make();
    nudgeOffLines(p, lines, { ...options, separation: 60 });
    nudgeOffLines(q, lines, { ...options, separation: 60 });
    expect([...p]).toEqual([...q]);
  });
});

describe('clutterOf', () => {
  it('counts crowding, lines across and near actors, and crossings by how long both show', () => {
    const pos = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 10 }], // across a–b
      ['d', { x: 300, y: 200 }],
      ['e', { x: 300, y: -200 }],
      ['g', { x: -50, y: -50 }], // crowds a
    ]);
    // a–b and d–e cross; each is drawn for half the span, both for a quarter, not at opening.
    const ab: DrawnLine = { ...line('a', 'b'), shown: [[0, 0.5]], atOpening: false, weight: 0.5 };
    const de: DrawnLine = {
      ...line('d', 'e'),
      shown: [[0.25, 0.75]],
      atOpening: false,
      weight: 0.5,
    };
    expect(clutterOf(pos, [ab, de], options)).toEqual({
      crowded: 1,
      across: 0.5,
      near: 0.5,
      tangles: 0.25,
    });
  });

  it('counts spokes that leave an actor bunched together as tangled', () => {
    const pos = new Map<string, Point>([
      ['hub', { x: 0, y: 0 }],
      ['p', { x: 300, y: 0 }],
      ['q', { x: 300, y: 60 }], // 11° from p, seen from the hub
      ['r', { x: 0, y: 300 }], // 90° from p
    ]);
    const lines = [line('hub', 'p'), line('hub', 'q'), line('hub', 'r')];
    // Drawn all the time and on the opening day: together for the whole span, and then.
    expect(clutterOf(pos, lines, { ...options, separation: 50 }).tangles).toBe(1 + OPENING_WEIGHT);
  });
});
