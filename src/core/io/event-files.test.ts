/**
 * Several files of one event format read as one table of events, for every
 * event format: on the real ICEWS and GDELT excerpts (tests/fixtures/*\/README.md)
 * cut into files, and on the SYNTHETIC ACLED and GED tables. What is
 * asserted of the real rows was read off the rows themselves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problems';
import type { Dataset } from '../schema';
import { importEventFiles, type EventFormatName } from './event-files';

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');

/** The text cut into files of the given data rows (1-based, after the header when there is one). */
function cut(text: string, header: boolean, ...parts: number[][]): string[] {
  const lines = text.trimEnd().split('\n');
  const head = header ? [lines[0]!] : [];
  const data = header ? lines.slice(1) : lines;
  return parts.map((rows) => [...head, ...rows.map((r) => data[r - 1]!)].join('\n') + '\n');
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const run = (format: EventFormatName, files: [string, string][], minEvents = 2) =>
  importEventFiles(
    format,
    files.map(([name, text]) => ({ name, text })),
    { minEvents },
  );

const pairs = (d: Dataset | undefined) =>
  d!.relations.map((r) => [r.source, r.target, r.kind, r.from, r.until]);

/** The relation between two actors, either way round. */
const between = (d: Dataset | undefined, a: string, b: string) =>
  d!.relations.find((r) => [r.source, r.target].sort().join('|') === [a, b].sort().join('|'));

// The real ICEWS excerpt: 37 events of 2018-06-01, cut after its 23rd data row, so
// that Kim Yong-chol's negotiation with Mike Pompeo (file line 24) and Pompeo's with
// Kim (line 25) fall in different files.
const ICEWS = fixture('icews/events.2018.sample.excerpt.tab');
const [ICEWS_A, ICEWS_B] = cut(ICEWS, true, range(1, 23), range(24, 37));

describe('several ICEWS files (real rows)', () => {
  const a: [string, string] = ['events.2018.a.tab', ICEWS_A!];
  const b: [string, string] = ['events.2018.b.tab', ICEWS_B!];

  it('a pair whose events are in two files has a relation resting on both', () => {
    // Alone, neither file has two events between Kim Yong-chol and Mike Pompeo.
    expect(between(run('icews', [a]).dataset, 'Kim Yong-chol', 'Mike Pompeo')).toBeUndefined();
    expect(between(run('icews', [b]).dataset, 'Kim Yong-chol', 'Mike Pompeo')).toBeUndefined();
    const r = run('icews', [a, b]);
    expect(r.errors).toEqual([]);
    const talks = between(r.dataset, 'Kim Yong-chol', 'Mike Pompeo')!;
    expect([talks.kind, talks.from, talks.until]).toEqual(['cooperation', '2018-01', '2019-01']);
    expect(talks.evidence.map((e) => [e.quote, e.note?.split(':')[0]])).toEqual([
      [
        'Kim Yong-chol · Engage in negotiation · Mike Pompeo',
        'event of 2018-06-01 (row 24 of events.2018.a.tab, id 32891175)',
      ],
      [
        'Mike Pompeo · Engage in negotiation · Kim Yong-chol',
        'event of 2018-06-01 (row 2 of events.2018.b.tab, id 32891174)',
      ],
    ]);
    const cited = r.dataset!.sources.find((s) => s.id === talks.evidence[0]!.source);
    expect(cited?.title).toBe('ICEWS coding of a story by Yonhap English News');
    expect(talks.note).toMatch(/^From 2 events in events\.2018\.a\.tab, events\.2018\.b\.tab /);
    expect(r.dataset!.title).toBe('events.2018.a and 1 more file');
  });

  it('tells the same story as the file read whole, whatever the order the files come in', () => {
    const whole = run('icews', [['events.2018.tab', ICEWS]]);
    const forward = run('icews', [a, b]);
    expect(pairs(forward.dataset)).toEqual(pairs(whole.dataset));
    expect(run('icews', [b, a]).dataset).toEqual(forward.dataset);
    // Hand-checked in the rows: Aso Taro and Steven Mnuchin meet and pledge to
    // cooperate (four events, intensity 4, 2.5, 4, 2.5), India and Pakistan too.
    expect(between(forward.dataset, 'Aso Taro', 'Steven Mnuchin')?.kind).toBe('cooperation');
    expect(between(forward.dataset, 'India', 'Pakistan')?.kind).toBe('cooperation');
    // Militants and the Indian military fight with small arms (intensity -10, twice).
    expect(between(forward.dataset, 'Militant (India)', 'Military (India)')?.kind).toBe(
      'hostility',
    );
  });

  it('a bad cell in the second file is an error at that file, row and column', () => {
    // Row 5 of the second file: India's pledge to cooperate with Pakistan (id 32891176).
    const broken = ICEWS_B!.replace('\t2018-06-01\tIndia\t', '\t2018-06-31\tIndia\t');
    expect(broken).not.toBe(ICEWS_B);
    const r = run('icews', [a, ['events.2018.b.tab', broken]]);
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^events\.2018\.b\.tab:5:10 row 5, column "Event Date": "2018-06-31" has day 31/,
      ),
    ]);
  });
});

// The real GDELT 1.0 daily excerpt (10 rows, 58 columns). Rows 1 and 3: the
// PRESIDENT (GOV) and the MILITARY (MIL) consult each other (CAMEO 040,
// Goldstein +1) on 2014-09-24; row 2: the PRESIDENT and TURKEY's military
// (TURMIL), CAMEO 161 (reduce relations), -4. Rows 4-10 have one actor.
const GDELT = fixture('gdelt/20240921.small.export.CSV');

