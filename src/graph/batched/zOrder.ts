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
 * itself, labels); between batches of different looks it is not kept (see
 * install.ts).
 *
 * Cytoscape re-sorts every element after each addition or removal with a
 * comparator that reads four style properties per comparison: during
 * playback, where every step adds and removes edges, that took about 3 ms a
 * step for 2,000 elements and about 1.3 s of 11 s of a profile of L's steps.
 * With those two properties at `auto`, its order is edges under nodes, each by
 * `z-index`, then in pool order: a linear partition, plus a sort of the few
 * elements whose `z-index` is not 0 (the emphasised ones, the keyboard
 * cursor), which replaces the sort.
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

/**
 * A replacement for the renderer's `getCachedZSortedEles`, for z-orders batched drawing
 * draws (`unsupportedZOrderRule` is null). Which elements take events is read from their cached looks (looks.ts), as Cytoscape's
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
    const edges = new ZIndexGroup();
    const nodes = new ZIndexGroup();
    for (const ele of all) {
      const z = lookOf(ele).zIndex;
      (ele._private.group === 'nodes' ? nodes : edges).add(ele, z);
    }
    const eles = [] as unknown as ZSorted;
    edges.appendTo(eles);
    nodes.appendTo(eles);
    eles.interactive = eles.filter(interactive);
    r.cachedZSortedEles = eles;
    splitDragged(r);
    return eles;
  };
}

/**
 * One group's elements (edges or nodes) in Cytoscape's order: by `z-index`, then in pool
 * order. Added in pool order; those at 0 (nearly all) stay in a list as they come, and only
 * the others are sorted (a stable sort keeps pool order among equal `z-index`).
 */
class ZIndexGroup {
  private below: { ele: RenderedElement; z: number }[] = [];
  private atZero: RenderedElement[] = [];
  private above: { ele: RenderedElement; z: number }[] = [];

  add(ele: RenderedElement, z: number): void {
    if (z === 0) this.atZero.push(ele);
    else (z < 0 ? this.below : this.above).push({ ele, z });
  }

  appendTo(out: RenderedElement[]): void {
    const byZ = (a: { z: number }, b: { z: number }) => a.z - b.z;
    for (const { ele } of this.below.sort(byZ)) out.push(ele);
    for (const ele of this.atZero) out.push(ele);
    for (const { ele } of this.above.sort(byZ)) out.push(ele);
  }
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
