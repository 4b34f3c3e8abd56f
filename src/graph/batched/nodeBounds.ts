/**
 * Node bounding boxes brought up to date before a frame's style update, not while the frame
 * draws.
 *
 * The node layer reads the bounding box of every node it draws anew (nodeLayer.ts). A node
 * that moved, was added or restyled has lost its box, and reading it makes Cytoscape compute
 * it and announce a `bounds` change. Cytoscape's renderer queues every node so announced, with
 * all its edges, for the rendered-style update that opens a frame (edge geometry, label
 * positions). Announced while a frame draws, the update runs again on the next frame and
 * recomputes every edge of those nodes although nothing changed: after a new layout of ten
 * thousand actors, a second frame of 1.9–2.9 s of CPU (docs/PERFORMANCE.md, "XL refined
 * layout: one long frame, not two"). Read just before the update, the announcement joins the
 * update of the same frame.
 */
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { CanvasRendererInternals } from './internals';

/**
 * Keeps the boxes of `cy`'s nodes current at the start of each frame that draws; returns the
 * function that stops it (Cytoscape offers no way to remove a frame callback, so the callback
 * stays and does nothing).
 */
export function keepNodeBoundsCurrent(cy: Core, r: CanvasRendererInternals): () => void {
  const stale = new Set<NodeSingular>();
  let reading = false;
  let active = true;
  const onBounds = (event: EventObject) => {
    // Reading the boxes below announces them again.
    if (!reading) stale.add(event.target as NodeSingular);
  };
  cy.on('bounds', 'node', onBounds);
  r.beforeRender(
    (willDraw) => {
      if (!active || !willDraw || stale.size === 0) return;
      const nodes = cy.collection();
      for (const node of stale) if (!node.removed()) nodes.merge(node);
      stale.clear();
      reading = true;
      try {
        nodes.boundingBox();
      } finally {
        reading = false;
      }
    },
    // Higher runs first: just before the rendered-style update.
    r.beforeRenderPriorities.eleCalcs + 1,
  );
  return () => {
    active = false;
    stale.clear();
    cy.off('bounds', 'node', onBounds);
  };
}
