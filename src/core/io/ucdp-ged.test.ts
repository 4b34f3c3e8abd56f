/** UCDP GED on a SYNTHETIC table in GED's 49-column layout (tests/fixtures/ucdp-ged/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importUcdpGed } from './ucdp-ged';

const NAME = 'synthetic-ged.csv';
const TEXT = readFileSync(`tests/fixtures/ucdp-ged/${NAME}`, 'utf8');
const [HEADER, ...ROWS] = TEXT.trimEnd().split('\n');

describe('UCDP GED', () => {
  it('organised violence between side A and side B is hostility; governments are states', () => {
    const r = importUcdpGed({ name: NAME, text: TEXT });
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    expect(d.relations.map((x) => [x.source, x.target, x.kind, x.from, x.until])).toEqual([
      ['Government of Xland', 'North Front', 'hostility', '2019-01', '2020-01'],
      ['North Front', 'Civilians', 'hostility', '2019-01', '2020-01'],
    ]);
    expect(d.actors.map((a) => a.type)).toEqual(['state', 'armed-group', 'population']);
    expect(d.relations[0]!.evidence[1]).toEqual({
      source: 'ucdp-ged',
      quote: 'Fighting resumes in the north',
      note: 'event of 2019-02-09 (row 3, id 2): score -10, QuadClass 4 (material conflict); state-based conflict; Xland: Government; until 2019-02-11; 2 deaths (best estimate); article: Daily Example,2019-02-10,Fighting resumes',
    });
  });

  it('bad dates, an end before the start and a bad death count are errors at their cells (SYNTHETIC edits)', () => {
    const bad = ROWS[0]!
      .replace('2019-01-03 00:00:00.000,2019-01-03 00:00:00.000', '2019-01-03,2018-12-31')
      .replace(',5,6,5,999,', ',five,6,5,999,');
    const noSide = ROWS[1]!.replace(',North Front,1,"Daily', ',,1,"Daily');
    const r = importUcdpGed({ name: 'bad.csv', text: [HEADER, bad, noSide].join('\n') });
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.value, e.message])).toEqual([
      ['row 2, column "date_end"', '2018-12-31', '"2018-12-31" is before date_start (2019-01-03)'],
      [
        'row 2, column "best"',
        'five',
        '"five" is not a number of deaths (a whole number of 0 or more)',
      ],
      ['row 3, column "side_b"', undefined, 'the row has no side_b (the cell is empty)'],
    ]);
  });
});
