/**
 * computeLayout on the seed: the picture it gives must keep every drawn relation off the actors
 * it does not join, at every date, with the curves the canvas draws (the browser test
 * tests/e2e/picture.e2e.ts checks the same on screen at four dates).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endDay, formatDay, startDay } from './dates';
import { computeLayout, type Point } from './layout';
import { controlPoint, parallelBows } from './render/curves';
import { tokens } from './tokens';
import { validateDataset } from './validate';

const seed = validateDataset(
  JSON.parse(readFileSync('graph-data/seed.json', 'utf8')),
  'graph-data/seed.json',
).dataset!;

/** The quadratic curve through `c` from `a` to `b`, sampled as the browser test samples it. */
const curve = (a: Point, b: Point, c: Point): Point[] =>
  Array.from({ length: 65 }, (_, i) => {
    const u = i / 64;
    const [k1, k2, k3] = [(1 - u) * (1 - u), 2 * (1 - u) * u, u * u];
    return { x: k1 * a.x + k2 * c.x + k3 * b.x, y: k1 * a.y + k2 * c.y + k3 * b.y };
  });

describe('computeLayout on the seed', () => {
  const pos = computeLayout(seed);

  it('is deterministic', () => {
    expect([...computeLayout(seed)]).toEqual([...pos]);
  });

  it('keeps every drawn relation off the symbols of actors it does not join, at every date', () => {
    // Every day the set of drawn relations changes (their curves are bowed apart anew).
    const days = new Set<number>([startDay(seed.period!.from), startDay(seed.period!.until)]);
    for (const r of seed.relations) days.add(startDay(r.from)).add(endDay(r.until));
    const [first, last] = [startDay(seed.period!.from), startDay(seed.period!.until)];
    const symbol = (tokens.size.node + tokens.size.nodeBorder) / 2;
    const through: string[] = [];
    for (const day of [...days].filter((d) => d >= first && d <= last)) {
      const drawn = seed.relations.filter((r) => startDay(r.from) <= day && day < endDay(r.until));
      const bows = parallelBows(drawn, tokens.size.parallelGap);
      for (const r of drawn) {
        const [a, b] = [pos.get(r.source)!, pos.get(r.target)!];
        const line = curve(a, b, controlPoint(a, b, bows.get(r.id)!));
        for (const [id, p] of pos) {
          if (id === r.source || id === r.target) continue;
          const closest = Math.min(...line.map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
          if (closest < symbol) through.push(`${formatDay(day)}: ${r.id} over ${id}`);
        }
      }
    }
    expect(through).toEqual([]);
  });

  it('keeps actors apart: no two closer than half the spacing (160)', () => {
    const ids = [...pos.keys()];
    for (const a of ids)
      for (const b of ids)
        if (a < b)
          expect(
            Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y),
            `${a}, ${b}`,
          ).toBeGreaterThanOrEqual(80 - 1);
  });
});
