import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toDay } from '../dates';
import { hasIllegalChars } from '../io/text-rules';
import { buildExplorerModel } from '../explorer-model';
import type { Dataset } from '../schema';
import { buildScene, sceneAt, type Scene, type SceneActor } from './scene';
import { legendFor, renderSvg, wrapLabel } from './svg';

const dataset: Dataset = {
  title: 'Test & <check>',
  sources: [{ id: 's', title: 'Doc' }],
  actorTypes: [],
  relationKinds: [],
  events: [],
  actors: [
    { id: 'a', label: 'Alpha <script>alert(1)</script>', type: 'state' },
    { id: 'b', label: 'Beta', type: 'armed-group', from: '2000' },
    { id: 'c', label: 'Gamma agency', type: 'intelligence-agency', parent: 'a' },
  ],
  relations: [
    {
      id: 'r1',
      source: 'a',
      target: 'b',
      kind: 'support',
      from: '2000',
      until: '2010',
      evidence: [],
    },
    { id: 'r2', source: 'a', target: 'b', kind: 'hostility', from: '2005', evidence: [] },
    { id: 'r3', source: 'c', target: 'b', kind: 'tension', from: '2012', evidence: [] },
  ],
};
const model = buildExplorerModel(dataset);
const parse = (svg: string) => new XMLParser({ ignoreAttributes: false }).parse(svg);

describe('SVG export', () => {
  it('draws the actors and relations of the day, labels as escaped text', () => {
    const scene = sceneAt(model, toDay('2007'));
    expect(scene.relations.map((r) => r.id)).toEqual(['r1', 'r2']);
    const { svg, width, height } = renderSvg(scene, {
      background: 'white',
      caption: { title: dataset.title, date: '2007', sources: 'Doc' },
      legend: legendFor(model, scene),
    });
    expect(() => parse(svg)).not.toThrow();
    expect(parse(svg).svg['@_width']).toBe(String(width));
    expect(height).toBeGreaterThan(100);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;</tspan>');
    expect(svg).toContain('Test &amp; &lt;check&gt;');
    expect(svg).toContain('Gamma agency');
    expect(svg).toContain('>2007</text>');
    // two parallel relations bow apart: two different control points
    const curves = [...svg.matchAll(/d="M[^Q"]+Q([\d.-]+),([\d.-]+) [^"]+" fill="none"/g)].map(
      (m) => `${m[1]},${m[2]}`,
    );
    expect(new Set(curves).size).toBe(2);
    // legend names only what is drawn
    expect(svg).toContain('>Support<');
    expect(svg).toContain('>Hostility<');
    expect(svg).not.toContain('>Tension<');
    expect(svg).toContain('>part of<');
  });

  it('greys actors outside their lifetime and says so in the legend', () => {
    const scene = sceneAt(model, toDay('1990'));
    expect(scene.actors.find((a) => a.id === 'b')?.dormant).toBe(true);
    const { svg } = renderSvg(scene, { background: 'dark', legend: legendFor(model, scene) });
    expect(svg).toContain('opacity="0.3"');
    expect(svg).toContain('outside the actor’s lifetime');
    expect(svg).toContain('fill="#1d1d1f"'); // dark background
  });

  it('has no background rectangle when transparent', () => {
    const { svg } = renderSvg(sceneAt(model, toDay('2007')), { background: 'transparent' });
    expect(svg).not.toMatch(/<rect width=/);
  });

  it('crops to a region (the current view) with a clip path', () => {
    const { svg, width } = renderSvg(sceneAt(model, toDay('2007')), {
      background: 'white',
      region: { x1: -50, y1: -50, x2: 550, y2: 350 },
    });
    expect(svg).toContain('clip-path="url(#view)"');
    expect(width).toBe(648);
  });

  it('only draws relations whose actors are drawn', () => {
    const scene = buildScene(model, { actors: ['a'], liveActors: ['a'], relations: ['r1', 'r2'] });
    expect(scene.relations).toEqual([]);
  });

  it('places labels by the canvas’s rules: below, else another free side, else hidden', () => {
    const actor = (id: string, label: string, x: number, y = 0): SceneActor => ({
      id,
      label,
      type: 'state',
      color: '#000000',
      shape: 'ellipse',
      x,
      y,
      dormant: false,
    });
    const relation = (id: string, source: string, target: string) => ({
      id,
      source,
      target,
      kind: 'alliance',
      color: '#000000',
      lineStyle: 'solid' as const,
      directed: false,
      width: 2,
    });
    // Three actors in a tight row: their labels below would overlap. The middle one has the
    // most relations, so its label keeps the place below; the others' go above or aside.
    const scene: Scene = {
      actors: [
        actor('w', 'West Side', -40),
        actor('m', 'Middle Ground', 0),
        actor('e', 'East', 40),
      ],
      relations: [relation('r1', 'm', 'w'), relation('r2', 'm', 'e')],
      partOf: [],
    };
    const texts = [
      ...renderSvg(scene, { background: 'white' }).svg.matchAll(
        /<text font-size="12" text-anchor="(\w+)"[^>]*><tspan x="([\d.-]+)" y="([\d.-]+)">([^<]*)<\/tspan>/g,
      ),
    ].map(([, anchor, x, y, text]) => ({ anchor, x: Number(x), y: Number(y), text }));
    const middle = texts.find((t) => t.text === 'Middle Ground')!;
    expect(middle).toMatchObject({ anchor: 'middle', x: 0 });
    expect(middle.y).toBeGreaterThan(0); // below the symbol (the graph's y grows downward)
    // Each other label is drawn elsewhere than below its actor, or hidden and kept as a title.
    const svg = renderSvg(scene, { background: 'white' }).svg;
    for (const label of ['West Side', 'East']) {
      const drawn = texts.find((t) => t.text === label);
      if (drawn) expect(drawn.anchor !== 'middle' || drawn.y < 0).toBe(true);
      else expect(svg).toContain(`<title>${label}</title>`);
    }
  });

  it('wraps labels like the canvas', () => {
    expect(wrapLabel('Afghan nationals and refugees in Pakistan')).toEqual([
      'Afghan nationals',
      'and refugees in',
      'Pakistan',
    ]);
    expect(wrapLabel('')).toEqual(['']);
  });
});

