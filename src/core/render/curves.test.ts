import { describe, expect, it } from 'vitest';
import { controlPoint, parallelBows } from './curves';

const GAP = 16;
/** Where a relation's curve peaks: half way to its control point, on the pair's canonical left. */
function midOffset(bow: number, source: string, target: string) {
  return (bow / 2) * (source < target ? 1 : -1);
}

describe('parallelBows', () => {
  it('draws a lone relation straight', () => {
    expect(parallelBows([{ id: 'r', source: 'a', target: 'b' }], GAP)).toEqual(new Map([['r', 0]]));
  });

  it('spreads a pair’s relations symmetrically, `gap` apart at their midpoints', () => {
    const bows = parallelBows(
      [
        { id: 'r2', source: 'a', target: 'b' },
        { id: 'r1', source: 'a', target: 'b' },
        { id: 'r3', source: 'a', target: 'b' },
        { id: 'other', source: 'a', target: 'c' },
      ],
      GAP,
    );
    const mids = ['r1', 'r2', 'r3'].map((id) => midOffset(bows.get(id)!, 'a', 'b'));
    expect(mids).toEqual([-GAP, 0, GAP]);
    expect(bows.get('other')).toBe(0);
  });

  it('never puts relations listed in opposite directions on the same curve', () => {
    const rels = [
      { id: 'x', source: 'pakistan', target: 'usa' },
      { id: 'y', source: 'usa', target: 'pakistan' },
    ];
    const bows = parallelBows(rels, GAP);
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    // Each control point computed in the relation's own direction, as Cytoscape does.
    const cx = controlPoint(a, b, bows.get('x')!);
    const cy = controlPoint(b, a, bows.get('y')!);
    expect(Math.abs(cx.y - cy.y)).toBe(2 * GAP);
    expect(cx.x).toBe(50);
  });

  it('is the same whatever order the relations come in', () => {
    const rels = [
      { id: 'b', source: 'p', target: 'q' },
      { id: 'a', source: 'q', target: 'p' },
      { id: 'c', source: 'p', target: 'q' },
    ];
    expect(parallelBows(rels, GAP)).toEqual(parallelBows([...rels].reverse(), GAP));
  });
});

describe('controlPoint', () => {
  it('lies on the left normal of source → target (screen coordinates, y down)', () => {
    expect(controlPoint({ x: 0, y: 0 }, { x: 10, y: 0 }, 4)).toEqual({ x: 5, y: 4 });
  });
});
