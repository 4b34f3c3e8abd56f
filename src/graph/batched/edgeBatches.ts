/**
 * Edges stroked in batches, one stroke per colour, line style, width bucket
 * and arrow, with paths kept between frames and rebuilt only where a frame
 * changed them.
 *
 * During playback a step adds and removes a few dozen of the thousands of
 * edges drawn, but at L nearly every batch holds one of them: rebuilding a
 * batch's whole path whenever one of its edges changed rebuilt nearly every
 * path every step. So a batch's edges are kept in chunks of CHUNK_EDGES
 * edges, each with its own path; a frame rebuilds the chunks that lost,
 * gained or moved an edge, and the batch's path is its chunks' paths joined
 * (`Path2D.addPath`, a copy of points in the browser), still stroked once, so
 * translucent crossings within a batch blend as before. Within a batch the
 * order of edges does not change the picture (one colour, one stroke); the
 * batches are stroked in the order of their first edge in the z-order.
 */
import type { ArrowLook, EdgeLook } from './looks';
import type { EdgeScratch, RenderedElement } from './internals';
import type { EdgesInSight } from './paths';

/** Edges in sight above which a zoomed-out view draws hairlines (see EdgeBatches). */
const DENSE_EDGES = 500;
/**
 * Edges in sight above which a dense view's hairlines are all solid: a tangle in which no line
 * can be followed, where dashes cost the most (per dash: +40% a frame at 4,800 edges, +50% at
 * 9,800, docs/PERFORMANCE.md) and tell the least.
 */
const DENSE_STYLED_EDGES = 2500;
/** A dense view's dash and dot patterns, in device pixels: on, off. */
const DENSE_DASHES_PX = [8, 4];
const DENSE_DOTS_PX = [2, 5];

/**
 * Edges per chunk: small enough that a step's few dozen changes rebuild a fraction of the
 * edges, large enough that a batch joins a few dozen paths at most.
 */
export const CHUNK_EDGES = 32;

/** What of a `Path2D` the batches use: a double in unit tests, which have no canvas. */
export type PathSink = Pick<
  Path2D,
  'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'arc' | 'closePath' | 'addPath'
>;

/** An edge in a batch: its chunk, and what its part of the chunk's paths was built from. */
interface Member {
  ele: RenderedElement;
  /** null while it moves to another batch (restyled, or another width bucket). */
  chunk: Chunk | null;
  pts: readonly number[];
  look: EdgeLook;
  /** The last frame it was in sight. */
  seen: number;
}

interface Chunk {
  batch: Batch;
  members: Member[];
  /** Members found in it in frame `seenFrame`: fewer than it holds means some left. */
  seenFrame: number;
  seen: number;
  /** Its paths no longer match its members. */
  dirty: boolean;
  lines: PathSink | null;
  arrows: PathSink | null;
}

/** Edges that share a colour, line style, width bucket and arrow: one stroke and one fill. */
interface Batch {
  /** The look of its first edge in this frame's z-order: colour, dash, arrow colour. */
  look: EdgeLook;
  width: number;
  /** The dash pattern it is stroked with at the scale it was made for (`denseDash` if dense). */
  dash: readonly number[];
  chunks: Chunk[];
  /** The last frame it had an edge in sight. */
  frame: number;
  /** Edges new to it in this frame, placed once the leavers are out. */
  joining: Member[];
  /** Its chunks' paths joined; null when they must be joined again. */
  lines: PathSink | null;
  arrows: PathSink | null;
}

/** Chunk paths built in a frame, for tests that check a frame rebuilds only what changed. */
export interface BatchFrameStats {
  batches: number;
  chunks: number;
  rebuiltChunks: number;
  rebuiltEdges: number;
}

/**
 * Strokes edges in batches, and keeps each batch's paths, chunk by chunk, between frames.
 *
 * A dense, zoomed-out view (more than DENSE_EDGES edges in sight, below 1:1) is drawn with
 * lines no wider than one device pixel: software rasterisers draw those several times faster
 * than wider ones, and at that zoom widths below two pixels are hard to tell apart anyway.
 * Dashed and dotted lines keep their style, with dashes and dots a few device pixels long
 * (`denseDash`), so that polarity is not told by colour alone, up to DENSE_STYLED_EDGES edges in
 * sight; beyond, all are solid. Zoomed in, widths come back.
 */
