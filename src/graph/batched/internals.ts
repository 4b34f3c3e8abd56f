/**
 * The contract between batched drawing and Cytoscape: every member of
 * Cytoscape's canvas renderer, and every field or method of its elements,
 * that batched drawing uses although Cytoscape does not document it. Each
 * is declared once below (`RENDERER_INTERNALS`, `ELEMENT_INTERNALS`): its
 * name, what it is in Cytoscape 3.34.4 (the version package.json pins), where
 * batched drawing uses it, and a check of its type and meaning.
 *
 * The checks run in three places: the conformance test (conformance.test.ts,
 * against Cytoscape's own renderer code), `installBatchedDrawing` (which
 * refuses a renderer that fails one) and every frame it draws (a sample of
 * the frame's elements; a failure hands drawing back to Cytoscape).
 */
import type { Core } from 'cytoscape';
import { BATCHABLE_SHAPES } from './looks';

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
  /** Runs `fn` at the start of every frame, higher priorities first. */
  beforeRender(fn: (willDraw: boolean) => void, priority: number): void;
  /** The priorities of Cytoscape's own frame callbacks. */
  beforeRenderPriorities: { eleCalcs: number };
  updateCachedGrabbedEles(): void;
  cachedZSortedEles: ZSorted | null;
  getNodeShape(ele: RenderedElement): string;
  getArrowWidth(edgeWidth: number, scale: number): number;
  nodeShapes: Record<string, { draw(path: Path2D, ...args: unknown[]): void }>;
  arrowShapes: Record<string, { points?: number[]; radius?: number }>;
  data: { lblTxrCache: unknown; contexts: CanvasRenderingContext2D[] };
  /** Index of the main (node) layer in `data.contexts`. */
  NODE: number;
  cy: Core & {
    mutableElements(): ArrayLike<unknown> & { toArray(): unknown[] };
    hasCompoundNodes(): boolean;
  };
}

/** One undocumented member batched drawing relies on. */
export interface Internal {
  /** Its path from the renderer or the element, as Cytoscape names it. */
  name: string;
  /** What it is in Cytoscape 3.34.4. */
  what: string;
  /** Where batched drawing uses it. */
  usedIn: string;
  /** Elements only: the ones it applies to ('drawn edge': an edge Cytoscape would draw now). */
  appliesTo?: 'edge' | 'drawn edge';
  /** Absent in a normal state too (so a rename shows only as a value of the wrong type). */
  mayBeAbsent?: true;
  /** Another internal this one reads: not checked (nor reported again) when that one fails. */
  needs?: string;
  /** What is wrong with `value` (the member, read at `name`), or null when it is as described. */
  check(value: unknown, subject: Record<string, unknown>): string | null;
}

/** A member that is missing, or not what the contract says: what changed in Cytoscape. */
export interface Nonconformity {
  name: string;
  problem: string;
}

