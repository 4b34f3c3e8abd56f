import { describe, expect, it } from 'vitest';
import { DirtyGrid } from './dirtyGrid';

const IDENTITY = { a: 1, d: 1, e: 0, f: 0 };

/** Cells as "col,row" strings, for readable expectations. */
const named = (grid: DirtyGrid, cells: Int32Array) =>
  Array.from(cells, (i) => `${i % grid.cols},${Math.floor(i / grid.cols)}`);

describe('DirtyGrid', () => {
  it('lists the cells along a long diagonal line, not its bounding box, each once', () => {
    const grid = new DirtyGrid(320, 320, 32);
    const cells = named(grid, grid.cellsOfLine([5, 5, 315, 315], false, 1, IDENTITY));
    expect(new Set(cells).size).toBe(cells.length);
    // The diagonal cells and their neighbours where the padded pieces straddle a corner.
    expect(cells.length).toBeGreaterThanOrEqual(10);
    expect(cells.length).toBeLessThan(40);
    expect(cells).toContain('0,0');
    expect(cells).toContain('9,9');
    expect(cells).not.toContain('9,0');
    expect(cells).not.toContain('0,9');
  });

  it('covers a quadratic curve where it bends away from its chord', () => {
    const grid = new DirtyGrid(320, 320, 32);
    // From (10, 300) to (310, 300), pulled up by a control point at (160, 0): the curve's
    // apex is at y = 150, far from the straight chord along y = 300.
    const cells = new Set(
      named(grid, grid.cellsOfLine([10, 300, 160, 0, 310, 300], true, 1, IDENTITY)),
    );
    expect(cells.has('5,9')).toBe(false);
    for (let s = 0; s <= 1; s += 0.01) {
      const x = (1 - s) ** 2 * 10 + 2 * s * (1 - s) * 160 + s ** 2 * 310;
      const y = (1 - s) ** 2 * 300 + s ** 2 * 300;
      expect(cells.has(`${Math.floor(x / 32)},${Math.floor(y / 32)}`), `t=${s}`).toBe(true);
    }
  });

  it("maps graph units to device pixels with the frame's pan and zoom, and adds the arrow's tip", () => {
    const grid = new DirtyGrid(320, 320, 32);
    // Graph (0, 0) → device (100, 200); 2 px per unit.
    const t = { a: 2, d: 2, e: 100, f: 200 };
    expect(named(grid, grid.cellsOfLine([0, 0, 10, 0], false, 0.5, t))).toEqual(['3,6']);
    const tip = { x: 40, y: 0, pad: 4 }; // device (180, 200)
    expect(named(grid, grid.cellsOfLine([0, 0, 10, 0], false, 0.5, t, tip))).toEqual([
      '3,6',
      '5,6',
    ]);
  });

  it('leaves out cells off the canvas', () => {
    const grid = new DirtyGrid(100, 70, 32);
    expect([grid.cols, grid.rows]).toEqual([4, 3]);
    expect(grid.cellsOfLine([-500, -500, -400, -400], false, 1, IDENTITY)).toHaveLength(0);
    expect(named(grid, grid.cellsOfLine([90, 60, 500, 60], false, 1, IDENTITY))).toEqual([
      '2,1',
      '3,1',
    ]);
  });

  it('marks cells, counts each once, and says whether a line meets one', () => {
    const grid = new DirtyGrid(100, 70, 32);
    const line = grid.cellsOfLine([10, 10, 50, 10], false, 1, IDENTITY);
    grid.mark(line);
    grid.mark(line);
    expect(grid.count).toBe(2);
    expect(grid.share).toBeCloseTo(2 / 12);
    expect(grid.anyMarked(grid.cellsOfLine([40, 5, 40, 60], false, 1, IDENTITY))).toBe(true);
    expect(grid.anyMarked(grid.cellsOfLine([80, 40, 90, 60], false, 1, IDENTITY))).toBe(false);
    grid.clear();
    expect(grid.count).toBe(0);
    expect(grid.anyMarked(line)).toBe(false);
  });

  it('gives the marked cells as row runs clipped to the canvas', () => {
    const grid = new DirtyGrid(100, 40, 32);
    grid.mark(grid.cellsOfLine([0, 3, 99, 3], false, 1, IDENTITY));
    grid.mark(grid.cellsOfLine([70, 37, 99, 37], false, 1, IDENTITY));
    expect(grid.rects()).toEqual([
      { x: 0, y: 0, w: 100, h: 32 },
      { x: 64, y: 32, w: 36, h: 8 },
    ]);
  });
});
