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
 *   kept between frames while its edges do not change (paths.ts; a dense,
 *   zoomed-out view draws hairlines);
 * - keeps nodes on an offscreen layer that is redrawn only where nodes
 *   changed (nodeLayer.ts);
 * and its z-sort is replaced by an equivalent linear pass, which matters
 * because every playback step adds and removes edges (zOrder.ts).
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
 * The renderer members used are not Cytoscape's documented API
 * (internals.ts); `installBatchedDrawing` leaves Cytoscape's drawing in
 * place when one is missing, and a browser test fails if it is not
 * installed for a large graph.
 */
import type { Core } from 'cytoscape';
import {
  hasInternals,
  type Box,
  type CanvasRendererInternals,
  type RenderedElement,
} from './internals';
import { isVisible, lookCache } from './looks';
import { NodeLayer, type LayerRecord } from './nodeLayer';
import { drawNodes, EdgeBatches, EdgesInSight } from './paths';
import { partitionedZOrder, setsZOrder, splitDragged } from './zOrder';

/** Replaces Cytoscape's per-element drawing on this instance; false if it cannot. */
export function installBatchedDrawing(cy: Core): boolean {
  const r = (cy as unknown as { renderer(): unknown }).renderer();
  if (!hasInternals(r)) return false;
  const lookOf = lookCache(r);
  const layer = new NodeLayer();
  const batches = new EdgeBatches();
  r.drawLayeredElements = (context, eles, pxRatio, extent) => {
    const scale = r.cy.zoom() * pxRatio;
    // Labels show where Cytoscape would show them: at the scale of its texture level.
    const textureScale = 2 ** Math.ceil(Math.log2(scale));
    const edges = new EdgesInSight(extent);
    const specialEdges: RenderedElement[] = [];
    const nodes: LayerRecord[] = [];
    for (const ele of eles) {
      const look = lookOf(ele);
      if (!isVisible(ele, look, lookOf)) continue;
      if (ele._private.group === 'nodes') {
        if (look.special) nodes.push(layer.record(ele, null, false));
        else if (look.kind === 'node' && !look.invisible)
          nodes.push(layer.record(ele, look, look.labelScale * textureScale >= 1));
      } else if (look.special) specialEdges.push(ele);
      else if (look.kind === 'edge' && !look.invisible && !edges.add(ele, look))
        specialEdges.push(ele);
    }
    batches.draw(context, edges, scale);
    for (const ele of specialEdges) r.drawCachedElement(context, ele, pxRatio, extent);
    drawNodeLayer(r, layer, context, nodes, pxRatio, extent);
  };
  const stylesheet = (cy.style() as unknown as { json(): unknown }).json();
  if (!setsZOrder(stylesheet)) {
    r.getCachedZSortedEles = partitionedZOrder(r, lookOf);
    r.updateCachedGrabbedEles = () => splitDragged(r);
  }
  return true;
}

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
