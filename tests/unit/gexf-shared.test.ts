/**
 * The real GEXF files in tests/fixtures/gexf/ (unchanged examples from the
 * GEXF repository, see its README): every file imports, or is refused with a precise reason;
 * counts and intervals are checked against the file's own text, and the
 * dynamic ones must give a graph that changes over time. Also: the seed
 * dataset survives GEXF and CSV round trips.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates';
import { exportActorsCsv, exportRelationsCsv } from '../../src/core/io/csv-export';
import { importCsv } from '../../src/core/io/csv-import';
import { exportGexf } from '../../src/core/io/gexf-export';
import { importGexf } from '../../src/core/io/gexf-import';
import { roundTripView } from '../helpers/io-support';
import type { Dataset } from '../../src/core/schema';
import { buildIndex } from '../../src/core/temporal';
import { parseDatasetJson } from '../../src/core/validate';

const DIR = fileURLToPath(new URL('../fixtures/gexf/', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.gexf'))
  .sort();

/** What the file's text says, found with plain regular expressions (an oracle independent of the importer). */
function facts(text: string) {
  const nodeIds = [...text.matchAll(/<node\b[^>]*?\sid="([^"]*)"/g)].map((m) => m[1]!);
  const edges = [...text.matchAll(/<edge\b([^>]*)>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(m[1]!)?.[1];
    return {
      id: attr('id'),
      source: attr('source'),
      target: attr('target'),
      start: attr('start'),
      end: attr('end'),
    };
  });
  return {
    nodeIds: new Set(nodeIds),
    edges: edges.filter((e) => e.source !== e.target),
    loops: edges.length - edges.filter((e) => e.source !== e.target).length,
  };
}

const load = (f: string) => readFileSync(`${DIR}${f}`, 'utf8');
const imported = (f: string) => importGexf(load(f), f);
const day = (iso: string) => toDay(iso);