/** The renderer's members, checked on the renderer as Cytoscape made it (before install). */
export const RENDERER_INTERNALS: readonly Internal[] = [
  {
    name: 'drawLayeredElements',
    what: "method (context, eles, pxRatio, extent): draws the main layer's elements each frame",
    usedIn: 'install.ts: replaced by the batched frame; the original kept for uninstall',
    check: method(4),
  },
  {
    name: 'drawCachedElement',
    what: "method (context, ele, pxRatio, extent, lvl, requestHighQuality): one element's body, labels and overlays",
    usedIn: 'install.ts, paths.ts: elements whose style needs more than a plain shape or line',
    check: method(6),
  },
  {
    name: 'drawCachedElementPortion',
    what: 'method (context, ele, txrCache, pxRatio, lvl, reason, getRotation, getOpacity): one texture of an element',
    usedIn: 'paths.ts: node labels, from the label texture cache',
    check: method(8),
  },
  {
    name: 'getCachedZSortedEles',
    what: 'method (forceRecalc): every element in z-order, with `interactive`, `drag` and `nondrag` lists',
    usedIn: 'zOrder.ts: replaced by a linear partition when no rule sets z-index',
    check: method(1),
  },
  {
    name: 'beforeRender',
    what: 'method (fn, priority): calls fn(willDraw, time) at the start of every frame, callbacks of higher priority first',
    usedIn: 'nodeBounds.ts: node bounding boxes read before the rendered-style update',
    check: method(2),
  },
  {
    name: 'beforeRenderPriorities.eleCalcs',
    what: "field: the priority of the frame callback that updates the rendered style (edge geometry, label positions) of the elements queued by 'bounds', 'dirty' and 'style' events",
    usedIn: 'nodeBounds.ts: its callback runs just before that update',
    check: (v) => (typeof v === 'number' ? null : `not a number (${typeName(v)})`),
  },
  {
    name: 'updateCachedGrabbedEles',
    what: 'method (): splits cachedZSortedEles into `drag` and `nondrag`',
    usedIn: 'zOrder.ts: replaced with the linear partition',
    check: method(0),
  },
  {
    name: 'cachedZSortedEles',
    what: 'field: the z-sorted list, null (or not yet set) until the renderer sorts',
    usedIn: 'zOrder.ts: read and written by the linear partition',
    mayBeAbsent: true,
    check: (v) => (v == null || Array.isArray(v) ? null : `not an array or null (${typeName(v)})`),
  },
  {
    name: 'getNodeShape',
    what: "method (node): the name of the node's shape in nodeShapes",
    usedIn: 'looks.ts: which shape code draws a node',
    check: method(1),
  },
  {
    name: 'getArrowWidth',
    what: 'method (edgeWidth, arrowScale): the size of an arrow in graph units',
    usedIn: 'looks.ts: arrow size and how far an edge reaches',
    check: (v, r) =>
      method(2)(v) ??
      (typeof (v as (w: number, s: number) => unknown).call(r, 1, 1) === 'number'
        ? null
        : 'does not return a number'),
  },
  {
    name: 'nodeShapes',
    what: 'field: shape name -> { draw(path, x, y, width, height, cornerRadius, rs) }',
    usedIn: 'paths.ts: node bodies drawn into one Path2D per colour',
    check: (v) => {
      if (!isObject(v)) return `not an object (${typeName(v)})`;
      const lacking = [...BATCHABLE_SHAPES].filter(
        (shape) => typeof (v[shape] as { draw?: unknown } | undefined)?.draw !== 'function',
      );
      return lacking.length ? `no draw() for ${lacking.join(', ')}` : null;
    },
  },
  {
    name: 'arrowShapes',
    what: 'field: arrow name -> shape; `triangle.points` a unit polygon, `circle.radius` a number',
    usedIn: 'looks.ts, paths.ts: target arrows drawn into one Path2D per colour',
    check: (v) => {
      if (!isObject(v)) return `not an object (${typeName(v)})`;
      const triangle = (v.triangle as { points?: unknown } | undefined)?.points;
      if (!isNumbers(triangle, 6)) return '`triangle.points` is not an array of numbers';
      const circle = (v.circle as { radius?: unknown } | undefined)?.radius;
      return typeof circle === 'number' ? null : '`circle.radius` is not a number';
    },
  },
  {
    name: 'data.lblTxrCache',
    what: 'field: the texture cache of element labels (getBoundingBox, getElement)',
    usedIn: 'paths.ts: handed to drawCachedElementPortion for node labels',
    check: (v) =>
      isObject(v) && typeof v.getElement === 'function' && typeof v.getBoundingBox === 'function'
        ? null
        : `not a texture cache with getElement() and getBoundingBox() (${typeName(v)})`,
  },
  {
    name: 'data.contexts',
    what: "field: the 2D contexts of the renderer's canvas layers",
    usedIn: 'install.ts: which context is the main layer',
    check: (v) => (Array.isArray(v) ? null : `not an array (${typeName(v)})`),
  },
  {
    name: 'NODE',
    what: 'field: index in data.contexts of the main layer, where nodes and edges are drawn',
    usedIn: 'install.ts: the main layer gets the cached node layer, snapshots a fresh draw',
    check: (v, r) => {
      const contexts = (r.data as { contexts?: unknown } | undefined)?.contexts;
      if (!Number.isInteger(v)) return `not an integer (${typeName(v)})`;
      if (!Array.isArray(contexts)) return null; // data.contexts says what is wrong
      const context = contexts[v as number] as { drawImage?: unknown } | undefined;
      return typeof context?.drawImage === 'function'
        ? null
        : 'data.contexts[NODE] is not a 2D context';
    },
  },
  {
    name: 'cy.mutableElements',
    what: "method (): the instance's pool of elements itself (indexed, with a length), in pool order; a removal moves the pool's last element into the hole",
    usedIn: 'zOrder.ts: the partition follows the pool by the slots a step changed',
    check: (v, r) => {
      const notMethod = method(0)(v);
      if (notMethod) return notMethod;
      const pool = (v as () => { length?: unknown; toArray?: unknown }).call(r.cy);
      if (typeof pool.length !== 'number' || typeof pool.toArray !== 'function')
        return 'does not return a collection';
      return (v as () => unknown).call(r.cy) === pool
        ? null
        : 'returns a new collection on each call, not the pool itself';
    },
  },
  {
    name: 'cy.hasCompoundNodes',
    what: 'method (): whether any node of the instance has a parent',
    usedIn: 'install.ts: compound nodes are refused, at install and in every frame',
    check: (v, r) =>
      method(0)(v) ??
      (typeof (v as () => unknown).call(r.cy) === 'boolean' ? null : 'does not return a boolean'),
  },
];

