/**
 * Where a frame changed, as cells of a grid over the canvas (device pixels).
 *
 * The edge layer (edgeLayer.ts) redraws only the cells a step's changed edges
 * cross, and in them only the edges that cross them too. An edge is listed
 * along its line (the cells its stroke may touch), not by its bounding box: a
 * long diagonal relation's box covers a large part of the canvas, its line a
 * thin chain of cells.
 */

/** Cell size in device pixels: small enough to follow a line, few enough to count fast. */
export const CELL_PX = 16;

/** Graph units to device pixels: `x * a + e`, `y * d + f` (Cytoscape pans and zooms only). */
export interface ScaleTranslate {
  a: number;
  d: number;
  e: number;
  f: number;
}

/** A rectangle in device pixels. */
export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class DirtyGrid {
  readonly cols: number;
  readonly rows: number;
  private readonly cells: Uint8Array;
  /** Which cells the line being listed already has (`cellsOfLine`), by its stamp. */
  private readonly listed: Int32Array;
  private stamp = 0;
  private marked = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly cell = CELL_PX,
  ) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    this.cells = new Uint8Array(this.cols * this.rows);
    this.listed = new Int32Array(this.cols * this.rows);
  }

  /** Cells marked since the last `clear`. */
  get count(): number {
    return this.marked;
  }

  /** Share of the canvas marked, 0 to 1. */
  get share(): number {
    return this.marked / this.cells.length;
  }

  clear(): void {
    this.cells.fill(0);
    this.marked = 0;
  }

  /** Marks cells (from `cellsOfLine`). */
  mark(cells: Int32Array): void {
    for (let k = 0; k < cells.length; k++) {
      const i = cells[k]!;
      if (this.cells[i] === 0) {
        this.cells[i] = 1;
        this.marked++;
      }
    }
  }

  /** Whether any of these cells (from `cellsOfLine`) is marked. */
  anyMarked(cells: Int32Array): boolean {
    for (let k = 0; k < cells.length; k++) if (this.cells[cells[k]!] === 1) return true;
    return false;
  }

  /**
   * The cells a stroke may touch, each once: the path Cytoscape computed for an edge (`pts`,
   * graph units: a start point, then quadratic control and end points when `curved`, else
   * corner points), `pad` device pixels either side of it (half its width, anti-aliasing);
   * with `tip`, also a square of `tip.pad` device pixels around that point (graph units: where
   * its arrow is). Each segment is cut into pieces no longer than a cell, so that each piece's
   * box is small. Cells off the canvas are left out.
   */
  cellsOfLine(
    pts: readonly number[],
    curved: boolean,
    pad: number,
    t: ScaleTranslate,
    tip: { x: number; y: number; pad: number } | null = null,
  ): Int32Array {
    const out: number[] = [];
    this.stamp++;
    const step = curved ? 4 : 2;
    let x0 = pts[0]! * t.a + t.e;
    let y0 = pts[1]! * t.d + t.f;
    for (let i = 2; i + step - 1 < pts.length; i += step) {
      const cx = pts[i]! * t.a + t.e;
      const cy = pts[i + 1]! * t.d + t.f;
      const x1 = curved ? pts[i + 2]! * t.a + t.e : cx;
      const y1 = curved ? pts[i + 3]! * t.d + t.f : cy;
      // A straight segment is a quadratic whose control point is its midpoint.
      const mx = curved ? cx : (x0 + x1) / 2;
      const my = curved ? cy : (y0 + y1) / 2;
      const hull = Math.hypot(mx - x0, my - y0) + Math.hypot(x1 - mx, y1 - my);
      const n = Math.max(1, Math.ceil(hull / this.cell));
      // How far the curve strays from a chord over a parameter interval h: |p0 − 2c + p1| h² / 4.
      const p = pad + Math.hypot(x0 - 2 * mx + x1, y0 - 2 * my + y1) / (4 * n * n);
      let px = x0;
      let py = y0;
      for (let k = 1; k <= n; k++) {
        const s = k / n;
        const u = 1 - s;
        const qx = u * u * x0 + 2 * s * u * mx + s * s * x1;
        const qy = u * u * y0 + 2 * s * u * my + s * s * y1;
        this.listBox(
          out,
          Math.min(px, qx) - p,
          Math.min(py, qy) - p,
          Math.max(px, qx) + p,
          Math.max(py, qy) + p,
        );
        px = qx;
        py = qy;
      }
      x0 = x1;
      y0 = y1;
    }
    if (tip) {
      const x = tip.x * t.a + t.e;
      const y = tip.y * t.d + t.f;
      this.listBox(out, x - tip.pad, y - tip.pad, x + tip.pad, y + tip.pad);
    }
    return Int32Array.from(out);
  }

  /** The cells a box (device pixels) touches, appended to `out` unless this line has them. */
  private listBox(out: number[], x1: number, y1: number, x2: number, y2: number): void {
    const c1 = Math.max(0, Math.floor(x1 / this.cell));
    const c2 = Math.min(this.cols - 1, Math.floor(x2 / this.cell));
    const r1 = Math.max(0, Math.floor(y1 / this.cell));
    const r2 = Math.min(this.rows - 1, Math.floor(y2 / this.cell));
    for (let row = r1; row <= r2; row++)
      for (let col = c1; col <= c2; col++) {
        const i = row * this.cols + col;
        if (this.listed[i] !== this.stamp) {
          this.listed[i] = this.stamp;
          out.push(i);
        }
      }
  }

  /** The marked cells as rectangles (runs along each row), within the canvas. */
  rects(): PixelRect[] {
    const out: PixelRect[] = [];
    for (let row = 0; row < this.rows; row++) {
      let col = 0;
      while (col < this.cols) {
        if (this.cells[row * this.cols + col] === 0) {
          col++;
          continue;
        }
        const start = col;
        while (col < this.cols && this.cells[row * this.cols + col] === 1) col++;
        const x = start * this.cell;
        const y = row * this.cell;
        out.push({
          x,
          y,
          w: Math.min(col * this.cell, this.width) - x,
          h: Math.min((row + 1) * this.cell, this.height) - y,
        });
      }
    }
    return out;
  }
}
