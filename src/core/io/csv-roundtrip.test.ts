import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import { exportActorsCsv, exportRelationsCsv } from './csv-export';
import { importCsv } from './csv-import';
import { richDatasetArb, roundTripView } from '../../../tests/helpers/io-support';
import type { Dataset } from '../schema';

const roundTrip = (d: Dataset) =>
  importCsv({
    relations: { name: 'x-relations.csv', text: exportRelationsCsv(d) },
    actors: { name: 'x-actors.csv', text: exportActorsCsv(d) },
  });

describe('CSV export → import', () => {
  it('keeps actors and relations (property, documented losses in roundTripView)', () => {
    fc.assert(
      fc.property(fc.oneof(datasetArb, richDatasetArb), (d) => {
        const back = roundTrip(d);
        expect(back.errors).toEqual([]);
        expect(roundTripView(back.dataset!)).toEqual(roundTripView(d));
      }),
      { numRuns: 150 },
    );
  });

  it('takes the title from the file name', () => {
    fc.assert(
      fc.property(datasetArb, (d) => {
        expect(roundTrip(d).dataset!.title).toBe('x');
      }),
      { numRuns: 5 },
    );
  });
});
