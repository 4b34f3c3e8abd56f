import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { CanvasRendererInternals } from './internals';
import { partitionedZOrder, setsZOrder } from './zOrder';

describe('setsZOrder', () => {
  it('finds a z-order property in any rule', () => {
    expect(setsZOrder([{ selector: 'node', style: { width: 3 } }])).toBe(false);
    expect(setsZOrder([{ selector: 'node' }, { selector: 'edge', style: { 'z-index': 2 } }])).toBe(
      true,
    );
    expect(setsZOrder([{ selector: ':selected', style: { 'z-compound-depth': 'top' } }])).toBe(
      true,
    );
    expect(setsZOrder(undefined)).toBe(true);
  });
});

describe('partitionedZOrder', () => {
  it('orders as Cytoscape does without z-order styles: edges under nodes, in pool order', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: '.gone', style: { display: 'none' } }],
      elements: [
        { data: { id: 'a' } },
        { data: { id: 'b' } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
        { data: { id: 'c' }, classes: 'gone' },
        { data: { id: 'bc', source: 'b', target: 'c' } },
      ],
    });
    const r = {
      cy,
      cachedZSortedEles: null,
      updateCachedGrabbedEles() {},
    } as unknown as CanvasRendererInternals;
    const order = partitionedZOrder(r);
    const ids = () => order().map((e) => (e as unknown as { id(): string }).id());
    expect(ids()).toEqual(['ab', 'bc', 'a', 'b', 'c']);
    expect(order().interactive.map((e) => (e as unknown as { id(): string }).id())).toEqual([
      'ab',
      'a',
      'b',
    ]);

    // Cached until the renderer invalidates it; recomputed on request.
    cy.getElementById('ab').remove();
    cy.add({ data: { id: 'ca', source: 'c', target: 'a' } });
    expect(ids()).toEqual(['ab', 'bc', 'a', 'b', 'c']);
    expect(order(true).map((e) => (e as unknown as { id(): string }).id())).toEqual([
      'bc',
      'ca',
      'a',
      'b',
      'c',
    ]);
  });
});
