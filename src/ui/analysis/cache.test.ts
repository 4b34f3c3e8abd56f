import { describe, expect, it } from 'vitest';
import { balanceAt, balanceOverTime } from '../../core/analysis';
import { seedModel } from '../../core/analysis/testFixtures';
import { toDay } from '../../core/dates';
import { balanceAtDay, balanceSeries, memoPerModel, seriesDays } from './cache';
import { changeDaysOf, stateDay } from './stateDay';

const model = seedModel();

describe('state days', () => {
  it('map every day to the last change at or before it, with the same graph', () => {
    const changes = changeDaysOf(model);
    for (const day of [toDay('1988-06-01'), toDay('2021-09-04'), toDay('2025-03-01')]) {
      const s = stateDay(model, day);
      expect(s).toBeLessThanOrEqual(day);
      expect(changes.some((c) => c > s && c <= day)).toBe(false);
      expect(model.index.stateAt(s)).toEqual(model.index.stateAt(day));
    }
    expect(stateDay(model, changes[0]! - 100)).toBe(changes[0]! - 1);
  });

  it('give the same balance as the day itself', () => {
    const day = toDay('2021-09-04');
    const cached = balanceAtDay(model, stateDay(model, day));
    expect({ ...cached, day }).toEqual(balanceAt(model, day));
  });
});

describe('memoPerModel', () => {
  it('computes once per key and model, keeping the most recent keys', () => {
    let calls = 0;
    const f = memoPerModel((_m, k: number) => ++calls + k * 0, 2);
    expect([f(model, 1), f(model, 1)]).toEqual([1, 1]);
    f(model, 2);
    f(model, 3); // evicts 1
    expect(f(model, 1)).toBe(4);
    expect(f(model, 3)).toBe(3);
  });
});

describe('balance series', () => {
  it('samples the start and every change inside the period, exactly', () => {
    const days = seriesDays(model);
    const { start, end } = model.index;
    expect(days[0]).toBe(start);
    expect(days.every((d) => d >= start && d <= end)).toBe(true);
    expect(balanceSeries(model)).toEqual(balanceOverTime(model, days));
    expect(balanceSeries(model)).toBe(balanceSeries(model));
  });

  it('falls back to evenly spread days past the cap', () => {
    const days = seriesDays(model, 5);
    expect(days).toHaveLength(5);
    expect(days[0]).toBe(model.index.start);
    expect(days[4]).toBe(model.index.end);
  });
});
