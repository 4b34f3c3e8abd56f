import { describe, expect, it } from 'vitest';
import {
  labelBox,
  labelPriority,
  placeLabels,
  type LabelItem,
  type LabelPlace,
  type SelectionRole,
} from './labels';

const item = (id: string, x: number, y: number, priority = 1): LabelItem => ({
  id,
  x,
  y,
  radius: 16,
  width: 80,
  height: 16,
  priority,
});

describe('placeLabels', () => {
  it('puts labels below their symbols when nothing is in the way', () => {
    const places = placeLabels([item('a', 0, 0), item('b', 300, 0)], 4);
    expect([...places.values()]).toEqual(['bottom', 'bottom']);
  });

  it('moves a label off another actor’s symbol', () => {
    // b sits right under a, where a's label would go.
    const places = placeLabels([item('a', 0, 0, 2), item('b', 0, 40, 1)], 4);
    expect(places.get('a')).toBe('top');
    expect(places.get('b')).toBe('bottom');
  });

  it('hides the label of the lower priority when no place is free', () => {
    // Four neighbours boxing c in on every side.
    const items = [
      item('c', 0, 0, 0),
      item('n', 0, -40, 5),
      item('s', 0, 40, 5),
      item('e', 70, 0, 5),
      item('w', -70, 0, 5),
    ];
    const places = placeLabels(items, 4);
    expect(places.get('c')).toBe('hidden');
    for (const id of ['n', 's', 'e', 'w']) expect(places.get(id)).not.toBe('hidden');
  });

  it('never overlaps two shown labels', () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      item(`a${i}`, (i % 8) * 60, Math.floor(i / 8) * 45, i % 5),
    );
    const places = placeLabels(items, 4);
    const boxes = items
      .filter((i) => places.get(i.id) !== 'hidden')
      .map((i) => labelBox(i, places.get(i.id)!, 4));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
  });

  it('turns labels inward at the edges of the bounds, and hides none for them', () => {
    // A row of three actors across the middle of a picture 400 tall.
    const row = [item('west', 0, 0), item('middle', 300, 0), item('east', 600, 0)];
    const bounds = { x1: -16, y1: -200, x2: 616, y2: 200 };
    const places = placeLabels(row, 4, 1, bounds);
    // Below or above, a label 80 wide reaches 24 beyond the row's ends; sideways inward, none.
    expect(places.get('west')).toBe('right');
    expect(places.get('east')).toBe('left');
    // Inside the picture every place is within the bounds: the usual first place.
    expect(places.get('middle')).toBe('bottom');
    // An actor boxed in on every side but outward still shows its label, outside the bounds.
    const boxed = [item('c', 0, 0, 0), item('s', 0, 40, 5), item('e', 70, 0, 5)];
    const tight = { x1: -16, y1: -16, x2: 86, y2: 56 };
    expect(placeLabels(boxed, 4, 1, tight).get('c')).not.toBe('hidden');
  });
});

describe('the selection’s labels in the placement', () => {
  /** Ids of the shown labels whose boxes intersect, as "a × b". */
  function overlapping(items: readonly LabelItem[], places: Map<string, LabelPlace>, scale = 1) {
    const shown = items
      .filter((i) => places.get(i.id) !== 'hidden')
      .map((i) => ({ id: i.id, box: labelBox(i, places.get(i.id)!, 4, scale) }));
    const out: string[] = [];
    for (const [n, a] of shown.entries())
      for (const b of shown.slice(n + 1))
        if (
          a.box.x1 < b.box.x2 &&
          b.box.x1 < a.box.x2 &&
          a.box.y1 < b.box.y2 &&
          b.box.y1 < a.box.y2
        )
          out.push(`${a.id} × ${b.id}`);
    return out;
  }

  it('gives the selected actor its first place before a better connected neighbour', () => {
    // Side by side, their labels below would overlap: the first served keeps its place.
    const items = [
      item('selected', 0, 0, labelPriority('selected', true, 1)),
      item('hub', 60, 0, labelPriority('other', true, 40)),
    ];
    const places = placeLabels(items, 4);
    expect(places.get('selected')).toBe('bottom');
    expect(places.get('hub')).toBe('top');
    expect(overlapping(items, places)).toEqual([]);
  });

  it('ranks the selection, then its counterparts, alive and best connected first', () => {
    const ranked = [
      labelPriority('selected', true, 3),
      labelPriority('selected', false, 0),
      labelPriority('counterpart', true, 12),
      labelPriority('counterpart', true, 2),
      labelPriority('counterpart', false, 900),
      labelPriority('other', true, 900),
      labelPriority('other', false, 900),
    ];
    expect([...ranked].sort((a, b) => b - a)).toEqual(ranked);
  });

  it('yields no counterpart’s place to an actor outside the selection, and overlaps nothing', () => {
    // A crowded neighbourhood drawn twice its size (a phone): a selected actor, its
    // counterparts and unrelated actors, better connected, on a tight grid.
    const roles = new Map<string, SelectionRole>();
    const items = Array.from({ length: 30 }, (_, i) => {
      const role = i === 0 ? 'selected' : i % 2 ? 'counterpart' : 'other';
      roles.set(`a${i}`, role);
      const degree = role === 'other' ? 100 - i : 30 - i;
      return item(
        `a${i}`,
        (i % 6) * 70,
        Math.floor(i / 6) * 50,
        labelPriority(role, i % 3 > 0, degree),
      );
    });
    const places = placeLabels(items, 4, 2);
    expect(overlapping(items, places, 2)).toEqual([]);
    expect(places.get('a0')).not.toBe('hidden');

    const placed = items.filter((i) => places.get(i.id) !== 'hidden');
    const hiddenCounterparts = items.filter(
      (i) => places.get(i.id) === 'hidden' && roles.get(i.id) === 'counterpart',
    );
    expect(hiddenCounterparts.length).toBeGreaterThan(0); // the grid is crowded enough
    for (const hidden of hiddenCounterparts)
      for (const place of ['bottom', 'top', 'right', 'left'] as const) {
        const box = labelBox(hidden, place, 4, 2);
        const onSymbol = items.some((o) => {
          if (o === hidden) return false;
          const dx = o.x - Math.max(box.x1, Math.min(o.x, box.x2));
          const dy = o.y - Math.max(box.y1, Math.min(o.y, box.y2));
          return dx * dx + dy * dy < o.radius * o.radius;
        });
        const takenBySelection = placed.some((o) => {
          const b = labelBox(o, places.get(o.id)!, 4, 2);
          const overlaps = box.x1 < b.x2 && b.x1 < box.x2 && box.y1 < b.y2 && b.y1 < box.y2;
          return overlaps && roles.get(o.id) !== 'other';
        });
        expect(
          onSymbol || takenBySelection,
          `${hidden.id}'s ${place} place is free or taken by a label outside the selection`,
        ).toBe(true);
      }
  });
});
