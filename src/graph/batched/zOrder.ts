/**
 * Cytoscape's z-order without its comparator sort. Cytoscape re-sorts every
 * element after each addition or removal with a comparator that reads four
 * style properties per comparison: during playback, where every step adds
 * and removes edges, that took about 3 ms a step for 2,000 elements and
 * much more at 10,000.
 *
 * For a stylesheet that sets none of `z-index`, `z-compound-depth` and
 * `z-index-compare`, in a graph without compound nodes (the adapter makes
 * none), Cytoscape's `zIndexSort` gives: edges under nodes, each in the
 * order they sit in Cytoscape's element pool. That is a linear partition.
 * A stylesheet that does set them gets Cytoscape's own sort.
 */
import type { CanvasRendererInternals, RenderedElement, ZSorted } from './internals';
import { endsTakeSpace, type Look } from './looks';

const Z_PROPERTIES = ['z-index', 'z-compound-depth', 'z-index-compare'];

/** Whether any rule of the stylesheet sets a z-order property. */
export function setsZOrder(stylesheet: unknown): boolean {
  if (!Array.isArray(stylesheet)) return true;
  return stylesheet.some((rule: { style?: Record<string, unknown> }) =>
    Object.keys(rule.style ?? {}).some((p) => Z_PROPERTIES.includes(p)),
  );
}

/**
 * A replacement for the renderer's `getCachedZSortedEles`, for a stylesheet without z-order.
 * Which elements take events is read from their cached looks (looks.ts), as Cytoscape's
 * `interactive()` would: `events: yes`, visible, taking space, and for an edge, ends that
 * take space.
 */
export function partitionedZOrder(
  r: CanvasRendererInternals,
  lookOf: (ele: RenderedElement) => Look,
): (forceRecalc?: boolean) => ZSorted {
  const interactive = (ele: RenderedElement) =>
    lookOf(ele).interactive && endsTakeSpace(ele, lookOf);
  return (forceRecalc = false) => {
    if (!forceRecalc && r.cachedZSortedEles) return r.cachedZSortedEles;
    const all = r.cy.mutableElements().toArray() as RenderedElement[];
    const nodes: RenderedElement[] = [];
    const eles = [] as unknown as ZSorted;
    for (const ele of all) {
      if (ele._private.group === 'nodes') nodes.push(ele);
      else eles.push(ele);
    }
    for (const node of nodes) eles.push(node);
    eles.interactive = eles.filter(interactive);
    r.cachedZSortedEles = eles;
    splitDragged(r);
    return eles;
  };
}

/**
 * The renderer's `updateCachedGrabbedEles` for a graph without compound nodes: elements on
 * the drag layer, the grabbed ones last (on top), and the rest.
 */
export function splitDragged(r: CanvasRendererInternals): void {
  const eles = r.cachedZSortedEles;
  if (!eles) return;
  const drag: RenderedElement[] = [];
  const nondrag: RenderedElement[] = [];
  const grabbed: RenderedElement[] = [];
  for (const ele of eles) {
    if (ele._private.grabbed) grabbed.push(ele);
    else if (ele._private.rscratch.inDragLayer) drag.push(ele);
    else nondrag.push(ele);
  }
  eles.drag = drag.concat(grabbed);
  eles.nondrag = nondrag;
}
