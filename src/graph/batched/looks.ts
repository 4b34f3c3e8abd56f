/**
 * How an element looks, read once from its computed style and kept until
 * that style changes (Cytoscape renews `_private.styleKey`, a hash of every
 * style property, whenever it restyles an element). Elements whose style
 * needs more than a plain shape or line are `special`: Cytoscape draws them.
 * Equal looks are one object, so a frame can group elements by identity.
 */
import type { CanvasRendererInternals, RenderedElement } from './internals';

export type Look = SpecialLook | EdgeLook | NodeLook;

/** What Cytoscape's `visible()` needs: shown itself, and (for an edge) its ends take space. */
interface Visibility {
  /** `visibility: visible`, opacity above 0, `display: element`, a size. */
  shown: boolean;
  /** `display: element` and a size: an edge to this node can be visible. */
  takesSpace: boolean;
  /** `events: yes`, `visibility: visible`, takes space: Cytoscape's `interactive()` of itself. */
  interactive: boolean;
  /** A z-order batched drawing refuses (zOrder.ts), as text; null for the usual one. */
  zOrder: string | null;
  /** `z-index`: the order among elements of its group, edges or nodes (zOrder.ts). */
  zIndex: number;
}

interface SpecialLook extends Visibility {
  special: true;
}

export interface EdgeLook extends Visibility {
  special: false;
  kind: 'edge';
  /** Transparent (fading out): nothing to draw. */
  invisible: boolean;
  /** Batch key without the width, which is bucketed per frame. */
  lineKey: string;
  color: string;
  width: number;
  dash: readonly number[];
  arrow: ArrowLook | null;
  /** How far the line and arrow reach beyond the control points. */
  pad: number;
}

export interface ArrowLook {
  key: string;
  color: string;
  size: number;
  /** Cytoscape's unit polygon for the shape, or the radius of a circle. */
  points?: readonly number[];
  radius?: number;
}

export interface NodeLook extends Visibility {
  special: false;
  kind: 'node';
  invisible: boolean;
  shapeKey: string;
  shape: string;
  fill: string;
  border: string | null;
  borderWidth: number;
  w: number;
  h: number;
  cornerRadius: unknown;
  /** Font size over the minimum zoomed font size; 0 without a label. */
  labelScale: number;
}

/** Node shapes whose Cytoscape path code starts with `moveTo`, or an ellipse (see paths.ts). */
export const BATCHABLE_SHAPES: ReadonlySet<string> = new Set([
  'ellipse',
  'rectangle',
  'round-rectangle',
  'triangle',
  'diamond',
  'pentagon',
  'hexagon',
  'heptagon',
  'octagon',
  'star',
  'tag',
  'vee',
  'rhomboid',
]);

/** The values of z-order properties batched drawing draws as Cytoscape would (zOrder.ts). */
export const HANDLED_Z_ORDER: Readonly<Record<string, readonly unknown[]>> = {
  'z-compound-depth': ['auto', 'orphan'],
  'z-index-compare': ['auto'],
};

const DASHES: Record<string, readonly number[]> = { solid: [], dotted: [1, 1] };

const rgba = (c: readonly number[], alpha: number) => `rgba(${c[0]},${c[1]},${c[2]},${alpha})`;

/** A function giving each element's look, cached per element until its style changes. */
export function lookCache(r: CanvasRendererInternals): (ele: RenderedElement) => Look {
  const looks = new WeakMap<object, { styleKey: unknown; look: Look }>();
  const interned = new Map<string, Look>();
  return (ele) => {
    const p = ele._private;
    const cached = looks.get(p);
    if (cached && cached.styleKey === p.styleKey) return cached.look;
    const fresh = ele._private.group === 'nodes' ? nodeLook(r, ele) : edgeLook(r, ele);
    const key = JSON.stringify(fresh);
    let look = interned.get(key);
    if (!look) {
      look = fresh;
      interned.set(key, look);
    }
    looks.set(p, { styleKey: p.styleKey, look });
    return look;
  };
}

/** Cytoscape's `visible()` for an element whose look is known (no compound nodes). */
export function isVisible(ele: RenderedElement, look: Look, lookOf: (e: RenderedElement) => Look) {
  return look.shown && endsTakeSpace(ele, lookOf);
}

/** True for a node; for an edge, whether both its ends take space (else Cytoscape hides it). */
export function endsTakeSpace(ele: RenderedElement, lookOf: (e: RenderedElement) => Look) {
  const { source, target } = ele._private;
  return !source || !target || (lookOf(source).takesSpace && lookOf(target).takesSpace);
}

/** An element's computed z-order that batched drawing cannot draw, as text; null if none. */
function unsupportedZOrder(ele: RenderedElement): string | null {
  for (const [property, handled] of Object.entries(HANDLED_Z_ORDER)) {
    const value = ele.pstyle(property).value;
    if (!handled.includes(value)) return `"${property}: ${String(value)}"`;
  }
  return null;
}

