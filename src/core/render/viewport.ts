/**
 * The camera that shows a set of points whole, computed from the points
 * themselves. Cytoscape's own `fit` measures every element's bounding box,
 * which means computing every element's rendered style first: seconds for
 * thousands of actors (docs/PERFORMANCE.md, "Big imports"). Large graphs fit
 * on the known positions instead; labels are left out of the bounds, as
 * they are hidden while a large graph's camera moves. Small graphs fit on
 * their symbols and placed labels (`fitLabelled`), so no label is cut at the
 * window's edge.
 */
import type { Point } from '../layout';
import { labelBox, type LabelItem, type LabelPlace } from './labels';

export interface Viewport {
  zoom: number;
  pan: Point;
}

export interface FitOptions {
  /** Screen size, in CSS pixels. */
  width: number;
  height: number;
  /** Margin kept around the points, in CSS pixels. */
  padding: number;
  /** How far each point's symbol reaches from its centre, in graph units. */
  radius: number;
  minZoom: number;
  maxZoom: number;
}

/** The zoom and pan that centre the points and fit them inside the padding; null if none. */
export function fitPoints(points: Iterable<Point>, o: FitOptions): Viewport | null {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (x1 > x2) return null;
  [x1, y1, x2, y2] = [x1 - o.radius, y1 - o.radius, x2 + o.radius, y2 + o.radius];
  const room = (length: number) => Math.max(1, length - 2 * o.padding);
  const zoom = Math.min(
    o.maxZoom,
    Math.max(o.minZoom, Math.min(room(o.width) / (x2 - x1), room(o.height) / (y2 - y1))),
  );
  return {
    zoom,
    pan: { x: (o.width - zoom * (x1 + x2)) / 2, y: (o.height - zoom * (y1 + y2)) / 2 },
  };
}

/** A canvas's size, in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * Whether two cameras show the same picture: the zoom equal but for rounding, the pan within
 * half a pixel (a difference no one could see, nor make on purpose).
 */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return (
    Math.abs(a.zoom - b.zoom) <= 1e-9 * Math.max(a.zoom, b.zoom) &&
    Math.abs(a.pan.x - b.pan.x) <= 0.5 &&
    Math.abs(a.pan.y - b.pan.y) <= 0.5
  );
}

/**
 * The camera for a canvas that changed size from `from` to `to`, keeping the zoom and the graph
 * point at the old canvas's centre at the new one's: the view a user zoomed or panned to stays
 * where they put it (a canvas only tells the renderer its new size, which keeps the top-left
 * corner and lets the centre drift by half the change).
 */
export function keepCentre(viewport: Viewport, from: Size, to: Size): Viewport {
  return {
    zoom: viewport.zoom,
    pan: {
      x: viewport.pan.x + (to.width - from.width) / 2,
      y: viewport.pan.y + (to.height - from.height) / 2,
    },
  };
}

/** An actor as the labelled fit sees it: its symbol, and its label where the placement put it. */
export interface LabelledPoint extends LabelItem {
  place: LabelPlace;
}

export interface LabelledFitOptions extends Omit<FitOptions, 'radius'> {
  /** The margin kept at the top instead of `padding` (controls laid over the canvas there). */
  paddingTop: number;
  /** Gap between a symbol and its label at a label scale, in graph units (as for `placeLabels`). */
  gapAt: (labelScale: number) => number;
  /**
   * The scale labels are drawn at for a zoom: 1 when they scale with the picture; larger when
   * zoomed out on a phone, where labels keep a screen size (graph/labels.ts `setMinLabelPx`).
   * Must not shrink the labels' screen size as the zoom grows (zoom × scale never decreases).
   */
  labelScaleAt: (zoom: number) => number;
}

/** The search for the zoom steps down from the symbols' fit by this factor until all fits... */
const ZOOM_STEP_DOWN = 0.9;
/**
 * ...then narrows the last step to within this share of the zoom: under a pixel across a canvas
 * up to 1,250 px wide.
 */
const ZOOM_PRECISION = 0.0008;
/** Tries at most in that narrowing (each places every label again on a phone); 2-4 usually do. */
const MAX_NARROWING_TRIES = 12;

/**
 * The zoom and pan that show every symbol and every shown label whole inside the padding,
 * centred; null if there are no points. `pointsAt` gives the points with their labels placed as
 * the view would place them at a label scale (graph/labels.ts): on a phone labels keep a screen
 * size, so zooming out to make room for them grows them in graph units, and the placement pass
 * then moves or hides some. A bounding box measured at one zoom does not do, so the zoom is
 * searched: from the fit of the symbols alone (labels only add), down by steps until the points
 * placed at that zoom's scale fit (not by a guess: as the placement moves and hides labels, a
 * zoom that fits can lie above one that does not), then within that last step by interpolating
 * between the zoom that fitted and the one above that did not, halving the step instead when an
 * interpolation gained little. At the smallest zoom the picture is centred even if it does not
 * fit.
 */
