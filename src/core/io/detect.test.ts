/** Detection from content: each format, why, and what an unknown table looked like. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');

describe('detectFormat', () => {
  it('tells each published format from its content, whatever the file is called', () => {
    const cases: [string, string, string][] = [
      [
        'gdelt/20240921.small.export.CSV',
        'gdelt',
        'GDELT 1.0 export: tab-separated, no header, 58 columns',
      ],
      [
        'icews/events.2018.sample.excerpt.tab',
        'icews',
        'ICEWS events: tab-separated, header of 20 columns with Event ID, Event Date, Source Name, Target Name, CAMEO Code',
      ],
      [
        'acled/synthetic-acled.csv',
        'acled',
        'ACLED events: comma-separated, header of 31 columns with event_date, actor1, actor2, event_type',
      ],
      [
        'ucdp-ged/synthetic-ged.csv',
        'ucdp-ged',
        'UCDP GED events: comma-separated, header of 49 columns with side_a, side_b, date_start, date_end, best',
      ],
    ];
    for (const [path, format, reason] of cases)
      expect(detectFormat('download.txt', fixture(path))).toEqual({ format, reason });
  });

  it('GDELT 2.0 by its 61 columns; 57-column historical rows are GDELT 1.0', () => {
    const row = (n: number) =>
      ['410479387', '20150218', ...Array<string>(n - 2).fill('')].join('\t');
    expect(detectFormat('x', row(61)).reason).toBe(
      'GDELT 2.0 export: tab-separated, no header, 61 columns',
    );
    expect(detectFormat('x', row(57)).reason).toBe(
      'GDELT 1.0 export: tab-separated, no header, 57 columns',
    );
    expect(detectFormat('x', row(60)).format).toBeNull();
  });

  it('JSON, GEXF, event tables and our CSV tables', () => {
    expect(detectFormat('d.txt', ' {"title": 1}')).toEqual({
      format: 'json',
      reason: 'JSON: the file starts with "{"',
    });
    expect(detectFormat('d.json', 'not json')).toMatchObject({ format: 'json' });
    expect(detectFormat('g', '<?xml version="1.0"?><gexf/>')).toMatchObject({ format: 'gexf' });
    expect(detectFormat('e.csv', 'SQLDATE;Actor1Code;Actor2Code;GoldsteinScale\n')).toEqual({
      format: 'events',
      reason:
        'event table: semicolon-separated, header of 4 columns with two actor columns and a score column',
    });
    expect(detectFormat('r.csv', 'source,target,kind\n')).toMatchObject({ format: 'csv' });
    expect(detectFormat('a.csv', 'id,label,type\n')).toMatchObject({ format: 'csv' });
    expect(detectFormat('empty.csv', '')).toMatchObject({ format: 'csv' });
  });

  it('a table nobody reads comes back with its header, for the column mapping', () => {
    expect(detectFormat('t.csv', 'when,who,whom,what\n2015,a,b,c\n')).toEqual({
      format: null,
      header: ['when', 'who', 'whom', 'what'],
      delimiter: ',',
      reason: expect.stringMatching(
        /^a comma-separated table whose header \("when", "who", "whom", "what"\) names no format/,
      ),
    });
    expect(detectFormat('x.bin', 'hello')).toMatchObject({ format: null });
  });
});
