import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Point } from '../layout';
import type { Dataset } from '../schema';
import { generateSyntheticDataset } from '../synthetic';
import { resolveVocabulary } from '../vocabulary';
import { arrangeActors, MIN_GAP, mostConnected, neighboursOf } from './index';
import { hierarchyLayout } from './hierarchy';
import { radialLayout } from './radial';
import { ringsLayout } from './rings';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const typeOrder = (d: Dataset) => [...resolveVocabulary(d).actorTypes.keys()];
const dist = (p: Point, q: Point = { x: 0, y: 0 }) => Math.hypot(p.x - q.x, p.y - q.y);

/** The smallest distance between two actors (a grid of cells keeps it fast on 1,000 actors). */
function closestPair(pos: ReadonlyMap<string, Point>): number {
  const cell = MIN_GAP;
  const grid = new Map<string, Point[]>();
  let best = Infinity;
  for (const p of pos.values()) {
    const [cx, cy] = [Math.floor(p.x / cell), Math.floor(p.y / cell)];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) best = Math.min(best, dist(p, q));
    const key = `${cx},${cy}`;
    if (!grid.has(key)) grid.set(key, []);
    grid.get(key)!.push(p);
  }
  return best;
}

/** Graph distances from an actor (breadth first over relations and "part of" links). */
function distancesFrom(d: Dataset, from: string): Map<string, number> {
  const neighbours = neighboursOf(d);
  const out = new Map([[from, 0]]);
  for (let frontier = [from]; frontier.length > 0;) {
    const next: string[] = [];
    for (const id of frontier)
      for (const n of neighbours.get(id)!)
        if (!out.has(n)) {
          out.set(n, out.get(id)! + 1);
          next.push(n);
        }
    frontier = next;
  }
  return out;
}

const datasets: [string, Dataset][] = [
  ['the seed', seed],
  ['the M synthetic dataset', generateSyntheticDataset('M')],
];

describe.each(datasets)('arranged layouts of %s', (_name, dataset) => {
  const order = typeOrder(dataset);
  for (const name of ['radial', 'hierarchy', 'rings'] as const) {
    it(`${name}: deterministic, every actor placed, none closer than the minimum gap`, () => {
      const a = arrangeActors(name, dataset, { typeOrder: order, focus: null });
      const b = arrangeActors(name, structuredClone(dataset), { typeOrder: order, focus: null });
      expect([...a]).toEqual([...b]);
      expect([...a.keys()].sort()).toEqual(dataset.actors.map((x) => x.id).sort());
      for (const p of a.values()) expect(Number.isFinite(p.x + p.y)).toBe(true);
      // Rounding to whole units may take a unit or two off the gap.
      expect(closestPair(a)).toBeGreaterThanOrEqual(MIN_GAP - 2);
    });
  }
});

describe('radialLayout', () => {
  it('puts the focus at the origin and rings further out with each step of graph distance', () => {
    const focus = 'isi';
    const pos = radialLayout(seed, focus);
    expect(pos.get(focus)).toEqual({ x: 0, y: 0 });
    const hops = distancesFrom(seed, focus);
    const radiusAt = new Map<number, number[]>();
    for (const [id, p] of pos) {
      const h = hops.get(id) ?? Infinity;
      radiusAt.set(h, [...(radiusAt.get(h) ?? []), dist(p)]);
    }
    const steps = [...radiusAt.keys()].sort((x, y) => x - y);
    let previous = -1;
    for (const h of steps) {
      const radii = radiusAt.get(h)!;
      // One ring per distance: every actor at that distance on it.
      expect(Math.max(...radii) - Math.min(...radii)).toBeLessThanOrEqual(2);
      expect(Math.min(...radii)).toBeGreaterThan(previous);
      previous = Math.max(...radii);
    }
  });

  it('uses the most connected actor when there is no focus, and keeps the unreachable outside', () => {
    const lonely: Dataset = {
      ...seed,
      actors: [...seed.actors, { id: 'nobody', label: 'Nobody', type: 'state' }],
    };
    const pos = radialLayout(lonely, null);
    const centre = mostConnected(neighboursOf(lonely))!;
    expect(pos.get(centre)).toEqual({ x: 0, y: 0 });
    const others = [...pos].filter(([id]) => id !== 'nobody').map(([, p]) => dist(p));
    expect(dist(pos.get('nobody')!)).toBeGreaterThan(Math.max(...others));
  });

  it('places a lone actor, and nothing at all for no actors', () => {
    expect(radialLayout({ actors: [seed.actors[0]!], relations: [] }, null)).toEqual(
      new Map([[seed.actors[0]!.id, { x: 0, y: 0 }]]),
    );
    expect(radialLayout({ actors: [], relations: [] }, null).size).toBe(0);
  });
});

describe('hierarchyLayout', () => {
  it('puts members one level below their parent, parents over their members', () => {
    const pos = hierarchyLayout(seed, typeOrder(seed));
    const levelOf = (id: string): number => {
      const parent = seed.actors.find((a) => a.id === id)!.parent;
      return parent ? levelOf(parent) + 1 : 0;
    };
    const top = pos.get('pakistan')!.y;
    for (const a of seed.actors) {
      const p = pos.get(a.id)!;
      if (a.parent) {
        expect(p.y - pos.get(a.parent)!.y).toBe(160);
        expect(p.y - top).toBe(levelOf(a.id) * 160);
      }
    }
    expect(pos.get('isi')!.y).toBeGreaterThan(pos.get('pakistan')!.y);
    expect(pos.get('faiz-hameed')!.y).toBeGreaterThan(pos.get('isi')!.y);
    // A parent sits within the span of its members.
    const members = seed.actors.filter((a) => a.parent === 'pakistan').map((a) => pos.get(a.id)!.x);
    expect(pos.get('pakistan')!.x).toBeGreaterThanOrEqual(Math.min(...members));
    expect(pos.get('pakistan')!.x).toBeLessThanOrEqual(Math.max(...members));
  });

  it('groups the actors with neither parent nor members beside the trees', () => {
    const pos = hierarchyLayout(seed, typeOrder(seed));
    const inTrees = new Set(seed.actors.flatMap((a) => (a.parent ? [a.id, a.parent] : [])));
    const treeRight = Math.max(...[...inTrees].map((id) => pos.get(id)!.x));
    for (const a of seed.actors)
      if (!inTrees.has(a.id)) expect(pos.get(a.id)!.x).toBeGreaterThan(treeRight);
  });
});

describe('ringsLayout', () => {
  it('puts each type on its own ring, in vocabulary order from the centre out', () => {
    const order = typeOrder(seed);
    const pos = ringsLayout(seed, order);
    const typeOf = new Map(seed.actors.map((a) => [a.id, a.type]));
    const radii = new Map<string, number[]>();
    for (const [id, p] of pos) {
      const t = typeOf.get(id)!;
      radii.set(t, [...(radii.get(t) ?? []), dist(p)]);
    }
    let previous = -1;
    for (const t of order.filter((x) => radii.has(x))) {
      const r = radii.get(t)!;
      expect(Math.max(...r) - Math.min(...r)).toBeLessThanOrEqual(2);
      expect(Math.min(...r)).toBeGreaterThan(previous);
      previous = Math.max(...r);
    }
  });
});
