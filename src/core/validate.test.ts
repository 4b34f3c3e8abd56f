import { describe, expect, it } from 'vitest';
import { formatProblem } from './problems';
import type { DatasetInput } from './schema';
import { parseDatasetJson, validateDataset } from './validate';

/** A small valid dataset; each bad case below breaks one thing in a copy of it. */
function base(): DatasetInput {
  return {
    title: 'Test',
    sources: [{ id: 'doc', title: 'A document' }],
    actors: [
      { id: 'a', label: 'A', type: 'state' },
      { id: 'b', label: 'B', type: 'armed-group', from: '1994' },
      { id: 'c', label: 'C', type: 'intelligence-agency', parent: 'a' },
    ],
    relations: [
      {
        id: 'r1',
        source: 'a',
        target: 'b',
        kind: 'support',
        from: '1994',
        until: '2021-08',
        evidence: [{ source: 'doc', quote: 'x' }],
      },
      { id: 'r2', source: 'a', target: 'b', kind: 'hostility', from: '2021-08' },
    ],
    events: [{ id: 'e1', date: '2021-08-30', title: 'Withdrawal', actors: ['a'] }],
  };
}

const bad = (mutate: (d: DatasetInput & Record<string, unknown>) => void) => {
  const d = structuredClone(base()) as DatasetInput & Record<string, unknown>;
  mutate(d);
  return validateDataset(d, 'test.json');
};

