import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problems';
import {
  applyMapping,
  columnMappingSchema,
  headerKey,
  relabelProblems,
  suggestMapping,
  type ColumnMapping,
} from './column-mapping';
import { importCsv } from './csv-import';
import { importEvents } from './event-tables';
import { checkMapping } from './mapping-check';
import { sampleTable, SAMPLE_CELLS } from './table-sample';

/** A semicolon table no importer recognises: who, to whom, when, and a Goldstein-like tone. */
const TONE = [
  'from_party;to_party;when;tone',
  'North;South;2001-03-02;-7',
  'South;North;2001-05-10;-5,5',
  'North;East;2001-04-01;6',
  'East;North;2001-09-30;4',
  '',
].join('\n');

const toneEvents: ColumnMapping = {
  shape: 'events',
  scoreScale: 'goldstein',
  columns: { source: 0, target: 1, date: 2, score: 3 },
};

const sampleOf = (text: string, name = 'tone.csv') => sampleTable({ name, text })!;

/** Maps a table's text as the import does, then runs the importer of the mapping's shape. */
function importMapped(text: string, mapping: ColumnMapping, name = 'tone.csv') {
  const sample = sampleOf(text, name);
  const mapped = applyMapping(text, sample.header, sample.delimiter, mapping);
  const file = { name, text: mapped };
  const result =
    mapping.shape === 'events'
      ? importEvents(file, { minEvents: 1 })
      : importCsv({ relations: file });
  return {
    ...result,
    mapped,
    errors: relabelProblems(result.errors, sample.header, mapping),
    warnings: relabelProblems(result.warnings, sample.header, mapping),
  };
}

