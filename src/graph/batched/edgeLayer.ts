/**
 * Edges kept on an offscreen canvas between frames, redrawn only where they
 * changed.
 *
 * During playback the camera stands still and a step adds or removes a few
 * dozen of the thousands of edges drawn, yet Cytoscape clears its main layer
 * every frame, and stroking every edge again was a third of a step's samples
 * at 5,000 actors. Here each frame compares
 * the edges in sight with those the layer holds (same geometry array, same
 * look, same batch), marks the cells of a grid that a changed, added or
 * removed edge crosses (dirtyGrid.ts), clears those cells and strokes in them,
 * clipped, every edge that may reach into them, batch by batch in the order
 * a whole redraw uses (paths.ts). Every other pixel is as the layer already
 * holds it, so the picture is the one a whole redraw gives. A new pan, zoom,
 * canvas size or density redraws the layer whole, as does a change that
 * covers half of it. In a graph as dense as the benchmark's L most edges cross
 * some change, so a step there costs about what a whole redraw does
 * (docs/PERFORMANCE.md, "Frames at L and XL"); frames where no edge changed
 * only copy the layer.
 */
import { DirtyGrid, type ScaleTranslate } from './dirtyGrid';
import type { RenderedElement } from './internals';
import type { EdgeLook } from './looks';
import { EdgeBatches, type EdgesInSight, type GroupedEdges } from './paths';

/** Above this share of the canvas changed, the layer is redrawn whole: clipping would not pay. */
const MAX_DIRTY_SHARE = 0.5;
/** Device pixels of anti-aliasing around a stroke. */
const AA_PX = 2;

/** What the layer's pixels of one edge were drawn from. */
interface HeldEdge {
  geometry: readonly number[];
  curved: boolean;
  look: EdgeLook;
  batch: string;
  /** Half the width it is stroked at, in graph units. */
  halfWidth: number;
  /** Its arrow's tip and reach (graph units), if it has one. */
  tip: { x: number; y: number; reach: number } | null;
  /** The grid cells its pixels may touch, for the layer's key `cellsKey`. */
  cells: Int32Array | null;
  cellsKey: string;
  /** The frame that last drew or kept it. */
  seen: number;
}

/** How the layer was brought up to date in a frame. */
export type LayerUpdate = 'whole' | 'cells' | 'kept';

export class EdgeLayer {
  private canvas: HTMLCanvasElement | null = null;
  private context: CanvasRenderingContext2D | null = null;
  private grid: DirtyGrid | null = null;
  private key = '';
  private held = new Map<RenderedElement, HeldEdge>();
  private frame = 0;
  /** Frames by how the layer was updated (unit tests and benchmarks read it). */
  readonly updates: Record<LayerUpdate, number> = { whole: 0, cells: 0, kept: 0 };

  constructor(
    private readonly batches = new EdgeBatches(),
    private readonly makeCanvas = () => document.createElement('canvas'),
  ) {}