describe('real GEXF files', () => {
  it.each(files)('%s imports (no errors; counts match the file)', (f) => {
    const text = load(f);
    const r = importGexf(text, f);
    // Any refusal must say where and why; none of these files needs one.
    for (const e of r.errors) expect(e).toMatchObject({ file: f, message: expect.any(String) });
    expect(r.errors).toEqual([]);
    const { nodeIds, edges } = facts(text);
    expect(r.dataset!.actors.map((a) => a.id).sort()).toEqual([...nodeIds].sort());
    expect(r.dataset!.relations).toHaveLength(edges.length);
    // Every relation's interval is the one the file gives its edge.
    r.dataset!.relations.forEach((rel, i) => {
      const e = edges[i]!;
      expect([rel.source, rel.target]).toEqual([e.source, e.target]);
      if (e.id !== undefined) expect(rel.id).toBe(e.id);
      if (/timeformat="date"/.test(text)) {
        expect(rel.from).toBe(e.start);
        expect(rel.until).toBe(e.end);
      }
    });
  });

  const expectations: Record<string, (d: Dataset, text: string) => void> = {
    'celegans.gexf': (d) => {
      expect([d.actors.length, d.relations.length]).toEqual([306, 2345]);
      expect(d.relations[0]).toMatchObject({ id: '4', source: '0', target: '1', kind: 'contact' });
      expect(d.relations.every((r) => r.from === undefined && r.until === undefined)).toBe(true);
    },
    'data.gexf': (d) => {
      expect(d.actors[0]).toEqual({
        id: '0',
        label: 'Gephi',
        type: 'other',
        description: 'url: http://gephi.org\nindegree: 1\nfrog: true',
      });
      expect(d.actors[3]!.description).toContain('frog: false');
      expect(d.relations.map((r) => r.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
      expect(d.relations.every((r) => r.directed === true)).toBe(true); // defaultedgetype="directed"
    },
    'dynamics.gexf': (d) => {
      expect(d.actors[0]).toMatchObject({ id: '0', from: '2009-03-01' });
      // Node 2 lives in two spells: its lifetime spans both, and the spells are listed.
      expect(d.actors[2]).toMatchObject({ until: '2009-03-10' });
      expect(d.actors[2]!.description).toContain('spells: …–2009-03-01; 2009-03-05–2009-03-10');
      expect(d.relations[1]).toMatchObject({ id: 'e1', from: '2009-03-01', until: '2009-03-10' });
      expect(d.actors[1]!.description).toContain(
        'indegree: 1 (…–2009-03-01); 2 (2009-03-01–2009-03-10); 1 (2009-03-10–…)',
      );
      changesOverTime(d, '2009-02-01', '2009-03-05');
    },
    'dynamics_edgeweight.gexf': (d) => {
      expect(d.relations[0]).toMatchObject({
        id: '0',
        from: '2009-03-01',
        note: 'weight: 1 (2009-03-01–…); 3 (2011-03-01–…)',
      });
      expect(d.relations[1]).toMatchObject({
        id: '1',
        from: '2009-03-01',
        until: '2009-03-10',
        note: 'weight: 3',
      });
      changesOverTime(d, '2009-02-01', '2009-03-05');
    },
    'dynamics_openintervals.gexf': (d) => {
      // Only attribute values have time here (no node or edge intervals), so the graph
      // itself does not change; the values are kept with their intervals, as years.
      expect(d.actors[0]!.description).toBe(
        'value: 15 (2000–2005); 20 (2005–2010); 25 (2010–2015)',
      );
      expect(d.relations[0]!.note).toBe('value: 15 (2000–2005); 20 (2005–2010); 25 (2010–2015)');
    },
    'hierarchy1.gexf': (d) => {
      const parent = Object.fromEntries(d.actors.map((a) => [a.id, a.parent]));
      expect(parent).toEqual({
        a: undefined,
        b: 'a',
        c: 'b',
        d: 'b',
        i: 'b',
        e: 'a',
        f: 'e',
        g: 'e',
        h: 'e',
        j: 'a',
      });
    },
    'photoviz-dynamic.gexf': (d) => {
      expect(d.period).toEqual({ from: '0000', until: '0190' });
      expect(d.actors.find((a) => a.id === '5')).toMatchObject({
        label: 'src.photoviz.arbo',
        from: '0002',
        until: '0011',
      });
      expect(d.actors.find((a) => a.id === '0')!.description).toContain('type: package');
      // Node "120" is declared twice (years 29–38 and 40–41): merged into one actor.
      expect(d.actors.find((a) => a.id === '120')).toMatchObject({ from: '0029', until: '0041' });
      expect(d.relations[0]).toMatchObject({ from: '0008', note: 'relationtype: parent' });
      changesOverTime(d, '0005', '0100');
    },
  };

  it('are all in the repository, each with its expectations', () => {
    expect(files).toEqual(Object.keys(expectations).sort());
  });

  it.each(files.filter((f) => f in expectations))('%s: content as in the file', (f) => {
    expectations[f]!(imported(f).dataset!, load(f));
  });

  it('marks integer time as numeric, and names what it merged or left out', () => {
    const result = imported('photoviz-dynamic.gexf');
    expect(result.dataset!.timeKind).toBe('numeric');
    const messages = result.warnings.map((w) => w.message);
    expect(messages.filter((m) => m.startsWith('numeric time'))).toEqual([]);
    expect(messages).toContainEqual(expect.stringContaining('"120" at lines 1043, 1387'));
    expect(messages).toContainEqual(
      expect.stringContaining('2 edges from a node to itself left out (345, 346)'),
    );
  });
});

/** The dataset's graph is not the same at two days: some actor or relation starts or ends between them. */
function changesOverTime(d: Dataset, a: string, b: string) {
  const index = buildIndex(d);
  const at = (iso: string) => index.stateAt(day(iso));
  expect(at(a)).not.toEqual(at(b));
  expect(index.diff(day(a), day(b)).relationsEntered.length).toBeGreaterThan(0);
}

describe('the seed dataset', () => {
  const seed = parseDatasetJson(readFileSync('graph-data/seed.json', 'utf8')).dataset!;

  it('round-trips through GEXF', () => {
    const back = importGexf(exportGexf(seed), 'seed.gexf');
    expect(back.errors).toEqual([]);
    expect(roundTripView(back.dataset!, { xml: true })).toEqual(roundTripView(seed, { xml: true }));
    expect(back.dataset!.actorTypes.map((t) => t.id)).toEqual(['military']);
  });

  it('round-trips through CSV', () => {
    const back = importCsv({
      relations: { name: 'seed-relations.csv', text: exportRelationsCsv(seed) },
      actors: { name: 'seed-actors.csv', text: exportActorsCsv(seed) },
    });
    expect(back.errors).toEqual([]);
    expect(back.dataset!.title).toBe('seed');
    expect(roundTripView(back.dataset!)).toEqual(roundTripView(seed));
  });
});
