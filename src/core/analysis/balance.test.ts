import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDay } from '../dates';
import { balanceAt } from './balance';
import { buildAnalysisModel } from './analysisModel';
import { seedModel, signedDataset, signedGraphArb, signedModel } from './testFixtures';
import { countTriangles } from './triangles';
import type { SignedEdgeList } from './signedEdges';

const T = toDay('2000');

describe('balanceAt on hand-computed signed graphs', () => {
  it('two camps, + inside and − across: every triangle balanced', () => {
    // K5 with camps {a, b, c} and {d, e}: 1 triangle inside {a,b,c} (+++),
    // 3·2 with two corners in the first camp and 3 with two in the second (+−−).
    const camps = { a: 0, b: 0, c: 0, d: 1, e: 1 } as Record<string, number>;
    const ids = Object.keys(camps);
    const edges = ids.flatMap((x, i) =>
      ids
        .slice(i + 1)
        .map((y) => [x, y, camps[x] === camps[y] ? '+' : '-'] as [string, string, '+' | '-']),
    );
    const r = balanceAt(signedModel(edges), T);
    expect(r.counts).toEqual({ ppp: 1, ppn: 0, pnn: 9, nnn: 0, total: 10 });
    expect(r.balancedShare).toBe(1);
    expect(r.weaklyBalancedShare).toBe(1);
    expect(r.unbalancedTriangles).toEqual([]);
    expect(r.signedPairs).toBe(10);
  });

  it('a −−− triangle is unbalanced but weakly balanced', () => {
    const r = balanceAt(
      signedModel([
        ['a', 'b', '-'],
        ['b', 'c', '-'],
        ['a', 'c', '-'],
      ]),
      T,
    );
    expect(r.counts).toEqual({ ppp: 0, ppn: 0, pnn: 0, nnn: 1, total: 1 });
    expect(r.balancedShare).toBe(0);
    expect(r.weaklyBalancedShare).toBe(1);
    expect(r.unbalancedTriangles).toHaveLength(1);
    expect(r.unbalancedTriangles[0]!.pattern).toBe('---');
  });

  it('a ++− triangle is unbalanced in both senses, with its sides and relations listed', () => {
    const r = balanceAt(
      signedModel([
        ['a', 'b', '+'],
        ['b', 'c', '+'],
        ['a', 'c', '-'],
      ]),
      T,
    );
    expect(r.counts).toEqual({ ppp: 0, ppn: 1, pnn: 0, nnn: 0, total: 1 });
    expect(r.balancedShare).toBe(0);
    expect(r.weaklyBalancedShare).toBe(0);
    const [tri] = r.unbalancedTriangles;
    expect(tri!.pattern).toBe('++-');
    expect([...tri!.actors].sort()).toEqual(['a', 'b', 'c']);
    const sides = tri!.sides.map((s) => [[...s.actors].sort().join(''), s.sign, s.relations]);
    expect(sides.sort()).toEqual([
      ['ab', 1, ['a-b-0-0']],
      ['ac', -1, ['a-c-2-0']],
      ['bc', 1, ['b-c-1-0']],
    ]);
  });

  it('counts the components of a disconnected graph together', () => {
    const r = balanceAt(
      signedModel([
        ['a', 'b', '+'],
        ['b', 'c', '+'],
        ['a', 'c', '+'],
        ['x', 'y', '+'],
        ['y', 'z', '-'],
        ['x', 'z', '+'],
      ]),
      T,
    );
    expect(r.counts).toEqual({ ppp: 1, ppn: 1, pnn: 0, nnn: 0, total: 2 });
    expect(r.balancedShare).toBe(0.5);
    expect(r.weaklyBalancedShare).toBe(0.5);
    expect(r.unbalancedTriangles.map((t) => [...t.actors].sort().join(''))).toEqual(['xyz']);
  });

  it('has no share without triangles', () => {
    const r = balanceAt(
      signedModel([
        ['a', 'b', '+'],
        ['b', 'c', '-'],
        ['c', 'd', '-'],
        ['d', 'a', '-'],
      ]),
      T,
    );
    expect(r.counts.total).toBe(0);
    expect(r.balancedShare).toBeNull();
    expect(r.weaklyBalancedShare).toBeNull();
  });

  it('leaves neutral and mixed pairs out of triangles', () => {
    const neutral = balanceAt(
      signedModel([
        ['a', 'b', '+'],
        ['b', 'c', '+'],
        ['a', 'c', '0'],
      ]),
      T,
    );
    expect(neutral.counts.total).toBe(0);
    expect(neutral).toMatchObject({ signedPairs: 2, neutralPairs: 1, mixedPairs: 0 });
    const mixed = balanceAt(
      signedModel([
        ['a', 'b', '+'],
        ['b', 'c', '+'],
        ['a', 'c', '+-'],
      ]),
      T,
    );
    expect(mixed.counts.total).toBe(0);
    expect(mixed).toMatchObject({ signedPairs: 2, neutralPairs: 0, mixedPairs: 1 });
    // A positive pair that also has contact is still positive.
    const withContact = balanceAt(
      signedModel([
        ['a', 'b', '+'],
        ['a', 'b', '0'],
        ['b', 'c', '+'],
        ['a', 'c', '-'],
      ]),
      T,
    );
    expect(withContact.counts).toMatchObject({ ppn: 1, total: 1 });
  });

  it('only counts relations active at the day', () => {
    const d = signedDataset([
      ['a', 'b', '+'],
      ['b', 'c', '+'],
      ['a', 'c', '-'],
    ]);
    d.relations[2]!.from = '2010';
    const m = buildAnalysisModel(d);
    expect(balanceAt(m, T).counts.total).toBe(0);
    expect(balanceAt(m, toDay('2010')).counts).toMatchObject({ ppn: 1, total: 1 });
  });
});