export function fitLabelled(
  pointsAt: (labelScale: number) => readonly LabelledPoint[],
  o: LabelledFitOptions,
): Viewport | null {
  const room = {
    width: Math.max(1, o.width - 2 * o.padding),
    height: Math.max(1, o.height - o.paddingTop - o.padding),
  };
  /** The picture at a zoom, and by how much it overfills the room (> 0) on its tighter axis. */
  const tryZoom = (zoom: number) => {
    const extent = screenExtent(pointsAt(o.labelScaleAt(zoom)), zoom, o);
    const excess = Math.max(
      (extent.x2 - extent.x1) / room.width,
      (extent.y2 - extent.y1) / room.height,
    );
    return { zoom, extent, excess: excess - 1 };
  };
  type Try = ReturnType<typeof tryZoom>;
  const symbols = pointsAt(o.labelScaleAt(o.maxZoom));
  if (symbols.length === 0) return null;
  const radius = symbols.reduce((r, p) => Math.max(r, p.radius), 0);
  const symbolsRoom = { ...o, height: o.height - (o.paddingTop - o.padding), radius };

  let tried = tryZoom(fitPoints(symbols, symbolsRoom)!.zoom);
  let tooBig = tried;
  while (tried.excess > 0 && tried.zoom > o.minZoom) {
    tooBig = tried;
    tried = tryZoom(Math.max(o.minZoom, tried.zoom * ZOOM_STEP_DOWN));
  }
  const fitting = tried.excess <= 0 && tooBig !== tried ? narrow(tried, tooBig) : tried;
  const e = fitting.extent;
  return {
    zoom: fitting.zoom,
    pan: {
      x: (o.width - e.x1 - e.x2) / 2,
      y: (o.height + o.paddingTop - o.padding - e.y1 - e.y2) / 2,
    },
  };

  /**
   * The largest zoom between one that fits and one above it that does not, to the precision:
   * each guess is an eighth of the precision below where the line through the two meets the
   * room, so that it fits and a zoom the precision above it does not.
   */
  function narrow(fitting: Try, tooBig: Try): Try {
    let poorGains = 0;
    for (let i = 0; i < MAX_NARROWING_TRIES; i++) {
      const margin = ZOOM_PRECISION * fitting.zoom;
      const bracket = tooBig.zoom - fitting.zoom;
      if (bracket <= margin * (1 + 1e-9)) break;
      // Two guesses in a row that took less than half the bracket: the overhang jumps inside
      // it (a label shown or hidden), so halve it instead.
      const slope = (tooBig.excess - fitting.excess) / bracket;
      const guess =
        poorGains >= 2
          ? fitting.zoom + bracket / 2
          : (fitting.zoom - fitting.excess / slope) * (1 - ZOOM_PRECISION / 8);
      const next = tryZoom(
        Math.min(Math.max(guess, fitting.zoom + margin), tooBig.zoom - margin / 2),
      );
      if (next.excess <= 0) fitting = next;
      else tooBig = next;
      poorGains = tooBig.zoom - fitting.zoom > bracket / 2 ? poorGains + 1 : 0;
    }
    return fitting;
  }
}

/** What the points and their labels cover at a zoom, in screen pixels before panning. */
function screenExtent(points: readonly LabelledPoint[], zoom: number, o: LabelledFitOptions) {
  const scale = o.labelScaleAt(zoom);
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const r = p.radius;
    x1 = Math.min(x1, p.x - r);
    y1 = Math.min(y1, p.y - r);
    x2 = Math.max(x2, p.x + r);
    y2 = Math.max(y2, p.y + r);
    if (p.place === 'hidden') continue;
    const label = labelBox(p, p.place, o.gapAt(scale), scale);
    x1 = Math.min(x1, label.x1);
    y1 = Math.min(y1, label.y1);
    x2 = Math.max(x2, label.x2);
    y2 = Math.max(y2, label.y2);
  }
  return { x1: x1 * zoom, y1: y1 * zoom, x2: x2 * zoom, y2: y2 * zoom };
}

/** A rectangle on the page, in CSS pixels, as `getBoundingClientRect` gives it. */
export interface PageRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Strips of the canvas narrower than this (CSS pixels) beside or below a cover count as
 * covered: a card inset by its margin, or stacked on another cover, hides the band as a sheet
 * does, and such a strip shows no actor one could make out (a symbol is about twice as big at
 * the zoom where labels are legible).
 */
const SLIVER_PX = 16;

