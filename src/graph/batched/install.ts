/**
 * Batched drawing for large graphs.
 *
 * Cytoscape's canvas renderer draws each element on its own on every
 * frame (bounding box, texture-cache lookup, then an image or a path): about
 * 15 µs per element with software rendering (docs/PERFORMANCE.md), so with
 * thousands of elements the drawing, not the update, is the frame. Here,
 * on one Cytoscape instance, the renderer's entry point for its main layer
 * (`drawLayeredElements`) is replaced by a pass that
 * - strokes edges in batches, one path per colour, line style and width,
 *   kept between frames in chunks rebuilt only where edges changed
 *   (edgeBatches.ts; a dense, zoomed-out view draws hairlines);
 * - keeps nodes on an offscreen layer that is redrawn only where nodes
 *   changed (nodeLayer.ts);
 * and its z-sort is replaced by an equivalent partition kept across steps and
 * updated by what each step changed, which matters because every playback
 * step adds and removes edges (zOrder.ts); a frame reads each element's look
 * from that partition's records, once.
 *
 * Cytoscape still owns the rest: styles (each element's computed style is
 * what is drawn, so classes such as `dormant`, `dimmed` or `filtered` look
 * the same), edge geometry, hit-testing, events, panning and zooming (its
 * texture snapshot included), dragging (dragged elements are on its own drag
 * layer), label textures, and every element whose style needs more than a
 * plain shape or line (looks.ts): those it draws itself.
 *
 * What can differ on screen: within a batch, z-order between elements of
 * different colours is not kept (edges stay under nodes, labels over
 * nodes), and the line widths of dense views. Neither is visible at the
 * sizes this is used for.
 *
 * The renderer members and element fields used are not Cytoscape's
 * documented API: internals.ts declares them, with a check of each.
 * `installBatchedDrawing` refuses, with the reason, a renderer that fails one,
 * and what batched drawing cannot draw as Cytoscape would: compound nodes and
 * z-orders that lift an edge over a node (zOrder.ts). Each frame checks a
 * sample of its elements against the contract, and compound nodes and z-orders
 * again (styles change); on a failure it uninstalls itself and Cytoscape draws
 * that frame and the next ones, with one console warning naming the cause.
 */
import type { Core } from 'cytoscape';
import {
  describeNonconformity,
  elementNonconformities,
  rendererNonconformities,
  type Box,
  type CanvasRendererInternals,
  type Nonconformity,
  type RenderedElement,
} from './internals';
import { isVisible, lookCache, type Look } from './looks';
import { keepNodeBoundsCurrent } from './nodeBounds';
import { NodeLayer, type LayerRecord } from './nodeLayer';
import { EdgeBatches } from './edgeBatches';
import { drawNodes, EdgesInSight } from './paths';
import {
  recordedLook,
  recordedVisible,
  unsupportedZOrderRule,
  ZOrderTracker,
  type ElementRecord,
} from './zOrder';

/** Batched drawing on one Cytoscape instance. */
export interface BatchedDrawing {
  /** Frames of the main layer drawn in batches so far. */
  frames(): number;
  /** Why Cytoscape draws again (a changed internal, a style it cannot draw); null while it does. */
  fallback(): string | null;
  /** What Cytoscape's renderer and a sample of its drawn elements lack of the contract. */
  nonconformities(): Nonconformity[];
  /** Gives Cytoscape back its own drawing: the renderer's original methods, exactly. */
  uninstall(): void;
}

export type BatchedInstall =
  { installed: true; drawing: BatchedDrawing } | { installed: false; reason: string };

/** The renderer methods batched drawing replaces. */
const REPLACED = [
  'drawLayeredElements',
  'getCachedZSortedEles',
  'updateCachedGrabbedEles',
] as const;

/** Replaces Cytoscape's per-element drawing on this instance, or says why it does not. */
export function installBatchedDrawing(cy: Core): BatchedInstall {
  const r = rendererOf(cy);
  const reason = refusal(cy, r);
  if (reason !== null) {
    console.warn(`Batched drawing not installed, Cytoscape draws every element: ${reason}.`);
    return { installed: false, reason };
  }
  return { installed: true, drawing: install(cy, r as CanvasRendererInternals) };
}

/**
 * What Cytoscape's renderer (`r`, by default the instance's) and one drawn node and edge of
 * `cy` lack of the contract in internals.ts.
 */
