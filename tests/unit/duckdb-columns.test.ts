/**
 * Reading DuckDB results by columns (scripts/duckdb/columns.ts): the same
 * values as the binding's row objects, in the order asked for, whatever
 * the texts hold (NULL, empty, non-ASCII, many rows in several chunks).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readColumns, rowAt } from '../../scripts/duckdb/columns';
import { seededRandom } from '../../src/core/layout';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** Texts that a byte-length cut gets wrong if it counts characters or UTF-16 units. */
const AWKWARD = ['', 'a', 'Côte d’Ivoire', '東京', 'emoji 🕊️ dove', 'tab\tinside', "it's", '\\x41'];

describe('readColumns', () => {
  it('gives each row its numbers and texts, NULL as NaN and undefined', async () => {
    await connection.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES
      (2, 1.5, NULL, 'b', NULL),
      (1, NULL, 9007199254740991, 'Côte d’Ivoire', ''),
      (3, -10.0, 7, NULL, NULL)) AS v(id, score, big, name, note)`);
    const read = await readColumns(connection, {
      from: 't',
      numbers: ['id', 'score', 'big'],
      texts: ['name', 'note'],
      orderBy: ['id'],
    });
    expect(read.rows).toBe(3);
    expect([...read.numbers.id]).toEqual([1, 2, 3]);
    expect([...read.numbers.score]).toEqual([NaN, 1.5, -10]);
    expect([...read.numbers.big]).toEqual([2 ** 53 - 1, NaN, 7]);
    expect(read.texts.name).toEqual(['Côte d’Ivoire', 'b', undefined]);
    expect(read.texts.note).toEqual(['', undefined, undefined]);
    expect(rowAt(read, 0)).toEqual({
      id: 1,
      score: NaN,
      big: 2 ** 53 - 1,
      name: 'Côte d’Ivoire',
      note: '',
    });
  });

  it('reads many rows as the row objects do, ordered by two keys', async () => {
    const random = seededRandom(9);
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const pick = () =>
        random() < 0.15
          ? 'NULL'
          : `'${AWKWARD[Math.floor(random() * AWKWARD.length)]!.replace(/'/g, "''")}'`;
      return `(${Math.floor(random() * 700)}, ${i}, ${(random() * 20 - 10).toFixed(1)}, ${pick()}, ${pick()}, ${pick()})`;
    });
    await connection.run(
      `CREATE OR REPLACE TABLE many AS SELECT * FROM (VALUES ${rows.join(', ')}) AS v(k1, k2, score, a, b, c)`,
    );
    const read = await readColumns(connection, {
      from: '(SELECT * FROM many WHERE score > -9)',
      numbers: ['k1', 'k2', 'score'],
      texts: ['a', 'b', 'c'],
      orderBy: ['k1', 'k2'],
    });
    const expected = (
      await connection.runAndReadAll('SELECT * FROM many WHERE score > -9 ORDER BY k1, k2')
    ).getRowObjectsJson();
    expect(read.rows).toBe(expected.length);
    expect(read.rows).toBeGreaterThan(4000);
    const got = Array.from({ length: read.rows }, (_, i) => rowAt(read, i));
    expect(got).toEqual(
      expected.map((r) => ({
        k1: Number(r.k1),
        k2: Number(r.k2),
        score: Number(r.score),
        a: r.a ?? undefined,
        b: r.b ?? undefined,
        c: r.c ?? undefined,
      })),
    );
  });

  it('reads an empty result and a result without texts', async () => {
    const empty = await readColumns(connection, {
      from: '(SELECT 1 AS n, $$x$$ AS s WHERE false)',
      numbers: ['n'],
      texts: ['s'],
      orderBy: ['n'],
    });
    expect(empty).toEqual({ rows: 0, numbers: { n: new Float64Array(0) }, texts: { s: [] } });
    const numbersOnly = await readColumns(connection, {
      from: '(SELECT * FROM range(3) AS r(n))',
      numbers: ['n'],
      texts: [],
      orderBy: [],
    });
    expect([...numbersOnly.numbers.n].sort()).toEqual([0, 1, 2]);
  });
});
