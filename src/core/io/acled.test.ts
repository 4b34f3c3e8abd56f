/**
 * ACLED on a SYNTHETIC table in ACLED's column layout (tests/fixtures/acled/
 * README.md: ACLED's terms restrict redistribution, so no real rows are shipped).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAcled, parseAcledDate } from './acled';

const NAME = 'synthetic-acled.csv';
const TEXT = readFileSync(`tests/fixtures/acled/${NAME}`, 'utf8');
const [HEADER, ...ROWS] = TEXT.trimEnd().split('\n');

describe('ACLED', () => {
  it('battles are hostility and an agreement cooperation; actors typed by inter codes', () => {
    const r = importAcled({ name: NAME, text: TEXT });
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    expect(d.relations.map((x) => [x.source, x.target, x.kind, x.from, x.until])).toEqual([
      ['Military Forces of Xland (2019-)', 'North Front', 'hostility', '2021-01', '2022-01'],
      ['Military Forces of Xland (2019-)', 'North Front', 'cooperation', '2022-01', '2023-01'],
    ]);
    expect(d.actors.map((a) => [a.id, a.type])).toEqual([
      ['Military Forces of Xland (2019-)', 'state'],
      ['North Front', 'armed-group'],
    ]);
    expect(d.relations[0]!.evidence[0]).toEqual({
      source: 'acled',
      quote: 'On 2 March 2021, the army and police clashed with the North Front near Town A.',
      note: "event of 2021-03-02 (row 2, id XLD1): score -10, QuadClass 4 (material conflict); Battles: Armed clash; 3 fatalities; ACLED's sources: Daily Example",
    });
    expect(d.relations[0]!.note).toMatch(/mean score \(from ACLED event types\) -10/);
  });

  it('associated actors: allies of their main actor, opponents of the other side; civilians are not allies', () => {
    const r = importAcled({ name: NAME, text: TEXT }, { minEvents: 1 });
    const kinds = r.dataset!.relations.map((x) => `${x.source} / ${x.target}: ${x.kind}`);
    expect(kinds).toContain(
      'Military Forces of Xland (2019-) / Police Forces of Xland (2019-): cooperation',
    );
    expect(kinds).toContain('Police Forces of Xland (2019-) / North Front: hostility');
    expect(kinds).toContain('North Front / Farmers (Xland): hostility');
    expect(kinds.some((k) => k.startsWith('Civilians (Xland) / Farmers'))).toBe(false);
    expect(r.warnings.map((w) => w.message)).toContain(
      '1 row with fewer than two actors left out (an event with no second actor, such as most protests, tells no relation): row 5',
    );
  });

  it('reads ACLED dates as the API and older exports write them', () => {
    expect(parseAcledDate('2021-03-02')).toMatchObject({ iso: '2021-03-02' });
    expect(parseAcledDate('14 April 2021')).toMatchObject({ iso: '2021-04-14' });
    expect(parseAcledDate('20-May-2021')).toMatchObject({ iso: '2021-05-20' });
    expect(parseAcledDate('3 Sep 2020')).toMatchObject({ iso: '2020-09-03' });
    expect(parseAcledDate('31 June 2021')).toMatchObject({
      problem: expect.stringContaining('day 31'),
    });
    expect(parseAcledDate('04/05/2021')).toMatchObject({
      problem: expect.stringContaining('not an ACLED date'),
    });
  });

  it('bad cells are errors at their row and column (SYNTHETIC edits)', () => {
    const bad = ROWS[0]!
      .replace('2021-03-02', '2021-02-30')
      .replace(',Battles,', ',Skirmish,')
      .replace(',3,,1615000000', ',many,,1615000000');
    const r = importAcled({ name: 'bad.csv', text: [HEADER, bad].join('\n') });
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.value, e.message])).toEqual([
      [
        'row 2, column "event_date"',
        '2021-02-30',
        expect.stringContaining('"2021-02-30" has day 30'),
      ],
      [
        'row 2, column "event_type"',
        'Skirmish',
        expect.stringMatching(/^"Skirmish" is not an ACLED event type \(expected "battles"/),
      ],
      [
        'row 2, column "fatalities"',
        'many',
        '"many" is not a number of fatalities (a whole number of 0 or more)',
      ],
    ]);
  });
});
