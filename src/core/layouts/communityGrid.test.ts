/**
 * The quick first layout of a big dataset (`quickLayout`, laid out by communityGrid.ts) must be
 * a picture one can read while the refined layout is computed: no actor on another, connected
 * actors near each other, the same picture every time.
 */
import { describe, expect, it } from 'vitest';
import { quickLayout, type Point } from '../layout';
import { generateSynthetic } from '../synthetic';
import { MIN_GAP } from './common';

describe('the quick first layout of a big dataset', () => {
  // 3,000 actors: above the size that gets a quick layout first (explorer-model.ts).
  const { dataset, community } = generateSynthetic({ actors: 3000, relations: 30_000, seed: 2 });
  const pos = quickLayout(dataset);
  const points = [...pos.values()];
  const distance = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

  it('is deterministic and places every actor', () => {
    expect([...quickLayout(dataset)]).toEqual([...pos]);
    expect([...pos.keys()].sort()).toEqual(dataset.actors.map((a) => a.id).sort());
  });

  it('keeps actors apart: no two closer than the least gap of the arranged layouts', () => {
    let closest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        closest = Math.min(closest, distance(points[i]!, points[j]!));
    expect(closest).toBeGreaterThanOrEqual(MIN_GAP);
  });

  it('puts related actors near: a relation is less than half as long as the mean distance', () => {
    let pairs = 0;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) pairs += distance(points[i]!, points[j]!);
    const meanPair = pairs / ((points.length * (points.length - 1)) / 2);
    const length = (r: { source: string; target: string }) =>
      distance(pos.get(r.source)!, pos.get(r.target)!);
    const meanRelation =
      dataset.relations.reduce((sum, r) => sum + length(r), 0) / dataset.relations.length;
    expect(meanRelation / meanPair).toBeLessThan(0.5);
    // The generator's communities (which the layout does not see) come out as groups.
    const within = dataset.relations.filter(
      (r) => community.get(r.source) === community.get(r.target),
    );
    const meanWithin = within.reduce((sum, r) => sum + length(r), 0) / within.length;
    expect(meanWithin / meanPair).toBeLessThan(0.25);
  });
});
