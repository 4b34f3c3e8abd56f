/**
 * The UCDP importers on real files (tests/fixtures/ucdp: the Non-State
 * Conflict Dataset 22.1, unchanged, and a verbatim excerpt of the UCDP/PRIO
 * Armed Conflict Dataset 22.1). What the dataset should say is worked out
 * here from the CSV rows with a small reader of its own, not from the
 * importer's code, so a wrong pairing or interval shows as a difference.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDay, toDay } from '../dates';
import type { Dataset, Relation } from '../schema';
import { importUcdpConflicts, recogniseUcdp } from './ucdp';

const NSC_FILE = 'tests/fixtures/ucdp/ucdp-nonstate-221.csv';
const ACD_FILE = 'tests/fixtures/ucdp/ucdp-prio-acd-221-excerpt.csv';
const read = (path: string) => readFileSync(path, 'utf8');

/** RFC 4180 records as objects keyed by header: quoted fields, doubled quotes, no parser shared with the importer. */
function records(text: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    rows.at(-1)!.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push([]);
    } else field += c;
  }
  if (field !== '' || rows.at(-1)!.length > 0) rows.at(-1)!.push(field);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function imported(path: string, kind: 'ucdp-acd' | 'ucdp-nonstate'): Dataset {
  const result = importUcdpConflicts({ name: path, text: read(path) }, kind);
  expect(result.errors).toEqual([]);
  return result.dataset!;
}

/** Is the relation active in (some part of) a year? */
const activeIn = (r: Relation, year: number) =>
  toDay(r.from!) < toDay(String(year + 1)) && toDay(r.until!) > toDay(String(year));

const between = (d: Dataset, kind: string, a: string, b: string) =>
  d.relations.filter(
    (r) =>
      r.kind === kind &&
      ((r.source === a && r.target === b) ||
        (kind === 'hostility' && r.source === b && r.target === a)),
  );

/** The first and last year a relation is active in. */
const yearSpan = (r: Relation): [number, number] => [
  Number(r.from!.slice(0, 4)),
  Number(formatDay(toDay(r.until!) - 1).slice(0, 4)),
];

/** Runs of consecutive years, as the test reads them. */
function runsOf(years: number[]): [number, number][] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const last = runs.at(-1);
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs;
}

describe('recogniseUcdp', () => {
  const headerOf = (path: string) => records(read(path).split('\n').slice(0, 2).join('\n'))[0]!;

  it('tells the Non-State table from the Armed Conflict Dataset by their real headers', () => {
    expect(recogniseUcdp(Object.keys(headerOf(NSC_FILE)))).toBe('ucdp-nonstate');
    expect(recogniseUcdp(Object.keys(headerOf(ACD_FILE)))).toBe('ucdp-acd');
  });

  it('ignores case and spaces, and refuses other tables', () => {
    expect(
      recogniseUcdp([' Conflict_ID', 'YEAR', 'side_a', 'Side_A_Id', 'side_b', 'side_b_id']),
    ).toBe('ucdp-acd');
    // UCDP GED events have sides but no conflict-year ids; event tables have neither.
    expect(recogniseUcdp(['id', 'year', 'side_a', 'side_b', 'side_a_new_id', 'date_start'])).toBe(
      undefined,
    );
    expect(recogniseUcdp(['date', 'actor1', 'actor2', 'goldstein'])).toBe(undefined);
  });
});

