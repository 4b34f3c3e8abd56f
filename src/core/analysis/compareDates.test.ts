import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb, probeDays } from '../../../tests/helpers/arbitraries';
import { toDay } from '../dates';
import { buildAnalysisModel } from './analysisModel';
import { compareDates, type DateComparison } from './compareDates';
import { seedModel } from './testFixtures';

const seed = seedModel();

describe('compareDates on the seed', () => {
  const cmp = compareDates(seed, toDay('2020'), toDay('2025'));

  it('lists the Pakistan–Taliban flip, with its relations and evidence', () => {
    const flip = cmp.flips.find((f) => f.actors.join() === 'pakistan,afghan-taliban');
    expect(flip).toBeDefined();
    expect(flip!).toMatchObject({
      reversal: true,
      before: { sign: 1, status: 'positive' },
      after: { sign: -1, status: 'negative' },
    });
    expect(flip!.left.map((c) => [c.relation.id, c.event, c.date])).toEqual([
      ['r-pak-taliban-sanctuary', 'end', '2021-08-15'],
    ]);
    expect(flip!.entered.map((c) => c.relation.id)).toEqual([
      'r-pak-taliban-tension',
      'r-pak-taliban-hostility',
    ]);
    expect(flip!.left[0]!.relation.evidence.length).toBeGreaterThan(0);
  });

  it('puts flips first, then changes by date, and keeps flip relations out of the rest', () => {
    const kinds = cmp.changes.map((c) => c.type);
    expect(kinds.lastIndexOf('flip')).toBeLessThan(kinds.findIndex((k) => k !== 'flip'));
    const rest = cmp.changes.filter((c) => c.type !== 'flip');
    const days = rest.map((c) => c.day);
    expect(days).toEqual([...days].sort((x, y) => x - y));
    expect(rest.map((c) => c.relation.id)).not.toContain('r-pak-taliban-sanctuary');
    expect(cmp.entered.map((c) => c.relation.id)).toContain('r-taliban-ttp-support');
    expect(cmp.left.map((c) => c.relation.id)).toContain('r-usa-taliban-hostility');
  });

  it('orders changes from t1 towards t2 when going back in time', () => {
    const back = compareDates(seed, toDay('2025'), toDay('2020'));
    const days = back.changes.filter((c) => c.type !== 'flip').map((c) => c.day);
    expect(days).toEqual([...days].sort((x, y) => y - x));
  });

  it('reports actors entering and leaving their lifetime', () => {
    const c = compareDates(seed, toDay('1985'), toDay('1994-06'));
    expect(c.actors.map((a) => [a.actor, a.type, a.event, a.date])).toEqual([
      ['ussr', 'left', 'end', '1991-12-27'],
      ['afghan-taliban', 'entered', 'start', '1994'],
    ]);
  });
});

/** A comparison reduced to sets, with t1/t2 roles swapped when `mirror`. */
function normalise(c: DateComparison, mirror: boolean) {
  const swap = <T>(x: T, y: T): [T, T] => (mirror ? [y, x] : [x, y]);
  const ids = (l: { relation: { id: string } }[]) => l.map((x) => x.relation.id).sort();
  const [entered, left] = swap(ids(c.entered), ids(c.left));
  return {
    entered,
    left,
    flips: c.flips
      .map((f) => {
        const [before, after] = swap(f.before, f.after);
        const [l, e] = swap(ids(f.left), ids(f.entered));
        return { actors: f.actors, before, after, left: l, entered: e, reversal: f.reversal };
      })
      .sort((x, y) => x.actors.join().localeCompare(y.actors.join())),
    actors: c.actors
      .map(
        (a) =>
          `${a.actor} ${mirror === (a.type === 'entered') ? 'left' : 'entered'} ${a.event} ${a.day}`,
      )
      .sort(),
    days: [...c.entered, ...c.left].map((x) => `${x.relation.id} ${x.event} ${x.day}`).sort(),
  };
}

describe('compareDates both ways', () => {
  it('compareDates(t1, t2) and compareDates(t2, t1) are mirror images', () => {
    fc.assert(
      fc.property(
        datasetArb.chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.constantFrom(...probeDays(d)),
            fc.constantFrom(...probeDays(d)),
          ),
        ),
        ([d, t1, t2]) => {
          const m = buildAnalysisModel(d);
          expect(normalise(compareDates(m, t1, t2), false)).toEqual(
            normalise(compareDates(m, t2, t1), true),
          );
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('accounts for every relation that differs, and every flip changes the net sign', () => {
    fc.assert(
      fc.property(
        datasetArb.chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.constantFrom(...probeDays(d)),
            fc.constantFrom(...probeDays(d)),
          ),
        ),
        ([d, t1, t2]) => {
          const m = buildAnalysisModel(d);
          const c = compareDates(m, t1, t2);
          const diff = m.index.diff(t1, t2);
          const listed = [
            ...c.entered,
            ...c.left,
            ...c.flips.flatMap((f) => [...f.entered, ...f.left]),
          ].map((x) => x.relation.id);
          expect(listed.sort()).toEqual([...diff.relationsEntered, ...diff.relationsLeft].sort());
          for (const f of c.flips) {
            expect(f.before.sign).not.toBe(f.after.sign);
            expect(f.before.relations.length * f.after.relations.length).toBeGreaterThan(0);
          }
          for (const x of c.changes)
            if (x.type !== 'flip') {
              const lo = Math.min(t1, t2);
              expect(x.day > lo && x.day <= Math.max(t1, t2)).toBe(true);
            }
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