describe('SVG export of hostile text', () => {
  // Every class XML 1.0 does not allow, as a dataset stored before imports
  // replaced them might still hold (or a label cut inside a surrogate pair).
  const hostile = 'x\u0000\u0001\u0008\u000B\u000C\u001F\uDC00\uD800\uFFFE\uFFFF\uDBFF😀y';

  it('writes well-formed XML whatever the labels, ids, kinds and caption hold', () => {
    const bad: Dataset = {
      ...dataset,
      title: `Title ${hostile}`,
      actorTypes: [{ id: 'odd', label: `Odd ${hostile}` }],
      relationKinds: [
        { id: 'weird', label: `Weird ${hostile}`, polarity: 'negative', directed: true },
      ],
      actors: [
        { id: `a${hostile}`, label: `Alpha ${hostile}`, type: 'odd' },
        { id: 'b', label: hostile, type: 'state' },
      ],
      relations: [
        { id: `r${hostile}`, source: `a${hostile}`, target: 'b', kind: 'weird', evidence: [] },
      ],
    };
    const hostileModel = buildExplorerModel(bad);
    const scene = sceneAt(hostileModel, toDay('2007'));
    expect(scene.relations).toHaveLength(1);
    const { svg } = renderSvg(scene, {
      background: 'white',
      caption: { title: bad.title, date: `2007 ${hostile}`, sources: hostile },
      legend: legendFor(hostileModel, scene),
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(hasIllegalChars(svg)).toBe(false);
    // The emoji survives; each illegal character became U+FFFD.
    expect(svg).toContain(`x${'\uFFFD'.repeat(11)}😀y`);
  });

  it('never cuts a caption inside a surrogate pair', () => {
    const scene = sceneAt(model, toDay('2007'));
    for (let pad = 0; pad < 4; pad++) {
      const { svg } = renderSvg(scene, {
        background: 'white',
        caption: { title: `${'T'.repeat(pad)}${'😀'.repeat(40)}`, date: '2007', sources: '' },
      });
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toContain('\uFFFD');
    }
  });
});
