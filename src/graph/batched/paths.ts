/**
 * Drawing in batches: every edge of one colour, style and width bucket is
 * one subpath of a single Path2D, stroked once; every node of one fill and
 * border is one subpath of a single Path2D, filled and stroked once.
 */
import type { ArrowLook, EdgeLook, NodeLook } from './looks';
import {
  intersects,
  type Box,
  type CanvasRendererInternals,
  type EdgeScratch,
  type RenderedElement,
} from './internals';

const BATCHABLE_EDGES = new Set(['bezier', 'multibezier', 'straight', 'segments']);

/** Edges in sight above which a zoomed-out view draws thin solid lines (see EdgeBatches). */
const DENSE_EDGES = 500;

/** An edge's bounding box (without its width and arrow), and the geometry it was read from. */
export interface EdgeBox extends Box {
  pts: readonly number[];
}

/**
 * An edge's bounding box, kept in `holder` (its z-order record) while the geometry is the
 * same: Cytoscape makes a new `allpts` array whenever it recomputes an edge (an end moved, a
 * parallel edge came or went), so during playback almost every edge keeps its box.
 */
function edgeBox(pts: readonly number[], holder: { box: EdgeBox | null } | null): EdgeBox {
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
  const box = { pts, x1, y1, x2, y2 };
  if (holder) holder.box = box;
  return box;
}

/** Edges of one frame that are in sight, and their looks. */
export class EdgesInSight {
  /** Two arrays rather than pairs: no allocation per edge and frame. */
  readonly edges: RenderedElement[] = [];
  readonly looks: EdgeLook[] = [];

  constructor(private readonly extent: Box) {}

  /**
   * Takes an edge if it is in sight; false if its geometry is of a kind batched elsewhere.
   * `holder` keeps its bounding box between frames.
   */
  add(ele: RenderedElement, look: EdgeLook, holder: { box: EdgeBox | null } | null): boolean {
    const rs = ele._private.rscratch;
    const pts = rs.allpts;
    if (rs.badLine || !pts || pts.length < 4 || Number.isNaN(pts[0])) return true;
    if (!BATCHABLE_EDGES.has(rs.edgeType ?? '') || rs.isRound) return false;
    const { x1, y1, x2, y2 } = edgeBox(pts, holder);
    const pad = look.pad;
    const e = this.extent;
    if (x2 + pad >= e.x1 && x1 - pad <= e.x2 && y2 + pad >= e.y1 && y1 - pad <= e.y2) {
      this.edges.push(ele);
      this.looks.push(look);
    }
    return true;
  }
}

/** Edges that share a colour, line style, width bucket and arrow: one stroke and one fill. */
interface Batch {
  look: EdgeLook;
  width: number;
  edges: RenderedElement[];
  /** Each edge's own look: the arrow's size follows the exact width. */
  looks: EdgeLook[];
  /** Each edge's geometry array: Cytoscape makes a new one whenever it recomputes an edge. */
  geometry: unknown[];
  lines: Path2D | null;
  arrows: Path2D | null;
}

/**
 * Strokes edges in batches, and keeps each batch's paths between frames: during playback a
 * step changes a few edges, so most batches hold the same edges with the same geometry as in
 * the frame before and are not rebuilt.
 *
 * A dense, zoomed-out view (more than DENSE_EDGES edges in sight, below 1:1) is drawn with
 * solid lines no wider than one device pixel: software rasterisers draw those several times
 * faster than wider or dashed ones (dashes cost per dash), and at that zoom widths below two
 * pixels are hard to tell apart anyway. Zoomed in, dashes and widths come back.
 */
export class EdgeBatches {
  private previous = new Map<string, Batch>();
  /** A look's batch at the current scale. */
  private keys = new Map<EdgeLook, { key: string; width: number }>();
  private keyScale = NaN;
  private keyDense = false;

