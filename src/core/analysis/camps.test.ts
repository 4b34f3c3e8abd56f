import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDay } from '../dates';
import { campsAt } from './camps';
import { bruteForceFrustration, exactSplit } from './exactCamps';
import { frustration } from './frustration';
import { frustrationLowerBound } from './frustrationBound';
import { heuristicSplit } from './heuristicCamps';
import { adjacency } from './signedEdges';
import { splitCamps } from './splitCamps';
import {
  balancedGraphArb,
  seedModel,
  signedGraphArb,
  signedModel,
  type EdgeSpec,
} from './testFixtures';

const T = toDay('2000');
const campsOf = (edges: EdgeSpec[], extra: string[] = []) => campsAt(signedModel(edges, extra), T);
const sameCamp = (r: ReturnType<typeof campsOf>, a: string, b: string) =>
  r.camp.get(a) === r.camp.get(b);

describe('campsAt on hand-computed signed graphs', () => {
  it('finds the two camps of a balanced graph, with no frustration', () => {
    const r = campsOf([
      ['a', 'b', '+'],
      ['b', 'c', '+'],
      ['d', 'e', '+'],
      ['a', 'd', '-'],
      ['c', 'e', '-'],
      ['b', 'd', '-'],
    ]);
    expect(r.frustration).toBe(0);
    expect(r.exact).toBe(true);
    expect(r.frustrated).toEqual([]);
    expect(sameCamp(r, 'a', 'b') && sameCamp(r, 'b', 'c') && sameCamp(r, 'd', 'e')).toBe(true);
    expect(sameCamp(r, 'a', 'd')).toBe(false);
    expect(r.camp.get('a')).toBe(0); // each component is oriented by its first actor
  });

  it('frustrates one side of a −−− triangle', () => {
    const r = campsOf([
      ['a', 'b', '-'],
      ['b', 'c', '-'],
      ['a', 'c', '-'],
    ]);
    expect(r).toMatchObject({ frustration: 1, lowerBound: 1, exact: true });
    expect(r.frustrated).toHaveLength(1);
    expect(r.frustrated[0]).toMatchObject({ sign: -1, reason: 'negative-within' });
  });

  it('frustrates one side of a ++− triangle', () => {
    const r = campsOf([
      ['a', 'b', '+'],
      ['b', 'c', '+'],
      ['a', 'c', '-'],
    ]);
    expect(r).toMatchObject({ frustration: 1, lowerBound: 1, exact: true });
  });

  it('solves the components of a disconnected graph independently', () => {
    const r = campsOf(
      [
        ['a', 'b', '-'],
        ['b', 'c', '-'],
        ['a', 'c', '-'],
        ['x', 'y', '+'],
        ['y', 'z', '-'],
        ['x', 'z', '-'],
      ],
      ['loner'],
    );
    expect(r.frustration).toBe(1);
    expect(r.components.map((c) => [c.actors, c.frustration, c.exact])).toEqual([
      [['a', 'b', 'c'], 1, true],
      [['x', 'y', 'z'], 0, true],
      [['loner'], 0, true],
    ]);
    expect(sameCamp(r, 'x', 'y')).toBe(true);
    expect(sameCamp(r, 'x', 'z')).toBe(false);
    expect(r.camp.get('loner')).toBe(0);
  });

  it('ignores neutral and mixed pairs', () => {
    const r = campsOf([
      ['a', 'b', '+'],
      ['b', 'c', '+'],
      ['a', 'c', '+-'],
      ['c', 'd', '0'],
    ]);
    expect(r.frustration).toBe(0);
    expect(r).toMatchObject({ neutralPairs: 1, mixedPairs: 1 });
    expect(r.camp.has('d')).toBe(true);
    expect(r.components.find((c) => c.actors.includes('d'))!.actors).toEqual(['d']);
  });

  it('lists the relations behind each frustrated pair', () => {
    const r = campsOf([
      ['a', 'b', '+'],
      ['b', 'c', '+'],
      ['a', 'c', '-'],
    ]);
    expect(r.frustrated[0]!.relations).toHaveLength(1);
    expect(r.frustrated[0]!.relations[0]).toMatch(/^[abc]-[abc]-\d-0$/);
  });
});