describe('several GDELT exports (real rows)', () => {
  const [first, second] = cut(GDELT, false, [1, 2], range(3, 10));
  const a: [string, string] = ['20240921000000.export.CSV', first!];
  const b: [string, string] = ['20240921001500.export.CSV', second!];

  it('two consultations in two exports make one relation; evidence names the file of its row', () => {
    expect(run('gdelt', [a]).dataset).toBeUndefined(); // one event per pair: nothing to show
    const r = run('gdelt', [b, a]);
    expect(r.errors).toEqual([]);
    expect(pairs(r.dataset)).toEqual([['GOV', 'MIL', 'cooperation', '2014-01', '2015-01']]);
    expect(r.dataset!.relations[0]!.evidence.map((e) => [e.quote, e.note?.split(':')[0]])).toEqual([
      [
        'PRESIDENT · 040 · MILITARY',
        'event of 2014-09-24 (row 1 of 20240921000000.export.CSV, id 1199516024)',
      ],
      [
        'MILITARY · 040 · PRESIDENT',
        'event of 2014-09-24 (row 1 of 20240921001500.export.CSV, id 1199516026)',
      ],
    ]);
    expect(run('gdelt', [a, b]).dataset).toEqual(r.dataset);
    expect(pairs(r.dataset)).toEqual(pairs(run('gdelt', [['20240921.export.CSV', GDELT]]).dataset));
  });
});

describe('several ACLED files (SYNTHETIC rows)', () => {
  const [a, b] = cut(fixture('acled/synthetic-acled.csv'), true, [1, 3, 5], [2, 4, 6]);

  it('battles and agreements split across files still make their relations', () => {
    const r = run('acled', [
      ['xland-south.csv', b!],
      ['xland-north.csv', a!],
    ]);
    expect(r.errors).toEqual([]);
    expect(pairs(r.dataset)).toEqual([
      ['Military Forces of Xland (2019-)', 'North Front', 'hostility', '2021-01', '2022-01'],
      ['Military Forces of Xland (2019-)', 'North Front', 'cooperation', '2022-01', '2023-01'],
    ]);
    // The protest without a second actor (XLD4) is counted in its own file.
    expect(r.warnings.map(formatProblem)).toContainEqual(
      expect.stringMatching(
        /^warning: xland-south\.csv:3 row 3: 1 row with fewer than two actors left out/,
      ),
    );
    expect(r.dataset!.sources.map((s) => s.title)).toEqual([
      'ACLED event data xland-north.csv, xland-south.csv',
    ]);
  });
});

describe('several UCDP GED files (SYNTHETIC rows)', () => {
  const [a, b] = cut(fixture('ucdp-ged/synthetic-ged.csv'), true, [1, 3], [2, 4]);

  it('a side pair with one event in each file is hostility over their year', () => {
    const r = run('ucdp-ged', [
      ['ged-2019-b.csv', b!],
      ['ged-2019-a.csv', a!],
    ]);
    expect(r.errors).toEqual([]);
    expect(pairs(r.dataset)).toEqual([
      ['Government of Xland', 'North Front', 'hostility', '2019-01', '2020-01'],
      ['North Front', 'Civilians', 'hostility', '2019-01', '2020-01'],
    ]);
    expect(r.dataset!.relations[0]!.evidence.map((e) => e.note?.split(':')[0])).toEqual([
      'event of 2019-01-03 (row 2 of ged-2019-a.csv, id 1)',
      'event of 2019-02-09 (row 2 of ged-2019-b.csv, id 2)',
    ]);
  });

  it('a file whose header is not GED among GED files is refused at its header', () => {
    const r = run('ucdp-ged', [
      ['ged-2019-a.csv', a!],
      ['other.csv', 'date,who\n2019-01-01,x\n'],
    ]);
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map((e) => e.file)).toEqual(['other.csv', 'other.csv', 'other.csv']);
  });
});

describe('several generic event tables', () => {
  const header = 'SQLDATE,Actor1Code,Actor2Code,GoldsteinScale';
  const table = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

  it('a year a file, read in the order of their names', () => {
    const files: [string, string][] = [
      ['2017.csv', table('20170405,USA,IRN,-10', '20170505,USA,IRN,-4')],
      ['2015.csv', table('20150110,USA,IRN,3.4', '20150320,IRN,USA,7')],
      ['2016.csv', table('20160105,USA,IRN,-5', '20160405,IRN,USA,-2')],
    ];
    const r = run('events', files);
    expect(r.errors).toEqual([]);
    expect(pairs(r.dataset)).toEqual([
      ['USA', 'IRN', 'cooperation', '2015-01', '2016-01'],
      ['USA', 'IRN', 'hostility', '2016-01', '2018-01'],
    ]);
    expect(r.dataset!.title).toBe('2015 and 2 more files');
    expect(run('events', [...files].reverse()).dataset).toEqual(r.dataset);
  });

  it('files with no event between two actors say so of all of them', () => {
    const r = run('events', [
      ['2015.csv', table('20150110,USA,USA,3.4')],
      ['2016.csv', table('20160105,IRN,IRN,-5')],
    ]);
    expect(r.errors.map(formatProblem)).toEqual([
      '2015.csv, 2016.csv: the files have no events between two actors, so there is nothing to aggregate',
    ]);
  });

  it('an empty file among them is an error naming it; the others are still checked', () => {
    const r = run('events', [
      ['2015.csv', table('20150110,USA,IRN,3.4', '20150320,IRN,USA,high')],
      ['2016.csv', table()],
    ]);
    expect(r.errors.map(formatProblem)).toEqual([
      expect.stringMatching(/^2015\.csv:3:\d+ row 3, column "GoldsteinScale": "high" is not/),
      '2016.csv: the table has no events: there are no rows below the header',
    ]);
  });
});