function visibility(ele: RenderedElement): Visibility {
  const takesSpace =
    ele.pstyle('display').value === 'element' &&
    ele.width() !== 0 &&
    (ele._private.group !== 'nodes' || ele.height() !== 0);
  const visibility = ele.pstyle('visibility').value === 'visible';
  const shown = takesSpace && visibility && ele.pstyle('opacity').pfValue !== 0;
  const interactive = takesSpace && visibility && ele.pstyle('events').value === 'yes';
  return {
    shown,
    takesSpace,
    interactive,
    zOrder: unsupportedZOrder(ele),
    zIndex: Number(ele.pstyle('z-index').value),
  };
}

function edgeLook(r: CanvasRendererInternals, ele: RenderedElement): Look {
  const style = (name: string) => ele.pstyle(name);
  const seen = visibility(ele);
  if (
    style('underlay-opacity').value !== 0 ||
    style('overlay-opacity').value !== 0 ||
    style('label').strValue !== '' ||
    style('line-outline-width').pfValue > 0 ||
    style('ghost').value === 'yes' ||
    style('source-arrow-shape').value !== 'none' ||
    style('mid-source-arrow-shape').value !== 'none' ||
    style('mid-target-arrow-shape').value !== 'none' ||
    style('target-arrow-fill').value !== 'filled' ||
    style('curve-style').value === 'straight-triangle'
  )
    return { special: true, ...seen };
  const alpha = (style('opacity').value as number) * (style('line-opacity').value as number);
  const rgb = style('line-color').value as number[];
  const width = style('width').pfValue;
  const lineStyle = style('line-style').value as string;
  const arrowShape = style('target-arrow-shape').value as string;
  const arrowSize = r.getArrowWidth(width, style('arrow-scale').value as number);
  let arrow: ArrowLook | null = null;
  if (arrowShape !== 'none') {
    const shape = r.arrowShapes[arrowShape];
    const geometry =
      arrowShape === 'circle' && shape?.radius !== undefined
        ? { radius: shape.radius }
        : arrowShape === 'triangle' && shape?.points
          ? { points: shape.points }
          : null;
    if (!geometry) return { special: true, ...seen };
    const arrowRgb = style('target-arrow-color').value as number[];
    arrow = {
      key: `${arrowRgb.join()}|${alpha}`,
      color: rgba(arrowRgb, alpha),
      size: arrowSize,
      ...geometry,
    };
  }
  return {
    ...seen,
    special: false,
    kind: 'edge',
    invisible: alpha === 0,
    lineKey: `${rgb.join()}|${alpha}|${lineStyle}`,
    color: rgba(rgb, alpha),
    width,
    dash: DASHES[lineStyle] ?? (style('line-dash-pattern').pfValue as unknown as number[]),
    arrow,
    pad: width + (arrow ? arrowSize : 0),
  };
}

function nodeLook(r: CanvasRendererInternals, ele: RenderedElement): Look {
  const style = (name: string) => ele.pstyle(name);
  const seen = visibility(ele);
  const shape = r.getNodeShape(ele);
  if (
    !BATCHABLE_SHAPES.has(shape) ||
    style('overlay-opacity').value !== 0 ||
    style('underlay-opacity').value !== 0 ||
    style('outline-width').pfValue > 0 ||
    style('border-style').value !== 'solid' ||
    style('background-blacken').value !== 0 ||
    (style('background-image').value as string[]).some((u) => u && u !== 'none')
  )
    return { special: true, ...seen };
  // The adapter makes no compound nodes, so a parent's style never changes this.
  const opacity = ele.effectiveOpacity();
  const padding = ele.padding();
  const fill = style('background-color').value as number[];
  const fillAlpha = (style('background-opacity').value as number) * opacity;
  const borderWidth = style('border-width').pfValue;
  const borderRgb = style('border-color').value as number[];
  const borderAlpha = (style('border-opacity').value as number) * opacity;
  const hasBorder = borderWidth > 0 && borderAlpha > 0;
  const cornerRadius = style('corner-radius');
  return {
    ...seen,
    special: false,
    kind: 'node',
    invisible: opacity === 0,
    shapeKey: `${fill.join()}|${fillAlpha}|${hasBorder ? `${borderRgb.join()}|${borderAlpha}|${borderWidth}` : ''}`,
    shape,
    fill: rgba(fill, fillAlpha),
    border: hasBorder ? rgba(borderRgb, borderAlpha) : null,
    borderWidth: hasBorder ? borderWidth : 0,
    w: ele.width() + 2 * padding,
    h: ele.height() + 2 * padding,
    cornerRadius: cornerRadius.value === 'auto' ? 'auto' : cornerRadius.pfValue,
    labelScale:
      style('label').strValue !== ''
        ? style('font-size').pfValue / style('min-zoomed-font-size').pfValue
        : 0,
  };
}