describe('UCDP Non-State Conflict Dataset 22.1 (real file)', () => {
  const text = read(NSC_FILE);
  const rows = records(text);
  const d = imported(NSC_FILE, 'ucdp-nonstate');
  const actor = new Map(d.actors.map((a) => [a.id, a]));
  const single = (side: 'a' | 'b') => (r: Record<string, string>) => !r[`side_${side}_components`];

  it('has one actor per UCDP id, named as the file names it when the id stands alone', () => {
    for (const r of rows)
      for (const side of ['a', 'b'] as const)
        if (single(side)(r)) {
          const a = actor.get(`ucdp-${r[`side_${side}_id`]}`);
          expect(a, `row for conflict ${r.conflict_id}`).toBeDefined();
          expect([a!.label, ...(a!.aliases ?? [])]).toContain(r[`side_${side}_name`]!.trim());
        }
  });

  it('makes the two sides hostile in every year the file lists them', () => {
    const pairs = rows.filter((r) => single('a')(r) && single('b')(r));
    expect(pairs.length).toBeGreaterThan(1000);
    for (const r of pairs) {
      const found = between(d, 'hostility', `ucdp-${r.side_a_id}`, `ucdp-${r.side_b_id}`);
      expect(
        found.some((rel) => activeIn(rel, Number(r.year))),
        `conflict ${r.conflict_id} in ${r.year}`,
      ).toBe(true);
    }
  });

  it('starts a new relation after a gap: one per run of consecutive years', () => {
    const years = new Map<string, number[]>();
    for (const r of rows.filter((r) => single('a')(r) && single('b')(r))) {
      const key = [`ucdp-${r.side_a_id}`, `ucdp-${r.side_b_id}`].sort().join(' ');
      years.set(key, [...(years.get(key) ?? []), Number(r.year)]);
    }
    // Only actors never in a coalition: a coalition's rows add years this count leaves out.
    const inCoalitions = new Set(
      rows
        .flatMap((r) => [...list(r.side_a_components), ...list(r.side_b_components)])
        .map((id) => `ucdp-${id}`),
    );
    let checked = 0;
    for (const [key, ys] of years) {
      const [a, b] = key.split(' ') as [string, string];
      if (inCoalitions.has(a) || inCoalitions.has(b)) continue;
      const found = between(d, 'hostility', a, b);
      expect(found.map(yearSpan), key).toEqual(runsOf(ys));
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('dates a conflict to the day where the codebook says the day is known', () => {
    // A conflict of one year whose first fatal event and end are both coded to the day.
    const exact = rows.find(
      (r) =>
        single('a')(r) &&
        single('b')(r) &&
        r.start_prec === '1' &&
        r.ep_end === '1' &&
        r.ep_end_prec === '1' &&
        r.start_date!.startsWith(r.year!) &&
        rows.filter((o) => o.conflict_id === r.conflict_id).length === 1 &&
        rows.filter((o) => o.side_a_id === r.side_a_id && o.side_b_id === r.side_b_id).length === 1,
    )!;
    expect(exact).toBeDefined();
    const [rel] = between(d, 'hostility', `ucdp-${exact.side_a_id}`, `ucdp-${exact.side_b_id}`);
    expect(rel!.from).toBe(exact.start_date);
    expect(rel!.until).toBe(formatDay(toDay(exact.ep_end_date!) + 1));
  });

  it('makes each state in side_a_2nd / side_b_2nd a supporter of that side in that year', () => {
    const supported = rows.filter((r) => r.side_a_2nd || r.side_b_2nd);
    expect(supported.length).toBeGreaterThan(20);
    for (const r of supported)
      for (const side of ['a', 'b'] as const) {
        if (!single(side)(r)) continue;
        for (const state of list(r[`side_${side}_2nd`])) {
          const support = d.relations.filter(
            (rel) =>
              rel.kind === 'support' &&
              actor.get(rel.source)?.label === state &&
              rel.target === `ucdp-${r[`side_${side}_id`]}` &&
              activeIn(rel, Number(r.year)),
          );
          expect(
            support,
            `${state} for side ${side} of ${r.conflict_id} in ${r.year}`,
          ).toHaveLength(1);
          expect(actor.get(support[0]!.source)!.type).toBe('state');
        }
      }
  });

  it('pairs coalition members with their ids from what other rows say, never by position', () => {
    // "Konianke, Malinké" with components "1139, 1713": Malinké is 1139 where it fights alone.
    for (const r of rows)
      for (const side of ['a', 'b'] as const) {
        const names = list(r[`side_${side}_name`]);
        const members = list(r[`side_${side}_components`]);
        if (names.length < 2 || names.length !== members.length) continue;
        for (const id of members) {
          const alone =
            rows.find((o) => o.side_a_id === id && single('a')(o))?.side_a_name ??
            rows.find((o) => o.side_b_id === id && single('b')(o))?.side_b_name;
          if (alone && names.includes(alone.trim()))
            expect(
              actor.get(`ucdp-${id}`)?.label,
              `member ${id} of conflict ${r.conflict_id}`,
            ).toBe(alone.trim());
        }
      }
  });

  it('quotes the rows verbatim, notes their fatality estimates, and cites UCDP under CC BY 4.0', () => {
    const [source] = d.sources;
    expect(source).toMatchObject({
      id: 'ucdp-nonstate',
      title: 'UCDP Non-State Conflict Dataset, version 22.1',
      url: 'https://ucdp.uu.se/downloads/',
    });
    expect(source!.publisher).toContain('Uppsala Conflict Data Program');
    expect(source!.note).toContain('CC BY 4.0');
    expect(source!.note).toContain('Sundberg, Ralph, Kristine Eck & Joakim Kreutz (2012)');
    const lines = new Set(text.split('\n'));
    for (const rel of d.relations)
      for (const e of rel.evidence) {
        expect(e.source).toBe('ucdp-nonstate');
        for (const line of e.quote.split('\n'))
          expect(lines.has(line) || text.includes(line)).toBe(true);
      }
    // The first row of the file: its relation's note gives the row's number and estimates.
    const first = rows[0]!;
    const [rel] = between(
      d,
      'hostility',
      `ucdp-${first.side_a_id}`,
      `ucdp-${first.side_b_id}`,
    ).filter((r) => activeIn(r, Number(first.year)));
    const note = rel!.evidence.find((e) =>
      e.note!.startsWith(`Conflict ${first.conflict_id} `),
    )!.note!;
    expect(note).toContain(`(dyad ${first.dyad_id})`);
    expect(note).toContain(
      `${first.year}: best fatality estimate ${first.best_fatality_estimate} (low ${first.low_fatality_estimate}, high ${first.high_fatality_estimate})`,
    );
    expect(note).toMatch(/\(2[,)]/); // the header is row 1, so the first data row is row 2
  });
});

describe('UCDP/PRIO Armed Conflict Dataset 22.1 (real excerpt)', () => {
  const rows = records(read(ACD_FILE));
  const d = imported(ACD_FILE, 'ucdp-acd');
  const actor = new Map(d.actors.map((a) => [a.id, a]));
  const idOf = (name: string) => d.actors.find((a) => a.label === name)!.id;

  it('tells who fought whom in which years, a gap ending a relation', () => {
    const libya = rows.filter((r) => r.side_a === 'Government of Libya');
    const hor = 'Forces of the House of Representatives';
    const years = libya.filter((r) => list(r.side_b).includes(hor)).map((r) => Number(r.year));
    const found = between(d, 'hostility', idOf('Government of Libya'), idOf(hor));
    expect(found.map(yearSpan)).toEqual(runsOf(years));
    expect(runsOf(years)).toEqual([
      [2014, 2015],
      [2017, 2017],
      [2019, 2020],
    ]);
  });

  it('starts the first year at the first fatal event when its day is known', () => {
    const first = rows.find((r) => r.conflict_id === '11343')!;
    const [war] = between(
      d,
      'hostility',
      idOf('Government of Egypt'),
      idOf('Government of Israel'),
    );
    expect(first.start_prec).toBe('1');
    expect(war!.from).toBe(first.start_date);
  });

  it('makes states in side_a_2nd / side_b_2nd supporters of that side, year by year', () => {
    for (const r of rows)
      for (const side of ['a', 'b'] as const)
        for (const state of list(r[`side_${side}_2nd`]))
          for (const supported of list(r[`side_${side}`]).length ===
          list(r[`side_${side}_id`]).length
            ? list(r[`side_${side}`])
            : [r[`side_${side}`]!.trim()]) {
            const rels = between(d, 'support', idOf(state), idOf(supported));
            expect(
              rels.some((rel) => activeIn(rel, Number(r.year))),
              `${state} → ${supported} ${r.year}`,
            ).toBe(true);
          }
    // Government of Sudan is side A elsewhere in the excerpt: one actor, with its UCDP id.
    expect(idOf('Government of Sudan')).toBe('ucdp-112');
    expect(actor.get('ucdp-112')!.type).toBe('state');
  });

  it('pairs names with ids by what other rows say, not by their order in the cell', () => {
    // Row 9 lists "SPLM/A - IO, SSDM/A - Cobra Faction" with ids "3563, 4226"; rows 10-14 give SPLM/A - IO alone as 4226.
    const nine = rows.find((r) => r.side_b === 'SPLM/A - IO, SSDM/A - Cobra Faction')!;
    expect(nine.side_b_id).toBe('3563, 4226');
    expect(rows.find((r) => r.side_b === 'SPLM/A - IO')!.side_b_id).toBe('4226');
    expect(actor.get('ucdp-4226')!.label).toBe('SPLM/A - IO');
    expect(actor.get('ucdp-3563')!.label).toBe('SSDM/A - Cobra Faction');
  });

  it('keeps by name, with the ids it may have, an actor the file does not pair with its id', () => {
    const gaddafi = d.actors.find((a) => a.label === 'Forces of Muammar Gaddafi')!;
    expect(gaddafi.id).toBe('ucdp-name:Forces of Muammar Gaddafi');
    expect(gaddafi.note).toContain('one of 1126, 1127');
  });

  it('cites the UCDP/PRIO dataset and quotes each row as the file writes it', () => {
    expect(d.sources[0]).toMatchObject({
      id: 'ucdp-acd',
      title: 'UCDP/PRIO Armed Conflict Dataset, version 22.1',
    });
    expect(d.sources[0]!.note).toContain('Gleditsch, Nils Petter');
    const text = read(ACD_FILE);
    for (const rel of d.relations) for (const e of rel.evidence) expect(text).toContain(e.quote);
  });
});

describe('UCDP rows with problems (synthetic edits of a real row)', () => {
  const [header, row] = read(ACD_FILE).split('\n') as [string, string];
  const run = (...body: string[]) =>
    importUcdpConflicts({ name: 'edited.csv', text: [header, ...body].join('\n') }, 'ucdp-acd');

  it('says where a side lists more names than ids', () => {
    const edited = row.replace('GNLA,1163', '"GNLA, ULFA","1163, 1164, 1165"');
    const { dataset, errors } = run(edited);
    expect(dataset).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'edited.csv',
        line: 2,
        path: 'row 2, column "side_b"',
        value: 'GNLA, ULFA',
        message: expect.stringContaining('lists 2 actors but column "side_b_id" lists 3 ids'),
      }),
    ]);
  });

  it('says where a year is not a number', () => {
    const { dataset, errors } = run(row.replace(',2012,', ',20l2,'));
    expect(dataset).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({ line: 2, path: 'row 2, column "year"', value: '20l2' }),
    ]);
  });

  it('skips a row without a side, with a warning, and keeps the others', () => {
    const { dataset, warnings } = run(row, row.replace(',GNLA,', ',,').replace(',2012,', ',2013,'));
    expect(dataset!.relations).toHaveLength(1);
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'row 3',
        message: expect.stringContaining('row is skipped'),
      }),
    ]);
  });

  it('reads a date it cannot use as its year, with one warning for all such rows', () => {
    const bad = row.replace('1997-05-29', '5/29/97');
    const { dataset, warnings } = run(bad, bad.replace(',2012,', ',2014,'));
    expect(dataset!.relations.map((r) => r.from)).toEqual(['2012', '2014']);
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'row 2, column "start_date"',
        value: '5/29/97',
        message: expect.stringContaining('(2 rows; the first is shown)'),
      }),
    ]);
  });
});
