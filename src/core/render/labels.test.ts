import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelItem } from './labels';

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
