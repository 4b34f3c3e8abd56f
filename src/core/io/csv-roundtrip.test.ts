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

describe('CSV export: basis columns', () => {
  const dataset = (relation: Partial<Dataset['relations'][number]>): Dataset => ({
    title: 't',
    sources: [],
    actorTypes: [],
    relationKinds: [],
    actors: [
      { id: 'a', label: 'A', type: 'state' },
      { id: 'b', label: 'B', type: 'state' },
    ],
    relations: [{ id: 'r', source: 'a', target: 'b', kind: 'support', evidence: [], ...relation }],
    events: [],
  });
  const header = (d: Dataset) => exportRelationsCsv(d, { bom: false }).split('\r\n')[0];

  it('writes basis, date_basis and reference after label when some relation states a basis', () => {
    const d = dataset({ basis: 'history', reference: '=Treaty, 2020' });
    expect(header(d)).toBe(
      'id,source,target,kind,polarity,directed,from,until,strength,label,basis,date_basis,reference,quote,evidence_source,evidence_note,note',
    );
    // The reference is text: guarded against formulas like every text cell.
    expect(exportRelationsCsv(d, { bom: false })).toContain(`,history,,"'=Treaty, 2020",`);
    expect(roundTrip(d).dataset!.relations[0]).toMatchObject({
      basis: 'history',
      reference: '=Treaty, 2020',
    });
  });

  it('leaves the columns out for datasets without a basis', () => {
    expect(header(dataset({}))).not.toContain('basis');
  });
});