/** Triangles by checking every triple: the reference for the degree-ordered enumeration. */
function naiveCounts(g: SignedEdgeList) {
  const sign = new Map<number, number>();
  for (let e = 0; e < g.u.length; e++) {
    sign.set(g.u[e]! * g.n + g.v[e]!, g.sign[e]!);
    sign.set(g.v[e]! * g.n + g.u[e]!, g.sign[e]!);
  }
  const byNeg = [0, 0, 0, 0];
  for (let a = 0; a < g.n; a++)
    for (let b = a + 1; b < g.n; b++)
      for (let c = b + 1; c < g.n; c++) {
        const s = [sign.get(a * g.n + b), sign.get(b * g.n + c), sign.get(a * g.n + c)];
        if (s.some((x) => x === undefined)) continue;
        byNeg[s.filter((x) => x! < 0).length]!++;
      }
  const [ppp, ppn, pnn, nnn] = byNeg as [number, number, number, number];
  return { ppp, ppn, pnn, nnn, total: ppp + ppn + pnn + nnn };
}

describe('triangle enumeration', () => {
  it('matches a check of every triple on random signed graphs', () => {
    fc.assert(
      fc.property(signedGraphArb(14), (g) => {
        expect(countTriangles(g)).toEqual(naiveCounts(g));
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('balance of the seed', () => {
  const model = seedModel();
  it('has consistent numbers in 2025', () => {
    const r = balanceAt(model, toDay('2025'));
    const { ppp, ppn, pnn, nnn, total } = r.counts;
    expect(ppp + ppn + pnn + nnn).toBe(total);
    expect(total).toBeGreaterThan(0);
    expect(r.balanced + r.unbalanced).toBe(total);
    expect(r.balancedShare).toBeCloseTo((ppp + pnn) / total);
    expect(r.weaklyBalancedShare).toBeCloseTo((total - ppn) / total);
    expect(r.unbalancedTriangles).toHaveLength(ppn + nnn);
    for (const tri of r.unbalancedTriangles)
      for (const side of tri.sides) expect(side.relations.length).toBeGreaterThan(0);
  });
});
