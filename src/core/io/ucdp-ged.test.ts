/**
 * UCDP GED on real rows (UCDP Candidate Events 26.0.7) and on a SYNTHETIC
 * table in GED's 49-column layout (tests/fixtures/ucdp-ged/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';
import { importUcdpGed } from './ucdp-ged';

describe('UCDP GED: real rows', () => {
  const name = 'GEDEvent_v26_0_7.excerpt.csv';
  const text = readFileSync(`tests/fixtures/ucdp-ged/${name}`, 'utf8');

  it('is detected from its header and tells who fought whom in July 2026', () => {
    expect(detectFormat(name, text)).toEqual({
      format: 'ucdp-ged',
      reason:
        'UCDP GED events: comma-separated, header of 49 columns with side_a, side_b, date_start, date_end, best',
    });
    const r = importUcdpGed({ name, text });
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    // Read off the rows: six killings in Amapá coded as Comando Vermelho against
    // Família Terror Amapá (rows 2-7), the Government of Burkina Faso against IS
    // twice (rows 8-9) and against JNIM five times (rows 11-15); JNIM's one attack
    // on civilians (row 10) is a single event, under the default minimum of two.
    expect(d.relations.map((x) => [x.source, x.target, x.kind, x.from, x.until])).toEqual([
      ['Comando Vermelho', 'Família Terror Amapá', 'hostility', '2026-01', '2027-01'],
      ['Government of Burkina Faso', 'IS', 'hostility', '2026-01', '2027-01'],
      ['Government of Burkina Faso', 'JNIM', 'hostility', '2026-01', '2027-01'],
    ]);
    expect(d.actors.map((a) => [a.id, a.type])).toEqual([
      ['Comando Vermelho', 'armed-group'],
      ['Família Terror Amapá', 'armed-group'],
      ['Government of Burkina Faso', 'state'],
      ['IS', 'armed-group'],
      ['JNIM', 'armed-group'],
    ]);
    const [amapa, is] = d.relations;
    expect(is!.evidence.map((e) => [e.quote, e.note!.split('; article')[0]])).toEqual([
      [
        '#BurkinaFaso',
        'event of 2026-07-14 (row 8, id 636749): score -10, QuadClass 4 (material conflict); state-based conflict; Burkina Faso: Islamic State; until 2026-07-16; 3 deaths (best estimate)',
      ],
      [
        'BIR 9;From this operation',
        'event of 2026-07-16 (row 9, id 636894): score -10, QuadClass 4 (material conflict); state-based conflict; Burkina Faso: Islamic State; 5 deaths (best estimate)',
      ],
    ]);
    // The headline of each source article, verbatim; five of the six shown, by date.
    expect(amapa!.evidence[0]!.quote).toBe(
      'Refusal to hand over cell phone to gang ends in execution in Pacoval neighborhood.',
    );
    expect(amapa!.note).toContain('Evidence: 5 of 6 quoted events.');
    expect(r.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^1 actor left out because no relation remains .*: Civilians$/),
    );
  });
});

const NAME = 'synthetic-ged.csv';
const TEXT = readFileSync(`tests/fixtures/ucdp-ged/${NAME}`, 'utf8');
const [HEADER, ...ROWS] = TEXT.trimEnd().split('\n');

describe('UCDP GED: SYNTHETIC rows', () => {
  it('organised violence between side A and side B is hostility; governments are states', () => {
    const r = importUcdpGed({ name: NAME, text: TEXT });
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    expect(d.relations.map((x) => [x.source, x.target, x.kind, x.from, x.until])).toEqual([
      ['Government of Xland', 'North Front', 'hostility', '2019-01', '2020-01'],
      ['North Front', 'Civilians', 'hostility', '2019-01', '2020-01'],
    ]);
    expect(d.actors.map((a) => a.type)).toEqual(['state', 'armed-group', 'population']);
    expect(d.relations[0]!.evidence[1]).toEqual({
      source: 'ucdp-ged',
      quote: 'Fighting resumes in the north',
      note: 'event of 2019-02-09 (row 3, id 2): score -10, QuadClass 4 (material conflict); state-based conflict; Xland: Government; until 2019-02-11; 2 deaths (best estimate); article: Daily Example,2019-02-10,Fighting resumes',
    });
  });

  it('rows with one actor on both sides are left out with one warning (SYNTHETIC edit)', () => {
    // As UCDP codes unidentified perpetrators and victims: `XXX771 - XXX771`.
    const same = ROWS[2]!.replace(
      ',902,902,North Front,1,1,Civilians,',
      ',902,902,North Front,1,1,North Front,',
    );
    expect(same).not.toBe(ROWS[2]);
    const r = importUcdpGed({ name: 'x.csv', text: [HEADER, ROWS[0], ROWS[1], same].join('\n') });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        file: 'x.csv',
        path: 'row 4',
        message:
          "1 row with the same actor on both sides (an actor's dealings with itself) left out: row 4",
      }),
    );
  });

  it('bad dates, an end before the start and a bad death count are errors at their cells (SYNTHETIC edits)', () => {
    const bad = ROWS[0]!
      .replace('2019-01-03 00:00:00.000,2019-01-03 00:00:00.000', '2019-01-03,2018-12-31')
      .replace(',5,6,5,999,', ',five,6,5,999,');
    const noSide = ROWS[1]!.replace(',North Front,1,"Daily', ',,1,"Daily');
    const r = importUcdpGed({ name: 'bad.csv', text: [HEADER, bad, noSide].join('\n') });
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.value, e.message])).toEqual([
      ['row 2, column "date_end"', '2018-12-31', '"2018-12-31" is before date_start (2019-01-03)'],
      [
        'row 2, column "best"',
        'five',
        '"five" is not a number of deaths (a whole number of 0 or more)',
      ],
      ['row 3, column "side_b"', undefined, 'the row has no side_b (the cell is empty)'],
    ]);
  });
});
