import { describe, expect, it } from 'vitest';
import { directionCost, nearestInDirection, type Placed } from './nearestInDirection';

const at = (id: string, x: number, y: number): Placed => ({ id, x, y });
const origin = at('o', 0, 0);

describe('nearestInDirection', () => {
  const compass = [at('n', 0, -100), at('s', 0, 100), at('e', 100, 0), at('w', -100, 0)];

  it('follows each arrow, with y growing downward as on screen', () => {
    expect(nearestInDirection(origin, compass, 'up')).toBe('n');
    expect(nearestInDirection(origin, compass, 'down')).toBe('s');
    expect(nearestInDirection(origin, compass, 'right')).toBe('e');
    expect(nearestInDirection(origin, compass, 'left')).toBe('w');
  });

  it('returns null when nothing lies that way, and never the starting actor', () => {
    expect(nearestInDirection(origin, [at('e', 100, 0), origin], 'left')).toBeNull();
    expect(nearestInDirection(origin, [], 'up')).toBeNull();
    expect(nearestInDirection(origin, [at('same', 0, 0)], 'up')).toBeNull();
  });

  it('prefers an actor straight ahead to a nearer one off to the side', () => {
    const ahead = at('ahead', 120, 0);
    const aside = at('aside', 60, 50); // nearer (78) but 40° off the arrow
    expect(nearestInDirection(origin, [aside, ahead], 'right')).toBe('ahead');
  });

  it('takes the nearer of two actors on the same line', () => {
    expect(nearestInDirection(origin, [at('far', 0, 300), at('near', 0, 90)], 'down')).toBe('near');
  });

  it('gives each actor to at least one arrow (quarters of the plane, boundaries included)', () => {
    const diagonal = at('d', 50, 50);
    expect(directionCost(origin, diagonal, 'right')).not.toBeNull();
    expect(directionCost(origin, diagonal, 'down')).not.toBeNull();
    expect(directionCost(origin, diagonal, 'up')).toBeNull();
    expect(directionCost(origin, diagonal, 'left')).toBeNull();
  });

  it('breaks ties by id, whatever the order of the candidates', () => {
    const a = at('a', 100, 10);
    const b = at('b', 100, -10);
    expect(nearestInDirection(origin, [b, a], 'right')).toBe('a');
    expect(nearestInDirection(origin, [a, b], 'right')).toBe('a');
  });
});