describe('exact search', () => {
  it('equals brute force on small random signed graphs', () => {
    fc.assert(
      fc.property(signedGraphArb(10), (g) => {
        const split = exactSplit(g)!;
        expect(split.frustration).toBe(bruteForceFrustration(g));
        expect(frustration(g, split.camp)).toBe(split.frustration);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('equals brute force when started from a heuristic incumbent', () => {
    fc.assert(
      fc.property(signedGraphArb(10), (g) => {
        const incumbent = heuristicSplit(g, adjacency(g), { restarts: 1, kicks: 0 });
        expect(exactSplit(g, { incumbent })!.frustration).toBe(bruteForceFrustration(g));
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('gives up when the budget runs out', () => {
    const g = fc.sample(signedGraphArb(16, 16), { seed: 7, numRuns: 1 })[0]!;
    expect(exactSplit(g, { budget: 3 })).toBeNull();
  });
});

describe('splitCamps', () => {
  const randomSplit = (n: number) =>
    fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n });

  it('is never worse than a random split, exact or heuristic', () => {
    fc.assert(
      fc.property(
        signedGraphArb(30).chain((g) => fc.tuple(fc.constant(g), randomSplit(g.n))),
        fc.constantFrom(0, 24),
        ([g, random], exactLimit) => {
          const r = splitCamps(g, undefined, { exactLimit });
          expect(frustration(g, r.camp)).toBe(r.frustration);
          expect(r.frustration).toBeLessThanOrEqual(frustration(g, random));
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);

  it('has zero frustration on perfectly balanced graphs, small and large', () => {
    fc.assert(
      fc.property(balancedGraphArb(80), (g) => {
        const r = splitCamps(g);
        expect(r.frustration).toBe(0);
        expect(r.exact).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('reports a lower bound no higher than the true minimum', () => {
    fc.assert(
      fc.property(signedGraphArb(10), (g) => {
        const best = bruteForceFrustration(g);
        expect(frustrationLowerBound(g)).toBeLessThanOrEqual(best);
        const heuristic = splitCamps(g, undefined, { exactLimit: 0 });
        expect(heuristic.lowerBound).toBeLessThanOrEqual(best);
        expect(heuristic.frustration).toBeGreaterThanOrEqual(best);
        if (heuristic.exact) expect(heuristic.frustration).toBe(best);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('same-camp pairs without a relation', () => {
  it('counts and lists them: a camp is no alliance between members never related', () => {
    // b and c are both enemies of a, so they share a camp without any relation of their own;
    // a, d and e are one camp through d, but a and e have no relation.
    const r = campsOf([
      ['a', 'b', '-'],
      ['a', 'c', '-'],
      ['a', 'd', '+'],
      ['d', 'e', '+'],
    ]);
    expect(r.frustration).toBe(0);
    expect(sameCamp(r, 'b', 'c') && sameCamp(r, 'a', 'e')).toBe(true);
    expect(r.components[0]).toMatchObject({
      unrelated: 2,
      unrelatedPairs: [
        ['a', 'e'],
        ['b', 'c'],
      ],
    });
  });

  it('does not count a pair that has only a neutral relation', () => {
    const r = campsOf([
      ['a', 'b', '-'],
      ['a', 'c', '-'],
      ['b', 'c', '0'],
    ]);
    expect(r.components[0]).toMatchObject({ unrelated: 0, unrelatedPairs: [] });
  });

  it('agrees with a check of every same-camp pair on random graphs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.boolean()),
          { maxLength: 25 },
        ),
        (raw) => {
          const seen = new Set<string>();
          const edges: EdgeSpec[] = [];
          for (const [x, y, positive] of raw) {
            const key = `${Math.min(x, y)}-${Math.max(x, y)}`;
            if (x === y || seen.has(key)) continue;
            seen.add(key);
            edges.push([`n${x}`, `n${y}`, positive ? '+' : '-']);
          }
          const r = campsOf(edges);
          for (const comp of r.components) {
            const expected: [string, string][] = [];
            for (const a of comp.actors)
              for (const b of comp.actors)
                if (a < b && sameCamp(r, a, b) && !seen.has(`${a.slice(1)}-${b.slice(1)}`))
                  expected.push([a, b]);
            expect(comp.unrelated).toBe(expected.length);
            const sorted = (pairs: [string, string][]) =>
              pairs.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)).sort();
            expect(sorted(comp.unrelatedPairs)).toEqual(sorted(expected));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('camps of the seed', () => {
  it('puts Pakistan and the Afghan Taliban in opposite camps in 2025', () => {
    const r = campsAt(seedModel(), toDay('2025'));
    expect(r.exact).toBe(true);
    expect(r.frustrated).toHaveLength(r.frustration);
    expect(r.camp.get('pakistan')).not.toBe(r.camp.get('afghan-taliban'));
    expect(r.camp.get('pakistan')).not.toBe(r.camp.get('ttp'));
  });
});
