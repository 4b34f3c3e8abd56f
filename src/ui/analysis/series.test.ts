import { describe, expect, it } from 'vitest';
import { niceMax, runsOf, stepPath, valueAt } from './series';

describe('stepPath', () => {
  const y = (v: number) => 100 - v * 100;

  it('draws steps from each point to the next, then to the end', () => {
    const d = stepPath(
      [
        { day: 10, value: 1 },
        { day: 20, value: 0.5 },
      ],
      10,
      40,
      y,
    );
    expect(d).toBe('M0,0H10V50H30');
  });

  it('breaks the line where there is no value, and clips to the range', () => {
    const d = stepPath(
      [
        { day: 0, value: 1 },
        { day: 20, value: null },
        { day: 30, value: 0 },
      ],
      10,
      40,
      y,
    );
    expect(d).toBe('M0,0H10M20,100H30');
  });

  it('is empty without points', () => {
    expect(stepPath([], 0, 10, y)).toBe('');
  });
});

describe('runsOf', () => {
  it('merges neighbours with equal values and ends the last run at `end`', () => {
    const runs = runsOf(
      [
        { day: 1, value: 'a' },
        { day: 3, value: 'a' },
        { day: 5, value: 'b' },
        { day: 8, value: 'a' },
      ],
      10,
    );
    expect(runs).toEqual([
      { from: 1, to: 5, value: 'a' },
      { from: 5, to: 8, value: 'b' },
      { from: 8, to: 10, value: 'a' },
    ]);
  });

  it('uses the given equality', () => {
    const runs = runsOf(
      [
        { day: 1, value: { n: 1 } },
        { day: 2, value: { n: 1 } },
      ],
      3,
      (p, q) => p.n === q.n,
    );
    expect(runs).toHaveLength(1);
  });
});

describe('niceMax and valueAt', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.67, 1, 3, 7, 10, 11, 240].map(niceMax)).toEqual([1, 1, 1, 5, 10, 10, 20, 500]);
  });

  it('reads a step series at a day', () => {
    const pts = [
      { day: 5, value: 1 },
      { day: 9, value: 2 },
    ];
    expect([4, 5, 8, 9, 100].map((d) => valueAt(pts, d))).toEqual([null, 1, 1, 2, 2]);
  });
});
