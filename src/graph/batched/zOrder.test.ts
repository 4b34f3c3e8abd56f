/**
 * The z-order kept across steps (ZOrderTracker) against the same order computed from scratch
 * and against Cytoscape's own sort: random playback-like steps (edges added and removed in
 * batches, actors born and dissolved, restyles that lift, sink, hide and deafen elements, drags,
 * pans and zooms), each compared after the renderer drops its list as Cytoscape does.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import type { RenderedElement, ZSorted } from './internals';
import { lookCache, type Look } from './looks';
import { EdgesInSight } from './paths';
import { rendererDouble, type RendererDouble } from './rendererDouble';
import { recordedLook, recordedVisible, ZOrderTracker, type ElementRecord } from './zOrder';

let cy: Core;
afterEach(() => cy?.destroy());

const STYLE: StylesheetJson = [
  { selector: 'node', style: { 'background-color': '#cc3311' } },
  { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
  { selector: '.up', style: { 'z-index': 2 } },
  { selector: '.top', style: { 'z-index': 3 } },
  { selector: '.down', style: { 'z-index': -1 } },
  { selector: '.filtered', style: { display: 'none' } },
  { selector: '.deaf', style: { events: 'no' } },
  { selector: '.dormant', style: { opacity: 0.3 } },
];
const CLASSES = ['up', 'top', 'down', 'filtered', 'deaf', 'dormant'];

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = (eles: readonly RenderedElement[]) =>
  eles.map((e) => (e as unknown as { id(): string }).id());

const picture = (eles: ZSorted) => ({
  order: ids(eles),
  interactive: ids(eles.interactive),
  drag: ids(eles.drag),
  nondrag: ids(eles.nondrag),
});

function graph(nodes: number, edges: number, next: () => number): Core {
  const elements: ElementDefinition[] = [];
  for (let i = 0; i < nodes; i++)
    elements.push({ data: { id: `n${i}` }, position: { x: (i % 10) * 60, y: (i / 10) * 60 } });
  for (let i = 0; i < edges; i++)
    elements.push({
      data: {
        id: `e${i}`,
        source: `n${Math.floor(next() * nodes)}`,
        target: `n${Math.floor(next() * nodes)}`,
      },
    });
  return cytoscape({ headless: true, styleEnabled: true, style: STYLE, elements });
}

/**
 * What a frame reads from the records (install.ts) is what it would read element by element:
 * each look, Cytoscape's visible(), and the edges in sight with their kept boxes, after the
 * renderer computed the geometry of the step (ends dragged, parallel edges come and gone).
 */
function framesReadRecords(
  r: RendererDouble,
  list: ZSorted,
  records: readonly ElementRecord[] | null,
  lookOf: (ele: RenderedElement) => Look,
  at: string,
): void {
  expect(records, at).not.toBeNull();
  (r as unknown as { findEdgeControlPoints(edges: unknown): void }).findEdgeControlPoints(
    cy.edges(),
  );
  const extent = { x1: 0, y1: 0, x2: 200, y2: 150 };
  const [withRecords, without] = [new EdgesInSight(extent), new EdgesInSight(extent)];
  list.forEach((ele, i) => {
    const record = records![i]!;
    const look = recordedLook(record, ele, lookOf);
    expect(look, `${at}: ${ids([ele])[0]}`).toBe(lookOf(ele));
    expect(recordedVisible(record, ele, look, lookOf), `${at}: ${ids([ele])[0]}`).toBe(
      ele.visible(),
    );
    if (look.special || look.kind !== 'edge' || !ele.visible()) return;
    withRecords.add(ele, look, record);
    without.add(ele, look, null);
  });
  expect(ids(withRecords.edges), at).toEqual(ids(without.edges));
}

