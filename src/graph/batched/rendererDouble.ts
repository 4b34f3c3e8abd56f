/**
 * For unit tests: Cytoscape's own canvas renderer, without a browser.
 *
 * The renderer's prototype holds all its methods (those batched drawing calls
 * or replaces, the edge geometry it computes before each frame, its shape
 * code); only its canvases need a browser. So the double is an object on that
 * prototype, with the two fields `BaseRenderer.init` sets that geometry reads,
 * and recording stand-ins for the canvases and texture caches. What it cannot
 * show (the real `data`, a real frame) the browser test checks
 * (tests/e2e/large-graph.e2e.ts).
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { graphStyle } from '../style';
import type { CanvasRendererInternals, RenderedElement } from './internals';

/** Cytoscape's canvas renderer class, as registered in Cytoscape. */
export const CanvasRenderer = (
  cytoscape as unknown as (type: 'renderer', name: 'canvas') => { prototype: object }
)('renderer', 'canvas');

/** A stand-in for a 2D context or a Path2D: takes any call and records its name. */
export function recorder(fields: Record<string, unknown> = {}): Record<string, unknown> & {
  calls: string[];
} {
  const calls: string[] = [];
  const target: Record<string, unknown> = { ...fields, calls };
  return new Proxy(target, {
    get: (t, key) => {
      if (typeof key !== 'string') return undefined;
      if (key in t) return t[key];
      return () => void calls.push(key);
    },
    set: (t, key, value) => {
      t[String(key)] = value;
      return true;
    },
  }) as Record<string, unknown> & { calls: string[] };
}

/** `new Path2D()` in Node: a recorder (install with `vi.stubGlobal('Path2D', RecordingPath)`). */
export class RecordingPath {
  constructor() {
    return recorder();
  }
}

const node = (id: string, x: number, y: number): ElementDefinition => ({
  group: 'nodes',
  data: { id, label: `Actor ${id}`, shape: 'ellipse', color: '#cc3311' },
  position: { x, y },
});

const relation = (id: string, source: string, target: string, more = ''): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, color: '#0077bb', lineStyle: 'solid', strength: 0.5 },
  classes: `relation ${more}`.trim(),
});

/**
 * A headless graph drawn as the adapter draws a large one (its stylesheet by default): a lone
 * relation, two parallel ones with arrows, a dashed one, and a "part of" link.
 */
export function largeGraph(style: StylesheetJson = graphStyle(true, false, true)): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: 'preset' },
    style,
    elements: [
      node('a', 0, 0),
      node('b', 200, 0),
      node('c', 100, 150),
      node('d', 300, 150),
      relation('ab1', 'a', 'b', 'directed'),
      relation('ab2', 'a', 'b', 'directed'),
      relation('bc', 'b', 'c'),
      {
        ...relation('da', 'd', 'a'),
        data: { ...relation('da', 'd', 'a').data, lineStyle: 'dashed' },
      },
      { group: 'edges', data: { id: 'cd', source: 'c', target: 'd' }, classes: 'part-of' },
    ],
  });
}

export interface RendererDouble extends CanvasRendererInternals {
  /** What `beforeRender` registered, highest priority first (run them as a frame would). */
  beforeRenderCallbacks: { fn: (willDraw: boolean, time: number) => void; priority: number }[];
  /** Each frame Cytoscape's own per-element drawing drew: the ids, in order. */
  drawnByCytoscape: string[][];
}

/** Cytoscape's canvas renderer for `cy`, with the geometry of a frame computed. */
export function rendererDouble(cy: Core): RendererDouble {
  const r = Object.create(CanvasRenderer.prototype) as RendererDouble &
    Record<string, unknown> & {
      registerNodeShapes(): void;
      registerArrowShapes(): void;
      findEdgeControlPoints(edges: unknown): void;
    };
  r.cy = cy as RendererDouble['cy'];
  // Set by BaseRenderer.init (which needs a browser): where edges are probed for hit-testing.
  r.bezierProjPcts = [0.05, 0.225, 0.4, 0.5, 0.6, 0.775, 0.95];
  // Also set by BaseRenderer.init: the frame callbacks (beforeRender), and the priority of
  // Cytoscape's rendered-style update as 3.34.4 sets it (the browser test checks the real one).
  r.beforeRenderCallbacks = [];
  r.beforeRenderPriorities = { eleCalcs: 300 };
  r.registerNodeShapes();
  r.registerArrowShapes();
  const context = () => recorder({ canvas: { width: 800, height: 600 } });
  r.data = {
    contexts: [context(), context(), context()] as unknown as CanvasRenderingContext2D[],
    lblTxrCache: { getElement: () => null, getBoundingBox: () => ({ w: 0, h: 0 }) },
    // No layered textures: Cytoscape's drawLayeredElements then draws element by element.
    lyrTxrCache: { getLayers: () => null },
  } as RendererDouble['data'];
  // Cytoscape tells its renderer of every change (to schedule a frame): the double draws only
  // when a test asks.
  r.notify = () => {};
  r.drawnByCytoscape = [];
  r.drawCachedElements = (_context: unknown, eles: RenderedElement[]) =>
    r.drawnByCytoscape.push(eles.map((e) => (e as unknown as { id(): string }).id()));
  // What the renderer computes for every changed element before a frame.
  r.findEdgeControlPoints(cy.edges());
  return r;
}
