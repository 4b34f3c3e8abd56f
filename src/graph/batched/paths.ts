/**
 * Drawing in batches: which edges a frame strokes (the batches themselves are
 * in edgeBatches.ts), and nodes, every node of one fill and border one
 * subpath of a single Path2D, filled and stroked once.
 */
import type { EdgeLook, NodeLook } from './looks';
import {
  intersects,
  type Box,
  type CanvasRendererInternals,
  type EdgeScratch,
  type RenderedElement,
} from './internals';

const BATCHABLE_EDGES = new Set(['bezier', 'multibezier', 'straight', 'segments']);

/**
 * How an edge's geometry is drawn: not at all (Cytoscape skips it too: its ends overlap, or
 * it has no points yet), in a batch, or by Cytoscape (round or other curve kinds).
 */
type EdgeDrawing = 'none' | 'batch' | 'cytoscape';

/**
 * What a frame needs of an edge's geometry: its bounding box (without its width and arrow),
 * how it is drawn, and the geometry array both were read from.
 */
export interface EdgeBox extends Box {
  pts: readonly number[];
  drawing: EdgeDrawing;
}

/**
 * An edge's box, kept in `holder` (its z-order record) while the geometry is the same:
 * Cytoscape makes a new `allpts` array whenever it recomputes an edge (an end moved, a
 * parallel edge came or went; `badLine`, the curve kind and the arrow are set in the same
 * pass), so during playback almost every edge keeps its box and no frame reads its other
 * geometry fields.
 */
function edgeBox(
  rs: EdgeScratch,
  pts: readonly number[],
  holder: { box: EdgeBox | null } | null,
): EdgeBox {
  const kept = holder?.box;
  if (kept && kept.pts === pts) return kept;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i]!;
    const y = pts[i + 1]!;
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  const drawing: EdgeDrawing =
    rs.badLine || pts.length < 4 || Number.isNaN(pts[0])
      ? 'none'
      : BATCHABLE_EDGES.has(rs.edgeType ?? '') && !rs.isRound
        ? 'batch'
        : 'cytoscape';
  const box = { pts, x1, y1, x2, y2, drawing };
  if (holder) holder.box = box;
  return box;
}

/** Edges of one frame that are in sight, their looks and their geometry arrays. */
export class EdgesInSight {
  /** Parallel arrays rather than tuples: no allocation per edge and frame. */
  readonly edges: RenderedElement[] = [];
  readonly looks: EdgeLook[] = [];
  readonly geometry: (readonly number[])[] = [];

  constructor(private readonly extent: Box) {}

  /**
   * Takes an edge if it is in sight; false if its geometry is of a kind batched elsewhere.
   * `holder` keeps its box between frames.
   */
  add(ele: RenderedElement, look: EdgeLook, holder: { box: EdgeBox | null } | null): boolean {
    const rs = ele._private.rscratch;
    const pts = rs.allpts;
    if (!pts) return true;
    const { x1, y1, x2, y2, drawing } = edgeBox(rs, pts, holder);
    if (drawing !== 'batch') return drawing === 'none';
    const pad = look.pad;
    const e = this.extent;
    if (x2 + pad >= e.x1 && x1 - pad <= e.x2 && y2 + pad >= e.y1 && y1 - pad <= e.y2) {
      this.edges.push(ele);
      this.looks.push(look);
      this.geometry.push(pts);
    }
    return true;
  }
}

/** A node as drawn in one frame. */
export interface NodeRecord {
  ele: RenderedElement;
  /** null: Cytoscape draws it (selected, double border…). */
  look: NodeLook | null;
  x: number;
  y: number;
  /** Body, label and overlays, in graph units. */
  bb: Box;
  /** Whether its label is drawn at this zoom. */
  label: boolean;
}

/**
 * Draws nodes in z-order groups: batched bodies, then the ones Cytoscape draws, then labels
 * (from Cytoscape's label textures) so no node covers another's label. With `clip`, only
 * nodes that touch one of those boxes are drawn (the caller clips the context to them).
 */
export function drawNodes(
  r: CanvasRendererInternals,
  context: CanvasRenderingContext2D,
  nodes: readonly NodeRecord[],
  pxRatio: number,
  extent: Box,
  clip: readonly Box[] | null,
): void {
  const shapes = new Map<string, { path: Path2D; look: NodeLook }>();
  const special: NodeRecord[] = [];
  const labelled: NodeRecord[] = [];
  for (const n of nodes) {
    if (!intersects(extent, n.bb)) continue;
    if (clip && !clip.some((c) => intersects(c, n.bb))) continue;
    const look = n.look;
    if (!look) {
      special.push(n);
      continue;
    }
    if (n.label) labelled.push(n);
    let batch = shapes.get(look.shapeKey);
    if (!batch) {
      batch = { path: new Path2D(), look };
      shapes.set(look.shapeKey, batch);
    }
    // Cytoscape's own shape code, straight into the batch. Polygons and rounded rectangles
    // start with moveTo; an ellipse does not, so begin its subpath where its arc begins.
    batch.path.moveTo(n.x + look.w / 2, n.y);
    r.nodeShapes[look.shape]!.draw(batch.path, n.x, n.y, look.w, look.h, look.cornerRadius, {});
  }

  context.save();
  context.setLineDash([]);
  for (const { path, look } of shapes.values()) {
    context.fillStyle = look.fill;
    context.fill(path);
    if (look.border) {
      context.lineWidth = look.borderWidth;
      context.strokeStyle = look.border;
      context.stroke(path);
    }
  }
  context.restore();
  for (const n of special) r.drawCachedElement(context, n.ele, pxRatio, extent);
  const cache = r.data.lblTxrCache;
  for (const n of labelled)
    r.drawCachedElementPortion(
      context,
      n.ele,
      cache,
      pxRatio,
      undefined,
      null,
      noRotation,
      textOpacity,
    );
}

const noRotation = () => 0;
const textOpacity = (_r: unknown, ele: RenderedElement) =>
  ele.pstyle('text-opacity').pfValue * ele.effectiveOpacity();
