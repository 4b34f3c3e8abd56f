/**
 * The members of Cytoscape's canvas renderer (3.x) that batched drawing
 * uses. None is part of Cytoscape's documented API, so they are declared
 * here, in one place, and `install.ts` checks they exist before using them.
 */
import type { Core } from 'cytoscape';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** An element as the renderer hands it over: a one-element collection with internals. */
export interface RenderedElement {
  isNode(): boolean;
  visible(): boolean;
  interactive(): boolean;
  effectiveOpacity(): number;
  pstyle(name: string): { value: unknown; pfValue: number; strValue: string };
  position(): { x: number; y: number };
  width(): number;
  height(): number;
  padding(): number;
  boundingBox(): Box;
  _private: {
    group: 'nodes' | 'edges';
    grabbed: boolean;
    styleKey: unknown;
    rscratch: EdgeScratch;
    /** An edge's ends. */
    source?: RenderedElement;
    target?: RenderedElement;
  };
}

/** Geometry Cytoscape computes for an edge before drawing it. */
export interface EdgeScratch {
  edgeType?: string;
  allpts?: number[];
  badLine?: boolean;
  inDragLayer?: boolean;
  isRound?: boolean;
  arrowEndX?: number;
  arrowEndY?: number;
  tgtArrowAngle?: number;
}

/** Cytoscape's draw list: every element in z-order, split by whether it is being dragged. */
export type ZSorted = RenderedElement[] & {
  interactive: RenderedElement[];
  drag: RenderedElement[];
  nondrag: RenderedElement[];
};

export interface CanvasRendererInternals {
  /** Draws the main layer's elements; the context is already panned and zoomed. */
  drawLayeredElements(
    context: CanvasRenderingContext2D,
    eles: RenderedElement[],
    pxRatio: number,
    extent: Box,
  ): void;
  /** Cytoscape's own drawing of one element (body, label, overlays) from its textures. */
  drawCachedElement(
    context: CanvasRenderingContext2D,
    ele: RenderedElement,
    pxRatio: number,
    extent: Box,
  ): void;
  drawCachedElementPortion(
    context: CanvasRenderingContext2D,
    ele: RenderedElement,
    cache: unknown,
    pxRatio: number,
    lvl: number | undefined,
    reason: unknown,
    getRotation: () => number,
    getOpacity: (r: unknown, ele: RenderedElement) => number,
  ): void;
  getCachedZSortedEles(forceRecalc?: boolean): ZSorted;
  updateCachedGrabbedEles(): void;
  cachedZSortedEles: ZSorted | null;
  getNodeShape(ele: RenderedElement): string;
  getArrowWidth(edgeWidth: number, scale: number): number;
  nodeShapes: Record<string, { draw(path: Path2D, ...args: unknown[]): void }>;
  arrowShapes: Record<string, { points?: number[]; radius?: number }>;
  data: { lblTxrCache: unknown; contexts: CanvasRenderingContext2D[] };
  /** Index of the main (node) layer in `data.contexts`. */
  NODE: number;
  cy: Core & { mutableElements(): { toArray(): unknown[] } };
}

/**
 * The members above that a renderer lacks, by name (empty for Cytoscape's canvas renderer as of
 * 3.34.4, the version package.json pins): what changed when an upgrade breaks batched drawing.
 */
export function missingInternals(r: unknown): string[] {
  if (!r || typeof r !== 'object') return ['the renderer itself'];
  const o = r as Record<string, unknown>;
  const methods = [
    'drawLayeredElements',
    'drawCachedElement',
    'drawCachedElementPortion',
    'getCachedZSortedEles',
    'updateCachedGrabbedEles',
    'getNodeShape',
    'getArrowWidth',
  ].filter((m) => typeof o[m] !== 'function');
  const data = o.data as { contexts?: unknown } | undefined;
  const others: [string, boolean][] = [
    ['nodeShapes', typeof o.nodeShapes === 'object'],
    ['arrowShapes', typeof o.arrowShapes === 'object'],
    ['NODE', typeof o.NODE === 'number'],
    ['data.contexts', Array.isArray(data?.contexts)],
    [
      'cy.mutableElements',
      typeof (o.cy as { mutableElements?: unknown } | undefined)?.mutableElements === 'function',
    ],
  ];
  return [...methods, ...others.filter(([, ok]) => !ok).map(([name]) => name)];
}

/** Whether a renderer has every member above. */
export function hasInternals(r: unknown): r is CanvasRendererInternals {
  return missingInternals(r).length === 0;
}

export function intersects(a: Box, b: Box): boolean {
  return b.x2 >= a.x1 && b.x1 <= a.x2 && b.y2 >= a.y1 && b.y1 <= a.y2;
}