/**
 * How much of a canvas's height, from its bottom edge up, covers hide (CSS pixels, rounded; 0
 * when none does). A cover counts when it spans the canvas's width and reaches its bottom edge,
 * or the top of a cover that counts, both to within a sliver: a phone's bottom sheet, the
 * first-visit card above the example's credit line. A card over one corner, or a side panel
 * beside the canvas (a desktop), leaves a band that is still in sight and does not count.
 */
export function obscuredBottom(canvas: PageRect, covers: Iterable<PageRect>): number {
  const spanning = [...covers]
    .filter(
      (c) =>
        c.bottom > c.top &&
        c.left <= canvas.left + SLIVER_PX &&
        c.right >= canvas.right - SLIVER_PX,
    )
    .sort((a, b) => b.bottom - a.bottom);
  let edge = canvas.bottom; // the top of the band covered so far
  for (const cover of spanning)
    if (cover.bottom >= edge - SLIVER_PX && cover.top < edge)
      edge = Math.max(canvas.top, cover.top);
  return Math.round(canvas.bottom - edge);
}

export interface RevealOptions extends LabelledFitOptions {
  /**
   * The smallest zoom the reveal zooms out to: where labels are drawn at their own size on a
   * phone, any smaller and they grow over their neighbours and are hidden. A camera already
   * zoomed out further is not zoomed out more.
   */
  legibleZoom: number;
}

/**
 * The camera that brings a selection into sight, or null when it is in sight already (every
 * symbol and shown label inside the margins). `pointsAt` gives the selection's actors (its own
 * and the counterparts it emphasises) placed at a label scale, `own` names its own ones. The
 * zoom stays unless the actors do not fit; then it zooms out, but not below `legibleZoom`, and
 * never so far that the selection's own actors (a relation's two ends) are cut off. The camera
 * pans as little as it takes: the selection stays where it is on screen, then moves just inside
 * the margins, its counterparts with it where they fit, else centred around it.
 */
export function revealLabelled(
  current: Viewport,
  pointsAt: (labelScale: number) => readonly LabelledPoint[],
  own: ReadonlySet<string>,
  o: RevealOptions,
): Viewport | null {
  const ownOf = (points: readonly LabelledPoint[]) => points.filter((p) => own.has(p.id));
  const now = pointsAt(o.labelScaleAt(current.zoom));
  if (ownOf(now).length === 0) return null;
  if (isInside(screenExtent(now, current.zoom, o), current.pan, o)) return null;

  const allFit = fitLabelled(pointsAt, o)!.zoom;
  const ownFit = fitLabelled((scale) => ownOf(pointsAt(scale)), o)!.zoom;
  const floor = Math.min(current.zoom, o.legibleZoom);
  const zoom = Math.min(ownFit, allFit >= current.zoom ? current.zoom : Math.max(allFit, floor));

  const placed = pointsAt(o.labelScaleAt(zoom));
  const whole = screenExtent(placed, zoom, o);
  const mine = screenExtent(ownOf(placed), zoom, o);
  const mineNow = screenExtent(ownOf(now), current.zoom, o);
  // Zoomed about the selection: its centre keeps its place on screen before the nudges.
  let pan = {
    x: current.pan.x + (mineNow.x1 + mineNow.x2 - mine.x1 - mine.x2) / 2,
    y: current.pan.y + (mineNow.y1 + mineNow.y2 - mine.y1 - mine.y2) / 2,
  };
  pan = nudgeInside(whole, pan, o);
  pan = nudgeInside(mine, pan, o);
  return { zoom, pan };
}

type Extent = ReturnType<typeof screenExtent>;

/** Whether an extent, panned, lies inside the canvas's margins. */
function isInside(e: Extent, pan: Point, o: LabelledFitOptions): boolean {
  return (
    e.x1 + pan.x >= o.padding - 0.5 &&
    e.x2 + pan.x <= o.width - o.padding + 0.5 &&
    e.y1 + pan.y >= o.paddingTop - 0.5 &&
    e.y2 + pan.y <= o.height - o.padding + 0.5
  );
}

/**
 * The pan moved as little as it takes to bring an extent inside the margins, each axis on its
 * own; an extent longer than the room on an axis is centred on it.
 */
function nudgeInside(e: Extent, pan: Point, o: LabelledFitOptions): Point {
  const shift = (lo: number, hi: number, min: number, max: number) => {
    if (hi - lo > max - min) return (min + max - lo - hi) / 2;
    if (lo < min) return min - lo;
    if (hi > max) return max - hi;
    return 0;
  };
  return {
    x: pan.x + shift(e.x1 + pan.x, e.x2 + pan.x, o.padding, o.width - o.padding),
    y: pan.y + shift(e.y1 + pan.y, e.y2 + pan.y, o.paddingTop, o.height - o.padding),
  };
}
