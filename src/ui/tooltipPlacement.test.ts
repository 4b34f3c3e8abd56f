import { describe, expect, it } from 'vitest';
import {
  placeTooltip,
  TOOLTIP_CLEARANCE,
  type Placement,
  type Point,
  type Size,
} from './tooltipPlacement';

const SIZE: Size = { width: 120, height: 40 };
const BOUNDS: Size = { width: 800, height: 600 };
const anchor: Point = { x: 400, y: 300 };

const covered = (p: Placement, q: Point) =>
  q.x > p.left - TOOLTIP_CLEARANCE &&
  q.x < p.left + SIZE.width + TOOLTIP_CLEARANCE &&
  q.y > p.top - TOOLTIP_CLEARANCE &&
  q.y < p.top + SIZE.height + TOOLTIP_CLEARANCE;

describe('placeTooltip', () => {
  it('goes above the anchor when nothing is in the way', () => {
    const p = placeTooltip(anchor, SIZE, [], BOUNDS);
    expect(p.left).toBe(anchor.x - SIZE.width / 2);
    expect(p.top + SIZE.height).toBeLessThan(anchor.y);
  });

  it('moves away from neighbours above and to the right', () => {
    const neighbours = [
      { x: 400, y: 240 },
      { x: 470, y: 300 },
      { x: 450, y: 250 },
    ];
    const p = placeTooltip(anchor, SIZE, neighbours, BOUNDS);
    for (const q of [...neighbours, anchor]) expect(covered(p, q)).toBe(false);
  });

  it('finds a free corner when neighbours sit on all four sides', () => {
    const neighbours = [
      { x: 400, y: 240 },
      { x: 400, y: 360 },
      { x: 330, y: 300 },
      { x: 470, y: 300 },
    ];
    const p = placeTooltip(anchor, SIZE, neighbours, BOUNDS);
    for (const q of [...neighbours, anchor]) expect(covered(p, q)).toBe(false);
  });

  it('stays inside the canvas near its top edge, without covering the anchor', () => {
    const top = { x: 400, y: 10 };
    const p = placeTooltip(top, SIZE, [], BOUNDS);
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(covered(p, top)).toBe(false);
  });

  it('covers as few points as it can when every place is taken', () => {
    const crowd: Point[] = [];
    for (let x = 200; x <= 600; x += 20) for (let y = 150; y <= 450; y += 20) crowd.push({ x, y });
    const p = placeTooltip(anchor, SIZE, crowd, BOUNDS);
    expect(covered(p, anchor)).toBe(false);
  });
});
