import { describe, expect, it } from 'vitest';
import type { Dataset } from '../schema';
import { exportGexf } from './gexf-export';
import { importGexf } from './gexf-import';
import { parseXml } from './xml-read';

const dataset: Dataset = {
  title: 'T',
  period: { from: '1979', until: '2025-06' },
  sources: [{ id: 's', title: 'S' }],
  actorTypes: [{ id: 'militia', label: 'Militia' }],
  relationKinds: [{ id: 'proxy', label: 'Proxy', polarity: 'negative', directed: true }],
  actors: [
    { id: 'a', label: 'A & <B>', type: 'state', from: '1947-08-14', aliases: ['x|y', 'z'] },
    { id: 'b', label: 'B', type: 'militia', parent: 'a', until: '2001' },
  ],
  relations: [
    {
      id: 'r1',
      source: 'a',
      target: 'b',
      kind: 'hostility',
      from: '1994',
      strength: 0.25,
      label: 'line\nbreak "quoted"',
      evidence: [
        { source: 's', quote: 'first' },
        { source: 's', quote: 'second\ttab', note: 'n' },
      ],
    },
    { id: 'r2', source: 'b', target: 'a', kind: 'proxy', evidence: [] },
  ],
  events: [],
};

describe('exportGexf', () => {
  const text = exportGexf(dataset);
  const parsed = parseXml(text);
  if ('error' in parsed) throw new Error(parsed.error.message);
  const graph = parsed.root.children.find((c) => c.name === 'graph')!;
  const edges = graph.children.find((c) => c.name === 'edges')!.children;
  const nodes = graph.children.find((c) => c.name === 'nodes')!.children;

  it('writes GEXF 1.3, dynamic, date time, intervals, with the period at day precision', () => {
    expect(parsed.root.attrs).toMatchObject({ version: '1.3' });
    expect(text).toContain('xmlns="http://gexf.net/1.3"');
    expect(graph.attrs).toEqual({
      mode: 'dynamic',
      defaultedgetype: 'undirected',
      timeformat: 'date',
      timerepresentation: 'interval',
      start: '1979-01-01',
      end: '2025-06-01',
    });
  });

  it('writes lifetimes as node start/end and intervals as one spell, open ends left out', () => {
    expect(nodes[0]!.attrs).toEqual({ id: 'a', label: 'A & <B>', start: '1947-08-14' });
    expect(nodes[1]!.attrs).toEqual({ id: 'b', label: 'B', end: '2001-01-01' });
    const spell = edges[0]!.children.find((c) => c.name === 'spells')!.children[0]!;
    expect(spell.attrs).toEqual({ start: '1994-01-01' });
    expect(edges[1]!.children.find((c) => c.name === 'spells')).toBeUndefined();
  });

  it('writes direction per relation, the kind, and weight = strength (never signed)', () => {
    expect(edges[0]!.attrs).toMatchObject({
      type: 'undirected',
      kind: 'hostility',
      weight: '0.25',
    });
    expect(edges[1]!.attrs).toMatchObject({ type: 'directed', kind: 'proxy' });
    expect(edges[1]!.attrs.weight).toBeUndefined();
    const values = Object.fromEntries(
      edges[0]!.children
        .find((c) => c.name === 'attvalues')!
        .children.map((v) => [v.attrs.for, v.attrs.value]),
    );
    expect(values).toEqual({
      kind: 'hostility',
      polarity: 'negative',
      strength: '0.25',
      label: 'line\nbreak "quoted"',
      quote: 'first',
      evidence_source: 's',
      quote_2: 'second\ttab',
      evidence_source_2: 's',
      evidence_note_2: 'n',
      from: '1994',
    });
  });

  it('escapes line breaks and tabs in attribute values', () => {
    expect(text).toContain('value="line&#10;break &quot;quoted&quot;"');
    expect(text).toContain('value="second&#9;tab"');
  });

  it('replaces characters XML cannot hold, so the output always parses', () => {
    const bad = exportGexf({
      ...dataset,
      actors: [{ ...dataset.actors[0]!, note: 'bell\u0007 and \uD800' }, dataset.actors[1]!],
    });
    const back = importGexf(bad, 'bad.gexf');
    expect(back.errors).toEqual([]);
    expect(back.dataset!.actors[0]!.note).toBe('bell\uFFFD and \uFFFD');
  });

  it('lists custom actor types as options of the type attribute', () => {
    expect(text).toContain('<options>militia</options>');
    const back = importGexf(text, 't.gexf').dataset!;
    expect(back.actors[1]!.type).toBe('militia');
    expect(back.relationKinds).toEqual([
      { id: 'proxy', label: 'proxy', polarity: 'negative', directed: true },
    ]);
    expect(back.actors[0]!.aliases).toEqual(['x|y', 'z']);
    expect(back.relations[0]!.from).toBe('1994'); // precision restored from the `from` attribute
  });
});
