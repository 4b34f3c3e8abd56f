/**
 * Installing batched drawing on Cytoscape's own renderer code (rendererDouble.ts): what it
 * refuses, the frames it draws, its fall-back to Cytoscape's drawing when an internal changes
 * during a frame, and its uninstall.
 */
import type { Core, StylesheetJson } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installBatchedDrawing, type BatchedDrawing } from './install';
import { ELEMENT_INTERNALS, type RenderedElement } from './internals';
import {
  CanvasRenderer,
  largeGraph,
  recorder,
  RecordingPath,
  rendererDouble,
  type RendererDouble,
} from './rendererDouble';

let cy: Core;
let warn: { mock: { calls: unknown[][] } };
beforeEach(() => {
  vi.stubGlobal('Path2D', RecordingPath);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  cy?.destroy();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Console warnings from batched drawing (Cytoscape warns about some test styles too). */
const ourWarnings = () =>
  warn.mock.calls.map((call) => String(call[0])).filter((m) => m.startsWith('Batched drawing'));

const cytoscapes = CanvasRenderer.prototype as RendererDouble;
const REPLACED = ['drawLayeredElements', 'getCachedZSortedEles', 'updateCachedGrabbedEles'];
/**
 * A stylesheet with a rule for every element, as the app's has: Cytoscape sets no styleKey on an
 * element that no rule matches.
 */
const PLAIN: StylesheetJson = [
  { selector: 'node', style: { 'background-color': '#cc3311' } },
  { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
];
const EXTENT = { x1: -1000, y1: -1000, x2: 1000, y2: 1000 };

/** `cy` drawn by a renderer double (the instance's renderer() returns it). */
function withRenderer(graph: Core): RendererDouble {
  cy = graph;
  const r = rendererDouble(cy);
  vi.spyOn(cy as unknown as { renderer(): unknown }, 'renderer').mockReturnValue(r);
  return r;
}

function installed(r: RendererDouble): BatchedDrawing {
  const result = installBatchedDrawing(r.cy);
  if (!result.installed) throw new Error(`not installed: ${result.reason}`);
  return result.drawing;
}

/** One frame of the main layer, as Cytoscape's render() asks for it (a snapshot's context). */
function frame(r: RendererDouble, eles = r.getCachedZSortedEles().nondrag) {
  const context = recorder({ canvas: { width: 800, height: 600 } });
  r.drawLayeredElements(context as unknown as CanvasRenderingContext2D, eles, 1, EXTENT);
  return context.calls;
}

describe('installBatchedDrawing', () => {
  it("draws frames in batches in place of Cytoscape's per-element drawing, and counts them", () => {
    const r = withRenderer(largeGraph());
    const drawing = installed(r);
    expect(drawing.frames()).toBe(0);
    const calls = frame(r);
    frame(r);
    expect(drawing.frames()).toBe(2);
    expect(r.drawnByCytoscape).toEqual([]);
    // One stroke per batch of edges (solid blue, dashed blue, grey "part of") and fills for
    // arrows and nodes: far fewer than one draw per element.
    expect(calls.filter((c) => c === 'stroke').length).toBeGreaterThanOrEqual(3);
    expect(drawing.fallback()).toBeNull();
    expect(drawing.nonconformities()).toEqual([]);
    expect(ourWarnings()).toEqual([]);
  });

  it('refuses a renderer that lacks a member, naming it, and leaves Cytoscape drawing', () => {
    const r = withRenderer(largeGraph());
    Object.defineProperty(r, 'drawCachedElementPortion', { value: undefined });
    const result = installBatchedDrawing(cy);
    expect(result).toEqual({
      installed: false,
      reason: expect.stringContaining('drawCachedElementPortion: missing'),
    });
    expect(r.drawLayeredElements).toBe(cytoscapes.drawLayeredElements);
    expect(ourWarnings()).toEqual([expect.stringContaining('drawCachedElementPortion')]);
  });

  it('refuses compound nodes', () => {
    const graph = largeGraph();
    graph.add({ group: 'nodes', data: { id: 'parent' } });
    graph.getElementById('a').move({ parent: 'parent' });
    const result = installBatchedDrawing((withRenderer(graph), cy));
    expect(result).toEqual({ installed: false, reason: expect.stringContaining('compound') });
    expect(ourWarnings()).toEqual([expect.stringContaining('compound nodes')]);
  });

  it('refuses z-orders that would lift an edge over a node', () => {
    const style: StylesheetJson = [
      { selector: 'edge', style: { 'z-index-compare': 'manual', 'z-index': 5 } },
    ];
    const r = withRenderer(largeGraph(style));
    expect(installBatchedDrawing(r.cy)).toEqual({
      installed: false,
      reason: 'the stylesheet sets the z-order "z-index-compare: manual" (rule "edge")',
    });
  });

  it("replaces Cytoscape's z-sort also when the stylesheet sets z-index (the app's does)", () => {
    const r = withRenderer(largeGraph());
    installed(r);
    for (const method of REPLACED) expect(Object.hasOwn(r, method), method).toBe(true);
  });
});

/**
 * A stand-in for a 2D context or a Path2D that records each call with its arguments; a path
 * passed as an argument is written as its subpaths, sorted (one fill or stroke draws them in
 * any order alike).
 */
function argsRecorder(fields: Record<string, unknown> = {}): { ops: string[] } {
  const ops: string[] = [];
  const text = (arg: unknown): string => {
    const inner = (arg as { ops?: string[] } | null)?.ops;
    if (!Array.isArray(inner)) return JSON.stringify(arg) ?? String(arg);
    const subpaths: string[] = [];
    for (const op of inner)
      if (op.startsWith('moveTo') || subpaths.length === 0) subpaths.push(op);
      else subpaths[subpaths.length - 1] += ` ${op}`;
    return `[${subpaths.sort().join(' | ')}]`;
  };
  const target: Record<string, unknown> = { ...fields, ops };
  return new Proxy(target, {
    get: (t, key) => {
      if (typeof key !== 'string') return undefined;
      if (key in t) return t[key];
      return (...args: unknown[]) => void ops.push(`${key}(${args.map(text).join(', ')})`);
    },
    set: (t, key, value) => {
      ops.push(`${String(key)} = ${text(value)}`);
      t[String(key)] = value;
      return true;
    },
  }) as unknown as { ops: string[] };
}

class ArgsPath {
  constructor() {
    return argsRecorder();
  }
}

/** Moves a node without a `position` event, as Cytoscape's drag does (an undeclared method). */
const silentlyMove = (node: unknown, position: { x: number; y: number }) =>
  (node as { silentPosition(p: { x: number; y: number }): void }).silentPosition(position);

/** What Cytoscape's renderer computes for changed edges before a frame. */
const layOutEdges = (r: RendererDouble) =>
  (r as unknown as { findEdgeControlPoints(edges: unknown): void }).findEdgeControlPoints(
    r.cy.edges(),
  );

describe('frames during playback', () => {
  /** What a frame of `r` draws, with every argument. */
  function drawn(r: RendererDouble): string[] {
    const context = argsRecorder({ canvas: { width: 800, height: 600 } });
    const eles = r.getCachedZSortedEles().nondrag;
    r.drawLayeredElements(context as unknown as CanvasRenderingContext2D, eles, 1, EXTENT);
    return context.ops;
  }

  it('draw what a fresh install draws, after each change to actors or relations', () => {
    vi.stubGlobal('Path2D', ArgsPath);
    // Without labels: measuring one (a moved actor's bounds) needs a browser.
    const r = withRenderer(largeGraph(PLAIN));
    const drawing = installed(r);
    const renderer = vi.spyOn(cy as unknown as { renderer(): unknown }, 'renderer');
    const actor = (id: string) => cy.getElementById(id);
    // Cytoscape drops its sorted list on these (its renderer's notify; the double's does not).
    const changesList = () => void (r.cachedZSortedEles = null);
    const changes: [string, () => void][] = [
      ['nothing', () => {}],
      [
        'a relation added',
        () => (
          cy.add({
            data: { source: 'a', target: 'c', color: '#0077bb', lineStyle: 'solid', strength: 1 },
            classes: 'relation',
          }),
          changesList()
        ),
      ],
      ['a relation removed', () => (cy.getElementById('bc').remove(), changesList())],
      ['an actor moved', () => void actor('c').position({ x: 120, y: 170 })],
      ['an actor moved silently', () => void silentlyMove(actor('d'), { x: 60, y: 10 })],
      ['an actor restyled', () => void actor('a').style('background-color', '#117733')],
      ['an actor hidden', () => void actor('b').style('display', 'none')],
      [
        'an actor added',
        () => (
          cy.add({
            data: { id: 'e', label: 'Actor e', shape: 'ellipse', color: '#cc3311' },
            position: { x: 9, y: 9 },
          }),
          changesList()
        ),
      ],
      ['an actor removed', () => (actor('e').remove(), changesList())],
      ['zoomed in', () => void cy.zoom(3)],
      ['panned', () => void cy.pan({ x: 40, y: -20 })],
    ];
    drawn(r);
    for (const [name, change] of changes) {
      change();
      layOutEdges(r);
      const kept = drawn(r);
      const fresh = rendererDouble(cy);
      renderer.mockReturnValue(fresh);
      const freshDrawing = installed(fresh);
      const expected = drawn(fresh);
      freshDrawing.uninstall();
      renderer.mockReturnValue(r);
      expect(drawing.fallback() ?? '', name).toBe('');
      expect(kept, name).toEqual(expected);
    }
    // A playback step changes relations only: its frame reads no actor again.
    cy.getElementById('ab2').remove();
    changesList();
    layOutEdges(r);
    const read = vi.spyOn(actor('a'), 'position');
    drawn(r);
    expect(read).not.toHaveBeenCalled();
    expect(drawing.fallback()).toBeNull();
  });
});

describe('a frame that finds Cytoscape changed', () => {
  /** Every element as it would be if Cytoscape had renamed `name` (where it applies). */
  function renamed(r: RendererDouble, name: string): RenderedElement[] {
    const [, ...path] = name.split('.');
    return r.getCachedZSortedEles().nondrag.map((ele) => {
      if (name === '_private' || !name.startsWith('_private.'))
        return Object.create(ele, { [name]: { value: undefined } }) as RenderedElement;
      const copy = Object.create(ele) as RenderedElement;
      let level = (copy._private = { ...ele._private }) as Record<string, unknown>;
      for (const key of path.slice(0, -1)) level = level[key] = { ...(level[key] as object) };
      if (ele._private.group === 'edges' || !name.includes('rscratch.')) {
        level[`renamed_${path.at(-1)!}`] = level[path.at(-1)!];
        delete level[path.at(-1)!];
      }
      return copy;
    });
  }

  const detectable = ELEMENT_INTERNALS.filter((i) => !i.mayBeAbsent).map((i) => i.name);

  it.each(detectable)(
    'when %s is gone: Cytoscape draws it and every later frame, with one warning naming it',
    (name) => {
      const r = withRenderer(largeGraph(PLAIN));
      const drawing = installed(r);
      frame(r);
      const eles = renamed(r, name);
      frame(r, eles);
      expect(r.drawnByCytoscape).toHaveLength(1);
      expect(r.drawnByCytoscape[0]).toHaveLength(eles.length);
      expect(drawing.fallback()).toContain(`${name}: missing`);
      expect(ourWarnings()).toEqual([expect.stringContaining(`${name}: missing`)]);
      for (const method of REPLACED)
        expect((r as unknown as Record<string, unknown>)[method], method).toBe(
          (cytoscapes as unknown as Record<string, unknown>)[method],
        );
      frame(r);
      expect(r.drawnByCytoscape).toHaveLength(2);
      expect(drawing.frames()).toBe(1);
      expect(ourWarnings()).toHaveLength(1);
    },
  );

  it('when an element is given a z-order it cannot draw', () => {
    const r = withRenderer(largeGraph(PLAIN));
    const drawing = installed(r);
    cy.getElementById('a').style('z-compound-depth', 'top');
    frame(r);
    expect(drawing.fallback()).toContain('"z-compound-depth: top"');
    expect(r.drawnByCytoscape).toHaveLength(1);
  });

  it('when compound nodes are added', () => {
    const r = withRenderer(largeGraph(PLAIN));
    const drawing = installed(r);
    cy.add({ group: 'nodes', data: { id: 'parent' } });
    cy.getElementById('b').move({ parent: 'parent' });
    frame(r);
    expect(drawing.fallback()).toContain('compound nodes');
    expect(r.drawnByCytoscape).toHaveLength(1);
  });
});

describe('node bounds', () => {
  /** What Cytoscape's render loop runs before it draws a frame. */
  function frameCallbacks(r: RendererDouble) {
    for (const callback of r.beforeRenderCallbacks) callback.fn(true, 0);
  }
  /** A frame as Cytoscape's render loop runs one: its callbacks, then the drawing. */
  function renderFrame(r: RendererDouble) {
    frameCallbacks(r);
    frame(r);
  }

  it('are current before a frame draws: drawing announces no bounds change', () => {
    // Such an announcement during drawing makes Cytoscape update the node and its edges again
    // on the next frame (nodeBounds.ts).
    const r = withRenderer(largeGraph(PLAIN));
    installed(r);
    renderFrame(r);
    cy.nodes().forEach((node) => void node.position({ x: node.position('x') + 40, y: 7 }));
    cy.add({ data: { id: 'e', color: '#cc3311' }, position: { x: 5, y: 5 } });
    cy.getElementById('a').style('background-color', '#117733');
    r.cachedZSortedEles = null; // as Cytoscape's notify does on an addition
    const announced: string[] = [];
    cy.on('bounds', (event) => void announced.push((event.target as { id(): string }).id()));
    frameCallbacks(r);
    expect(announced.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    announced.length = 0;
    frame(r);
    expect(announced).toEqual([]);
  });

  it('are left to Cytoscape after uninstall', () => {
    const r = withRenderer(largeGraph(PLAIN));
    installed(r).uninstall();
    cy.getElementById('a').position({ x: 50, y: 50 });
    const announced: string[] = [];
    cy.on('bounds', (event) => void announced.push((event.target as { id(): string }).id()));
    renderFrame(r);
    expect(announced).toEqual([]);
  });
});

describe('uninstall', () => {
  it('gives Cytoscape back exactly its own methods, and its drawing', () => {
    const r = withRenderer(largeGraph(PLAIN));
    const drawing = installed(r);
    for (const method of REPLACED) expect(Object.hasOwn(r, method), method).toBe(true);
    frame(r);
    drawing.uninstall();
    for (const method of REPLACED) {
      expect(Object.hasOwn(r, method), method).toBe(false);
      expect((r as unknown as Record<string, unknown>)[method], method).toBe(
        (cytoscapes as unknown as Record<string, unknown>)[method],
      );
    }
    // Cytoscape sorts again with its own comparator.
    expect(r.cachedZSortedEles).toBeNull();
    frame(r);
    expect(r.drawnByCytoscape).toHaveLength(1);
    expect(drawing.frames()).toBe(1);
    expect(drawing.fallback()).toBeNull();
  });

  it('restores a method the renderer had of its own', () => {
    const r = withRenderer(largeGraph(PLAIN));
    const own = (_context: unknown, _eles: unknown, _pxRatio: unknown, _extent: unknown) => {};
    r.drawLayeredElements = own;
    installed(r).uninstall();
    expect(r.drawLayeredElements).toBe(own);
  });
});