describe('applyMapping', () => {
  it('rewrites the header alone, in the table’s delimiter, leaving unmapped columns unnamed', () => {
    const sample = sampleOf(TONE);
    const mapped = applyMapping(TONE, sample.header, sample.delimiter, {
      ...toneEvents,
      columns: { source: 0, target: 1, date: 2, score: 3 },
    });
    expect(mapped.split('\n')[0]).toBe('actor1;actor2;date;goldstein');
    expect(mapped.slice(mapped.indexOf('\n'))).toBe(TONE.slice(TONE.indexOf('\n')));
    const relations = applyMapping(TONE, sample.header, sample.delimiter, {
      shape: 'relations',
      scoreScale: 'goldstein',
      columns: { source: 1, target: 0, kind: 3 },
    });
    expect(relations.split('\n')[0]).toBe('target;source;;kind');
  });

  it('turns an unrecognised event table into relations through the event importer', () => {
    const r = importMapped(TONE, toneEvents);
    expect(r.errors).toEqual([]);
    const relations = r.dataset!.relations.map((x) => [x.source, x.target, x.kind]);
    expect(relations).toEqual([
      ['North', 'South', 'hostility'],
      ['North', 'East', 'cooperation'],
    ]);
    expect(r.dataset!.actors.map((a) => a.id).sort()).toEqual(['East', 'North', 'South']);
  });

  it('reads a QuadClass score column when the mapping says so', () => {
    const text = 'a,b,day,class\nX,Y,2020-01-05,4\nY,X,2020-02-01,3\n';
    const r = importMapped(text, {
      shape: 'events',
      scoreScale: 'quadClass',
      columns: { source: 0, target: 1, date: 2, score: 3 },
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations.map((x) => x.kind)).toEqual(['hostility']);
  });

  it('turns a relations table with other names into relations, with dates, label and evidence', () => {
    const text = [
      'Side 1,Side 2,Tie,Began,Ended,Caption,Said,Link',
      'a,b,alliance,1994,2001,Pact,"They signed, at last",https://example.org/pact',
      '',
    ].join('\r\n');
    const r = importMapped(text, {
      shape: 'relations',
      scoreScale: 'goldstein',
      columns: { source: 0, target: 1, kind: 2, from: 3, until: 4, label: 5, quote: 6, url: 7 },
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations[0]).toMatchObject({
      source: 'a',
      target: 'b',
      kind: 'alliance',
      from: '1994',
      until: '2001',
      label: 'Pact',
      evidence: [{ source: 'https://example.org/pact', quote: 'They signed, at last' }],
    });
  });

  it('keeps row, line and column of every cell, and names the user’s columns in problems', () => {
    const text = `${TONE}South;East;next week;2\n`;
    const r = importMapped(text, toneEvents);
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map(formatProblem)).toEqual([
      'tone.csv:6:12 row 6, column "when": "next week" is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)',
    ]);
  });

  it('keeps line numbers true when the header has quoted line breaks', () => {
    const text = 'a,"the\nother",when,tone\nX,Y,2020-13-01,1\n';
    const r = importMapped(text, { ...toneEvents, columns: { ...toneEvents.columns } });
    expect(r.errors.map(formatProblem)).toEqual([
      'tone.csv:3:5 row 2, column "when": "2020-13-01" has month 13, which is not between 01 and 12',
    ]);
  });

  it('names an unnamed column by its position', () => {
    const text = 'a,,when,tone\nX,,2020-01-01,1\n';
    const r = importMapped(text, toneEvents);
    expect(r.errors.map((p) => p.path)).toContain('row 2, column 2');
  });
});

describe('checkMapping', () => {
  const sample = sampleOf(`${TONE}South;East;next week;2\n`);

  it('lists the required roles still to choose, and is not ready until they are', () => {
    const check = checkMapping(sample, { ...toneEvents, columns: { source: 0 } });
    expect(check.missing).toEqual(['target', 'date', 'score']);
    expect(check.ready).toBe(false);
  });

  it('says which roles share a column', () => {
    const check = checkMapping(sampleOf(TONE), {
      ...toneEvents,
      columns: { source: 0, target: 0, date: 2, score: 3 },
    });
    expect(check.errors).toEqual(['source and target are the same column ("from_party")']);
  });

  it('names the column, row and value of a cell the importer would refuse', () => {
    const check = checkMapping(sample, toneEvents);
    expect(check.errors).toEqual([
      'column "when", row 6: "next week" is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)',
    ]);
    expect(check.ready).toBe(false);
  });

  it('reads a decimal comma in a semicolon table, and refuses scores off the scale', () => {
    expect(checkMapping(sampleOf(TONE), toneEvents).ready).toBe(true);
    const off = sampleOf('a;b;when;tone\nX;Y;2020-01-01;12\n');
    expect(checkMapping(off, toneEvents).errors).toEqual([
      'column "tone", row 2: "12" is outside the Goldstein scale (-10 to +10)',
    ]);
  });

  it('checks the score as a QuadClass when asked, and a wrong column as a date', () => {
    const check = checkMapping(sample, {
      shape: 'events',
      scoreScale: 'quadClass',
      columns: { source: 0, target: 1, date: 3, score: 2 },
    });
    expect(check.errors).toContain(
      'column "when", row 2: "2001-03-02" is not a QuadClass: expected 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)',
    );
    expect(check.errors).toContain(
      'column "when": 2 more rows the score cannot be read from (rows 5, 6)',
    );
    expect(check.errors).toContain(
      'column "tone", row 2: "-7" is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)',
    );
  });

  it('refuses empty actors and kinds, bad relation dates, and a URL without evidence', () => {
    const text = 'p,q,k,start,link\nA,,ally,1990,https://x.org\nA,B,,199O,\n';
    const check = checkMapping(sampleOf(text), {
      shape: 'relations',
      scoreScale: 'goldstein',
      columns: { source: 0, target: 1, kind: 2, from: 3, url: 4 },
    });
    expect(check.errors).toEqual([
      'column "link" is chosen as the URL of the evidence, but no evidence column is chosen: a URL is the source of a quote',
      'column "q", row 2: the cell is empty, but every row needs a target',
      'column "k", row 3: the cell is empty, but every row needs a kind',
      'column "start", row 3: "199O" is not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });

  it('refuses a table without rows, and a column past the header', () => {
    const check = checkMapping(sampleOf('a,b\n'), {
      shape: 'relations',
      scoreScale: 'goldstein',
      columns: { source: 0, target: 1, kind: 5 },
    });
    expect(check.errors).toEqual([
      'the table has no rows below its header',
      'the kind is column 6, but the table has 2 columns',
    ]);
  });
});

describe('headerKey and suggestMapping', () => {
  it('keys a header by its names as the importers match them', () => {
    expect(headerKey([' From Party', 'to-party'])).toBe(headerKey(['from_party', 'TO PARTY']));
    expect(headerKey(['a', 'b'])).not.toBe(headerKey(['b', 'a']));
  });

  it('suggests the columns whose names an importer accepts, and leaves the others', () => {
    expect(suggestMapping(['from_party', 'to_party', 'when', 'tone'])).toEqual({
      shape: 'relations',
      scoreScale: 'goldstein',
      columns: {},
    });
    expect(suggestMapping(['Source', 'Target', 'Event Date', 'QuadClass', 'URL'])).toEqual({
      shape: 'events',
      scoreScale: 'quadClass',
      columns: { source: 0, target: 1, date: 2, score: 3, url: 4 },
    });
    expect(suggestMapping(['source', 'target', 'start', 'end']).columns).toEqual({
      source: 0,
      target: 1,
      from: 2,
      until: 3,
    });
  });
});

describe('sampleTable', () => {
  it('keeps the header, the first rows with their row numbers, and the count of all rows', () => {
    const s = sampleOf(`${TONE}\nSouth;East;2002-01-01;1\n`);
    expect(s.header).toEqual(['from_party', 'to_party', 'when', 'tone']);
    expect(s.delimiter).toBe(';');
    expect(s.rows[0]).toEqual({ row: 2, cells: ['North', 'South', '2001-03-02', '-7'] });
    expect(s.rows.at(-1)!.row).toBe(7); // the blank line counts as a row, as in the importers
    expect(s.totalRows).toBe(5);
  });

  it('keeps a very wide table small', () => {
    const width = 8_000; // 100,000 cells hold 12 rows of it
    const line = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
    const s = sampleOf(`${line}\n`.repeat(31));
    expect(s.header).toHaveLength(width);
    expect(s.rows).toHaveLength(Math.floor(SAMPLE_CELLS / width)); // 12 of 30
    expect(s.totalRows).toBe(30);
  });

  it('is not a table to map with fewer than two named columns', () => {
    expect(sampleTable({ name: 'x.csv', text: 'only\n1\n' })).toBeUndefined();
    expect(sampleTable({ name: 'x.csv', text: '' })).toBeUndefined();
  });
});

describe('columnMappingSchema', () => {
  it('accepts a mapping and refuses unknown roles and negative columns', () => {
    expect(columnMappingSchema.safeParse(toneEvents).success).toBe(true);
    const bad = (columns: unknown) =>
      columnMappingSchema.safeParse({ ...toneEvents, columns }).success;
    expect(bad({ source: -1 })).toBe(false);
    expect(bad(JSON.parse('{"__proto__": 1}'))).toBe(false);
    expect(bad({ constructor: 2 })).toBe(false);
    expect(bad({ source: 1.5 })).toBe(false);
  });
});
