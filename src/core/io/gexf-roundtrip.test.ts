import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import { toDay } from '../dates';
import { exportGexf } from './gexf-export';
import { importGexf } from './gexf-import';
import { richDatasetArb, roundTripView } from '../../../tests/helpers/io-support';

describe('GEXF export → import', () => {
  it('keeps actors, relations, intervals at their precision, kinds and evidence (property)', () => {
    fc.assert(
      fc.property(fc.oneof(datasetArb, richDatasetArb), (d) => {
        const back = importGexf(exportGexf(d), 'x.gexf');
        expect(back.errors).toEqual([]);
        expect(roundTripView(back.dataset!, { xml: true })).toEqual(
          roundTripView(d, { xml: true }),
        );
        // The period comes back at day precision.
        const days = (p?: { from: string; until: string }) => p && [toDay(p.from), toDay(p.until)];
        expect(days(back.dataset!.period)).toEqual(days(d.period));
      }),
      { numRuns: 150 },
    );
  });
});
