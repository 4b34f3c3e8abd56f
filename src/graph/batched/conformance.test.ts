/**
 * The conformance test of batched drawing's contract with Cytoscape
 * (internals.ts): every renderer member and element field it declares is
 * exercised here against Cytoscape's own renderer code (rendererDouble.ts),
 * for its presence, its type and what batched drawing takes it to mean. When
 * a Cytoscape upgrade changes one, a test here fails naming it. The members
 * only a browser has (the real canvases and texture caches, a real frame) are
 * checked by tests/e2e/large-graph.e2e.ts.
 */
import type { Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ELEMENT_INTERNALS,
  elementNonconformities,
  RENDERER_INTERNALS,
  rendererNonconformities,
  type RenderedElement,
  type ZSorted,
} from './internals';
import { BATCHABLE_SHAPES, lookCache } from './looks';
import { largeGraph, recorder, rendererDouble } from './rendererDouble';
import { splitDragged, ZOrderTracker } from './zOrder';

let cy: Core;
afterEach(() => cy?.destroy());

const element = (id: string) => cy.getElementById(id) as unknown as RenderedElement;
/** A renamed member's stand-in: no member is declared a symbol. */
const OTHER_TYPE = Symbol('renamed');

const ids = (eles: readonly RenderedElement[]) =>
  eles.map((e) => (e as unknown as { id(): string }).id());

/**
 * `subject` with the member at `path` replaced by `value` (undefined: missing), without
 * touching the subject: each object on the path is shadowed by a copy.
 */
function replaced(subject: object, path: string, value: unknown): object {
  const [key, ...rest] = path.split('.');
  const copy = Object.create(subject) as Record<string, unknown>;
  copy[key!] =
    rest.length === 0
      ? value
      : replaced((subject as Record<string, object>)[key!]!, rest.join('.'), value);
  return copy;
}

