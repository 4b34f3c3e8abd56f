import { describe, expect, it } from 'vitest';
import { importCsv } from './csv-import';

const rel = (text: string, name = 'rel.csv') => ({ name, text });

describe('importCsv', () => {
  it('infers actors from a relations table alone, with one summarising warning', () => {
    const r = importCsv({
      relations: rel(
        'source,target,kind\npakistan,taliban,support\ntaliban,ttp,alliance\n',
        'pak-relations.csv',
      ),
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.title).toBe('pak');
    expect(r.dataset!.actors).toEqual([
      { id: 'pakistan', label: 'pakistan', type: 'other' },
      { id: 'taliban', label: 'taliban', type: 'other' },
      { id: 'ttp', label: 'ttp', type: 'other' },
    ]);
    expect(r.dataset!.relations.map((x) => x.id)).toEqual(['r2', 'r3']);
    const inferred = r.warnings.filter((w) => w.message.includes('inferred'));
    expect(inferred).toHaveLength(1);
    expect(inferred[0]!.message).toContain('3 actors inferred');
  });

  it('matches headers loosely, with aliases for dates, kind and quote', () => {
    const r = importCsv({
      relations: rel(
        ' Source ,TARGET,Type,Start,End-Date,Evidence,Evidence Source,Notes\na,b,hostility,1994,2001-09,"they fought",src,n\n',
      ),
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations[0]).toEqual({
      id: 'r2',
      source: 'a',
      target: 'b',
      kind: 'hostility',
      from: '1994',
      until: '2001-09',
      evidence: [{ source: 'src', quote: 'they fought' }],
      note: 'n',
    });
    expect(r.dataset!.sources).toEqual([{ id: 'src', title: 'src' }]);
  });

  it('reads semicolons, a BOM, a decimal comma and quoted line breaks', () => {
    const r = importCsv({
      relations: rel(
        '\uFEFFsource;target;kind;strength;label\na;b;support;0,5;"two\nlines; here"\n',
      ),
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations[0]).toMatchObject({ strength: 0.5, label: 'two\nlines; here' });
  });

  it('removes the formula guard written by the exporter', () => {
    const r = importCsv({ relations: rel(`source,target,kind,note\n'-a,'=b,contact,'+1\n`) });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations[0]).toMatchObject({ source: '-a', target: '=b', note: '+1' });
  });

  it('reports a bad date with file, line, column, readable path and value', () => {
    const text = 'source,target,kind,from,until\n"a\nb",c,support,1990,2021-13\n';
    const r = importCsv({ relations: rel(text) });
    expect(r.dataset).toBeUndefined();
    expect(r.errors).toEqual([
      {
        severity: 'error',
        file: 'rel.csv',
        line: 3,
        column: 19,
        path: 'row 2, column "until"',
        value: '2021-13',
        message: '"2021-13" has month 13, which is not between 01 and 12',
      },
    ]);
  });

  it('reports every error, not just the first', () => {
    const text = [
      'source,target,kind,polarity,directed,strength,from',
      'a,b,support,sideways,maybe,lots,1990',
      'a,b,support,,,,19900',
      'a,a,support,,,,',
    ].join('\n');
    const r = importCsv({ relations: rel(text) });
    const where = r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(where).toEqual([
      expect.stringMatching(/^row 2, column "polarity": "sideways": expected positive/),
      expect.stringMatching(/^row 2, column "directed": "maybe": expected true or false/),
      expect.stringMatching(/^row 2, column "strength": "lots" is not a number/),
      expect.stringMatching(/^row 3, column "from": "19900" is not an ISO 8601 date/),
      'row 4, column "target": a relation needs two different actors',
    ]);
  });

  it('refers unknown actors back to the cell when there is an actors table', () => {
    const r = importCsv({
      relations: rel('id,source,target,kind\nr1,a,ghost,contact\n'),
      actors: { name: 'actors.csv', text: 'id,label,type\na,A,state\n' },
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'rel.csv',
        line: 2,
        column: 6,
        path: 'row 2, column "target"',
        value: 'ghost',
        message: 'refers to actor "ghost", which does not exist',
      }),
    ]);
  });

  it('rewrites references to other rows in validation messages', () => {
    const r = importCsv({
      relations: rel('id,source,target,kind\nr1,a,b,contact\nr1,b,c,contact\n'),
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        path: 'row 3, column "id"',
        message: 'duplicate id "r1" (first used by row 2)',
      }),
    ]);
  });

  it('names a missing column and the names it accepts', () => {
    const r = importCsv({ relations: rel('from,to,kind\na,b,support\n') });
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatchObject({
      file: 'rel.csv',
      line: 1,
      path: 'row 1',
      message: expect.stringMatching(
        /^missing column "source" \(accepted names: source, source_id.*from\/to are dates/,
      ),
    });
  });

  it('refuses a column given twice under two names', () => {
    const r = importCsv({ relations: rel('source,target,kind,from,start\n') });
    expect(r.errors).toEqual([
      expect.objectContaining({
        path: 'row 1, column "start"',
        message: expect.stringContaining('means the same as column "from"'),
      }),
    ]);
  });

  it('warns about columns it does not read', () => {
    const r = importCsv({ relations: rel('source,target,kind,colour\na,b,contact,red\n') });
    expect(r.warnings.map((w) => w.message)).toContain(
      'column "colour" is not read (not a known column name)',
    );
  });

  it('maps an unknown kind to contact without a polarity column, keeping it in the note', () => {
    const r = importCsv({ relations: rel('source,target,kind\na,b,ally\nb,c,ally\n') });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations[0]).toMatchObject({ kind: 'contact', note: 'kind: ally' });
    expect(r.warnings.find((w) => w.message.includes('"ally"'))).toMatchObject({
      path: 'row 2, column "kind"',
      message: expect.stringContaining('"ally" (rows 2, 3)'),
    });
  });

  it('declares an unknown kind with the polarity column, directed when all its rows are', () => {
    const r = importCsv({
      relations: rel(
        'source,target,kind,polarity,directed\na,b,proxy war,-,true\nb,c,proxy war,negative,yes\n',
      ),
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relationKinds).toEqual([
      { id: 'proxy war', label: 'proxy war', polarity: 'negative', directed: true },
    ]);
    expect(r.dataset!.relations[0]!.directed).toBeUndefined(); // the kind's default
  });

  it('refuses contradicting polarities for one kind', () => {
    const r = importCsv({
      relations: rel('source,target,kind,polarity\na,b,x,positive\nb,c,x,negative\n'),
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        path: 'row 3, column "kind"',
        message: expect.stringContaining('contradicts positive, given for kind "x" at row 2'),
      }),
    ]);
  });

  it('overrides a built-in kind when the table gives it another polarity throughout', () => {
    const r = importCsv({ relations: rel('source,target,kind,polarity\na,b,contact,negative\n') });
    expect(r.dataset!.relationKinds).toEqual([
      { id: 'contact', label: 'Contact', polarity: 'negative', directed: false },
    ]);
  });

  it('needs a quote beside an evidence source; a quote alone cites "unsourced"', () => {
    const bad = importCsv({
      relations: rel('source,target,kind,quote_2,evidence_source_2\na,b,contact,,src\n'),
    });
    expect(bad.errors).toEqual([
      expect.objectContaining({
        path: 'row 2, column "evidence_source_2"',
        message: 'has an evidence source but no quote beside it',
      }),
    ]);
    const alone = importCsv({ relations: rel('source,target,kind,quote\na,b,contact,words\n') });
    expect(alone.dataset!.relations[0]!.evidence).toEqual([
      { source: 'unsourced', quote: 'words' },
    ]);
    expect(alone.dataset!.sources).toEqual([
      { id: 'unsourced', title: 'No source given in rel.csv' },
    ]);
  });

  it('refuses a row wider than the header', () => {
    const r = importCsv({ relations: rel('source,target,kind\na,b,contact,oops\n') });
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 2, column: 13, path: 'row 2, column 4', value: 'oops' }),
    ]);
  });

  it('reads an actors table: aliases, parent, declared types', () => {
    const r = importCsv({
      relations: rel('source,target,kind\nisi,pakistan,support\n'),
      actors: {
        name: 'actors.csv',
        text: 'id,name,type,aliases,part of,from\npakistan,Pakistan,state,Islamabad,,1947-08-14\nisi,ISI,intelligence service,Inter-Services Intelligence | ISI,pakistan,1948\n',
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.actors[1]).toEqual({
      id: 'isi',
      label: 'ISI',
      type: 'intelligence service',
      aliases: ['Inter-Services Intelligence', 'ISI'],
      parent: 'pakistan',
      from: '1948',
    });
    expect(r.dataset!.actorTypes).toEqual([
      { id: 'intelligence service', label: 'intelligence service' },
    ]);
  });

  it('says a file is empty', () => {
    expect(importCsv({ relations: rel('') }).errors).toEqual([
      expect.objectContaining({
        file: 'rel.csv',
        message: expect.stringContaining('the file is empty'),
      }),
    ]);
  });

  it('reports CSV syntax errors with their position', () => {
    const r = importCsv({ relations: rel('source,target,kind\na,b,"contact\n') });
    expect(r.errors[0]).toMatchObject({
      line: 2,
      column: 5,
      message: expect.stringContaining('never closed'),
    });
  });
});

describe('importCsv: basis', () => {
  it('reads basis, date_basis and reference, and locates a bad basis at its cell', () => {
    const ok = importCsv({
      relations: rel(
        'source,target,kind,basis,date basis,reference,quote\na,b,support,quote,history,"Treaty, 2020",they met\n',
      ),
    });
    expect(ok.errors).toEqual([]);
    expect(ok.dataset!.relations[0]).toMatchObject({
      basis: 'quote',
      dateBasis: 'history',
      reference: 'Treaty, 2020',
    });

    const bad = importCsv({ relations: rel('source,target,kind,basis\na,b,support,article\n') });
    expect(bad.dataset).toBeUndefined();
    expect(bad.errors).toEqual([
      expect.objectContaining({
        path: 'row 2, column "basis"',
        message: 'must be one of "quote", "history"',
      }),
    ]);
  });
});