export function cytoscapeNonconformities(cy: Core, r: unknown = rendererOf(cy)): Nonconformity[] {
  const sample = [cy.nodes(':visible')[0], cy.edges(':visible')[0]].filter((e) => e !== undefined);
  return [
    ...rendererNonconformities(r),
    ...sample.flatMap((ele) => elementNonconformities(ele, true)),
  ];
}

function rendererOf(cy: Core): unknown {
  return (cy as unknown as { renderer(): unknown }).renderer();
}

/** Why batched drawing cannot draw this instance as Cytoscape would; null if it can. */
function refusal(cy: Core, r: unknown): string | null {
  const missing = rendererNonconformities(r);
  if (missing.length > 0)
    return `Cytoscape's renderer is not as batched/internals.ts declares (${missing.map(describeNonconformity).join('; ')})`;
  if ((r as CanvasRendererInternals).cy.hasCompoundNodes())
    return 'the graph has compound nodes (parents and children)';
  const zOrder = unsupportedZOrderRule(stylesheetOf(cy));
  return zOrder === null ? null : `the stylesheet sets the z-order ${zOrder}`;
}

function stylesheetOf(cy: Core): unknown {
  return (cy.style() as unknown as { json(): unknown }).json();
}

function install(cy: Core, r: CanvasRendererInternals): BatchedDrawing {
  const own = REPLACED.map((name) => [name, Object.getOwnPropertyDescriptor(r, name)] as const);
  // The renderer as Cytoscape made it, for conformance checks after installing.
  const cytoscapes = Object.create(
    r,
    Object.fromEntries(REPLACED.map((name) => [name, { value: r[name] }])),
  ) as CanvasRendererInternals;
  const original = r.drawLayeredElements;
  const lookOf = lookCache(r);
  const zOrder = new ZOrderTracker(r, lookOf);
  const frame = batchedFrame(r, lookOf, zOrder);
  const stopKeepingBounds = keepNodeBoundsCurrent(cy, r);
  let frames = 0;
  let fallback: string | null = null;
  let installed = true;

  function uninstall() {
    if (!installed) return;
    installed = false;
    zOrder.dispose();
    stopKeepingBounds();
    for (const [name, descriptor] of own)
      if (descriptor) Object.defineProperty(r, name, descriptor);
      else delete (r as unknown as Record<string, unknown>)[name];
    // Cytoscape sorts again, with its own comparator, on its next frame.
    r.cachedZSortedEles = null;
  }

  r.drawLayeredElements = (context, eles, pxRatio, extent) => {
    const problem = frame(context, eles, pxRatio, extent);
    if (problem === null) {
      frames++;
      return;
    }
    fallback = problem;
    console.warn(`Batched drawing off, Cytoscape draws every element from now on: ${problem}.`);
    uninstall();
    original.call(r, context, eles, pxRatio, extent);
  };
  r.getCachedZSortedEles = (forceRecalc?: boolean) => zOrder.getCachedZSortedEles(forceRecalc);
  r.updateCachedGrabbedEles = () => zOrder.updateCachedGrabbedEles();
  return {
    frames: () => frames,
    fallback: () => fallback,
    nonconformities: () => cytoscapeNonconformities(cy, cytoscapes),
    uninstall() {
      if (!installed) return;
      uninstall();
      cy.forceRender();
    },
  };
}

type DrawLayer = CanvasRendererInternals['drawLayeredElements'];

/**
 * One frame of the main layer in batches; returns null when drawn, or, having drawn nothing,
 * why Cytoscape must draw it: a sample of the frame's elements (the first one, the first
 * visible node and edge) that does not meet the contract, compound nodes, an element with a
 * z-order batched drawing refuses, or an error thrown on the way (an internal that changed in
 * a way the sample did not show).
 */
