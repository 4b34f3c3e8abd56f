/**
 * How an element looks, read once from its computed style and kept until
 * that style changes (Cytoscape renews `_private.styleKey`, a hash of every
 * style property, whenever it restyles an element). Elements whose style
 * needs more than a plain shape or line are `special`: Cytoscape draws them.
 */
import type { CanvasRendererInternals, RenderedElement } from './internals';

export type Look = { special: true } | EdgeLook | NodeLook;

export interface EdgeLook {
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

export interface NodeLook {
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
const BATCHABLE_SHAPES = new Set([
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

const DASHES: Record<string, readonly number[]> = { solid: [], dotted: [1, 1] };

const rgba = (c: readonly number[], alpha: number) => `rgba(${c[0]},${c[1]},${c[2]},${alpha})`;

/** A function giving each element's look, cached per element until its style changes. */
export function lookCache(r: CanvasRendererInternals): (ele: RenderedElement) => Look {
  const looks = new WeakMap<object, { styleKey: unknown; look: Look }>();
  return (ele) => {
    const p = ele._private;
    const cached = looks.get(p);
    if (cached && cached.styleKey === p.styleKey) return cached.look;
    const look = ele.isNode() ? nodeLook(r, ele) : edgeLook(r, ele);
    looks.set(p, { styleKey: p.styleKey, look });
    return look;
  };
}

function edgeLook(r: CanvasRendererInternals, ele: RenderedElement): Look {
  const style = (name: string) => ele.pstyle(name);
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
    return { special: true };
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
    if (!geometry) return { special: true };
    const arrowRgb = style('target-arrow-color').value as number[];
    arrow = {
      key: `${arrowRgb.join()}|${alpha}`,
      color: rgba(arrowRgb, alpha),
      size: arrowSize,
      ...geometry,
    };
  }
  return {
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
    return { special: true };
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
