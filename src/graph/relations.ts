/**
 * Relations on the canvas: mounting and unmounting their elements, the fades
 * as they come and go (the time diff), and the bows that spread parallel
 * relations between two actors.
 *
 * Only relations that are drawn live in Cytoscape: one is added when it
 * becomes active and removed when it ends (after its fade). Hidden elements
 * are not free in Cytoscape: every change re-sorts all elements by z-order
 * and every frame takes the bounding box of each one, hidden or not, so a
 * dataset with 10k relations of which 1k are active paid for 10k on each
 * step (docs/PERFORMANCE.md has the numbers).
 */
import type { CollectionReturnValue, EdgeSingular, ElementDefinition } from 'cytoscape';
import { parallelBows, type PairMember } from '../core/render/curves';
import type { GraphDiff } from '../core/temporal';
import { tokens } from '../core/tokens';
import { relationElement, relationIdOf } from './elements';
import { FADE_MS } from './style';
import { actorNode, relationEdge, type ViewState } from './viewState';

const GAP = tokens.size.parallelGap;

export const pairMember = (def: Pick<ElementDefinition, 'data'>): PairMember => ({
  id: def.data.id!,
  source: def.data.source!,
  target: def.data.target!,
});

/** The classes a relation's element is created with, without the day's 'off'. */
export function baseClasses(def: ElementDefinition): string {
  return String(def.classes)
    .split(' ')
    .filter((c) => c !== 'off')
    .join(' ');
}

export type Relations = ReturnType<typeof createRelations>;