/** Elements' fields and methods, checked on elements Cytoscape has laid out for a frame. */
export const ELEMENT_INTERNALS: readonly Internal[] = [
  {
    name: '_private',
    what: "field: an element's internal state",
    usedIn: 'everywhere below',
    check: (v) => (isObject(v) ? null : `not an object (${typeName(v)})`),
  },
  {
    name: '_private.group',
    what: "field: 'nodes' or 'edges'",
    usedIn: 'install.ts, looks.ts, zOrder.ts: nodes and edges told apart without a call',
    check: (v, ele) => {
      const group = (ele.isNode as () => boolean).call(ele) ? 'nodes' : 'edges';
      return v === group ? null : `is ${JSON.stringify(v)} for an element of ${group}`;
    },
  },
  {
    name: '_private.styleKey',
    what: "field: a hash of the element's computed style, renewed when it is restyled (set once a rule matches the element: the app's stylesheet has one for every element)",
    usedIn: "looks.ts, nodeLayer.ts: an element's look is kept until this changes",
    check: (v) => (typeof v === 'number' ? null : `not a number (${typeName(v)})`),
  },
  {
    name: '_private.grabbed',
    what: 'field: whether the user holds the node',
    usedIn: 'zOrder.ts: grabbed elements go on the drag layer, on top',
    check: (v) => (typeof v === 'boolean' ? null : `not a boolean (${typeName(v)})`),
  },
  {
    name: '_private.rscratch',
    what: "field: the renderer's computed geometry of the element",
    usedIn: 'zOrder.ts, paths.ts',
    check: (v) => (isObject(v) ? null : `not an object (${typeName(v)})`),
  },
  {
    name: '_private.rscratch.inDragLayer',
    what: 'field: true while the element is drawn on the drag layer (undefined until dragged)',
    usedIn: 'zOrder.ts: the drag and non-drag lists',
    mayBeAbsent: true,
    check: (v) =>
      v === undefined || typeof v === 'boolean' ? null : `not a boolean (${typeName(v)})`,
  },
  {
    name: 'pstyle',
    what: 'method (property): the parsed style property { value, pfValue, strValue }',
    usedIn: 'looks.ts: every style property a look reads',
    needs: '_private',
    check: (v, ele) => {
      if (typeof v !== 'function') return `not a function (${typeName(v)})`;
      const width = v.call(ele, 'width') as { pfValue?: unknown; strValue?: unknown } | undefined;
      return typeof width?.pfValue === 'number' && typeof width.strValue === 'string'
        ? null
        : "pstyle('width') has no numeric pfValue and string strValue";
    },
  },
  {
    name: 'effectiveOpacity',
    what: "method (): the element's opacity times its parents'",
    usedIn: 'looks.ts, paths.ts: node colours and label opacity',
    needs: '_private',
    check: (v, ele) => numberFrom(v, ele),
  },
  {
    name: 'padding',
    what: "method (): a node's padding in graph units",
    usedIn: "looks.ts: a node's drawn size",
    needs: '_private',
    check: (v, ele) => numberFrom(v, ele),
  },
  {
    name: '_private.source',
    what: "field: an edge's source node",
    usedIn: 'looks.ts: an edge is visible only while its ends take space',
    appliesTo: 'edge',
    check: (v, ele) => endNode(v, ele, 'source'),
  },
  {
    name: '_private.target',
    what: "field: an edge's target node",
    usedIn: 'looks.ts: an edge is visible only while its ends take space',
    appliesTo: 'edge',
    check: (v, ele) => endNode(v, ele, 'target'),
  },
  {
    name: '_private.rscratch.edgeType',
    what: "field: the edge's geometry kind ('straight', 'bezier', 'multibezier', 'segments'…)",
    usedIn: 'paths.ts: how allpts is read (lines or quadratic curves)',
    appliesTo: 'drawn edge',
    check: (v) => (typeof v === 'string' ? null : `not a string (${typeName(v)})`),
  },
  {
    name: '_private.rscratch.allpts',
    what: "field: the edge's points x0, y0, x1, y1… from source to target (bezier: start, then control and end points in pairs)",
    usedIn: 'paths.ts: the path of every batched edge',
    appliesTo: 'drawn edge',
    check: (v) =>
      isNumbers(v) && v.length >= 4 && v.length % 2 === 0
        ? null
        : `not an even list of at least 4 numbers (${typeName(v)})`,
  },
  {
    name: '_private.rscratch.badLine',
    what: 'field: true when the edge cannot be drawn (its ends overlap)',
    usedIn: 'paths.ts: such edges are skipped, as Cytoscape skips them',
    appliesTo: 'drawn edge',
    check: (v) => (typeof v === 'boolean' ? null : `not a boolean (${typeName(v)})`),
  },
  {
    name: '_private.rscratch.isRound',
    what: "field: true for the 'round-…' curve styles",
    usedIn: 'paths.ts: rounded edges are left to Cytoscape',
    appliesTo: 'drawn edge',
    check: (v) => (typeof v === 'boolean' ? null : `not a boolean (${typeName(v)})`),
  },
  ...(['arrowEndX', 'arrowEndY', 'tgtArrowAngle'] as const).map((field): Internal => ({
    name: `_private.rscratch.${field}`,
    what:
      field === 'tgtArrowAngle'
        ? "field: the target arrow's angle in radians"
        : "field: where the target arrow's tip is, in graph units",
    usedIn: 'paths.ts: target arrows',
    appliesTo: 'drawn edge',
    check: (v) => (typeof v === 'number' ? null : `not a number (${typeName(v)})`),
  })),
];

