/**
 * The edge layer on Cytoscape's own edge geometry (rendererDouble.ts): what it redraws after a
 * step, a restyle, a pan. Its pixels are checked in the browser (tests/e2e/large-graph.e2e.ts).
 */
import type { Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EdgeLayer } from './edgeLayer';
import type { RenderedElement } from './internals';
import { isVisible, lookCache } from './looks';
import { EdgesInSight } from './paths';
import { largeGraph, rendererDouble, type RendererDouble } from './rendererDouble';

type Point = [number, number];

/** A Path2D that remembers the points its subpaths go through (starts and ends of pieces). */
class TracingPath {
  readonly points: Point[] = [];
  moveTo(x: number, y: number) {
    this.points.push([x, y]);
  }
  lineTo(x: number, y: number) {
    this.points.push([x, y]);
  }
  quadraticCurveTo(_cx: number, _cy: number, x: number, y: number) {
    this.points.push([x, y]);
  }
  closePath() {}
  arc() {}
}

interface Transform {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** A 2D context that records what is drawn: cleared rectangles and the edges stroked. */
function tracingContext(width: number, height: number, transform: Transform = identity()) {
  const log = { cleared: [] as number[][], stroked: [] as Point[], copies: 0, clips: 0 };
  const context = {
    canvas: { width, height },
    log,
    getTransform: () => transform,
    setTransform() {},
    save() {},
    restore() {},
    beginPath() {},
    rect() {},
    clip: () => void log.clips++,
    clearRect: (...box: number[]) => void log.cleared.push(box),
    setLineDash() {},
    stroke: (path: TracingPath) => void log.stroked.push(...path.points),
    fill() {},
    drawImage: () => void log.copies++,
  };
  return context;
}

const identity = (): Transform => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });

let cy: Core;
let r: RendererDouble;
let layerContext: ReturnType<typeof tracingContext>;
let layer: EdgeLayer;
let lookOf: ReturnType<typeof lookCache>;

beforeEach(() => {
  vi.stubGlobal('Path2D', TracingPath);
  cy = largeGraph();
  // Far from the others: no change near a, b, c or d reaches it.
  cy.add([
    { group: 'nodes', data: { id: 'e', label: 'E', shape: 'ellipse', color: '#000000' } },
    { group: 'nodes', data: { id: 'f', label: 'F', shape: 'ellipse', color: '#000000' } },
  ]);
  cy.getElementById('e').position({ x: 600, y: 400 });
  cy.getElementById('f').position({ x: 700, y: 420 });
  cy.add({
    group: 'edges',
    data: { id: 'ef', source: 'e', target: 'f', color: '#0077bb', lineStyle: 'solid' },
    classes: 'relation',
  });
  r = rendererDouble(cy);
  // One cache for the whole test, as batched drawing keeps one: equal looks are one object.
  lookOf = lookCache(r);
  layerContext = tracingContext(800, 600);
  layer = new EdgeLayer(
    undefined,
    () =>
      ({
        width: 0,
        height: 0,
        getContext: () => layerContext,
      }) as unknown as HTMLCanvasElement,
  );
});
afterEach(() => {
  cy.destroy();
  vi.unstubAllGlobals();
});

/** One frame: the edges Cytoscape would draw, through the layer onto a fresh target. */
function frame(transform = identity()) {
  const sight = new EdgesInSight({ x1: -1000, y1: -1000, x2: 1000, y2: 1000 });
  for (const ele of cy.edges().toArray() as unknown as RenderedElement[]) {
    // Cytoscape brings changed styles up to date (and renews styleKey) before a frame.
    ele.pstyle('opacity');
    const look = lookOf(ele);
    if (!look.special && look.kind === 'edge' && isVisible(ele, look, lookOf)) sight.add(ele, look);
  }
  layerContext.log.cleared = [];
  layerContext.log.stroked = [];
  const target = tracingContext(800, 600, transform);
  layer.draw(target as unknown as CanvasRenderingContext2D, sight, transform.a);
  return target.log;
}

