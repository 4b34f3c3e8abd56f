import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb, probeDays } from '../../../tests/helpers/arbitraries';
import { buildAnalysisModel } from './analysisModel';
import { balanceAt } from './balance';
import { balanceOverTime, sampleDays } from './balanceOverTime';
import { seedModel } from './testFixtures';

describe('balanceOverTime', () => {
  it('gives the numbers of balanceAt at every day, in any order, with repeats', () => {
    fc.assert(
      fc.property(
        datasetArb.chain((d) =>
          fc.tuple(fc.constant(d), fc.shuffledSubarray(probeDays(d)), fc.nat()),
        ),
        ([d, days, k]) => {
          const model = buildAnalysisModel(d);
          if (days.length > 0) days.push(days[k % days.length]!);
          const series = balanceOverTime(model, days);
          expect(series.map((s) => s.day)).toEqual(days);
          series.forEach((s) => {
            const { counts, balancedShare, weaklyBalancedShare } = balanceAt(model, s.day);
            expect({ counts, balancedShare, weaklyBalancedShare }).toEqual({
              counts: s.counts,
              balancedShare: s.balancedShare,
              weaklyBalancedShare: s.weaklyBalancedShare,
            });
          });
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);

  it('samples 200 days of the seed', () => {
    const model = seedModel();
    const days = sampleDays(model.index.start, model.index.end, 200);
    expect(days).toHaveLength(200);
    const series = balanceOverTime(model, days);
    expect(
      series.every(
        (s) => s.balancedShare === null || (s.balancedShare >= 0 && s.balancedShare <= 1),
      ),
    ).toBe(true);
    expect(series.some((s) => s.counts.total > 0)).toBe(true);
  });
});

describe('sampleDays', () => {
  it('spreads whole days from start to end − 1 without repeats', () => {
    expect(sampleDays(0, 11, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(sampleDays(0, 3, 10)).toEqual([0, 1, 2]);
    expect(sampleDays(5, 6, 1)).toEqual([5]);
    expect(sampleDays(5, 5, 3)).toEqual([]);
  });
});
