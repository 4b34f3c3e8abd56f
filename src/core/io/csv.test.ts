import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, guardCell, parseCsv, quoteCell, unguardCell, writeCsv } from './csv';
import { joinPipeList, splitPipeList } from './pipe-list';

const cells = (text: string) =>
  parseCsv(text).table!.records.map((r) => r.cells.map((c) => c.text));

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nplain,,end\n';
    expect(cells(text)).toEqual([
      ['x, y', 'say "hi"', 'two\nlines'],
      ['plain', '', 'end'],
    ]);
  });

  it('keeps CRLF inside a quoted field as it is and accepts LF, CRLF and CR line ends', () => {
    expect(cells('h\r"a\r\nb"\rc')).toEqual([['a\r\nb'], ['c']]);
  });

  it('counts rows as a spreadsheet does and lines as an editor does', () => {
    const { table } = parseCsv('h1,h2\n"multi\nline",x\n\nlast,y\n');
    const [first, last] = table!.records;
    expect(first).toMatchObject({ row: 2, line: 2 });
    expect(last).toMatchObject({ row: 4, line: 5 }); // the blank line is row 3
    expect(last!.cells[1]).toMatchObject({ text: 'y', line: 5, column: 6 });
  });

  it('ignores a byte-order mark and detects a semicolon delimiter from the header', () => {
    const { table } = parseCsv('\uFEFFid;label\n1;"a;b"\n');
    expect(table!.delimiter).toBe(';');
    expect(table!.header.cells.map((c) => c.text)).toEqual(['id', 'label']);
    expect(table!.records[0]!.cells.map((c) => c.text)).toEqual(['1', 'a;b']);
    expect(detectDelimiter('"a;b;c",d,e')).toBe(','); // quoted delimiters do not count
    expect(detectDelimiter('source\ttarget\tkind\nx,y\tz\tw')).toBe('\t');
  });

  it('reports an unclosed quote and text after a closing quote with their positions', () => {
    expect(parseCsv('a,b\n1,"never closed\n').errors).toEqual([
      { line: 2, column: 3, message: expect.stringContaining('never closed') },
    ]);
    expect(parseCsv('a,b\n"x"y,2\n').errors).toEqual([
      { line: 2, column: 4, message: expect.stringContaining('after the closing quote') },
    ]);
  });

  it('has no table for empty text', () => {
    expect(parseCsv('').table).toBeUndefined();
  });
});

describe('writeCsv', () => {
  it('quotes only what needs quoting, ends lines with CRLF and starts with a BOM', () => {
    expect(
      writeCsv([
        ['a', 'b,c'],
        ['"q"', 'x\ny'],
      ]),
    ).toBe('\uFEFFa,"b,c"\r\n"""q""","x\ny"\r\n');
    expect(writeCsv([['a']], { bom: false })).toBe('a\r\n');
    expect(quoteCell('a;b', ';')).toBe('"a;b"');
  });

  it('round-trips any table of strings (property)', () => {
    const table = fc.array(
      fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { minLength: 2, maxLength: 4 }),
      {
        minLength: 1,
        maxLength: 5,
      },
    );
    fc.assert(
      fc.property(table, fc.constantFrom(',' as const, ';' as const), (rows, delimiter) => {
        // Rows must be as wide as the header, and the header must not be blank.
        const width = rows[0]!.length;
        const padded = rows.map((r) => [...r, ...Array(width).fill('')].slice(0, width));
        padded[0] = padded[0]!.map((c, i) => `h${i}${c}`.replace(/[,;]/g, ''));
        const parsed = parseCsv(writeCsv(padded, { delimiter }));
        expect(parsed.errors).toEqual([]);
        const back = [parsed.table!.header, ...parsed.table!.records].map((r) =>
          r.cells.map((c) => c.text),
        );
        expect(back).toEqual(padded);
      }),
      { numRuns: 60 },
    );
  });
});

describe('formula-injection guard', () => {
  it('prefixes cells a spreadsheet would run, and only those', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(guardCell(s)).toBe(`'${s}`);
    for (const s of ['plain', "it's", "'quoted", '1-2', '']) expect(guardCell(s)).toBe(s);
    expect(guardCell("'=x")).toBe("''=x"); // so that unguarding gives back "'=x"
  });

  it('is undone exactly by unguardCell (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a') }),
        (s) => {
          expect(unguardCell(guardCell(s))).toBe(s);
        },
      ),
    );
  });
});

describe('pipe lists', () => {
  it('escapes | and \\ inside items and drops empty items', () => {
    expect(joinPipeList(['a|b', 'c\\', '', 'd'])).toBe('a\\|b|c\\\\|d');
    expect(splitPipeList('a\\|b|c\\\\|d')).toEqual(['a|b', 'c\\', 'd']);
    expect(splitPipeList('')).toEqual([]);
  });

  it('round-trips non-empty items (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, unit: fc.constantFrom('|', '\\', 'a', ' ') })),
        (items) => {
          expect(splitPipeList(joinPipeList(items))).toEqual(items);
        },
      ),
    );
  });
});
