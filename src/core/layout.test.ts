import { describe, expect, it } from 'vitest';
import { nudgeOffLines, type Point } from './layout';

const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

describe('nudgeOffLines', () => {
  it('moves an actor off a line it is not part of, just far enough', () => {
    const pos = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 5 }],
    ]);
    const left = nudgeOffLines(pos, [['a', 'b']], { clearance: 35, separation: 80 });
    expect(left).toBe(0);
    const c = pos.get('c')!;
    expect(Math.abs(c.y)).toBeGreaterThanOrEqual(35);
    expect(dist(c, { x: 200, y: 5 })).toBeLessThanOrEqual(70);
    // The line's own actors stay put.
    expect(pos.get('a')).toEqual({ x: 0, y: 0 });
    expect(pos.get('b')).toEqual({ x: 400, y: 0 });
  });

  it('leaves a clear layout unchanged', () => {
    const start: [string, Point][] = [
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 150 }],
    ];
    const pos = new Map(start);
    nudgeOffLines(
      pos,
      [
        ['a', 'b'],
        ['a', 'c'],
      ],
      { clearance: 35, separation: 80 },
    );
    expect([...pos]).toEqual(start);
  });

  it('does not crowd the moved actor onto another', () => {
    const pos = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
      ['c', { x: 200, y: 0 }],
      ['d', { x: 200, y: 60 }],
    ]);
    nudgeOffLines(pos, [['a', 'b']], { clearance: 35, separation: 50 });
    const ids = [...pos.keys()];
    for (const x of ids)
      for (const y of ids)
        if (x < y) expect(dist(pos.get(x)!, pos.get(y)!)).toBeGreaterThanOrEqual(50);
  });

  it('is deterministic', () => {
    const make = () =>
      new Map<string, Point>([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 300, y: 10 }],
        ['c', { x: 150, y: 0 }],
        ['d', { x: 150, y: 200 }],
      ]);
    const links: [string, string][] = [
      ['a', 'b'],
      ['c', 'd'],
      ['a', 'd'],
    ];
    const p = make();
    const q = make();
    nudgeOffLines(p, links, { clearance: 35, separation: 60 });
    nudgeOffLines(q, links, { clearance: 35, separation: 60 });
    expect([...p]).toEqual([...q]);
  });
});
