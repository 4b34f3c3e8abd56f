/**
 * The camera that shows a set of points whole, computed from the points
 * themselves. Cytoscape's own `fit` measures every element's bounding box,
 * which means computing every element's rendered style first: seconds for
 * thousands of actors (docs/PERFORMANCE.md, "Big imports"). Large graphs fit
 * on the known positions instead; labels are left out of the bounds, as
 * they are hidden while a large graph's camera moves.
 */
import type { Point } from '../layout';

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