/** Points along an edge's path as Cytoscape computed it (its curves sampled). */
function along(id: string): Point[] {
  const rs = (cy.getElementById(id) as unknown as RenderedElement)._private.rscratch;
  const pts = rs.allpts!;
  const out: Point[] = [[pts[0]!, pts[1]!]];
  const curved = rs.edgeType === 'bezier';
  for (let i = 2; i + (curved ? 3 : 1) < pts.length; i += curved ? 4 : 2) {
    const [x0, y0] = out.at(-1)!;
    const [cx, cy, x1, y1] = curved
      ? pts.slice(i, i + 4)
      : [pts[i]!, pts[i + 1]!, pts[i]!, pts[i + 1]!];
    for (let s = 0.01; s <= 1.001; s += 0.01)
      out.push([
        (1 - s) ** 2 * x0 + 2 * s * (1 - s) * cx! + s ** 2 * x1!,
        (1 - s) ** 2 * y0 + 2 * s * (1 - s) * cy! + s ** 2 * y1!,
      ]);
  }
  return out;
}

/** Whether a point lies on an edge's path (within a pixel). */
const onEdge = (line: Point[], [x, y]: Point) =>
  line.some(([px, py]) => Math.hypot(px - x, py - y) < 1);

describe('EdgeLayer', () => {
  it('draws whole at first, then keeps its pixels while no edge changes', () => {
    const first = frame();
    expect(layer.updates).toEqual({ whole: 1, cells: 0, kept: 0 });
    // Every edge, whole: ab1, ab2, bc, da, the "part of" link cd, and ef.
    for (const id of ['ab1', 'ab2', 'bc', 'da', 'cd', 'ef'])
      expect(
        layerContext.log.stroked.some((p) => onEdge(along(id), p)),
        id,
      ).toBe(true);
    expect(first.copies).toBe(1);
    const second = frame();
    expect(layer.updates).toEqual({ whole: 1, cells: 0, kept: 1 });
    expect(layerContext.log.stroked).toEqual([]);
    expect(layerContext.log.cleared).toEqual([]);
    expect(second.copies).toBe(1);
  });

  it('after an edge is removed, clears only the cells it crossed and redraws what crosses them', () => {
    frame();
    const removed = along('bc');
    cy.getElementById('bc').remove();
    frame();
    expect(layer.updates.cells).toBe(1);
    expect(layerContext.log.clips).toBe(1);
    // Every cleared cell lies along the removed line (a cell and the line's pad around it).
    expect(layerContext.log.cleared.length).toBeGreaterThan(0);
    const near = (x: number, y: number, w: number, h: number, margin: number) =>
      removed.some(
        ([px, py]) =>
          px > x - margin && px < x + w + margin && py > y - margin && py < y + h + margin,
      );
    for (const [x, y, w, h] of layerContext.log.cleared) expect(near(x!, y!, w!, h!, 4)).toBe(true);
    // The edges that meet it at b and the one that crosses it are drawn again (clipped to
    // those cells); the far one is not.
    const stroked = layerContext.log.stroked;
    for (const id of ['ab1', 'da'])
      expect(
        stroked.some((p) => onEdge(along(id), p)),
        id,
      ).toBe(true);
    expect(stroked.some((p) => onEdge(along('ef'), p))).toBe(false);
  });

  it('redraws an edge whose look changed, where it is', () => {
    frame();
    cy.getElementById('ef').addClass('dimmed');
    frame();
    expect(layer.updates.cells).toBe(1);
    const ef = along('ef');
    expect(layerContext.log.stroked.length).toBeGreaterThan(0);
    for (const p of layerContext.log.stroked) expect(onEdge(ef, p), `${p}`).toBe(true);
    for (const [x] of layerContext.log.cleared) expect(x!).toBeGreaterThanOrEqual(544);
  });

  it('redraws whole after a pan or a zoom', () => {
    frame();
    frame({ ...identity(), e: 40 });
    expect(layer.updates.whole).toBe(2);
    expect(layerContext.log.stroked.some((p) => onEdge(along('ef'), p))).toBe(true);
    frame({ ...identity(), a: 2, d: 2, e: 40 });
    expect(layer.updates.whole).toBe(3);
  });
});
