import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb, probeDays } from '../../../tests/helpers/arbitraries';
import { signedGraphAt } from '../model';
import { buildAnalysisModel } from './analysisModel';
import { activeRelationsOfPair, snapshotAt } from './snapshot';

describe('snapshotAt', () => {
  it('agrees with signedGraphAt on random datasets', () => {
    fc.assert(
      fc.property(datasetArb, (d) => {
        const model = buildAnalysisModel(d);
        const ours: unknown[] = [];
        const reference: unknown[] = [];
        for (const t of probeDays(d)) {
          const snap = snapshotAt(model, t);
          const c = snap.compiled;
          ours.push(snap.actors.map((x) => c.actorIds[x]).sort());
          for (const p of snap.pairs) {
            const key = [c.actorIds[c.pairA[p]!], c.actorIds[c.pairB[p]!]].sort().join();
            const rels = activeRelationsOfPair(model, snap, p).sort();
            ours.push([key, snap.state.sign(p), snap.state.mixed(p), rels]);
          }
          const g = signedGraphAt(model.union, model.index, t);
          reference.push(g.actors().sort());
          g.forEachPair((attrs, a, b) => {
            const key = [a, b].sort().join();
            reference.push([key, attrs.sign, attrs.mixed, [...attrs.relations].sort()]);
          });
        }
        // One comparison per dataset: expect() per item is slow under load.
        const sortPairs = (xs: unknown[]) =>
          xs.map((x) => JSON.stringify(x)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(sortPairs(ours)).toEqual(sortPairs(reference));
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