  /** Strokes the edges in sight, at `scale` device pixels per graph unit. */
  draw(context: CanvasRenderingContext2D, sight: EdgesInSight, scale: number): void {
    const dense = sight.edges.length > DENSE_EDGES && scale < 1;
    if (scale !== this.keyScale || dense !== this.keyDense) {
      this.keys.clear();
      this.previous.clear();
      this.keyScale = scale;
      this.keyDense = dense;
    }
    // Widths vary continuously (strength): buckets of half a device pixel keep the number of
    // strokes to a few dozen.
    const step = 0.5 / scale;
    const maxWidth = dense ? 1 / scale : Infinity;
    const batches = new Map<string, Batch>();
    for (let e = 0; e < sight.edges.length; e++) {
      const look = sight.looks[e]!;
      let slot = this.keys.get(look);
      if (!slot) {
        const bucket = Math.max(1, Math.round(Math.min(look.width, maxWidth) / step));
        slot = { key: `${look.lineKey}|${bucket}|${look.arrow?.key ?? ''}`, width: bucket * step };
        this.keys.set(look, slot);
      }
      let batch = batches.get(slot.key);
      if (!batch) {
        batch = {
          look,
          width: slot.width,
          edges: [],
          looks: [],
          geometry: [],
          lines: null,
          arrows: null,
        };
        batches.set(slot.key, batch);
      }
      const ele = sight.edges[e]!;
      batch.edges.push(ele);
      batch.looks.push(look);
      batch.geometry.push(ele._private.rscratch.allpts);
    }

    context.save();
    context.lineJoin = 'round';
    context.lineCap = 'butt';
    for (const [key, batch] of batches) {
      const before = this.previous.get(key);
      if (before && sameItems(before.geometry, batch.geometry)) {
        batch.lines = before.lines;
        batch.arrows = before.arrows;
      } else buildPaths(batch);
      context.setLineDash(dense ? [] : batch.look.dash);
      context.lineWidth = batch.width;
      context.strokeStyle = batch.look.color;
      context.stroke(batch.lines!);
    }
    for (const batch of batches.values()) {
      if (!batch.arrows) continue;
      context.fillStyle = batch.look.arrow!.color;
      context.fill(batch.arrows);
    }
    context.restore();
    this.previous = batches;
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function buildPaths(batch: Batch): void {
  const lines = new Path2D();
  const arrows = batch.look.arrow ? new Path2D() : null;
  for (let e = 0; e < batch.edges.length; e++) {
    const rs = batch.edges[e]!._private.rscratch;
    const pts = rs.allpts!;
    lines.moveTo(pts[0]!, pts[1]!);
    if (rs.edgeType === 'bezier' || rs.edgeType === 'multibezier')
      for (let i = 2; i + 3 < pts.length; i += 4)
        lines.quadraticCurveTo(pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!);
    else for (let i = 2; i + 1 < pts.length; i += 2) lines.lineTo(pts[i]!, pts[i + 1]!);
    if (arrows) addArrow(arrows, batch.looks[e]!.arrow!, rs);
  }
  batch.lines = lines;
  batch.arrows = arrows;
}

/** A target arrow where Cytoscape placed it: its polygon rotated and scaled, or a circle. */
function addArrow(path: Path2D, arrow: ArrowLook, rs: EdgeScratch): void {
  const x = rs.arrowEndX;
  const y = rs.arrowEndY;
  if (x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y)) return;
  if (arrow.radius !== undefined) {
    const radius = arrow.radius * arrow.size;
    path.moveTo(x + radius, y);
    path.arc(x, y, radius, 0, 2 * Math.PI);
    return;
  }
  const p = arrow.points!;
  const angle = rs.tgtArrowAngle ?? 0;
  const cos = Math.cos(angle) * arrow.size;
  const sin = Math.sin(angle) * arrow.size;
  for (let i = 0; i < p.length; i += 2) {
    const px = x + p[i]! * cos - p[i + 1]! * sin;
    const py = y + p[i]! * sin + p[i + 1]! * cos;
    if (i === 0) path.moveTo(px, py);
    else path.lineTo(px, py);
  }
  path.closePath();
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