function batchedFrame(
  r: CanvasRendererInternals,
  lookOf: (ele: RenderedElement) => Look,
  zOrder: ZOrderTracker,
): (...args: Parameters<DrawLayer>) => string | null {
  const layer = new NodeLayer();
  const batches = new EdgeBatches();
  let kept: KeptNodes | null = null;
  return (context, eles, pxRatio, extent) => {
    try {
      const first = eles.length > 0 ? elementNonconformities(eles[0], false) : [];
      if (first.length > 0) return elementProblem(first);
      if (r.cy.hasCompoundNodes()) return 'compound nodes (parents and children) were added';
      const records = zOrder.recordsOf(eles);
      if (records) zOrder.verifyRecords(eles, records);
      const scale = r.cy.zoom() * pxRatio;
      // Labels show where Cytoscape would show them: at the scale of its texture level.
      const textureScale = 2 ** Math.ceil(Math.log2(scale));
      // Read before the walk: a change the walk itself causes makes the next frame walk again.
      const revision = zOrder.nodeRevision;
      const nodesStart = records && zOrder.nodesStart(records);
      const reuse =
        nodesStart != null && kept?.revision === revision && kept.textureScale === textureScale;
      const frame = collect(
        eles,
        records,
        lookOf,
        layer,
        textureScale,
        reuse ? nodesStart : eles.length,
        extent,
      );
      if (typeof frame === 'string') return frame;
      if (reuse) {
        frame.nodes = kept!.nodes;
        const sample = frame.nodes[0];
        const problems = sample ? elementNonconformities(sample.ele, true) : [];
        if (problems.length > 0) return elementProblem(problems);
      } else kept = records ? { revision, textureScale, nodes: frame.nodes } : null;
      batches.draw(context, frame.edges, scale);
      for (const ele of frame.specialEdges) r.drawCachedElement(context, ele, pxRatio, extent);
      drawNodeLayer(r, layer, context, frame.nodes, pxRatio, extent);
      return null;
    } catch (error) {
      return `batched drawing failed (${String(error)})`;
    }
  };
}

interface Frame {
  edges: EdgesInSight;
  specialEdges: RenderedElement[];
  nodes: LayerRecord[];
}

/**
 * The nodes a frame drew, and what they were read under: the z-order's node revision and the
 * label texture scale. While both are the same, the next frame draws the same nodes without
 * reading them (during playback, steps add and remove edges, and thousands of nodes stay).
 */
interface KeptNodes {
  revision: number;
  textureScale: number;
  nodes: LayerRecord[];
}

/**
 * Sorts a frame's first `end` elements into batched edges, edges Cytoscape draws, and nodes;
 * or a problem. With `records` (the z-order's, in the order of `eles`), each element's look is
 * read from its record, so once a frame and with no lookup.
 */
function collect(
  eles: readonly RenderedElement[],
  records: readonly ElementRecord[] | null,
  lookOf: (ele: RenderedElement) => Look,
  layer: NodeLayer,
  textureScale: number,
  end: number,
  extent: Box,
): Frame | string {
  const frame: Frame = { edges: new EdgesInSight(extent), specialEdges: [], nodes: [] };
  let sampledNode = false;
  let sampledEdge = false;
  for (let i = 0; i < end; i++) {
    const ele = eles[i]!;
    const record = records?.[i] ?? null;
    const look = record ? recordedLook(record, ele, lookOf) : lookOf(ele);
    if (look.zOrder !== null) return `an element has the z-order ${look.zOrder}`;
    if (!(record ? recordedVisible(record, ele, look, lookOf) : isVisible(ele, look, lookOf)))
      continue;
    const isNode = ele._private.group === 'nodes';
    if (isNode ? !sampledNode : !sampledEdge) {
      const problems = elementNonconformities(ele, true);
      if (problems.length > 0) return elementProblem(problems);
      if (isNode) sampledNode = true;
      else sampledEdge = true;
    }
    if (isNode) {
      if (look.special) frame.nodes.push(layer.record(ele, null, false));
      else if (look.kind === 'node' && !look.invisible)
        frame.nodes.push(layer.record(ele, look, look.labelScale * textureScale >= 1));
    } else if (look.special) frame.specialEdges.push(ele);
    else if (look.kind === 'edge' && !look.invisible && !frame.edges.add(ele, look, record))
      frame.specialEdges.push(ele);
  }
  return frame;
}

const elementProblem = (problems: Nonconformity[]) =>
  `a drawn element is not as batched/internals.ts declares (${problems.map(describeNonconformity).join('; ')})`;

/** The main canvas gets the cached layer; other contexts (Cytoscape's snapshots) a fresh draw. */
function drawNodeLayer(
  r: CanvasRendererInternals,
  layer: NodeLayer,
  context: CanvasRenderingContext2D,
  nodes: LayerRecord[],
  pxRatio: number,
  extent: Box,
): void {
  if (context === r.data.contexts[r.NODE]) layer.draw(r, context, nodes, pxRatio, extent);
  else drawNodes(r, context, nodes, pxRatio, extent, null);
}
