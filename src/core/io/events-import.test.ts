import { describe, expect, it } from 'vitest';
import { isEventTable, QUAD_CLASS_SCORE } from './event-columns';
import { parseEventDate } from './event-rows';
import { importEvents } from './event-tables';
import type { EventImportOptions } from './event-options';

const HEADER = 'SQLDATE,Actor1Code,Actor1Name,Actor2Code,Actor2Name,QuadClass,GoldsteinScale';
const table = (rows: string[], header = HEADER) => `${header}\n${rows.join('\n')}\n`;
const run = (text: string, options?: EventImportOptions, name = 'gdelt-events.csv') =>
  importEvents({ name, text }, options);

/** Two events a year between USA and IRN: cooperation, then verbal, then material conflict. */
const FLIP = table([
  '20150110,USA,UNITED STATES,IRN,IRAN,1,3.4',
  '20150320,IRN,IRAN,USA,UNITED STATES,2,7',
  '20160105,USA,UNITED STATES,IRN,IRAN,3,-5',
  '20160405,IRN,IRAN,USA,UNITED STATES,3,-2',
  '20170405,USA,UNITED STATES,IRN,IRAN,4,-10',
  '20170505,USA,UNITED STATES,IRN,IRAN,3,-4',
]);

describe('importEvents: aggregation', () => {
  it('turns yearly windows into cooperation, tension and hostility', () => {
    const r = run(FLIP);
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    expect(d.title).toBe('gdelt');
    expect(d.actors).toEqual([
      { id: 'USA', label: 'UNITED STATES', type: 'state' },
      { id: 'IRN', label: 'IRAN', type: 'state' },
    ]);
    expect(d.relations.map((x) => [x.id, x.source, x.target, x.kind, x.from, x.until])).toEqual([
      ['r1', 'USA', 'IRN', 'cooperation', '2015-01', '2016-01'],
      ['r2', 'USA', 'IRN', 'tension', '2016-01', '2017-01'],
      ['r3', 'USA', 'IRN', 'hostility', '2017-01', '2018-01'],
    ]);
    expect(d.relations[0]!.note).toBe(
      'From 2 events in gdelt-events.csv over 1 window of 12 months (2015): mean Goldstein score +5.2, from +3.4 to +7.\n' +
        'QuadClass: 1 verbal cooperation, 1 material cooperation.',
    );
    expect(d.relations.every((x) => x.evidence.length === 0)).toBe(true);
    expect(d.description).toContain('each window of 12 months with at least 2 events');
  });

  it('merges consecutive windows of one kind, and a gap starts a new relation', () => {
    const r = run(
      table([
        '20100101,A,,B,,,2',
        '20100601,A,,B,,,4',
        '20111201,B,,A,,,3',
        '20110101,A,,B,,,1',
        '20130101,A,,B,,,5',
        '20130201,A,,B,,,5',
      ]),
    );
    expect(r.errors).toEqual([]);
    const [first, second] = r.dataset!.relations;
    expect([first!.from, first!.until, second!.from, second!.until]).toEqual([
      '2010-01',
      '2012-01',
      '2013-01',
      '2014-01',
    ]);
    expect(first!.note).toContain('over 2 windows of 12 months (2010 to 2011)');
    expect(first!.note).toContain('Per window: 2010: 2 events, mean +3; 2011: 2 events, mean +2.');
    expect(r.dataset!.actors.map((a) => a.type)).toEqual(['other', 'other']);
  });

  it('uses windowMonths and minEvents, aligning windows to January of the first year', () => {
    const rows = ['20150210,A,,B,,,-8', '20150301,A,,B,,,-6', '20150801,A,,B,,,-9'];
    const half = run(table(rows), { windowMonths: 6 });
    expect(half.dataset!.relations.map((x) => [x.kind, x.from, x.until])).toEqual([
      ['hostility', '2015-01', '2015-07'],
    ]);
    expect(half.warnings.map((w) => w.message)).toContain(
      '1 pair window with fewer than 2 events left out (1 event); lower minEvents or widen windowMonths to keep them',
    );
    const single = run(table(rows), { windowMonths: 5, minEvents: 1 });
    expect(single.dataset!.relations.map((x) => [x.from, x.until])).toEqual([
      ['2015-01', '2015-11'],
    ]);
    expect(single.dataset!.relations[0]!.note).toContain('(2015-01–2015-05 to 2015-06–2015-10)');
  });

  it('makes windows between the thresholds contact, or leaves them out', () => {
    const rows = ['20150101,A,,B,,,0.5', '20150201,A,,B,,,-1'];
    expect(run(table(rows)).dataset!.relations[0]!.kind).toBe('contact');
    const none = run(table([...rows, '20160101,A,,B,,,9', '20160102,A,,B,,,9']), {
      between: 'none',
    });
    expect(none.dataset!.relations.map((x) => [x.kind, x.from])).toEqual([
      ['cooperation', '2016-01'],
    ]);
    expect(none.warnings.map((w) => w.message)).toContain(
      '1 pair window with a mean score between -1 and 1 left without a relation (2 events)',
    );
    const strict = run(table(rows), { cooperationAt: 0.2, hostilityAt: -0.2 });
    expect(strict.dataset!.relations[0]!.kind).toBe('hostility');
  });

  it('scores events by QuadClass when there is no Goldstein column', () => {
    const r = run(
      table(
        ['2020-03-01,A,B,1', '2020-04-01,A,B,2', '2021-01-01,A,B,3', '2021-05-01,B,A,3'],
        'date,actor1,actor2,quadclass',
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations.map((x) => x.kind)).toEqual(['cooperation', 'tension']);
    const mean = (QUAD_CLASS_SCORE[1] + QUAD_CLASS_SCORE[2]) / 2;
    expect(r.dataset!.relations[0]!.note).toContain(
      `mean score (from QuadClass) +${Math.round(mean * 10) / 10}`,
    );
  });

  it("writes a relation's mean from exact sums, as the DuckDB import does", () => {
    // -10 and 9.1 summed as doubles give a mean of -0.4500000000000002, written -0.5; their mean
    // is -0.45, written -0.4 (aggregate.sql sums thousandths; Math.round takes ties up).
    const r = run(table(['20150110,USA,,IRN,,4,-10', '20150320,USA,,IRN,,1,9.1']), {
      hostilityAt: -0.2,
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations[0]!.note).toContain('mean Goldstein score -0.4, from -10 to +9.1');
  });

  it('reads ICEWS-like headers, names as ids, semicolons and decimal commas', () => {
    const r = run(
      table(
        ['2019-05-02;Iran;United States;-2,5', '2019-06-11;United States;Iran;-7,5'],
        'Event Date;Source Name;Target Name;Intensity',
      ),
      undefined,
      'icews.csv',
    );
    expect(r.errors).toEqual([]);
    expect(r.dataset!.actors).toEqual([
      { id: 'Iran', label: 'Iran', type: 'other' },
      { id: 'United States', label: 'United States', type: 'other' },
    ]);
    expect(r.dataset!.relations[0]).toMatchObject({ kind: 'hostility', from: '2019-01' });
    expect(r.dataset!.relations[0]!.note).toContain('mean Goldstein score -5');
  });

  it('leaves out self-pairs and actors without a relation, with one warning each', () => {
    const r = run(
      table(['20150101,A,,A,,,2', '20150101,A,,B,,,2', '20150101,A,,B,,,2', '20150101,A,,C,,,2']),
    );
    expect(r.dataset!.actors.map((a) => a.id)).toEqual(['A', 'B']);
    const messages = r.warnings.map((w) => w.message);
    expect(messages).toContain(
      "1 row with the same actor on both sides (an actor's dealings with itself) left out: row 2",
    );
    expect(messages.some((m) => m.startsWith('1 actor left out because no relation remains'))).toBe(
      true,
    );
  });
});

describe('importEvents: evidence', () => {
  const QUOTED = 'date,actor1,actor2,goldstein,quote,source_url,event_id';

  it('cites quotes, sign-agreeing events first, with URLs as sources', () => {
    const r = run(
      table(
        [
          '2015-01-05,A,B,-9,"they shelled the port",https://news.example/1,e1',
          '2015-02-05,A,B,3,"they talked",https://news.example/2,e2',
          '2015-03-05,B,A,-7,"a raid",,e3',
          '2015-04-05,B,A,-8,,https://news.example/3,e4',
        ],
        QUOTED,
      ),
      { maxEvidence: 2 },
    );
    expect(r.errors).toEqual([]);
    const rel = r.dataset!.relations[0]!;
    expect(rel.kind).toBe('hostility');
    expect(rel.evidence).toEqual([
      {
        source: 'url-1',
        quote: 'they shelled the port',
        note: 'event of 2015-01-05 (row 2, id e1): Goldstein -9',
      },
      {
        source: 'unsourced',
        quote: 'a raid',
        note: 'event of 2015-03-05 (row 4, id e3): Goldstein -7',
      },
    ]);
    expect(rel.note).toContain('Evidence: 2 of 3 quoted events.');
    expect(r.dataset!.sources).toEqual([
      { id: 'url-1', title: 'https://news.example/1', url: 'https://news.example/1' },
      { id: 'unsourced', title: 'No source given in gdelt-events.csv' },
    ]);
    expect(r.warnings.map((w) => w.path)).toContain('row 4, column "quote"');
  });

  it('keeps plain source ids, and URL ids avoid them', () => {
    const r = run(
      table(['2015-01-05,A,B,5,"x",url-1,', '2015-01-06,A,B,5,"y",http://h.example/a,'], QUOTED),
    );
    expect(r.dataset!.sources.map((s) => s.id)).toEqual(['url-1', 'url-2']);
    expect(r.dataset!.sources[1]).toMatchObject({ url: 'http://h.example/a' });
  });
});

describe('importEvents: problems', () => {
  it('reports every bad cell with row, column, line and value', () => {
    const r = run(
      table([
        '20150231,USA,,IRN,,1,3',
        '2015-13-01,USA,,IRN,,1,3',
        '2015,USA,,IRN,,1,3',
        '20150101,,,IRN,,1,3',
        '20150101,USA,,IRN,,5,12',
        '20150101,USA,,IRN,,,high',
        '20150101,USA,,IRN,,,',
      ]),
    );
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['row 2, column "SQLDATE"', '"20150231" has day 31, but February 2015 has 28 days'],
      ['row 3, column "SQLDATE"', '"2015-13-01" has month 13, which is not between 01 and 12'],
      [
        'row 4, column "SQLDATE"',
        '"2015" gives only a year; an event needs at least a month (YYYY-MM)',
      ],
      ['row 5, column "Actor1Code"', 'the row has no actor 1 (the cell is empty)'],
      [
        'row 6, column "QuadClass"',
        '"5" is not a QuadClass: expected 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)',
      ],
      ['row 6, column "GoldsteinScale"', '"12" is outside the Goldstein scale (-10 to +10)'],
      [
        'row 7, column "GoldsteinScale"',
        '"high" is not a number (Goldstein scores run from -10 to +10)',
      ],
      [
        'row 8, column "GoldsteinScale"',
        'the row has no score (no Goldstein value, no QuadClass and no CAMEO code)',
      ],
    ]);
    expect(r.errors[5]).toMatchObject({
      file: 'gdelt-events.csv',
      line: 6,
      column: 22,
      value: '12',
    });
  });

  it('reports every missing column at once', () => {
    const r = run('when,who,whom,tone\n2015-01-01,a,b,3\n');
    expect(r.errors.map((e) => e.message)).toEqual([
      'missing column "date" (accepted names: date, day, sqldate, event_date, eventdate)',
      expect.stringMatching(
        /^missing a column for actor 1 \(accepted names: actor1, .*source_name\)$/,
      ),
      expect.stringMatching(/^missing a column for actor 2 /),
      expect.stringMatching(
        /^missing a score column: Goldstein \(goldstein, .*\), QuadClass .* or a CAMEO code/,
      ),
    ]);
  });

  it('refuses bad options by name, and says when no relation remains', () => {
    const bad = run(FLIP, { windowMonths: 0, hostilityAt: 2, between: 'maybe' as 'none' });
    expect(bad.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'options.windowMonths: must be a whole number from 1 to 1200',
      'options.hostilityAt: must be below cooperationAt (1)',
      'options.between: must be "contact" or "none"',
    ]);
    const empty = run(FLIP, { minEvents: 3 });
    expect(empty.errors[0]!.message).toMatch(/^no pair of actors has 3 events in one window/);
    expect(run(`${HEADER}\n`).errors[0]!.message).toBe(
      'the table has no events: there are no rows below the header',
    );
  });
});

describe('event tables: detection and dates', () => {
  it('recognises event tables by their header', () => {
    expect(isEventTable(`\uFEFF${HEADER}\n`)).toBe(true);
    expect(isEventTable('Event Date;Source Name;Target Name;Intensity\n')).toBe(true);
    expect(isEventTable('date,actor1,actor2,quadclass')).toBe(true);
    expect(isEventTable('source,target,kind,score\n')).toBe(false);
    expect(isEventTable('source,target,from\n')).toBe(false);
    expect(isEventTable('id,label,type\n')).toBe(false);
  });

  it('reads ISO and GDELT dates', () => {
    expect(parseEventDate('20160314')).toEqual({ iso: '2016-03-14', month: 2016 * 12 + 2 });
    expect(parseEventDate('2016-03')).toEqual({ iso: '2016-03', month: 2016 * 12 + 2 });
    expect(parseEventDate('14/03/2016')).toEqual({
      problem: 'is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)',
    });
  });
});
