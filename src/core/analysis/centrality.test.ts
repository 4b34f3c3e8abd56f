import { describe, expect, it } from 'vitest';
import { toDay } from '../dates';
import { betweennessAt, centralitySeries, degreeAt, rankingAt } from './centrality';
import { seedModel, signedModel } from './testFixtures';

const T = toDay('2000');

describe('centrality on a hand-made graph', () => {
  // a —(+)— b —(−)— c —(0)— d, plus a second, hostile relation a—b
  const m = signedModel([
    ['a', 'b', '+'],
    ['a', 'b', '-'],
    ['b', 'c', '-'],
    ['c', 'd', '0'],
  ]);

  it('counts active relations by polarity', () => {
    expect(degreeAt(m, 'b', T)).toEqual({ positive: 1, negative: 2, neutral: 0, total: 3 });
    expect(degreeAt(m, 'd', T)).toEqual({ positive: 0, negative: 0, neutral: 1, total: 1 });
    expect(degreeAt(m, 'nobody', T).total).toBe(0);
  });

  it('computes betweenness on the unsigned simple graph (a path a–b–c–d)', () => {
    const raw = betweennessAt(m, T, { normalized: false });
    expect(Object.fromEntries(raw)).toEqual({ a: 0, b: 2, c: 2, d: 0 });
    const norm = betweennessAt(m, T);
    expect(norm.get('b')).toBeCloseTo(norm.get('c')!);
    expect(norm.get('b')!).toBeGreaterThan(0);
  });

  it('ranks actors by a measure, ties by label', () => {
    expect(rankingAt(m, T, 'degree').map((r) => [r.actor, r.value])).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 2],
      ['d', 1],
    ]);
    expect(rankingAt(m, T, 'negative')[0]).toMatchObject({ actor: 'b', label: 'B', value: 2 });
    expect(
      rankingAt(m, T, 'betweenness')
        .map((r) => r.actor)
        .slice(0, 2),
    ).toEqual(['b', 'c']);
  });
});

describe('centrality on the seed', () => {
  const seed = seedModel();
  it('follows Pakistan from support to hostility', () => {
    const days = ['1990', '2000', '2023'].map(toDay);
    const series = centralitySeries(seed, 'afghan-taliban', days);
    expect(series.map((p) => p.day)).toEqual(days);
    expect(series[0]).toMatchObject({ positive: 0, negative: 0, betweenness: 0 }); // not yet founded
    expect(series[1]!.positive).toBeGreaterThan(0);
    expect(series[2]!.negative).toBeGreaterThan(0);
    for (const [i, p] of series.entries()) {
      expect(p).toMatchObject(degreeAt(seed, 'afghan-taliban', days[i]!));
      expect(p.betweenness).toBeCloseTo(betweennessAt(seed, days[i]!).get('afghan-taliban') ?? 0);
    }
  });

  it('ranks Pakistan first by degree in 2025', () => {
    expect(rankingAt(seed, toDay('2025'), 'degree')[0]!.actor).toBe('pakistan');
  });
});
