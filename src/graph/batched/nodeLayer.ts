/**
 * Nodes kept on an offscreen canvas between frames. During playback the
 * nodes rarely change while edges change on every step, yet Cytoscape
 * clears and redraws its whole main layer each frame; rasterising 1,000
 * node shapes costs about 9 ms with software rendering, copying this layer
 * about 1 ms. When some nodes change (an actor is born, dissolves, is
 * filtered), only the boxes they cover are cleared and redrawn; a new pan,
 * zoom or canvas size redraws the layer.
 */
import { drawNodes, type NodeRecord } from './paths';
import type { Box, CanvasRendererInternals, RenderedElement } from './internals';
import type { NodeLook } from './looks';

/** Above this many changed boxes in a frame, the whole layer is redrawn. */
const MAX_DIRTY_BOXES = 64;

export interface LayerRecord extends NodeRecord {
  styleKey: unknown;
}

export class NodeLayer {
  private canvas: HTMLCanvasElement | null = null;
  private context: CanvasRenderingContext2D | null = null;
  private key = '';
  private previous = new Map<RenderedElement, LayerRecord>();
  /** The list last drawn: handed in again (install.ts), nothing in it changed. */
  private drawn: readonly LayerRecord[] | null = null;

  /**
   * A node's record for this frame: last frame's, when nothing about the node changed (no
   * allocation per node and frame: garbage collection showed in the slowest frames).
   */
  record(ele: RenderedElement, look: NodeLook | null, label: boolean): LayerRecord {
    const pos = ele.position();
    const styleKey = ele._private.styleKey;
    const p = this.previous.get(ele);
    if (p && p.styleKey === styleKey && p.x === pos.x && p.y === pos.y) {
      if (p.look === look && p.label === label) return p;
      return { ele, look, x: pos.x, y: pos.y, bb: p.bb, label, styleKey };
    }
    return { ele, look, x: pos.x, y: pos.y, bb: { ...ele.boundingBox() }, label, styleKey };
  }

  /** Brings the layer up to date with `nodes` (in z-order), then copies it onto `target`. */
  draw(
    r: CanvasRendererInternals,
    target: CanvasRenderingContext2D,
    nodes: LayerRecord[],
    pxRatio: number,
    extent: Box,
  ): void {
    const { width, height } = target.canvas;
    const t = target.getTransform();
    const key = `${t.a},${t.b},${t.c},${t.d},${t.e},${t.f},${width},${height}`;
    if (!this.canvas || !this.context) {
      this.canvas = document.createElement('canvas');
      this.context = this.canvas.getContext('2d');
      if (!this.context) return drawNodes(r, target, nodes, pxRatio, extent, null);
    }
    const canvas = this.canvas;
    const context = this.context;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      this.key = '';
    }
    const dirty = key !== this.key ? null : nodes === this.drawn ? [] : this.changes(nodes);
    if (!dirty || dirty.length > MAX_DIRTY_BOXES) {
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, width, height);
      context.setTransform(t);
      drawNodes(r, context, nodes, pxRatio, extent, null);
    } else if (dirty.length > 0) {
      // A margin of two device pixels takes in anti-aliasing at the boxes' edges.
      const margin = 2 / Math.hypot(t.a, t.b);
      const boxes = dirty.map((b) => ({
        x1: b.x1 - margin,
        y1: b.y1 - margin,
        x2: b.x2 + margin,
        y2: b.y2 + margin,
      }));
      context.save();
      context.setTransform(t);
      context.beginPath();
      for (const b of boxes) context.rect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1);
      context.clip();
      for (const b of boxes) context.clearRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1);
      drawNodes(r, context, nodes, pxRatio, extent, boxes);
      context.restore();
    }
    const reused = dirty?.length === 0 && nodes.length === this.previous.size;
    if (!reused) this.previous = new Map(nodes.map((n) => [n.ele, n]));
    this.key = key;
    this.drawn = nodes;
    target.save();
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.drawImage(canvas, 0, 0);
    target.restore();
  }

  /** Boxes to redraw: where changed nodes were and are, and where removed ones were. */
  private changes(nodes: readonly LayerRecord[]): Box[] {
    const dirty: Box[] = [];
    let kept = 0;
    for (const n of nodes) {
      const p = this.previous.get(n.ele);
      if (p === n) {
        kept++;
      } else if (!p) {
        dirty.push(n.bb);
      } else {
        kept++;
        dirty.push(p.bb, n.bb);
      }
    }
    if (kept !== this.previous.size) {
      const present = new Set(nodes.map((n) => n.ele));
      for (const [ele, p] of this.previous) if (!present.has(ele)) dirty.push(p.bb);
    }
    return dirty;
  }
}