  /**
   * Brings the layer up to date with the edges in sight (at `scale` device pixels per graph
   * unit), then copies it onto `target`, whose transform is the frame's pan and zoom.
   */
  draw(target: CanvasRenderingContext2D, sight: EdgesInSight, scale: number): void {
    const grouped = this.batches.group(sight, scale);
    const context = this.layerContext(target);
    if (!context) {
      this.batches.stroke(target, grouped);
      return;
    }
    const { width, height } = target.canvas;
    const t = target.getTransform();
    const key = `${t.a},${t.b},${t.c},${t.d},${t.e},${t.f},${width},${height},${grouped.dense}`;
    // Cytoscape only pans and zooms; anything else is redrawn whole every frame.
    const same = key === this.key && t.b === 0 && t.c === 0;
    this.key = key;
    if (!this.grid || this.grid.width !== width || this.grid.height !== height)
      this.grid = new DirtyGrid(width, height);
    const grid = this.grid;
    grid.clear();
    this.hold(grouped, same ? grid : null, t);
    if (!same || grid.share > MAX_DIRTY_SHARE) {
      this.updates.whole++;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, width, height);
      context.setTransform(t);
      this.batches.stroke(context, grouped);
    } else if (grid.count > 0) {
      this.updates.cells++;
      this.redrawCells(context, grid, t, grouped);
    } else this.updates.kept++;
    target.save();
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.drawImage(context.canvas, 0, 0);
    target.restore();
  }

  /** The offscreen canvas at the target's size; null where no 2D context can be had. */
  private layerContext(target: CanvasRenderingContext2D): CanvasRenderingContext2D | null {
    if (!this.context) {
      this.canvas = this.makeCanvas();
      this.context = this.canvas.getContext('2d');
      if (!this.context) return null;
    }
    const canvas = this.canvas!;
    if (canvas.width !== target.canvas.width || canvas.height !== target.canvas.height) {
      canvas.width = target.canvas.width;
      canvas.height = target.canvas.height;
      this.key = '';
    }
    return this.context;
  }

  /**
   * Records the frame's edges as the layer's, marking on `grid` (when given) where the pixels
   * of an edge that changed, came or went were and are.
   */
  private hold(grouped: GroupedEdges, grid: DirtyGrid | null, t: ScaleTranslate): void {
    const frame = ++this.frame;
    for (const batch of grouped.batches)
      for (let e = 0; e < batch.edges.length; e++) {
        const ele = batch.edges[e]!;
        const geometry = batch.geometry[e] as readonly number[];
        const look = batch.looks[e]!;
        const before = this.held.get(ele);
        if (before?.geometry === geometry && before.look === look && before.batch === batch.key) {
          before.seen = frame;
          continue;
        }
        const rs = ele._private.rscratch;
        const tipX = rs.arrowEndX;
        const tipY = rs.arrowEndY;
        const now: HeldEdge = {
          geometry,
          curved: rs.edgeType === 'bezier' || rs.edgeType === 'multibezier',
          look,
          batch: batch.key,
          halfWidth: batch.width / 2,
          tip:
            look.arrow && tipX !== undefined && tipY !== undefined
              ? { x: tipX, y: tipY, reach: look.arrow.size + batch.width }
              : null,
          cells: null,
          cellsKey: '',
          seen: frame,
        };
        if (grid) {
          if (before) grid.mark(this.cellsOf(before, grid, t));
          grid.mark(this.cellsOf(now, grid, t));
        }
        this.held.set(ele, now);
      }
    for (const [ele, before] of this.held)
      if (before.seen !== frame) {
        if (grid) grid.mark(this.cellsOf(before, grid, t));
        this.held.delete(ele);
      }
  }

  /** The cells an edge's pixels may touch at the layer's current pan and zoom. */
  private cellsOf(edge: HeldEdge, grid: DirtyGrid, t: ScaleTranslate): Int32Array {
    if (edge.cells && edge.cellsKey === this.key) return edge.cells;
    const tip = edge.tip && { x: edge.tip.x, y: edge.tip.y, pad: edge.tip.reach * t.a + AA_PX };
    edge.cells = grid.cellsOfLine(edge.geometry, edge.curved, edge.halfWidth * t.a + AA_PX, t, tip);
    edge.cellsKey = this.key;
    return edge.cells;
  }

  /**
   * Clears the marked cells and strokes in them, clipped, every edge that crosses one: the same
   * batches in the same order as a whole redraw, so the same pixels.
   */
  private redrawCells(
    context: CanvasRenderingContext2D,
    grid: DirtyGrid,
    t: DOMMatrix,
    grouped: GroupedEdges,
  ): void {
    context.save();
    // Cells are whole device pixels, so clearing and clipping leave no half-covered pixel.
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.beginPath();
    for (const c of grid.rects()) {
      context.rect(c.x, c.y, c.w, c.h);
      context.clearRect(c.x, c.y, c.w, c.h);
    }
    context.clip();
    context.setTransform(t);
    this.batches.stroke(context, grouped, (ele) =>
      grid.anyMarked(this.cellsOf(this.held.get(ele)!, grid, t)),
    );
    context.restore();
  }
}