describe('validateDataset', () => {
  it('accepts a valid dataset and fills defaults', () => {
    const r = validateDataset(base(), 'test.json');
    expect(r.errors).toEqual([]);
    expect(r.dataset?.relationKinds).toEqual([]);
    expect(r.dataset?.relations[1]?.evidence).toEqual([]);
  });

  // [name, mutation, expected path, words the message must contain]
  const cases: [string, (d: DatasetInput & Record<string, unknown>) => void, string, string][] = [
    [
      'unknown source actor',
      (d) => (d.relations![0]!.source = 'zz'),
      'relations[0].source',
      'refers to actor "zz", which does not exist',
    ],
    [
      'unknown target actor',
      (d) => (d.relations![1]!.target = 'nobody'),
      'relations[1].target',
      'actor "nobody"',
    ],
    [
      'from after until',
      (d) => (d.relations![0]!.until = '1990'),
      'relations[0].until',
      'ends (1990) before it starts (1994)',
    ],
    [
      'impossible day',
      (d) => (d.relations![0]!.from = '1994-02-30'),
      'relations[0].from',
      'February 1994 has 28 days',
    ],
    ['month 13', (d) => (d.relations![1]!.from = '2021-13'), 'relations[1].from', 'month 13'],
    [
      'two-digit year',
      (d) => (d.events![0]!.date = '21-08'),
      'events[0].date',
      'not an ISO 8601 date',
    ],
    [
      'duplicate actor id',
      (d) => d.actors.push({ id: 'a', label: 'Again', type: 'state' }),
      'actors[3].id',
      'duplicate id "a" (first used by actors[0])',
    ],
    [
      'duplicate relation id',
      (d) => (d.relations![1]!.id = 'r1'),
      'relations[1].id',
      'duplicate id "r1"',
    ],
    [
      'missing evidence source',
      (d) => (d.relations![0]!.evidence![0]!.source = 'other'),
      'relations[0].evidence[0].source',
      'source "other", which does not exist',
    ],
    [
      'unknown parent',
      (d) => (d.actors[2]!.parent = 'ghost'),
      'actors[2].parent',
      'parent actor "ghost"',
    ],
    [
      'own parent',
      (d) => (d.actors[0]!.parent = 'a'),
      'actors[0].parent',
      'cannot be its own parent',
    ],
    ['parent cycle', (d) => (d.actors[0]!.parent = 'c'), 'actors[0].parent', 'loops back'],
    [
      'unknown kind',
      (d) => (d.relations![0]!.kind = 'friendship'),
      'relations[0].kind',
      'relation kind "friendship"',
    ],
    [
      'unknown actor type',
      (d) => (d.actors[1]!.type = 'tribe'),
      'actors[1].type',
      'actor type "tribe"',
    ],
    [
      'missing label',
      (d) => delete (d.actors[0] as Partial<(typeof d.actors)[0]>).label,
      'actors[0].label',
      'is required but missing',
    ],
    [
      'wrong type',
      (d) => ((d.relations![0] as Record<string, unknown>).strength = 'high'),
      'relations[0].strength',
      'must be a number, not a string',
    ],
    [
      'strength out of range',
      (d) => (d.relations![0]!.strength = 2),
      'relations[0].strength',
      'between 0 and 1',
    ],
    [
      'unknown field',
      (d) => ((d.relations![0] as Record<string, unknown>).form = '1990'),
      'relations[0].form',
      'unknown field "form"',
    ],
    [
      'self loop',
      (d) => (d.relations![0]!.target = 'a'),
      'relations[0].target',
      'two different actors',
    ],
    [
      'event with unknown actor',
      (d) => (d.events![0]!.actors = ['a', 'x']),
      'events[0].actors[1]',
      'actor "x"',
    ],
    [
      'actors not a list',
      (d) => ((d as Record<string, unknown>).actors = {}),
      'actors',
      'must be a list, not an object',
    ],
    [
      'bad polarity',
      (d) => (d.relationKinds = [{ id: 'k', label: 'K', polarity: 'friendly' as 'positive' }]),
      'relationKinds[0].polarity',
      'must be one of "positive", "negative", "neutral"',
    ],
    [
      'empty quote',
      (d) => (d.relations![0]!.evidence![0]!.quote = ''),
      'relations[0].evidence[0].quote',
      'must not be empty',
    ],
    [
      'huge label',
      (d) => (d.actors[0]!.label = 'x'.repeat(600)),
      'actors[0].label',
      'longer than 500 characters',
    ],
  ];

  it.each(cases)('%s', (_name, mutate, path, words) => {
    const r = bad(mutate);
    expect(r.dataset).toBeUndefined();
    const match = r.errors.find((e) => e.path === path);
    expect(match, r.errors.map(formatProblem).join('\n')).toBeDefined();
    expect(formatProblem(match!)).toContain(words);
    expect(match!.file).toBe('test.json');
  });

  it('reports every error, not just the first', () => {
    const r = bad((d) => {
      d.relations![0]!.source = 'x1';
      d.relations![1]!.from = '2021-13';
      d.events![0]!.date = 'soon';
      d.actors[2]!.parent = 'x2';
    });
    expect(r.errors.map((e) => e.path).sort()).toEqual(
      ['actors[2].parent', 'events[0].date', 'relations[0].source', 'relations[1].from'].sort(),
    );
  });

  it('warns, without failing, when a relation outlives its actor', () => {
    const r = bad((d) => (d.relations![0]!.from = '1990'));
    expect(r.errors).toEqual([]);
    expect(r.dataset).toBeDefined();
    expect(r.warnings.map(formatProblem)).toEqual([
      'warning: test.json relations[0]: relation "r1" (1990 to 2021-08) is active outside the lifetime of its target "b" (from 1994)',
    ]);
  });

  it('warns when an event falls outside the lifetime of an actor it names', () => {
    const r = bad((d) => {
      d.actors[0]!.until = '1991-12-26';
      d.relations = [];
      d.events = [
        { id: 'e-end', date: '1991-12-26', title: 'Ends', actors: ['a', 'b'] },
        { id: 'e-eve', date: '1991-12-25', title: 'Eve', actors: ['a'] },
      ];
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(formatProblem)).toEqual([
      'warning: test.json events[0].actors[0]: event "e-end" (1991-12-26) names actor "a", which exists only until 1991-12-26',
      'warning: test.json events[0].actors[1]: event "e-end" (1991-12-26) names actor "b", which exists only from 1994',
    ]);
  });

  it('reads a partial event date as its first day against a lifetime', () => {
    const r = bad((d) => (d.events = [{ id: 'e', date: '1994', title: 'x', actors: ['b'] }]));
    expect(r.warnings).toEqual([]);
    const early = bad(
      (d) => (d.events = [{ id: 'e', date: '1993-12', title: 'x', actors: ['b'] }]),
    );
    expect(early.warnings.map((w) => w.message)).toEqual([
      'event "e" (1993-12) names actor "b", which exists only from 1994',
    ]);
  });
});

describe('basis', () => {
  it('accepts a quoted claim with history dates, and a history claim with a reference', () => {
    const r = bad((d) => {
      Object.assign(d.relations![0]!, { basis: 'quote', dateBasis: 'history', reference: 'X' });
      Object.assign(d.events![0]!, { basis: 'history', reference: 'Treaty text, 2020' });
    });
    expect(r.errors.map(formatProblem)).toEqual([]);
    expect(r.dataset!.relations[0]).toMatchObject({ basis: 'quote', dateBasis: 'history' });
    expect(r.dataset!.events[0]!.reference).toBe('Treaty text, 2020');
  });

  it('stays optional: datasets without it are valid', () => {
    expect(validateDataset(base()).errors).toEqual([]);
  });

  it('names the field, the value and the fix', () => {
    const r = bad((d) => {
      Object.assign(d.relations![0]!, { basis: 'article' });
      Object.assign(d.relations![1]!, { basis: 'quote' });
      Object.assign(d.events![0]!, { dateBasis: 'history' });
      Object.assign(d.relations![0]!, { reference: '' });
    });
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map(formatProblem).sort()).toEqual(
      [
        'test.json relations[0].basis: must be one of "quote", "history" (got "article")',
        'test.json relations[0].reference: must not be empty (got "")',
        'test.json relations[1].basis: is "quote" but the relation quotes nothing: add evidence, or make it "history" with a reference',
        'test.json events[0].reference: is required when dateBasis is "history": say what and where a reader can check it',
      ].sort(),
    );
  });

  it('asks for one reference when both claim and dates rest on history', () => {
    const r = bad((d) => Object.assign(d.events![0]!, { basis: 'history', dateBasis: 'history' }));
    expect(r.errors.map((e) => e.message)).toEqual([
      'is required when basis and dateBasis are "history": say what and where a reader can check it',
    ]);
  });
});