/** What the renderer lacks of RENDERER_INTERNALS (empty when all is as declared). */
export function rendererNonconformities(r: unknown): Nonconformity[] {
  if (!isObject(r))
    return [{ name: 'the renderer itself', problem: `not an object (${typeName(r)})` }];
  return nonconformities(RENDERER_INTERNALS, r);
}

/**
 * What an element lacks of ELEMENT_INTERNALS. `drawn`: whether Cytoscape would draw it now
 * (visible, geometry computed for this frame), so the edge geometry applies.
 */
export function elementNonconformities(ele: unknown, drawn: boolean): Nonconformity[] {
  if (!isObject(ele))
    return [{ name: 'the element itself', problem: `not an object (${typeName(ele)})` }];
  const p = ele._private as { group?: unknown; rscratch?: { edgeType?: unknown } } | undefined;
  const edge = p?.group === 'edges';
  // Haystack edges have none of the geometry below; Cytoscape draws them (paths.ts).
  const geometry = drawn && p?.rscratch?.edgeType !== 'haystack';
  const applies = (i: Internal) => !i.appliesTo || (edge && (i.appliesTo === 'edge' || geometry));
  return nonconformities(ELEMENT_INTERNALS.filter(applies), ele);
}

/** A nonconformity as one line: the member's name first. */
export const describeNonconformity = (n: Nonconformity) => `${n.name}: ${n.problem}`;

/** Checks each internal; one whose parent (`a` for `a.b`) or `needs` failed is skipped. */
function nonconformities(
  internals: readonly Internal[],
  subject: Record<string, unknown>,
): Nonconformity[] {
  const found: Nonconformity[] = [];
  for (const internal of internals) {
    if (found.some((f) => internal.name.startsWith(`${f.name}.`) || internal.needs === f.name))
      continue;
    const value = valueAt(subject, internal.name);
    let problem: string | null;
    try {
      problem = internal.check(value, subject);
    } catch (error) {
      problem = `its check threw: ${String(error)}`;
    }
    if (problem)
      found.push({ name: internal.name, problem: value === undefined ? 'missing' : problem });
  }
  return found;
}

function valueAt(subject: Record<string, unknown>, path: string): unknown {
  let value: unknown = subject;
  for (const key of path.split('.')) {
    if (!isObject(value) && typeof value !== 'function') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function method(arity: number) {
  return (v: unknown) =>
    typeof v !== 'function'
      ? `not a function (${typeName(v)})`
      : v.length === arity
        ? null
        : `takes ${v.length} parameters, not ${arity}: its parameters changed`;
}

function numberFrom(v: unknown, ele: Record<string, unknown>): string | null {
  if (typeof v !== 'function') return `not a function (${typeName(v)})`;
  return typeof v.call(ele) === 'number' ? null : 'does not return a number';
}

/** An edge's end: the node element whose id the edge's data names. */
function endNode(
  v: unknown,
  ele: Record<string, unknown>,
  end: 'source' | 'target',
): string | null {
  const id = (ele.data as (key: string) => unknown).call(ele, end);
  const node = v as { _private?: { group?: unknown; data?: { id?: unknown } } } | undefined;
  return node?._private?.group === 'nodes' && node._private.data?.id === id
    ? null
    : `not the ${end} node ${JSON.stringify(id)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isNumbers(v: unknown, length?: number): v is number[] {
  return (
    Array.isArray(v) &&
    (length === undefined || v.length === length) &&
    v.every((x) => typeof x === 'number')
  );
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v;
}

export function intersects(a: Box, b: Box): boolean {
  return b.x2 >= a.x1 && b.x1 <= a.x2 && b.y2 >= a.y1 && b.y1 <= a.y2;
}