export class EdgeBatches {
  /** A look's batch at the current scale. */
  private batchOfLook = new Map<EdgeLook, Batch>();
  private batchOfKey = new Map<string, Batch>();
  private members = new Map<RenderedElement, Member>();
  private keyScale = NaN;
  private keyDense = false;
  private frame = 0;
  /** What the last frame built (tests read it). */
  stats: BatchFrameStats = { batches: 0, chunks: 0, rebuiltChunks: 0, rebuiltEdges: 0 };

  constructor(private readonly newPath: () => PathSink = () => new Path2D()) {}

  /** Strokes the edges in sight, at `scale` device pixels per graph unit. */
  draw(context: CanvasRenderingContext2D, sight: EdgesInSight, scale: number): void {
    const drawn = this.update(sight, scale);
    const tangle = this.keyDense && sight.edges.length > DENSE_STYLED_EDGES;
    context.save();
    context.lineJoin = 'round';
    context.lineCap = 'butt';
    for (const batch of drawn) {
      context.setLineDash(tangle ? [] : batch.dash);
      context.lineWidth = batch.width;
      context.strokeStyle = batch.look.color;
      context.stroke(batch.lines as Path2D);
    }
    for (const batch of drawn) {
      if (!batch.arrows) continue;
      context.fillStyle = batch.look.arrow!.color;
      context.fill(batch.arrows as Path2D);
    }
    context.restore();
  }

  /**
   * Brings the batches up to date with the edges in sight and returns those with an edge in
   * sight, in the order of their first edge, each with its paths joined.
   */
  private update(sight: EdgesInSight, scale: number): Batch[] {
    const dense = sight.edges.length > DENSE_EDGES && scale < 1;
    // Another scale changes every width bucket: start again.
    if (scale !== this.keyScale || dense !== this.keyDense) {
      this.batchOfLook.clear();
      this.batchOfKey.clear();
      this.members.clear();
      this.keyScale = scale;
      this.keyDense = dense;
    }
    const frame = ++this.frame;
    const drawn: Batch[] = [];
    for (let e = 0; e < sight.edges.length; e++) {
      const look = sight.looks[e]!;
      const batch = this.batchOf(look, scale, dense);
      if (batch.frame !== frame) {
        batch.frame = frame;
        batch.look = look;
        drawn.push(batch);
      }
      this.take(sight.edges[e]!, look, sight.geometry[e]!, batch, frame);
    }
    const stats = { batches: drawn.length, chunks: 0, rebuiltChunks: 0, rebuiltEdges: 0 };
    for (const batch of this.batchOfKey.values()) this.dropLeavers(batch, frame);
    for (const batch of drawn) {
      this.placeJoiners(batch);
      for (const chunk of batch.chunks) {
        stats.chunks++;
        if (!chunk.dirty) continue;
        buildChunk(chunk, this.newPath);
        batch.lines = null;
        stats.rebuiltChunks++;
        stats.rebuiltEdges += chunk.members.length;
      }
      if (batch.lines === null) this.join(batch);
    }
    this.stats = stats;
    return drawn;
  }

  private batchOf(look: EdgeLook, scale: number, dense: boolean): Batch {
    const known = this.batchOfLook.get(look);
    if (known) return known;
    // Widths vary continuously (strength): buckets of half a device pixel keep the number of
    // strokes to a few dozen.
    const step = 0.5 / scale;
    const maxWidth = dense ? 1 / scale : Infinity;
    const bucket = Math.max(1, Math.round(Math.min(look.width, maxWidth) / step));
    const key = `${look.lineKey}|${bucket}|${look.arrow?.key ?? ''}`;
    let batch = this.batchOfKey.get(key);
    if (!batch) {
      batch = {
        look,
        width: bucket * step,
        dash: dense ? denseDash(look.dash, scale) : look.dash,
        chunks: [],
        frame: 0,
        joining: [],
        lines: null,
        arrows: null,
      };
      this.batchOfKey.set(key, batch);
    }
    this.batchOfLook.set(look, batch);
    return batch;
  }

  /** Counts an edge in sight in its chunk, marks the chunk if the edge changed, or has it join. */
  private take(
    ele: RenderedElement,
    look: EdgeLook,
    pts: readonly number[],
    batch: Batch,
    frame: number,
  ): void {
    let member = this.members.get(ele);
    const chunk = member?.chunk;
    if (member && chunk && chunk.batch === batch) {
      if (chunk.seenFrame !== frame) {
        chunk.seenFrame = frame;
        chunk.seen = 0;
      }
      chunk.seen++;
      // Cytoscape makes a new geometry array whenever it recomputes an edge.
      if (member.pts !== pts || member.look !== look) chunk.dirty = true;
    } else if (member) {
      // In another batch before: it leaves that chunk (dropLeavers) and joins this batch.
      member.chunk = null;
      batch.joining.push(member);
    } else {
      member = { ele, chunk: null, pts, look, seen: frame };
      this.members.set(ele, member);
      batch.joining.push(member);
    }
    member.pts = pts;
    member.look = look;
    member.seen = frame;
  }

