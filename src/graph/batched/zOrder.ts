/**
 * Cytoscape's z-order, and what of it batched drawing keeps.
 *
 * Cytoscape's `zIndexSort` orders by `z-compound-depth`, then by
 * `z-index-compare` (`auto`: edges under nodes), then by `z-index`, then by
 * pool order. Batched drawing draws every edge before every node, so it
 * refuses the two properties that can lift an edge over a node or sink a node
 * under an edge: `z-compound-depth` other than `auto` (or `orphan`, the same
 * without compound nodes, which it also refuses) and `z-index-compare` other
 * than `auto`. `z-index` it keeps where Cytoscape draws (elements it draws
 * itself, labels), by leaving Cytoscape's sort in place; between batches of
 * different looks it is not kept (see install.ts).
 *
 * Cytoscape re-sorts every element after each addition or removal with a
 * comparator that reads four style properties per comparison: during
 * playback, where every step adds and removes edges, that took about 3 ms a
 * step for 2,000 elements and much more at 10,000. For a stylesheet without
 * `z-index`, its order is edges under nodes, each in pool order: a linear
 * partition, which replaces the sort.
 */
import type { CanvasRendererInternals, RenderedElement, ZSorted } from './internals';
import { endsTakeSpace, HANDLED_Z_ORDER, type Look } from './looks';

interface Rule {
  selector?: string;
  style?: Record<string, unknown>;
}

/** The first rule that sets a z-order batched drawing cannot draw, as text; null if none. */
export function unsupportedZOrderRule(stylesheet: unknown): string | null {
  if (!Array.isArray(stylesheet)) return 'a stylesheet that could not be read';
  for (const rule of stylesheet as Rule[])
    for (const [property, handled] of Object.entries(HANDLED_Z_ORDER)) {
      const value = rule.style?.[property];
      if (value !== undefined && !handled.includes(value))
        return `"${property}: ${String(value)}" (rule "${rule.selector ?? ''}")`;
    }
  return null;
}

/** Whether any rule sets a `z-index` other than 0 (then Cytoscape's own sort is kept). */
export function setsZIndex(stylesheet: unknown): boolean {
  if (!Array.isArray(stylesheet)) return true;
  return (stylesheet as Rule[]).some((rule) => {
    const z = rule.style?.['z-index'];
    return z !== undefined && z !== 0 && z !== '0';
  });
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