describe('ZOrderTracker', () => {
  it.each([1, 2, 3, 4])(
    'gives after every step what a sort from scratch and Cytoscape give (seed %i)',
    (seed) => {
      const next = random(seed);
      cy = graph(40, 120, next);
      const r = rendererDouble(cy);
      const lookOf = lookCache(r);
      const tracker = new ZOrderTracker(r, lookOf);
      tracker.getCachedZSortedEles();
      const pick = <T>(list: ArrayLike<T>) => list[Math.floor(next() * list.length)]!;
      let added = 0;

      for (let step = 0; step < 40; step++) {
        const change = () => {
          // A playback step: a few relations end, a few begin.
          const edges = cy.edges();
          const leaving = cy.collection();
          for (let i = 0; i < 1 + next() * 6; i++) leaving.merge(pick(edges));
          leaving.remove();
          for (let i = 0; i < 1 + next() * 6; i++) {
            const nodes = cy.nodes();
            cy.add({
              data: { id: `x${added++}`, source: pick(nodes).id(), target: pick(nodes).id() },
            });
          }
          // Restyles: classes that change z-index, display, events or only the colour.
          for (let i = 0; i < next() * 4; i++) pick(cy.elements()).toggleClass(pick(CLASSES));
          if (next() < 0.15) cy.add({ data: { id: `x${added++}` }, position: { x: 0, y: 0 } });
          if (next() < 0.1) pick(cy.nodes()).remove();
          // Added and removed before the renderer looks.
          const [s, t] = [pick(cy.nodes()).id(), pick(cy.nodes()).id()];
          if (next() < 0.1) cy.add({ data: { id: `x${added++}`, source: s, target: t } }).remove();
        };
        if (next() < 0.5) cy.batch(change);
        else change();
        if (next() < 0.2) {
          // A drag: Cytoscape marks the node and its edges, then asks for the split.
          const node = pick(cy.nodes()) as unknown as RenderedElement;
          node._private.grabbed = true;
          for (const e of (
            node as unknown as { connectedEdges(): { toArray(): RenderedElement[] } }
          )
            .connectedEdges()
            .toArray())
            e._private.rscratch.inDragLayer = true;
          tracker.updateCachedGrabbedEles();
          (node as unknown as { position(p: object): void }).position({
            x: next() * 700 - 100,
            y: next() * 500 - 100,
          });
        } else if (next() < 0.3)
          for (const ele of cy.elements().toArray() as unknown as RenderedElement[]) {
            ele._private.grabbed = false;
            ele._private.rscratch.inDragLayer = false;
          }
        cy.zoom(0.5 + next());
        cy.pan({ x: next() * 100, y: next() * 100 });

        // Cytoscape drops its list after additions, removals and z-order restyles.
        r.cachedZSortedEles = null;
        const list = tracker.getCachedZSortedEles();
        const kept = picture(list);
        framesReadRecords(r, list, tracker.recordsOf(list), lookOf, `step ${step}`);

        // The same renderer with no list yet: a new tracker, and Cytoscape's own methods.
        const unsorted = () =>
          Object.create(r, { cachedZSortedEles: { value: null, writable: true } }) as typeof r;
        const fromScratch = new ZOrderTracker(unsorted(), lookOf);
        const scratch = picture(fromScratch.getCachedZSortedEles());
        fromScratch.dispose();
        expect(kept, `step ${step}`).toEqual(scratch);
        const cytoscapes = unsorted();
        cytoscapes.getCachedZSortedEles(true);
        cytoscapes.updateCachedGrabbedEles();
        expect(kept, `step ${step}`).toEqual(picture(cytoscapes.cachedZSortedEles!));
      }
      // Every step followed the pool; none had to read the whole graph again.
      expect(tracker.resyncs).toBe(0);
      tracker.dispose();
    },
  );

  it('hands out the same list while nothing in it changed, and a new one when a class lifts an element', () => {
    cy = graph(5, 6, random(9));
    const r = rendererDouble(cy);
    const tracker = new ZOrderTracker(r, lookCache(r));
    const first = tracker.getCachedZSortedEles();
    // A colour-only restyle (Cytoscape drops its list for opacity or display changes too).
    cy.getElementById('n1').addClass('dormant');
    r.cachedZSortedEles = null;
    expect(tracker.getCachedZSortedEles()).toBe(first);
    cy.getElementById('n1').addClass('up');
    r.cachedZSortedEles = null;
    const lifted = tracker.getCachedZSortedEles();
    expect(lifted).not.toBe(first);
    expect(ids(lifted).at(-1)).toBe('n1');
    tracker.dispose();
  });

  it('reads every look again when a style key changed with no style event', () => {
    cy = graph(5, 6, random(7));
    const r = rendererDouble(cy);
    const lookOf = lookCache(r);
    const tracker = new ZOrderTracker(r, lookOf);
    const list = tracker.getCachedZSortedEles();
    const records = tracker.recordsOf(list)!;
    tracker.verifyRecords(list, records);
    expect(records.some((record) => record.restyled)).toBe(false);
    // A restyle Cytoscape did not announce (no event): the records' looks cannot be trusted.
    tracker.dispose();
    cy.getElementById('n2').addClass('up');
    const n2 = cy.getElementById('n2') as unknown as RenderedElement;
    n2.pstyle('z-index');
    const at = list.indexOf(n2);
    tracker.verifyRecords([n2], [records[at]!]);
    expect(records.every((record) => record.restyled)).toBe(true);
    expect(recordedLook(records[at]!, n2, lookOf)).toBe(lookOf(n2));
    // And the next sort reads the whole graph again, so n2 is lifted above the other nodes.
    expect(r.cachedZSortedEles).toBeNull();
    expect(ids(tracker.getCachedZSortedEles()).at(-1)).toBe('n2');
    expect(tracker.resyncs).toBe(1);
  });

  it('reads the whole graph again when the pool changed behind its back', () => {
    cy = graph(5, 6, random(5));
    const r = rendererDouble(cy);
    const tracker = new ZOrderTracker(r, lookCache(r));
    tracker.getCachedZSortedEles();
    tracker.dispose(); // no longer told of removals
    cy.getElementById('e0').remove();
    r.cachedZSortedEles = null;
    const after = tracker.getCachedZSortedEles();
    expect(tracker.resyncs).toBe(1);
    expect(ids(after)).toEqual(ids(rendererDouble(cy).getCachedZSortedEles(true)));
  });
});
