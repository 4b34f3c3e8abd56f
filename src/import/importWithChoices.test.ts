import { describe, expect, it } from 'vitest';
import { headerKey, type ColumnMapping } from '../core/io/column-mapping';
import { formatProblem } from '../core/problems';
import { importWithChoices } from './importWithChoices';

const TONE = {
  name: 'tone.csv',
  text: 'from_party;to_party;when;tone\nNorth;South;2001-03-02;-7\nSouth;North;2001-05-10;-5\n',
};
const HEADER = ['from_party', 'to_party', 'when', 'tone'];
const toneEvents: ColumnMapping = {
  shape: 'events',
  scoreScale: 'goldstein',
  columns: { source: 0, target: 1, date: 2, score: 3 },
};

describe('importWithChoices', () => {
  it('asks for a mapping for a table no format recognises, and imports nothing', () => {
    const r = importWithChoices([TONE]);
    expect(r.dataset).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r.needsMapping?.header).toEqual(HEADER);
    expect(r.needsMapping?.rows).toHaveLength(2);
  });

  it('imports through the user’s mapping, with the event options', () => {
    const r = importWithChoices([TONE], { mapping: toneEvents, events: { minEvents: 1 } });
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations.map((x) => [x.source, x.target, x.kind])).toEqual([
      ['North', 'South', 'hostility'],
    ]);
    expect(r.reading).toMatchObject({ eventTable: true, mapping: { remembered: false } });
    const strict = importWithChoices([TONE], { mapping: toneEvents, events: { minEvents: 3 } });
    expect(strict.dataset).toBeUndefined();
    expect(strict.errors[0]!.message).toContain('no pair of actors has 3 events');
  });

  it('applies the mapping remembered for the same header, whatever its case and spacing', () => {
    const other = {
      name: 'other.csv',
      text: 'From Party;To-Party;WHEN;tone\nEast;West;2002-01-01;3\nWest;East;2002-02-01;5\n',
    };
    const r = importWithChoices([other], {
      remembered: [
        [headerKey(['a', 'b']), { ...toneEvents, columns: { source: 1 } }],
        [headerKey(HEADER), toneEvents],
      ],
    });
    expect(r.errors).toEqual([]);
    expect(r.reading.mapping).toEqual({ mapping: toneEvents, remembered: true });
    expect(r.dataset!.actors.map((a) => a.id).sort()).toEqual(['East', 'West']);
  });

  it('reports bad cells of a mapped table at the user’s own column', () => {
    const bad = { ...TONE, text: `${TONE.text}South;North;next week;2\n` };
    const r = importWithChoices([bad], { mapping: toneEvents });
    expect(r.errors.map(formatProblem)).toEqual([
      'tone.csv:4:13 row 4, column "when": "next week" is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)',
    ]);
  });

  it('reads recognised files as before, telling an event table apart', () => {
    const events = importWithChoices([
      { name: 'e.csv', text: 'date,actor1,actor2,goldstein\n2001-01-01,A,B,5\n2001-02-01,B,A,4\n' },
    ]);
    expect(events.dataset).toBeDefined();
    expect(events.reading).toEqual({
      eventTable: true,
      formats: [
        {
          format: 'events',
          reason:
            'event table: comma-separated, header of 4 columns with two actor columns and a score column',
        },
      ],
    });
    const relations = importWithChoices([
      { name: 'r.csv', text: 'source,target,kind\nA,B,alliance\n' },
    ]);
    expect(relations.reading).toEqual({
      eventTable: false,
      formats: [expect.objectContaining({ format: 'csv' })],
    });
  });

  it('reads the file as the format the user chose instead of the detected one', () => {
    const text = 'date,actor1,actor2,goldstein\n2001-01-01,A,B,5\n2001-02-01,B,A,4\n';
    const asRelations = importWithChoices([{ name: 'e.csv', text }], { format: 'csv' });
    expect(asRelations.dataset).toBeUndefined();
    expect(asRelations.reading.formats).toEqual([
      {
        format: 'csv',
        reason: 'read as a CSV relations (or actors) table (chosen in the import panel)',
      },
    ]);
    expect(asRelations.errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining('missing column'),
    );
  });

  it('keeps the sample of a relations table refused for its header, to map instead', () => {
    const r = importWithChoices([{ name: 'r.csv', text: 'source,target,since\nA,B,1990\n' }]);
    expect(r.errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining('missing column "kind"'),
    );
    expect(r.reading.table?.header).toEqual(['source', 'target', 'since']);
    expect(r.needsMapping).toBeUndefined();
  });
});