  /** Takes out of a batch's chunks the edges not found in them this frame. */
  private dropLeavers(batch: Batch, frame: number): void {
    let emptied = false;
    for (const chunk of batch.chunks) {
      const seen = chunk.seenFrame === frame ? chunk.seen : 0;
      if (seen === chunk.members.length) continue;
      chunk.members = chunk.members.filter((member) => {
        if (member.chunk !== chunk) return false; // moved to another batch
        if (member.seen === frame) return true;
        this.members.delete(member.ele); // out of sight, or no longer in the graph
        return false;
      });
      chunk.dirty = true;
      emptied ||= chunk.members.length === 0;
    }
    if (emptied) {
      batch.chunks = batch.chunks.filter((chunk) => chunk.members.length > 0);
      batch.lines = null;
    }
  }

  /**
   * Puts a batch's new edges into chunks: first those this frame rebuilds anyway, then the
   * last one, then new ones.
   */
  private placeJoiners(batch: Batch): void {
    const joining = batch.joining;
    if (joining.length === 0) return;
    let next = 0;
    const fill = (chunk: Chunk) => {
      while (next < joining.length && chunk.members.length < CHUNK_EDGES) {
        const member = joining[next++]!;
        member.chunk = chunk;
        chunk.members.push(member);
        chunk.dirty = true;
      }
    };
    for (const chunk of batch.chunks) if (chunk.dirty) fill(chunk);
    const last = batch.chunks[batch.chunks.length - 1];
    if (last) fill(last);
    while (next < joining.length) {
      const chunk: Chunk = {
        batch,
        members: [],
        seenFrame: 0,
        seen: 0,
        dirty: true,
        lines: null,
        arrows: null,
      };
      batch.chunks.push(chunk);
      fill(chunk);
    }
    batch.joining = [];
  }

  /** A batch's paths: its one chunk's, or its chunks' joined. */
  private join(batch: Batch): void {
    const chunks = batch.chunks;
    if (chunks.length === 1) {
      batch.lines = chunks[0]!.lines;
      batch.arrows = chunks[0]!.arrows;
      return;
    }
    const lines = this.newPath();
    const arrows = batch.look.arrow ? this.newPath() : null;
    for (const chunk of chunks) {
      lines.addPath(chunk.lines as Path2D);
      if (arrows && chunk.arrows) arrows.addPath(chunk.arrows as Path2D);
    }
    batch.lines = lines;
    batch.arrows = arrows;
  }
}

/**
 * A dashed or dotted line's pattern in a dense view, in graph units at `scale` device pixels per
 * unit: dashes and dots a few device pixels long whatever the zoom, so that the line style still
 * tells what colour tells (a pattern in graph units would shrink below a pixel, a grey blur).
 */
function denseDash(dash: readonly number[], scale: number): readonly number[] {
  if (dash.length === 0) return [];
  const dotted = dash.every((d) => d === dash[0]);
  return (dotted ? DENSE_DOTS_PX : DENSE_DASHES_PX).map((px) => px / scale);
}

/** A chunk's line and arrow paths, from its members' geometry as of this frame. */
function buildChunk(chunk: Chunk, newPath: () => PathSink): void {
  const lines = newPath();
  // Every edge of a batch has an arrow, or none does: the arrow's colour is in the batch key.
  const arrows = chunk.batch.look.arrow ? newPath() : null;
  for (const { ele, pts, look } of chunk.members) {
    const rs = ele._private.rscratch;
    lines.moveTo(pts[0]!, pts[1]!);
    if (rs.edgeType === 'bezier' || rs.edgeType === 'multibezier')
      for (let i = 2; i + 3 < pts.length; i += 4)
        lines.quadraticCurveTo(pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!);
    else for (let i = 2; i + 1 < pts.length; i += 2) lines.lineTo(pts[i]!, pts[i + 1]!);
    // The arrow's size follows the edge's exact width, so each edge's own look.
    if (arrows && look.arrow) addArrow(arrows, look.arrow, rs);
  }
  chunk.lines = lines;
  chunk.arrows = arrows;
  chunk.dirty = false;
}

/** A target arrow where Cytoscape placed it: its polygon rotated and scaled, or a circle. */
function addArrow(path: PathSink, arrow: ArrowLook, rs: EdgeScratch): void {
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
