import { describe, expect, it } from 'vitest';
import { fitPoints } from './viewport';

const screen = { width: 800, height: 600, padding: 40, radius: 10, minZoom: 0.1, maxZoom: 4 };

/** Where a graph point lands on screen under a viewport. */
const onScreen = (v: { zoom: number; pan: { x: number; y: number } }, x: number, y: number) => ({
  x: v.pan.x + v.zoom * x,
  y: v.pan.y + v.zoom * y,
});

describe('fitPoints', () => {
  it('centres the points and keeps every symbol inside the padding', () => {
    const v = fitPoints(
      [
        { x: -500, y: 0 },
        { x: 1500, y: 200 },
        { x: 300, y: -100 },
      ],
      screen,
    )!;
    // The wide side decides: 2020 graph units across 720 screen pixels.
    expect(v.zoom).toBeCloseTo(720 / 2020);
    expect(onScreen(v, -510, 0).x).toBeCloseTo(40);
    expect(onScreen(v, 1510, 0).x).toBeCloseTo(760);
    const top = onScreen(v, 0, -110).y;
    const bottom = onScreen(v, 0, 210).y;
    expect((top + bottom) / 2).toBeCloseTo(300);
  });

  it('keeps the zoom within its limits', () => {
    expect(fitPoints([{ x: 5, y: 5 }], screen)!.zoom).toBe(4);
    expect(
      fitPoints(
        [
          { x: 0, y: 0 },
          { x: 1e6, y: 0 },
        ],
        screen,
      )!.zoom,
    ).toBe(0.1);
  });

  it('has nothing to fit without points', () => {
    expect(fitPoints([], screen)).toBeNull();
  });
});