describe("Cytoscape's canvas renderer", () => {
  it('has every member internals.ts declares, of the declared type', () => {
    cy = largeGraph();
    expect(rendererNonconformities(rendererDouble(cy))).toEqual([]);
  });

  it.each(RENDERER_INTERNALS)(
    'is reported by name when $name is missing or of another type',
    ({ name, mayBeAbsent }) => {
      cy = largeGraph();
      const r = rendererDouble(cy);
      expect(rendererNonconformities(replaced(r, name, undefined))).toEqual(
        mayBeAbsent ? [] : [{ name, problem: 'missing' }],
      );
      expect(rendererNonconformities(replaced(r, name, OTHER_TYPE)).map((n) => n.name)).toEqual([
        name,
      ]);
    },
  );

  it('is reported when a method takes other parameters', () => {
    cy = largeGraph();
    const r = rendererDouble(cy);
    const threeParameters = (a: unknown, b: unknown, c: unknown) => [a, b, c];
    expect(
      rendererNonconformities(replaced(r, 'drawCachedElementPortion', threeParameters)),
    ).toEqual([
      {
        name: 'drawCachedElementPortion',
        problem: 'takes 3 parameters, not 8: its parameters changed',
      },
    ]);
  });

  it('sorts without z-index as the linear partition does: edges, then nodes, in pool order', () => {
    cy = largeGraph([{ selector: 'edge', style: { 'target-arrow-shape': 'triangle' } }]);
    const r = rendererDouble(cy);
    const cytoscapes = r.getCachedZSortedEles(true);
    // Cytoscape keeps its sort in cachedZSortedEles, which the partition reads and writes.
    expect(r.cachedZSortedEles).toBe(cytoscapes);
    const ours = new ZOrderTracker(r, lookCache(r)).getCachedZSortedEles(true);
    expect(ids(ours)).toEqual(ids(cytoscapes));
    expect(ids(ours.interactive)).toEqual(ids(cytoscapes.interactive));
    // cy.mutableElements is the pool, in pool order.
    expect(ids(r.cy.mutableElements().toArray() as RenderedElement[])).toEqual(
      cy.elements().map((e) => e.id()),
    );
  });

  it("keeps its pool as the z-order's tracker follows it: a removal fills its slot with the last element", () => {
    cy = largeGraph();
    const r = rendererDouble(cy);
    const pool = r.cy.mutableElements();
    expect(r.cy.mutableElements(), 'cy.mutableElements returns the pool itself').toBe(pool);
    const poolIds = () => ids(pool.toArray() as RenderedElement[]);
    const before = poolIds();
    cy.getElementById('bc').remove();
    const slot = before.indexOf('bc');
    const expected = before.slice(0, -1);
    expected[slot] = before.at(-1)!;
    expect(poolIds(), 'cy.mutableElements: the last element takes the hole').toEqual(expected);
    cy.add({ data: { id: 'ba', source: 'b', target: 'a' } });
    expect(poolIds(), 'cy.mutableElements: additions go to the end').toEqual([...expected, 'ba']);
  });

  it('sorts with z-index as the partition does: within edges and within nodes, by z-index', () => {
    cy = largeGraph([
      { selector: 'edge', style: { 'target-arrow-shape': 'triangle' } },
      { selector: '#b, #bc', style: { 'z-index': 2 } },
      { selector: '#c, #ab2', style: { 'z-index': -1 } },
      { selector: '#a', style: { 'z-index': 2 } },
    ]);
    const r = rendererDouble(cy);
    const cytoscapes = ids(r.getCachedZSortedEles(true));
    expect(cytoscapes).toEqual(['ab2', 'ab1', 'da', 'cd', 'bc', 'c', 'd', 'a', 'b']);
    expect(ids(new ZOrderTracker(r, lookCache(r)).getCachedZSortedEles(true))).toEqual(cytoscapes);
  });

  it('splits grabbed and dragged elements as the linear partition does', () => {
    cy = largeGraph([]);
    const r = rendererDouble(cy);
    element('a')._private.grabbed = true;
    element('bc')._private.rscratch.inDragLayer = true;
    const split = (eles: ZSorted) => ({ drag: ids(eles.drag), nondrag: ids(eles.nondrag) });
    const cytoscapes = r.getCachedZSortedEles(true);
    r.updateCachedGrabbedEles();
    const expected = split(cytoscapes);
    expect(expected.drag).toEqual(['bc', 'a']);
    expect(splitDragged(r)).toBe(true);
    expect(split(r.cachedZSortedEles!)).toEqual(expected);
  });

  it('draws each batched node shape as a path around the node', () => {
    cy = largeGraph();
    const r = rendererDouble(cy);
    expect(r.getNodeShape(element('a'))).toBe('ellipse');
    for (const shape of BATCHABLE_SHAPES) {
      const points: number[][] = [];
      const path = recorder({
        moveTo: (x: number, y: number) => points.push([x, y]),
        lineTo: (x: number, y: number) => points.push([x, y]),
        arcTo: (x1: number, y1: number, x2: number, y2: number) => points.push([x1, y1], [x2, y2]),
        quadraticCurveTo: (_cx: number, _cy: number, x: number, y: number) => points.push([x, y]),
        bezierCurveTo: (...xy: number[]) => points.push(xy.slice(4)),
        arc: (x: number, y: number, radius: number) =>
          points.push([x + radius, y], [x - radius, y]),
        ellipse: (x: number, y: number, rx: number, ry: number) =>
          points.push([x + rx, y], [x - rx, y], [x, y + ry], [x, y - ry]),
      });
      r.nodeShapes[shape]!.draw(path as unknown as Path2D, 100, 50, 20, 10, 'auto', {});
      expect(points.length, shape).toBeGreaterThan(2);
      for (const [x = NaN, y = NaN] of points) {
        expect(Math.abs(x - 100), shape).toBeLessThanOrEqual(10.01);
        expect(Math.abs(y - 50), shape).toBeLessThanOrEqual(5.01);
      }
    }
  });

  it('sizes arrows with getArrowWidth and gives triangles and circles as unit shapes', () => {
    cy = largeGraph();
    const r = rendererDouble(cy);
    expect(r.getArrowWidth(1, 1)).toBeGreaterThan(20);
    expect(r.getArrowWidth(1, 2)).toBeCloseTo(2 * r.getArrowWidth(1, 1));
    // The triangle's tip is its origin; the arrow points along +y after Cytoscape's rotation.
    expect(r.arrowShapes.triangle!.points).toEqual([-0.15, -0.3, 0, 0, 0.15, -0.3]);
    expect(r.arrowShapes.circle!.radius).toBeGreaterThan(0);
  });
});

