import { describe, expect, it } from 'vitest';
import { balanceAt, campsAt, compareDates } from '../../core/analysis';
import { seedModel } from '../../core/analysis/testFixtures';
import { toDay } from '../../core/dates';
import { balanceOverlay, compareOverlay, isEmptyOverlay } from './overlay';

const model = seedModel();

describe('analysis overlays', () => {
  it('marks changes between two dates; a flip wins over began/ended', () => {
    const cmp = compareDates(model, toDay('2020'), toDay('2025'));
    const o = compareOverlay(cmp);
    expect(o.relationClasses.get('r-pak-taliban-sanctuary')).toBe('flipped');
    expect(o.relationClasses.get('r-pak-taliban-hostility')).toBe('flipped');
    expect(o.relationClasses.get('r-taliban-ttp-support')).toBe('began');
    expect(o.relationClasses.get('r-usa-taliban-hostility')).toBe('ended');
    expect(new Set(o.extraRelations)).toEqual(new Set(o.relationClasses.keys()));
  });

  it('marks the sides of unbalanced triangles and colours camps of signed groups only', () => {
    const t = toDay('2021-09-04');
    const report = balanceAt(model, t);
    const camps = campsAt(model, t);
    const o = balanceOverlay(report, camps);
    const sides = report.unbalancedTriangles.flatMap((tri) =>
      tri.sides.flatMap((s) => s.relations),
    );
    expect(sides.length).toBeGreaterThan(0);
    for (const id of sides) expect(o.relationClasses.get(id)).toBe('unbalanced');
    const grouped = camps.components.filter((c) => c.actors.length > 1).flatMap((c) => c.actors);
    expect([...o.actorClasses.keys()].sort()).toEqual([...grouped].sort());
    for (const id of grouped)
      expect(o.actorClasses.get(id)).toBe(camps.camp.get(id) === 1 ? 'camp-b' : 'camp-a');
  });

  it('is empty when nothing is asked for', () => {
    expect(isEmptyOverlay(balanceOverlay(null, null))).toBe(true);
  });
});
