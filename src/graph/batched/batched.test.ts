import cytoscape, { type Core } from 'cytoscape';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanvasRendererInternals, RenderedElement } from './internals';
import { isVisible, lookCache } from './looks';
import { unsupportedZOrderRule, ZOrderTracker } from './zOrder';

/** A headless graph, and the renderer members the batched code reads that need no canvas. */
function setup() {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'edge', style: { 'target-arrow-shape': 'triangle' } },
      { selector: '.gone', style: { display: 'none' } },
      { selector: '.hidden', style: { visibility: 'hidden' } },
      { selector: '.clear', style: { opacity: 0 } },
      { selector: '.deaf', style: { events: 'no' } },
    ],
    elements: [
      { data: { id: 'a' } },
      { data: { id: 'b' } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      { data: { id: 'c' }, classes: 'gone' },
      { data: { id: 'bc', source: 'b', target: 'c' } },
      { data: { id: 'd' }, classes: 'hidden' },
      { data: { id: 'ad', source: 'a', target: 'd' } },
      { data: { id: 'e' }, classes: 'clear deaf' },
      { data: { id: 'ae', source: 'a', target: 'e' }, classes: 'deaf' },
      { data: { id: 'ea', source: 'e', target: 'a' }, classes: 'clear' },
    ],
  });
  const r = {
    cy,
    cachedZSortedEles: null,
    getNodeShape: () => 'ellipse',
    getArrowWidth: (w: number, scale: number) => Math.max((w * 13.37) ** 0.9, 29) * scale,
    arrowShapes: { triangle: { points: [-0.15, -0.3, 0, 0, 0.15, -0.3] } },
  } as unknown as CanvasRendererInternals;
  return { cy, r };
}

const ids = (eles: readonly RenderedElement[]) =>
  eles.map((e) => (e as unknown as { id(): string }).id());
const elements = (cy: Core) => cy.elements().toArray() as unknown as RenderedElement[];

describe('z-order rules', () => {
  it('refuse what would lift an edge over a node or sink a node under an edge', () => {
    expect(unsupportedZOrderRule([{ selector: 'node', style: { width: 3 } }])).toBeNull();
    expect(
      unsupportedZOrderRule([{ selector: 'node', style: { 'z-compound-depth': 'auto' } }]),
    ).toBeNull();
    expect(unsupportedZOrderRule([{ selector: 'edge', style: { 'z-index': 9 } }])).toBeNull();
    expect(
      unsupportedZOrderRule([
        { selector: 'node' },
        { selector: ':selected', style: { 'z-compound-depth': 'top' } },
      ]),
    ).toBe('"z-compound-depth: top" (rule ":selected")');
    expect(
      unsupportedZOrderRule([{ selector: 'edge', style: { 'z-index-compare': 'manual' } }]),
    ).toBe('"z-index-compare: manual" (rule "edge")');
    expect(unsupportedZOrderRule(undefined)).toBe('a stylesheet that could not be read');
  });
});

describe('looks', () => {
  it("say what Cytoscape's visible() says, for every element", () => {
    const { cy, r } = setup();
    const lookOf = lookCache(r);
    for (const ele of elements(cy))
      expect(isVisible(ele, lookOf(ele), lookOf), ids([ele])[0]).toBe(ele.visible());
  });

  it('are shared between elements that look alike', () => {
    const { cy, r } = setup();
    const lookOf = lookCache(r);
    const [a, b] = ['a', 'b'].map((id) => cy.getElementById(id) as unknown as RenderedElement);
    expect(lookOf(a!)).toBe(lookOf(b!));
    cy.getElementById('b').style('background-color', '#ff0000');
    expect(lookOf(a!)).not.toBe(lookOf(b!));
  });
});

describe('ZOrderTracker', () => {
  it('orders as Cytoscape does without z-order styles: edges under nodes, in pool order', () => {
    const { cy, r } = setup();
    const tracker = new ZOrderTracker(r, lookCache(r));
    const order = (forceRecalc?: boolean) => tracker.getCachedZSortedEles(forceRecalc);
    expect(ids(order())).toEqual(['ab', 'bc', 'ad', 'ae', 'ea', 'a', 'b', 'c', 'd', 'e']);
    // Which elements take events: what Cytoscape's interactive() says.
    expect(ids(order().interactive)).toEqual(
      ids(order()).filter((id) =>
        (cy.getElementById(id) as unknown as { interactive(): boolean }).interactive(),
      ),
    );
    expect(order().nondrag).toHaveLength(10);

    // Cached until the renderer asks again; recomputed on request.
    cy.getElementById('ab').remove();
    cy.add({ data: { id: 'ca', source: 'c', target: 'a' } });
    expect(ids(order())).toContain('ab');
    expect(ids(order(true))).toEqual(['ea', 'bc', 'ad', 'ae', 'ca', 'a', 'b', 'c', 'd', 'e']);
  });
});

describe('the Cytoscape version batched drawing is written against', () => {
  it('is the exact version package.json pins (its renderer internals are undocumented)', () => {
    const installed = JSON.parse(readFileSync('node_modules/cytoscape/package.json', 'utf8'))
      .version as string;
    const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies.cytoscape;
    expect(pinned, 'pin cytoscape exactly: batched/internals.ts reads its internals').toBe(
      '3.34.4',
    );
    expect(
      installed,
      'cytoscape changed: check batched/internals.ts against it, run tests/e2e/large-graph.e2e.ts and npm run bench, then update this pin',
    ).toBe(pinned);
  });
});
