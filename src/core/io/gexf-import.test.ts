import { describe, expect, it } from 'vitest';
import { buildIndex } from '../temporal';
import { humanInterval, toDay } from '../dates';
import { exportGexf } from './gexf-export';
import { importGexf } from './gexf-import';

/** A GEXF 1.3 document around a graph body. */
const gexf = (graphAttrs: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph ${graphAttrs}>
${body}
  </graph>
</gexf>`;

const twoNodes = '<nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>';

describe('importGexf: malformed input', () => {
  it('gives the line and column of malformed XML', () => {
    const r = importGexf(
      '<gexf version="1.3">\n  <graph>\n    <nodes>\n  </graph>\n</gexf>',
      'bad.gexf',
    );
    expect(r.dataset).toBeUndefined();
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'bad.gexf',
        line: 4,
        column: 3,
        message: expect.stringMatching(/^malformed XML: .*closing tag/),
      }),
    ]);
  });

  it('says when the file is not GEXF', () => {
    const r = importGexf('<graphml><graph/></graphml>', 'g.graphml');
    expect(r.errors[0]!.message).toBe(
      'the root element is <graphml>, not <gexf>: this is not a GEXF file',
    );
  });

  it('refuses timestamps, naming the feature and why', () => {
    const r = importGexf(
      gexf(
        'mode="dynamic" timeformat="date" timerepresentation="timestamp"',
        `${twoNodes}<edges><edge source="a" target="b" timestamps="2009-01-01"/></edges>`,
      ),
      't.gexf',
    );
    expect(r.errors).toEqual([
      expect.objectContaining({
        path: 'graph.timerepresentation',
        line: 3,
        message: expect.stringMatching(
          /^timestamps is not supported: .*a timestamp has no end.*\(2 elements use them\)/,
        ),
      }),
    ]);
  });

  it('refuses numeric time outside 0–9999 with the element path', () => {
    const r = importGexf(
      gexf(
        'mode="dynamic" timeformat="double"',
        `${twoNodes}<edges><edge id="x" source="a" target="b"><spells><spell start="1" end="12000"/></spells></edge></edges>`,
      ),
      'n.gexf',
    );
    expect(r.errors).toEqual([
      expect.objectContaining({
        path: 'edges[0].spell[0].end',
        value: '12000',
        message: '"12000" is outside the numeric time this reader keeps: from 0 to 9999',
      }),
    ]);
  });

  it('refuses a bad date and an edge to a missing node, all at once', () => {
    const r = importGexf(
      gexf(
        'mode="dynamic" timeformat="date"',
        `${twoNodes}<edges><edge source="a" target="z"/><edge source="a" target="b" start="2009-02-30"/></edges>`,
      ),
      'd.gexf',
    );
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'edges[1].start: "2009-02-30" has day 30, but February 2009 has 28 days',
      'edges[0].target: refers to node "z", which is not among the nodes',
    ]);
  });
});

describe('importGexf: kinds', () => {
  it('splits an edge whose kind flips into two relations with the right intervals and kinds', () => {
    const body = `
    <attributes class="edge" mode="dynamic">
      <attribute id="k" title="kind" type="string"/>
    </attributes>
    ${twoNodes}
    <edges>
      <edge id="ab" source="a" target="b" start="1994" end="2021-08-15">
        <attvalues>
          <attvalue for="k" value="support" end="2001-09-11"/>
          <attvalue for="k" value="hostility" start="2001-09-11"/>
        </attvalues>
      </edge>
    </edges>`;
    const r = importGexf(gexf('mode="dynamic" timeformat="date"', body), 'flip.gexf');
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations).toEqual([
      {
        id: 'ab',
        source: 'a',
        target: 'b',
        kind: 'support',
        directed: false,
        from: '1994',
        until: '2001-09-11',
        evidence: [],
      },
      {
        id: 'ab~2',
        source: 'a',
        target: 'b',
        kind: 'hostility',
        from: '2001-09-11',
        until: '2021-08-15',
        evidence: [],
      },
    ]);
    const index = buildIndex(r.dataset!);
    expect(index.stateAt(toDay('1999-01-01')).relations).toEqual(['ab']);
    expect(index.diff(toDay('1999-01-01'), toDay('2005-01-01')).flips).toHaveLength(1);
  });

  it('splits on a polarity attribute and merges pieces whose kind does not change', () => {
    const body = `
    <attributes class="edge"><attribute id="p" title="Polarity" type="string"/><attribute id="w" title="strength" type="double"/></attributes>
    ${twoNodes}
    <edges><edge source="a" target="b">
      <attvalues>
        <attvalue for="p" value="+" start="2000" end="2005"/>
        <attvalue for="p" value="1" start="2005" end="2010"/>
        <attvalue for="p" value="-1" start="2010"/>
      </attvalues>
      <spells><spell start="2002" end="2012"/></spells>
    </edge></edges>`;
    const r = importGexf(gexf('mode="dynamic" timeformat="double"', body), 'p.gexf');
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations.map((x) => [x.id, x.kind, x.from, x.until])).toEqual([
      ['e0', 'cooperation', '2002', '2010'],
      ['e0~2', 'hostility', '2010', '2012'],
    ]);
    // Whole numbers lose nothing: no warning, and the dataset shows numbers.
    expect(r.warnings).toEqual([]);
    expect(r.dataset!.timeKind).toBe('numeric');
  });

  it('marks numeric time, keeps fractions to a day and warns once when one is finer', () => {
    const body = `${twoNodes}<edges>
      <edge id="x" source="a" target="b"><spells><spell start="2.5" end="190"/></spells></edge>
      <edge id="y" source="a" target="b"><spells><spell start="3.0013" end="4"/></spells></edge>
    </edges>`;
    const r = importGexf(gexf('mode="dynamic" timeformat="double"', body), 'n.gexf');
    expect(r.errors).toEqual([]);
    expect(r.dataset!.timeKind).toBe('numeric');
    const x = r.dataset!.relations.find((rel) => rel.id === 'x')!;
    expect(humanInterval(x.from, x.until, 'numeric')).toBe('t = 2.5 – t = 190');
    expect(r.warnings.map((w) => w.message).filter((m) => m.startsWith('numeric'))).toEqual([
      'numeric time is kept to 1/365 of a unit: 3.0013 reads as t = 3',
    ]);
    // A date-time file stays on the calendar.
    const dated = `${twoNodes}<edges><edge source="a" target="b"><spells><spell start="2001-02-03"/></spells></edge></edges>`;
    expect(
      importGexf(gexf('mode="dynamic" timeformat="date"', dated), 'd.gexf').dataset!.timeKind,
    ).toBeUndefined();
  });

  it('exports numeric time as numbers and reads it back as numeric', () => {
    const body = `${twoNodes}<edges><edge id="x" source="a" target="b"><spells><spell start="2.5" end="190"/></spells></edge></edges>`;
    const d = importGexf(
      gexf('mode="dynamic" timeformat="integer"', body.replace('2.5', '2')),
      'n.gexf',
    ).dataset!;
    const written = exportGexf(d);
    expect(written).toContain('timeformat="double"');
    expect(written).toContain('<spell start="2" end="190"/>');
    const back = importGexf(written, 'n.gexf').dataset!;
    expect(back.timeKind).toBe('numeric');
    expect(back.relations.map((r) => [r.from, r.until])).toEqual([['0002', '0190']]);
    expect(
      exportGexf(importGexf(gexf('mode="dynamic" timeformat="double"', body), 'f.gexf').dataset!),
    ).toContain('<spell start="2.5" end="190"/>');
  });

  it('makes several spells several relations', () => {
    const body = `${twoNodes}<edges><edge id="x" source="a" target="b"><spells><spell start="2000-01-01" end="2001-01-01"/><spell start="2003-05-01"/></spells></edge></edges>`;
    const r = importGexf(gexf('mode="dynamic" timeformat="date"', body), 's.gexf');
    expect(r.dataset!.relations.map((x) => [x.id, x.from, x.until])).toEqual([
      ['x', '2000-01-01', '2001-01-01'],
      ['x~2', '2003-05-01', undefined],
    ]);
  });

  it('reads signed weights only when some weight is negative', () => {
    const signed = importGexf(
      gexf(
        '',
        `${twoNodes}<edges><edge source="a" target="b" weight="2"/><edge source="b" target="a" weight="-0.5"/><edge source="a" target="b" weight="0"/></edges>`,
      ),
      'w.gexf',
    );
    expect(signed.dataset!.relations.map((x) => x.kind)).toEqual([
      'cooperation',
      'hostility',
      'contact',
    ]);
    const magnitudes = importGexf(
      gexf('', `${twoNodes}<edges><edge source="a" target="b" weight="3"/></edges>`),
      'm.gexf',
    );
    expect(magnitudes.dataset!.relations[0]).toMatchObject({ kind: 'contact', note: 'weight: 3' });
    expect(magnitudes.warnings.map((w) => w.message)).toContain(
      '1 relation without a kind, polarity or signed weight: read as "contact" (neutral)',
    );
  });

  it('declares an unknown kind given a polarity; without one, keeps it in the note', () => {
    const body = `
    <attributes class="edge"><attribute id="0" title="type" type="string"/><attribute id="1" title="polarity" type="string"/></attributes>
    ${twoNodes}
    <edges>
      <edge source="a" target="b" type="directed"><attvalues><attvalue for="0" value="proxy war"/><attvalue for="1" value="negative"/></attvalues></edge>
      <edge source="a" target="b"><attvalues><attvalue for="0" value="friend"/></attvalues></edge>
    </edges>`;
    const r = importGexf(gexf('', body), 'k.gexf');
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relationKinds).toEqual([
      { id: 'proxy war', label: 'proxy war', polarity: 'negative', directed: true },
    ]);
    expect(r.dataset!.relations[1]).toMatchObject({ kind: 'contact', note: 'type: friend' });
  });

  it('uses the edge kind attribute of GEXF 1.2+, keeping an unknown one in the note', () => {
    const r = importGexf(
      gexf('', `${twoNodes}<edges><edge source="a" target="b" kind="alliance"/></edges>`),
      'x.gexf',
    );
    expect(r.dataset!.relations[0]!.kind).toBe('alliance');
    const unknown = importGexf(
      gexf('', `${twoNodes}<edges><edge source="a" target="b" kind="colleague"/></edges>`),
      'x.gexf',
    );
    expect(unknown.dataset!.relations[0]).toMatchObject({
      kind: 'contact',
      note: 'kind: colleague',
    });
  });
});

describe('importGexf: nodes, attributes, time', () => {
  it('keeps unmapped attribute values, defaults included, in the description and note', () => {
    const body = `
    <attributes class="node"><attribute id="0" title="url" type="string"/><attribute id="1" title="frog" type="boolean"><default>true</default></attribute></attributes>
    <attributes class="edge"><attribute id="0" title="since" type="string"/></attributes>
    <nodes><node id="a"><attvalues><attvalue for="0" value="http://x.org"/></attvalues></node><node id="b" label="B"/></nodes>
    <edges><edge source="a" target="b"><attvalues><attvalue for="0" value="always"/></attvalues></edge></edges>`;
    const r = importGexf(gexf('defaultedgetype="directed"', body), 'a.gexf');
    expect(r.dataset!.actors).toEqual([
      { id: 'a', label: 'a', type: 'other', description: 'url: http://x.org\nfrog: true' },
      { id: 'b', label: 'B', type: 'other', description: 'frog: true' },
    ]);
    expect(r.dataset!.relations[0]).toMatchObject({ directed: true, note: 'since: always' });
  });

  it('takes the actor type from a type attribute when known, else other', () => {
    const body = `
    <attributes class="node"><attribute id="t" title="Type" type="string"><options>militia</options></attribute></attributes>
    <nodes>
      <node id="a"><attvalues><attvalue for="t" value="state"/></attvalues></node>
      <node id="b"><attvalues><attvalue for="t" value="militia"/></attvalues></node>
      <node id="c"><attvalues><attvalue for="t" value="package"/></attvalues></node>
    </nodes>`;
    const r = importGexf(gexf('', body), 't.gexf');
    expect(r.dataset!.actors.map((a) => [a.type, a.description])).toEqual([
      ['state', undefined],
      ['militia', undefined],
      ['other', 'Type: package'],
    ]);
    expect(r.dataset!.actorTypes).toEqual([{ id: 'militia', label: 'militia' }]);
  });

  it('reads nested nodes, pid and phylogeny parents as parent', () => {
    const body = `<nodes>
      <node id="pk" label="Pakistan"><nodes><node id="isi" label="ISI"/></nodes></node>
      <node id="army" pid="pk"/>
      <node id="x"><parents><parent for="pk"/><parent for="army"/></parents></node>
    </nodes>`;
    const r = importGexf(gexf('', body), 'h.gexf');
    expect(r.dataset!.actors.map((a) => [a.id, a.parent])).toEqual([
      ['pk', undefined],
      ['isi', 'pk'],
      ['army', 'pk'],
      ['x', 'pk'],
    ]);
    expect(r.dataset!.actors[3]!.description).toBe('other parents: army');
  });

  it('keeps day precision for dateTime, warning once', () => {
    const body = `<nodes><node id="a" start="2021-08-15T10:30:00Z"/><node id="b" start="2021-08-30T23:59:00+04:30"/></nodes>`;
    const r = importGexf(gexf('mode="dynamic" timeformat="dateTime"', body), 'dt.gexf');
    expect(r.dataset!.actors.map((a) => a.from)).toEqual(['2021-08-15', '2021-08-30']);
    expect(r.warnings.filter((w) => w.message.includes('times of day are dropped'))).toHaveLength(
      1,
    );
  });

  it('maps integer time to years and the graph bounds to the period', () => {
    const body = `<nodes><node id="a" start="2" end="11"/><node id="b" start="0"/></nodes>`;
    const r = importGexf(
      gexf('mode="dynamic" timeformat="integer" start="0" end="190"', body),
      'i.gexf',
    );
    expect(r.dataset!.actors.map((a) => [a.from, a.until])).toEqual([
      ['0002', '0011'],
      ['0000', undefined],
    ]);
    expect(r.dataset!.period).toEqual({ from: '0000', until: '0190' });
  });

  it('reads 1.1 slices, 1.2 open bounds and 1.3 intervals', () => {
    const body = `<nodes>
      <node id="a"><slices><slice start="2001-01-01" end="2002-01-01"/></slices></node>
      <node id="b" startopen="2003-01-01" endopen="2004-01-01"/>
      <node id="c" intervals="[2005-01-01, 2006-01-01]"/>
    </nodes>`;
    const r = importGexf(gexf('timeformat="date"', body), 'v.gexf');
    expect(r.dataset!.actors.map((a) => [a.from, a.until])).toEqual([
      ['2001-01-01', '2002-01-01'],
      ['2003-01-01', '2004-01-01'],
      ['2005-01-01', '2006-01-01'],
    ]);
  });

  it('decodes character references and keeps surrounding space in values', () => {
    const body = `<attributes class="node"><attribute id="n" title="note" type="string"/></attributes>
      <nodes><node id="a" label=" two&#10;lines &amp; &quot;quotes&quot; &#x1F389;"><attvalues><attvalue for="n" value="&lt;b&gt;"/></attvalues></node></nodes>`;
    const r = importGexf(gexf('', body), 'e.gexf');
    expect(r.dataset!.actors[0]).toMatchObject({ label: ' two\nlines & "quotes" 🎉', note: '<b>' });
  });

  it('names edges without ids e0, e1… and leaves out self-loops with a warning', () => {
    const body = `${twoNodes}<edges><edge source="a" target="b"/><edge source="a" target="a"/><edge id="e0" source="b" target="a"/></edges>`;
    const r = importGexf(gexf('', body), 'ids.gexf');
    expect(r.dataset!.relations.map((x) => x.id)).toEqual(['e0-2', 'e0']);
    expect(r.warnings.map((w) => w.message)).toContain(
      '1 edge from a node to itself left out (e1): a relation needs two different actors',
    );
  });
});

describe('importGexf: basis', () => {
  it('reads a basis and its reference, and keeps another tool’s "basis" in the note', () => {
    const body = `
    <attributes class="edge"><attribute id="0" title="basis" type="string"/><attribute id="1" title="reference" type="string"/></attributes>
    ${twoNodes}
    <edges>
      <edge id="e1" source="a" target="b"><attvalues><attvalue for="0" value="history"/><attvalue for="1" value="Doha Agreement, 2020"/></attvalues></edge>
      <edge id="e2" source="b" target="a"><attvalues><attvalue for="0" value="survey"/></attvalues></edge>
    </edges>`;
    const r = importGexf(gexf('', body), 'b.gexf');
    expect(r.errors).toEqual([]);
    expect(r.dataset!.relations[0]).toMatchObject({
      basis: 'history',
      reference: 'Doha Agreement, 2020',
    });
    expect(r.dataset!.relations[1]!.basis).toBeUndefined();
    expect(r.dataset!.relations[1]!.note).toBe('basis: survey');
    expect(r.warnings.map((w) => w.message)).toContain(
      'a basis must be "quote" or "history"; other values are kept in the note',
    );
  });
});