describe('parseDatasetJson', () => {
  it('locates malformed JSON by line and column', () => {
    const r = parseDatasetJson(
      '{\n  "title": "x",\n  "actors": [\n    {"id": "a",}\n  ]\n}',
      'broken.json',
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'broken.json', line: 4, severity: 'error' });
    expect(r.errors[0]!.message).toMatch(/^malformed JSON: /);
  });

  it('says an empty file is empty', () => {
    expect(parseDatasetJson('  \n', 'empty.json').errors[0]!.message).toBe('the file is empty');
  });

  it('refuses a top level that is not an object', () => {
    expect(parseDatasetJson('[1,2]', 'list.json').errors[0]!.message).toContain('not an array');
  });

  it('accepts a UTF-8 byte order mark', () => {
    const r = parseDatasetJson('\uFEFF' + JSON.stringify(base()), 'bom.json');
    expect(r.errors).toEqual([]);
  });

  it('treats __proto__ keys as data, never as prototypes', () => {
    const r = parseDatasetJson('{"title":"t","actors":[],"__proto__":{"polluted":true}}', 'p.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.errors.map((e) => e.path)).toContain('__proto__');
  });
});

describe('dates repeated across a dataset (each text is read once)', () => {
  // Fifty relations sharing four date texts: valid, reversed, and one not on the calendar.
  function repeated(): DatasetInput {
    const d = base();
    d.relations = Array.from({ length: 50 }, (_, i) => ({
      id: `r${i}`,
      source: 'a',
      target: 'b',
      kind: 'support',
      ...(i % 2 === 1 ? { from: '2021-08', until: '1994' } : { from: '1990', until: '2021-02-30' }),
    }));
    return d;
  }

  it('reports every occurrence, as when each was read on its own', () => {
    const { dataset, errors, warnings } = validateDataset(repeated(), 'test.json');
    expect(dataset).toBeUndefined();
    const expected = (i: number) =>
      i % 2 === 1
        ? `test.json relations[${i}].until: ends (1994) before it starts (2021-08) (got "1994")`
        : `test.json relations[${i}].until: "2021-02-30" has day 30, but February 2021 has 28 days`;
    expect(errors.map(formatProblem).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => expected(i)).sort(),
    );
    // The even ones start before "b" exists; their invalid end is read as open.
    expect(warnings).toHaveLength(25);
    expect(formatProblem(warnings[0]!)).toBe(
      'warning: test.json relations[0]: relation "r0" (1990 to 2021-02-30) is active outside the lifetime of its target "b" (from 1994)',
    );
  });

  it('gives the same result the second time, with the dates already read', () => {
    const first = validateDataset(repeated(), 'test.json');
    expect(validateDataset(repeated(), 'test.json')).toEqual(first);
    expect(validateDataset(base(), 'test.json').errors).toEqual([]);
  });
});
