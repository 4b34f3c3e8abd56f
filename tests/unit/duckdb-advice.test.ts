/**
 * The app's "too large" message offers `npm run import` for the formats in
 * src/import/limits.ts; the command reads those (and only those) through
 * DuckDB at any size. The two lists live apart (the page must not load the
 * command's code), so this keeps them alike.
 */
import { describe, expect, it } from 'vitest';
import { duckDbFormatOf } from '../../scripts/duckdb/cli';
import { TABLE_FORMATS } from '../../scripts/duckdb/tableReaders';
import { FORMATS_AGGREGATED_AT_ANY_SIZE } from '../../src/import/limits';

describe('the formats the browser sends to npm run import', () => {
  it('are the formats the command aggregates with DuckDB', () => {
    expect([...FORMATS_AGGREGATED_AT_ANY_SIZE].sort()).toEqual(
      ['gdelt', ...Object.keys(TABLE_FORMATS)].sort(),
    );
  });

  it('a real file of each is read by the command with DuckDB; a relations table is not', async () => {
    const read = async (path: string) => (await duckDbFormatOf([path], undefined))?.format;
    expect(await read('tests/fixtures/gdelt/20250807220000.export.excerpt.CSV')).toBe('gdelt');
    expect(await read('tests/fixtures/icews/events.2018.sample.excerpt.tab')).toBe('icews');
    expect(await read('tests/fixtures/ucdp-ged/GEDEvent_v26_0_7.excerpt.csv')).toBe('ucdp-ged');
    expect(await read('tests/fixtures/acled/synthetic-acled.csv')).toBe('acled');
    expect(await read('graph-data/examples/events.csv')).toBe('events');
    expect(await read('graph-data/examples/relations.csv')).toBeUndefined();
    expect(await read('tests/fixtures/ucdp/ucdp-prio-acd-221-excerpt.csv')).toBeUndefined();
  });
});