describe("Cytoscape's elements, laid out for a frame", () => {
  it('have every field internals.ts declares, nodes and drawn edges alike', () => {
    cy = largeGraph();
    rendererDouble(cy);
    for (const ele of cy.elements().toArray())
      expect(elementNonconformities(ele, true), ele.id()).toEqual([]);
  });

  it.each(ELEMENT_INTERNALS)(
    'are reported by name when $name is missing or of another type',
    ({ name, mayBeAbsent }) => {
      cy = largeGraph();
      rendererDouble(cy);
      const edge = element('ab1');
      expect(elementNonconformities(replaced(edge, name, undefined), true)).toEqual(
        mayBeAbsent ? [] : [{ name, problem: 'missing' }],
      );
      expect(
        elementNonconformities(replaced(edge, name, OTHER_TYPE), true).map((n) => n.name),
      ).toEqual([name]);
    },
  );

  it('renew styleKey when restyled, and keep it otherwise', () => {
    cy = largeGraph();
    const a = element('a');
    a.pstyle('width');
    const before = a._private.styleKey;
    cy.getElementById('a').position({ x: 5, y: 5 });
    a.pstyle('width');
    expect(a._private.styleKey).toBe(before);
    cy.getElementById('a').addClass('dormant');
    a.pstyle('width');
    expect(a._private.styleKey).not.toBe(before);
  });

  it("emit `bounds` when a node moves, silently or not, and `style` when restyled (the z-order's node revision)", () => {
    cy = largeGraph();
    const events: string[] = [];
    cy.on('bounds style', 'node', (event) => {
      events.push(`${event.type} ${(event.target as { id(): string }).id()}`);
    });
    cy.getElementById('a').position({ x: 5, y: 5 });
    (cy.getElementById('b') as unknown as { silentPosition(p: object): void }).silentPosition({
      x: 7,
      y: 7,
    });
    cy.getElementById('c').addClass('dormant');
    expect(new Set(events)).toEqual(new Set(['bounds a', 'bounds b', 'style c']));
  });

  it('name their ends, and their group', () => {
    cy = largeGraph();
    expect(element('bc')._private.source).toBe(element('b'));
    expect(element('bc')._private.target).toBe(element('c'));
    expect(element('bc')._private.group).toBe('edges');
    expect(element('b')._private.group).toBe('nodes');
  });

  it('give each edge its points from the source border to where its arrow ends', () => {
    cy = largeGraph();
    const r = rendererDouble(cy);
    const border = (ele: RenderedElement, id: string, x: number, y: number, off = 0) => {
      const centre = cy.getElementById(id).position();
      const radius =
        (cy.getElementById(id) as unknown as { outerWidth(): number }).outerWidth() / 2;
      expect(Math.hypot(x - centre.x, y - centre.y), ids([ele])[0]).toBeCloseTo(radius + off, 0);
    };
    // A circle arrow ("part of") is centred where its rim touches the node, as paths.ts draws it.
    const cd = element('cd');
    const circle = r.arrowShapes.circle!.radius! * r.getArrowWidth(1, 0.6);
    border(cd, 'c', cd._private.rscratch.allpts![0]!, cd._private.rscratch.allpts![1]!);
    border(cd, 'd', cd._private.rscratch.arrowEndX!, cd._private.rscratch.arrowEndY!, circle);
    for (const id of ['ab1', 'ab2', 'bc']) {
      const edge = element(id);
      const rs = edge._private.rscratch;
      const pts = rs.allpts!;
      const [source, target] = [edge._private.source!, edge._private.target!].map(
        (n) => ids([n])[0]!,
      );
      border(edge, source!, pts[0]!, pts[1]!);
      border(edge, target!, rs.arrowEndX!, rs.arrowEndY!);
      expect(rs.badLine).toBe(false);
      expect(rs.isRound).toBe(false);
    }
    // A lone relation is a line; two between the same actors bow apart as quadratic curves.
    expect(element('bc')._private.rscratch.edgeType).toBe('straight');
    expect(element('bc')._private.rscratch.allpts).toHaveLength(4);
    const bows = ['ab1', 'ab2'].map((id) => element(id)._private.rscratch);
    for (const rs of bows) {
      expect(rs.edgeType).toBe('bezier');
      expect(rs.allpts).toHaveLength(6);
    }
    // Their control points lie on either side of the line a-b (y = 0).
    expect(Math.sign(bows[0]!.allpts![3]!)).toBe(-Math.sign(bows[1]!.allpts![3]!));
  });

  it('angle the target arrow so its base points back along the edge', () => {
    cy = largeGraph();
    rendererDouble(cy);
    // bc is a straight line from b to c; paths.ts rotates the unit triangle by this angle.
    const angle = element('bc')._private.rscratch.tgtArrowAngle!;
    const [bx, by] = [
      0 * Math.cos(angle) - -0.3 * Math.sin(angle),
      0 * Math.sin(angle) + -0.3 * Math.cos(angle),
    ];
    const [b, c] = ['b', 'c'].map((id) => cy.getElementById(id).position());
    const back = [b!.x - c!.x, b!.y - c!.y];
    const cosine = (bx * back[0]! + by * back[1]!) / (0.3 * Math.hypot(back[0]!, back[1]!));
    expect(cosine).toBeCloseTo(1, 5);
  });
});
