/**
 * GDELT raw exports on real excerpts (tests/fixtures/gdelt/README.md: a 1.0
 * daily and a 2.0 15-minute export) and on rows derived from the first: the same rows without SOURCEURL (the 57-column
 * historical shape) and with empty ADM2 columns (the 61-column 2.0 shape).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';
import { GDELT_COLUMNS } from './gdelt-columns';
import { gdeltShapeOf, importGdelt } from './gdelt';

const NAME = '20240921.small.export.CSV';
const REAL = readFileSync(`tests/fixtures/gdelt/${NAME}`, 'utf8');
const lines = REAL.trimEnd().split('\n');

/** A 58-column row as the historical back-files write it: without SOURCEURL. */
const historical = (line: string) => line.split('\t').slice(0, 57).join('\t');

/** A 58-column row in GDELT 2.0's shape: an empty ADM2Code after each ADM1Code. */
function version2(line: string): string {
  const cells = line.split('\t');
  for (const adm1 of ['ActionGeo_ADM1Code', 'Actor2Geo_ADM1Code', 'Actor1Geo_ADM1Code'])
    cells.splice(GDELT_COLUMNS[58].indexOf(adm1) + 1, 0, '');
  return cells.join('\t');
}

describe('GDELT exports', () => {
  it('reads a real GDELT 1.0 daily excerpt: actors by code, labelled by name, the article as source', () => {
    expect(gdeltShapeOf(REAL)).toBe(58);
    const r = importGdelt({ name: NAME, text: REAL });
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    expect(d.actors.map((a) => [a.id, a.label])).toEqual([
      ['GOV', 'PRESIDENT'],
      ['MIL', 'MILITARY'],
    ]);
    expect(d.relations.map((x) => [x.source, x.target, x.kind, x.from, x.until])).toEqual([
      ['GOV', 'MIL', 'cooperation', '2014-01', '2015-01'],
    ]);
    const [first] = d.relations[0]!.evidence;
    expect(first!.quote).toBe('PRESIDENT · 040 · MILITARY');
    expect(first!.note).toBe(
      'event of 2014-09-24 (row 1, id 1199516024): CAMEO 040 (consult), Goldstein +1, QuadClass 1 (verbal cooperation)',
    );
    const source = d.sources.find((s) => s.id === first!.source)!;
    expect(source.url).toMatch(/^https:\/\/www\.saltlakecitysun\.com\/news\/274614956\//);
    expect(source.title).toMatch(/^GDELT coding of https:/);
  });

  it('counts the rows with a single actor in one warning', () => {
    const r = importGdelt({ name: NAME, text: REAL });
    const single = r.warnings.filter((w) => w.message.includes('fewer than two actors'));
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({
      file: NAME,
      line: 4,
      path: 'row 4',
      message: expect.stringMatching(
        /^7 rows with fewer than two actors left out .*: rows 4, 5, 6, 7, 8 and 2 more$/,
      ),
    });
  });

  it('reads a file that mixes historical (57) and daily (58) rows', () => {
    const mixed = [historical(lines[0]!), ...lines.slice(1)].join('\n');
    const r = importGdelt({ name: 'mixed.CSV', text: mixed });
    expect(r.errors).toEqual([]);
    const evidence = r.dataset!.relations[0]!.evidence;
    // The historical row has no SOURCEURL: the file is its source.
    expect(r.dataset!.sources.find((s) => s.id === evidence[0]!.source)).toMatchObject({
      id: 'gdelt-export',
      title: 'GDELT 1.0 event export mixed.CSV',
    });
    expect(r.dataset!.description).toContain(
      '57 columns, no SOURCEURL) and GDELT 1.0 daily export rows (58 columns)',
    );
  });

  it('reads GDELT 2.0 rows (61 columns) and refuses 1.0 rows among them', () => {
    const v2 = lines.map(version2);
    expect(gdeltShapeOf(v2.join('\n'))).toBe(61);
    const r = importGdelt({ name: 'v2.CSV', text: v2.join('\n') });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations).toHaveLength(1);

    const bad = importGdelt({ name: 'v2.CSV', text: [v2[0], lines[1], v2[2]].join('\n') });
    expect(bad.dataset).toBeUndefined();
    expect(bad.errors).toEqual([
      expect.objectContaining({
        file: 'v2.CSV',
        line: 2,
        path: 'row 2',
        value: 58,
        message:
          'has 58 columns: a GDELT 1.0 daily export row (58 columns), but the first row makes this a GDELT 2.0 export',
      }),
    ]);
  });

  it('names the file, row, column and value of each bad cell (SYNTHETIC edits of real rows)', () => {
    const edit = (line: string, column: string, value: string) => {
      const cells = line.split('\t');
      cells[GDELT_COLUMNS[58].indexOf(column)] = value;
      return cells.join('\t');
    };
    const text = [
      edit(lines[0]!, 'GoldsteinScale', 'high'),
      edit(lines[1]!, 'SQLDATE', '20140931'),
      edit(lines[2]!, 'QuadClass', '7'),
      lines[3]!.split('\t').slice(0, 40).join('\t'),
    ].join('\n');
    const r = importGdelt({ name: 'bad.CSV', text });
    expect(r.errors.map((e) => [e.path, e.value, e.message])).toEqual([
      ['row 4', 40, expect.stringMatching(/^has 40 columns: GDELT 1.0 rows have 57 or 58/)],
    ]);
    const cells = importGdelt({ name: 'bad.CSV', text: text.split('\n').slice(0, 3).join('\n') });
    expect(cells.errors.map((e) => [e.line, e.path, e.value, e.message])).toEqual([
      [
        1,
        'row 1, column "GoldsteinScale"',
        'high',
        '"high" is not a number (Goldstein scores run from -10 to +10)',
      ],
      [2, 'row 2, column "SQLDATE"', '20140931', expect.stringContaining('"20140931" has day 31')],
      [3, 'row 3, column "QuadClass"', '7', expect.stringMatching(/^"7" is not a QuadClass/)],
    ]);
  });

  it('reads a real GDELT 2.0 export excerpt, detected from its content', () => {
    // tests/fixtures/gdelt/README.md: the first 21 rows of the 2025-08-07 22:00 export.
    const name = '20250807220000.export.excerpt.CSV';
    const text = readFileSync(`tests/fixtures/gdelt/${name}`, 'utf8');
    expect(detectFormat(name, text)).toEqual({
      format: 'gdelt',
      reason: 'GDELT 2.0 export: tab-separated, no header, 61 columns',
    });
    const r = importGdelt({ name, text });
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    // Read off the rows: the UK (GBR) and television (MED) in two neutral events
    // (CAMEO 010 and 017, Goldstein 0); Minneapolis (USA) and Minnesota's
    // legislators (USALEG) in two arrests (173, -5); the UAE (ARE) and the US
    // consulting four times (040, +1) on 2025-07-31. COD and SLE meet once only.
    expect(d.relations.map((x) => [x.source, x.target, x.kind, x.from, x.until])).toEqual([
      ['GBR', 'MED', 'contact', '2025-01', '2026-01'],
      ['USA', 'USALEG', 'hostility', '2025-01', '2026-01'],
      ['ARE', 'USA', 'cooperation', '2025-01', '2026-01'],
    ]);
    expect(d.actors.map((a) => [a.id, a.label, a.type])).toEqual([
      ['GBR', 'UNITED KINGDOM', 'state'],
      ['MED', 'TELEVISION', 'other'],
      ['USA', 'MINNEAPOLIS', 'state'], // the first name GDELT gives USA in the file
      ['USALEG', 'MINNESOTA', 'other'],
      ['ARE', 'UNITED ARAB EMIRATES', 'state'],
    ]);
    const talks = d.relations[2]!;
    expect(talks.evidence.map((e) => e.quote)).toEqual([
      'UNITED ARAB EMIRATES · 040 · UNITED STATES',
      'UNITED ARAB EMIRATES · 040 · UNITED STATES',
      'UNITED STATES · 040 · UNITED ARAB EMIRATES',
      'UNITED STATES · 040 · UNITED ARAB EMIRATES',
    ]);
    expect(d.sources.find((s) => s.id === talks.evidence[0]!.source)?.url).toBe(
      'https://www.wdrb.com/news/national/trump-says-he-would-meet-with-putin-even-if-the-russian-leader-wont-meet-with/article_48ecd760-205f-5096-b697-8dbfd8c604b6.html',
    );
    // Rows 1, 2, 7, 8, 11 and 15-21 name one actor only.
    expect(r.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(
        /^12 rows with fewer than two actors left out .*: rows 1, 2, 7, 8, 11 and 7 more$/,
      ),
    );
  });

  it('tells a GDELT row from other tab-separated text', () => {
    expect(gdeltShapeOf(historical(lines[0]!))).toBe(57);
    expect(gdeltShapeOf('a\tb\tc')).toBeUndefined();
    expect(gdeltShapeOf(lines[0]!.replace(/^\d+/, 'x'))).toBeUndefined();
  });
});