export function createRelations(state: ViewState) {
  const { cy } = state;
  /** Relations' element definitions, made when first mounted (elements.ts says why). */
  const defs = new Map<string, ElementDefinition>();
  /** Relations fading out, by the fade (one timer per step) that will remove them. */
  const pendingHide = new Map<string, number>();
  const fadeTimers = new Set<ReturnType<typeof setTimeout>>();
  let fadeCount = 0;
  /** Work for the next frame, one callback per step (not one per edge), in one batch. */
  let nextFrame: (() => void)[] = [];
  let frameRequest = 0;

  function def(id: string): ElementDefinition | undefined {
    let known = defs.get(id);
    const relation = known ? undefined : state.model.relationsById.get(id);
    if (relation) defs.set(id, (known = relationElement(state.model, relation)));
    return known;
  }

  const isActive = (id: string) =>
    state.model.index.relationActiveDuring(state.model.relationIndex.get(id) ?? -1, state.span);

  // Each id's place looked up once, not twice per comparison (thousands of ids at a big mount).
  const byDatasetOrder = (ids: Iterable<string>) =>
    Array.from(ids, (id) => [state.model.relationIndex.get(id)!, id] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, id]) => id);

  /** Whether a mounted relation is shown, so takes a place among its pair's curves. */
  const takesPart = (e: EdgeSingular) =>
    !e.hasClass('filtered') && (!e.hasClass('off') || e.hasClass('overlay-shown'));

  const isDrawn = (e: EdgeSingular) =>
    !e.hasClass('off') &&
    !e.hasClass('filtered') &&
    !pendingHide.has(relationIdOf(e.id())) &&
    !e.source().hasClass('filtered') &&
    !e.target().hasClass('filtered');

  /**
   * Adds a relation's element with the classes the current view gives it; returns it (empty
   * while its actors are still waiting to be mounted: the relation slices mount it then).
   */
  function mount(id: string, extra = ''): EdgeSingular {
    const present = relationEdge(state, id);
    if (present.nonempty() || state.actorsPending) return present;
    const definition = def(id)!;
    const classes = [baseClasses(definition)];
    if (extra) classes.push(extra);
    if (state.filter.hiddenKinds.has(definition.data.kind as string)) classes.push('filtered');
    const marked = state.overlay?.relationClasses.get(id);
    if (marked) classes.push(marked);
    if (state.overlayShown.has(id)) classes.push('overlay-shown');
    if (!isActive(id)) classes.push('off');
    const ele = cy.add({ ...definition, classes: classes.join(' ') }) as unknown as EdgeSingular;
    state.mountedCount++;
    if (state.selection?.kind === 'relation' && state.selection.id === id) ele.select();
    rebow(definition);
    return ele;
  }

  /**
   * Removes relations' elements, unless an analysis overlay still shows them. One removal for
   * all: Cytoscape's `remove` looks at every element it holds (for compound nodes) on each call,
   * so removing a step's relations one by one cost O(graph) per relation.
   */
  function unmount(ids: Iterable<string>) {
    const leaving = cy.collection();
    const pairs: ElementDefinition[] = [];
    for (const id of ids) {
      pendingHide.delete(id);
      const ele = relationEdge(state, id);
      if (ele.empty()) continue;
      if (state.overlayShown.has(id)) ele.addClass('off').removeClass('fading');
      else leaving.merge(ele);
      pairs.push(def(id)!);
    }
    if (leaving.nonempty()) leaving.remove();
    for (const definition of pairs) rebow(definition);
  }

  /**
   * Takes a relation off the canvas at once, whatever shows it, and forgets its definition: the
   * model changed it (an edit). Its old pair's bows close up.
   */
  function discard(id: string) {
    pendingHide.delete(id);
    const known = defs.get(id);
    defs.delete(id);
    relationEdge(state, id).remove();
    if (known) rebow(known);
  }

  /** Spreads the relations shown between a relation's two actors (core/render/curves.ts). */
  function rebow(definition: ElementDefinition) {
    if (!state.ownCurves) return;
    const source = cy.getElementById(definition.data.source!);
    const between = source
      .edgesWith(cy.getElementById(definition.data.target!))
      .filter((e) => e.hasClass('relation') && takesPart(e));
    setBows(between);
  }

  function setBows(edges: CollectionReturnValue) {
    const bows = parallelBows(
      edges.map((e) => pairMember({ data: e.data() as ElementDefinition['data'] })),
      GAP,
    );
    edges.forEach((e) => {
      const bow = bows.get(e.id()) ?? 0;
      if (e.data('bow') !== bow) e.data('bow', bow);
    });
  }

  const rebowAll = () => {
    if (state.ownCurves) setBows(cy.edges('.relation').filter(takesPart));
  };

  function onNextFrame(fn: () => void) {
    nextFrame.push(fn);
    if (frameRequest !== 0) return;
    frameRequest = requestAnimationFrame(() => {
      frameRequest = 0;
      const work = nextFrame;
      nextFrame = [];
      cy.batch(() => work.forEach((f) => f()));
    });
  }

  function show(id: string, fromColor?: string) {
    const present = relationEdge(state, id);
    pendingHide.delete(id);
    if (!state.fades) {
      mount(id).removeClass('off fading');
      return;
    }
    if (fromColor) {
      // A flip: appear at once in the old colour, then blend to the new one.
      const ele = mount(id).removeClass('off fading');
      ele.style({ 'line-color': fromColor, 'target-arrow-color': fromColor });
      onNextFrame(() => ele.removeStyle('line-color target-arrow-color'));
      return;
    }
    // A new element starts transparent (one fading out is already); clearing the class on
    // the next frame runs the opacity transition.
    const ele = present.nonempty() ? present.removeClass('off') : mount(id, 'fading');
    onNextFrame(() => ele.removeClass('fading'));
  }

  /** Fades relations out, then removes them: one timer for all of a step's relations. */
  function hide(ids: string[]) {
    if (ids.length === 0) return;
    if (!state.fades) {
      unmount(ids);
      return;
    }
    const fade = ++fadeCount;
    for (const id of ids) {
      relationEdge(state, id).addClass('fading');
      pendingHide.set(id, fade);
    }
    const timer = setTimeout(() => {
      fadeTimers.delete(timer);
      cy.batch(() => {
        unmount(ids.filter((id) => pendingHide.get(id) === fade));
      });
    }, FADE_MS);
    fadeTimers.add(timer);
  }

  /** Applies the index's difference between two spans in one batch (see `GraphView.setDay`). */
  function applyDiff(diff: GraphDiff) {
    // A flipped pair blends from the colour of the relation that left.
    const flipColor = new Map<string, string>();
    for (const f of diff.flips) {
      const old = def(f.left[0]!)?.data.color as string | undefined;
      if (old) for (const id of f.entered) flipColor.set(id, old);
    }
    const flippedOut = new Set(diff.flips.flatMap((f) => f.left));
    cy.batch(() => {
      // A flipped-out relation goes at once: its successor takes its place.
      unmount(flippedOut);
      hide(diff.relationsLeft.filter((id) => !flippedOut.has(id)));
      for (const id of diff.relationsEntered) show(id, flipColor.get(id));
      for (const id of diff.actorsLeft) {
        state.alive.delete(id);
        actorNode(state, id).addClass('dormant');
      }
      for (const id of diff.actorsEntered) {
        state.alive.add(id);
        actorNode(state, id).removeClass('dormant');
      }
    });
  }

  function destroy() {
    for (const t of fadeTimers) clearTimeout(t);
    if (frameRequest !== 0) cancelAnimationFrame(frameRequest);
  }

  return {
    def,
    isActive,
    isDrawn,
    byDatasetOrder,
    mount,
    unmount,
    discard,
    rebow,
    rebowAll,
    applyDiff,
    destroy,
  };
}
