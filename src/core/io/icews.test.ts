/** ICEWS on a real excerpt (tests/fixtures/icews/README.md), and NA handling. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIcews } from './icews';

const NAME = 'events.2018.sample.excerpt.tab';
const REAL = readFileSync(`tests/fixtures/icews/${NAME}`, 'utf8');
const [HEADER] = REAL.split('\n');

describe('ICEWS', () => {
  it('reads a real excerpt: names as actors, countries acting as themselves as states, NA as no value', () => {
    const r = importIcews({ name: NAME, text: REAL });
    expect(r.errors).toEqual([]);
    const d = r.dataset!;
    const kinds = new Map(d.relations.map((x) => [`${x.source} / ${x.target}`, x.kind]));
    expect(kinds.get('South Korea / United States')).toBe('cooperation');
    expect(kinds.get('Militant (India) / Military (India)')).toBe('hostility');
    expect(kinds.get('India / Pakistan')).toBe('cooperation');
    const type = (id: string) => d.actors.find((a) => a.id === id)?.type;
    expect([type('Japan'), type('United States'), type('Aso Taro')]).toEqual([
      'state',
      'state',
      'other',
    ]);
    const fight = d.relations.find((x) => x.source === 'Militant (India)')!.evidence[0]!;
    expect(fight.quote).toBe(
      'Militant (India) · fight with small arms and light weapons · Military (India)',
    );
    expect(fight.note).toBe(
      'event of 2018-06-01 (row 37, id 32890170): CAMEO 193 (fight), Goldstein -10, QuadClass 4 (material conflict); story 47400440, sentence 1',
    );
    expect(d.sources.find((s) => s.id === fight.source)?.title).toBe(
      'ICEWS coding of a story by Hindustan Times',
    );
  });

  it('takes the QuadClass from the CAMEO code: verbal conflict alone is tension (SYNTHETIC rows)', () => {
    const row = (id: number, a: string, b: string, code: string, intensity: string) =>
      [
        id,
        '2018-06-01',
        a,
        'NA',
        'NA',
        'Accuse',
        code,
        intensity,
        b,
        'NA',
        'NA',
        1,
        1,
        'NA',
        'NA',
        'NA',
        'NA',
        'NA',
        'NA',
        'NA',
      ].join('\t');
    const text = [HEADER, row(1, 'A', 'B', '112', '-2'), row(2, 'B', 'A', '111', '-2')].join('\n');
    const r = importIcews({ name: 'x.tab', text });
    expect(r.dataset!.relations.map((x) => x.kind)).toEqual(['tension']);
    expect(r.dataset!.relations[0]!.note).toContain('QuadClass: 2 verbal conflict.');
  });

  it('an NA actor or a bad CAMEO code is an error at its cell (SYNTHETIC rows)', () => {
    const row = (a: string, code: string) =>
      [
        '7',
        '2018-06-01',
        a,
        'NA',
        'NA',
        'Consult',
        code,
        'NA',
        'B',
        'NA',
        'NA',
        1,
        1,
        'NA',
        'NA',
        'NA',
        'NA',
        'NA',
        'NA',
        'NA',
      ].join('\t');
    const r = importIcews({
      name: 'x.tab',
      text: [HEADER, row('NA', '040'), row('A', '40')].join('\n'),
    });
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.value, e.message])).toEqual([
      [
        'row 2, column "Source Name"',
        undefined,
        'the row has no actor 1 (the cell says "NA": no value)',
      ],
      [
        'row 3, column "CAMEO Code"',
        '40',
        expect.stringMatching(/^"40" is not a CAMEO event code: .*\(040, not 40\)$/),
      ],
    ]);
  });
});
