import { describe, expect, it } from 'vitest';
import { toDay } from './dates';
import { computeLayout } from './layout';
import { buildUnionGraph, signedGraphAt } from './model';
import type { Dataset } from './schema';
import { buildIndex } from './temporal';
import { resolveVocabulary } from './vocabulary';

const d: Dataset = {
  title: 't',
  sources: [],
  actorTypes: [],
  relationKinds: [],
  events: [],
  actors: [
    { id: 'pak', label: 'Pakistan', type: 'state' },
    { id: 'isi', label: 'ISI', type: 'intelligence-agency', parent: 'pak' },
    { id: 'tal', label: 'Taliban', type: 'armed-group', from: '1994' },
    { id: 'ind', label: 'India', type: 'state' },
  ],
  relations: [
    {
      id: 'r1',
      source: 'isi',
      target: 'tal',
      kind: 'support',
      from: '1994',
      until: '2021-08',
      evidence: [],
    },
    { id: 'r2', source: 'pak', target: 'tal', kind: 'hostility', from: '2023', evidence: [] },
    {
      id: 'r3',
      source: 'pak',
      target: 'tal',
      kind: 'cooperation',
      from: '2023',
      until: '2024',
      evidence: [],
    },
    { id: 'r4', source: 'tal', target: 'ind', kind: 'cooperation', from: '2022', evidence: [] },
    { id: 'r5', source: 'pak', target: 'ind', kind: 'rivalry', from: '1947', evidence: [] },
  ],
};

describe('union graph', () => {
  it('holds every actor and relation, directed where the kind is', () => {
    const g = buildUnionGraph(d);
    expect(g.actorCount).toBe(4);
    expect(g.relationCount).toBe(5);
    expect(g.relation('r1').directed).toBe(true);
    expect(g.relation('r2').directed).toBe(false);
    expect(g.relation('r2')).toMatchObject({
      kind: 'hostility',
      polarity: 'negative',
      sign: -1,
    });
    expect(g.endpoints('r1')).toEqual(['isi', 'tal']);
    expect(g.actor('isi').parent).toBe('pak');
    expect([...g.neighboursOf('tal')].sort()).toEqual(['ind', 'isi', 'pak']);
  });
  it('lists a self-loop once, and counts its actor as its own neighbour', () => {
    const g = buildUnionGraph({
      ...d,
      relations: [{ id: 'self', source: 'pak', target: 'pak', kind: 'rivalry', evidence: [] }],
    });
    const seen: string[] = [];
    g.forEachRelationOf('pak', (id) => seen.push(id));
    expect(seen).toEqual(['self']);
    expect([...g.neighboursOf('pak')]).toEqual(['pak']);
  });

  it('drops an actor with the relations it still has, from both ends', () => {
    const g = buildUnionGraph(d);
    g.dropActor('tal');
    expect(g.hasActor('tal')).toBe(false);
    expect(g.relationCount).toBe(1);
    expect(['r1', 'r2', 'r3', 'r4'].some((id) => g.hasRelation(id))).toBe(false);
    expect([...g.neighboursOf('pak')]).toEqual(['ind']);
    expect([...g.neighboursOf('isi')]).toEqual([]);
  });

  it('reads relation attributes through the vocabulary it is given', () => {
    const g = buildUnionGraph(d);
    expect(g.relation('r2')).toMatchObject({ directed: false, sign: -1 });
    const vocabulary = resolveVocabulary({
      ...d,
      relationKinds: [
        { id: 'hostility', label: 'Hostility', polarity: 'positive', directed: true },
      ],
    });
    g.useVocabulary(vocabulary);
    expect(g.relation('r2')).toMatchObject({ directed: true, sign: 1, polarity: 'positive' });
  });

  it('refuses a relation whose id it holds, or whose end it does not', () => {
    const g = buildUnionGraph(d);
    expect(() => g.addRelation({ ...d.relations[0]!, target: 'tal' })).toThrow(/already/);
    expect(() => g.addRelation({ ...d.relations[0]!, id: 'new', target: 'nobody' })).toThrow(
      /no actor "nobody"/,
    );
    expect(g.relationCount).toBe(5);
  });
});

describe('signed graph at t', () => {
  const union = buildUnionGraph(d);
  const index = buildIndex(d);

  it('has the active actors and one signed edge per related pair', () => {
    const g = signedGraphAt(union, index, toDay('2000'));
    expect(g.actors().sort()).toEqual(['ind', 'isi', 'pak', 'tal']);
    expect(g.pair('isi', 'tal')).toEqual({ sign: 1, mixed: false, relations: ['r1'] });
    expect(g.pair('pak', 'ind')?.sign).toBe(-1);
    expect(g.pair('pak', 'isi')).toBeUndefined();
    expect(g.pairCount).toBe(2);
  });

  it('nets the signs of several active relations between a pair', () => {
    const g = signedGraphAt(union, index, toDay('2023-06'));
    expect(g.pair('pak', 'tal')).toMatchObject({ sign: 0, mixed: true });
    expect(g.pair('tal', 'ind')?.sign).toBe(1);
    const later = signedGraphAt(union, index, toDay('2024'));
    expect(later.pair('pak', 'tal')).toEqual({
      sign: -1,
      mixed: false,
      relations: ['r2'],
    });
  });

  it('leaves out actors that are not alive and not in an active relation', () => {
    expect(signedGraphAt(union, index, toDay('1990')).actors().sort()).toEqual([
      'ind',
      'isi',
      'pak',
    ]);
  });
});

describe('layout', () => {
  it('is deterministic and places every actor at a distinct point', () => {
    const a = computeLayout(d);
    const b = computeLayout(structuredClone(d));
    expect([...a.entries()]).toEqual([...b.entries()]);
    expect(a.size).toBe(4);
    const keys = new Set([...a.values()].map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(4);
    for (const p of a.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('does not depend on the order actors are listed in', () => {
    const reversed = { ...d, actors: [...d.actors].reverse() };
    expect([...computeLayout(reversed).entries()].sort()).toEqual(
      [...computeLayout(d).entries()].sort(),
    );
  });
});
