/**
 * Ids named after Object.prototype members (issue #11): a dataset whose
 * actor, relation, source and event ids, actor types and relation kinds are
 * all such names ("constructor", "__proto__", "toString", ...) goes through
 * every import format, the explorer model, every analysis and the SVG
 * render. Nothing may throw, nothing may be lost or misread, and no global
 * object may change (an actor "__proto__" used to add `previous` to
 * Object.prototype through graphology's adjacency objects).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balanceAt,
  balanceOverTime,
  betweennessAt,
  campsAt,
  centralitySeries,
  compareDates,
  degreeAt,
  pairHistory,
  rankingAt,
  relationInfo,
  sampleDays,
  type RankBy,
} from '../../src/core/analysis';
import { toDay } from '../../src/core/dates';
import { buildExplorerModel, type ExplorerModel } from '../../src/core/explorer-model';
import { exportActorsCsv, exportGexf, exportJson, exportRelationsCsv } from '../../src/core/io';
import { filteredSceneAt, NO_FILTER, sceneAt } from '../../src/core/render/scene';
import { legendFor, renderSvg } from '../../src/core/render/svg';
import { computeLayout } from '../../src/core/layout';
import type { Dataset } from '../../src/core/schema';
import { importTexts } from '../../src/import/importTexts';
import { balanceOverlay, compareOverlay } from '../../src/ui/analysis/overlay';

const FIXTURE = 'tests/fixtures/hostile/proto-ids.json';
const fixtureText = readFileSync(FIXTURE, 'utf8');

/** Every own property name of Object.prototype in this engine, `__proto__` included. */
const HOSTILE = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];

/** Object.prototype's own properties, with their values and accessors, to compare later. */
function prototypeSnapshot() {
  return Object.getOwnPropertyNames(Object.prototype).map((name) => [
    name,
    Object.getOwnPropertyDescriptor(Object.prototype, name),
  ]);
}

const before = prototypeSnapshot();

afterAll(() => {
  // After everything: whatever ran, the prototype is as it was (no `previous`, no `next`).
  expect(prototypeSnapshot()).toEqual(before);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

function imported(files: { name: string; text: string }[]): Dataset {
  const result = importTexts(files);
  expect(result.errors).toEqual([]);
  expect(result.dataset).toBeDefined();
  return result.dataset!;
}

const fromJson = imported([{ name: 'proto-ids.json', text: fixtureText }]);

/** The dataset through each format: every format imports the hostile ids. */
const FORMATS: [string, () => Dataset][] = [
  ['JSON', () => fromJson],
  [
    'JSON exported and imported again',
    () => imported([{ name: 'x.json', text: exportJson(fromJson) }]),
  ],
  [
    'CSV (actors and relations tables)',
    () =>
      imported([
        { name: 'actors.csv', text: exportActorsCsv(fromJson) },
        { name: 'relations.csv', text: exportRelationsCsv(fromJson) },
      ]),
  ],
  ['GEXF', () => imported([{ name: 'x.gexf', text: exportGexf(fromJson) }])],
];

const endpointsOf = (d: Dataset) => d.relations.map((r) => [r.id, r.source, r.target, r.kind]);

describe('the hostile fixture', () => {
  it('names every Object.prototype member as an id of each kind, type and kind', () => {
    const d = fromJson;
    for (const ids of [
      d.actors.map((a) => a.id),
      d.relations.map((r) => r.id),
      d.sources.map((s) => s.id),
      d.events.map((e) => e.id),
      d.actorTypes.map((t) => t.id),
      d.relationKinds.map((k) => k.id),
      d.actors.map((a) => a.type),
      d.relations.map((r) => r.kind),
    ])
      expect(ids).toEqual(expect.arrayContaining(HOSTILE));
  });
});

describe.each(FORMATS)('ids named after Object.prototype members, through %s', (_format, load) => {
  let dataset: Dataset;
  let model: ExplorerModel;
  const t = toDay('2001');
  const later = toDay('2003');

  beforeAll(() => {
    dataset = load();
    model = buildExplorerModel(dataset);
  });

  it('keeps every actor and relation, with its endpoints and kind', () => {
    expect(dataset.actors.map((a) => [a.id, a.label, a.type, a.parent])).toEqual(
      fromJson.actors.map((a) => [a.id, a.label, a.type, a.parent]),
    );
    expect(endpointsOf(dataset)).toEqual(endpointsOf(fromJson));
  });

  it('builds the union graph and the layout with every actor and relation', () => {
    expect(model.union.actorCount).toBe(dataset.actors.length);
    expect(model.union.relationCount).toBe(dataset.relations.length);
    for (const r of dataset.relations)
      expect(model.union.endpoints(r.id)).toEqual([r.source, r.target]);
    expect(model.union.neighboursOf('a')).toEqual(new Set(HOSTILE));
    for (const name of HOSTILE) {
      expect(model.union.hasActor(name)).toBe(true);
      expect(model.union.actor(name).label).toBe(name);
      const p = model.positions.get(name);
      expect(Number.isFinite(p?.x) && Number.isFinite(p?.y)).toBe(true);
    }
    const points = new Set([...model.positions.values()].map((p) => `${p.x},${p.y}`));
    expect(points.size).toBe(dataset.actors.length);
  });

  it('runs every analysis, each result naming the hostile actors and relations', () => {
    const history = pairHistory(model, 'a', 'constructor');
    expect(history.relations.map((r) => r.id).sort()).toEqual(['constructor', 'flip-constructor']);

    const cmp = compareDates(model, t, later);
    expect(cmp.flips.map((f) => [...f.actors].sort())).toContainEqual(['a', 'constructor']);
    const ended = cmp.left.map((c) => c.relation.id);
    expect(ended).toEqual(expect.arrayContaining(HOSTILE.filter((_, i) => i % 4 === 3)));

    const balance = balanceAt(model, t);
    expect(balance.counts.total).toBeGreaterThan(0);
    for (const tri of balance.unbalancedTriangles)
      for (const side of tri.sides)
        for (const id of side.relations) expect(model.relationsById.has(id)).toBe(true);
    const camps = campsAt(model, t);
    expect([...camps.camp.keys()]).toEqual(expect.arrayContaining(HOSTILE));
    expect(balanceOverTime(model, sampleDays(toDay('1999'), later, 5))).toHaveLength(5);

    const betweenness = betweennessAt(model, t);
    for (const name of HOSTILE) expect(Number.isFinite(betweenness.get(name))).toBe(true);
    // "a" is the hub: every path between two hostile actors that are not chained runs through it.
    expect(betweenness.get('a')).toBeGreaterThan(betweenness.get('constructor')!);
    for (const name of HOSTILE) expect(degreeAt(model, name, t).total).toBeGreaterThan(0);
    const series = centralitySeries(model, '__proto__', [t, later]);
    expect(series.every((p) => p.total > 0 && Number.isFinite(p.betweenness))).toBe(true);
    for (const by of ['degree', 'positive', 'negative', 'neutral', 'betweenness'] as RankBy[])
      expect(rankingAt(model, t, by).map((r) => r.actor)).toEqual(expect.arrayContaining(HOSTILE));
    for (const r of dataset.relations) {
      const info = relationInfo(model, r.id);
      expect([info.source, info.target, info.kind]).toEqual([r.source, r.target, r.kind]);
      expect(info.polarity).toMatch(/^(positive|negative|neutral)$/);
    }
  });

  it('marks them in the analysis overlays drawn over the graph', () => {
    const compare = compareOverlay(compareDates(model, t, later));
    expect(compare.relationClasses.get('hasOwnProperty')).toBe('ended');
    expect(compare.relationClasses.get('constructor')).toBe('flipped');
    expect(compare.relationClasses.get('toString')).toBeUndefined();
    const balance = balanceOverlay(balanceAt(model, t), campsAt(model, t));
    // The triangle "a", "valueOf", "__proto__" is unbalanced in 2001 (++-).
    expect(balance.relationClasses.get('__proto__')).toBe('unbalanced');
    for (const name of HOSTILE) expect(balance.actorClasses.get(name)).toMatch(/^camp-[ab]$/);
  });

  it('draws the scene and the SVG with every actor and its label', () => {
    const scene = sceneAt(model, t);
    expect(scene.actors.map((a) => a.id)).toEqual(expect.arrayContaining(HOSTILE));
    const focused = filteredSceneAt(model, t, { ...NO_FILTER, focusActor: 'constructor' });
    // In 2001 "constructor" is related to "a" and, by a chain relation, to "toLocaleString".
    expect(focused.actors.map((a) => a.id).sort()).toEqual(['a', 'constructor', 'toLocaleString']);
    const { svg } = renderSvg(scene, { background: 'white', legend: legendFor(model, scene) });
    for (const name of HOSTILE) expect(svg).toContain(`>${name}<`);
  });
});

/**
 * The dataset with every id it defines (actors, relations, sources, events, types, kinds)
 * behind a harmless prefix, references renamed alike. A common prefix keeps the ids' order.
 */
function withHarmlessIds(d: Dataset): Dataset {
  const defined = new Set(
    [d.actors, d.relations, d.sources, d.events, d.actorTypes, d.relationKinds].flatMap((list) =>
      list.map((x) => x.id),
    ),
  );
  const safe = (id: string) => (defined.has(id) ? `safe-${id}` : id);
  return {
    ...d,
    sources: d.sources.map((x) => ({ ...x, id: safe(x.id) })),
    actorTypes: d.actorTypes.map((x) => ({ ...x, id: safe(x.id) })),
    relationKinds: d.relationKinds.map((x) => ({ ...x, id: safe(x.id) })),
    actors: d.actors.map((x) => ({
      ...x,
      id: safe(x.id),
      type: safe(x.type),
      ...(x.parent ? { parent: safe(x.parent) } : {}),
    })),
    relations: d.relations.map((x) => ({
      ...x,
      id: safe(x.id),
      source: safe(x.source),
      target: safe(x.target),
      kind: safe(x.kind),
      evidence: x.evidence.map((e) => ({ ...e, source: safe(e.source) })),
    })),
    events: d.events.map((x) => ({ ...x, id: safe(x.id), actors: x.actors.map(safe) })),
  };
}

/**
 * Every analysis at a few days and the scene, as JSON with Maps and Sets spelled out and the
 * prefix removed. Positions are the hostile dataset's (the layout is seeded by the ids).
 */
function analysesOf(d: Dataset, prefix = ''): string {
  const id = (x: string) => prefix + x;
  const positions = new Map([...computeLayout(fromJson)].map(([actor, p]) => [id(actor), p]));
  const model = buildExplorerModel(d, positions);
  const days = [toDay('1999'), toDay('2001'), toDay('2003')];
  const out = {
    pair: pairHistory(model, id('a'), id('constructor')),
    compare: compareDates(model, days[1]!, days[2]!),
    balance: days.map((t) => balanceAt(model, t)),
    camps: days.map((t) => campsAt(model, t)),
    overTime: balanceOverTime(model, days),
    betweenness: days.map((t) => [...betweennessAt(model, t)].sort()),
    series: HOSTILE.map((x) => centralitySeries(model, id(x), days)),
    ranking: (['degree', 'positive', 'negative', 'neutral', 'betweenness'] as RankBy[]).map((by) =>
      rankingAt(model, days[1]!, by),
    ),
    scene: sceneAt(model, days[1]!),
  };
  const json = JSON.stringify(out, (_key, value: unknown) =>
    value instanceof Map ? [...value] : value instanceof Set ? [...value] : value,
  );
  return prefix ? json.replaceAll(`"${prefix}`, '"') : json;
}

describe('analyses of ids named after Object.prototype members', () => {
  it('are those of the same dataset with harmless ids', () => {
    expect(analysesOf(fromJson)).toBe(analysesOf(withHarmlessIds(fromJson), 'safe-'));
  });
});

describe('JSON keys named after Object.prototype members', () => {
  it('refuses a "__proto__" or "constructor" field as unknown, and the prototype keeps no trace', () => {
    const text = JSON.stringify({
      ...JSON.parse(fixtureText),
      constructor: { previous: 1 },
    }).replace('"title":', '"__proto__": {"polluted": true}, "title":');
    const result = importTexts([{ name: 'keys.json', text }]);
    expect(result.dataset).toBeUndefined();
    const messages = result.errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages).toContain('__proto__: unknown field "__proto__"');
    expect(messages).toContain('constructor: unknown field "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('words named after Object.prototype members in cells and attributes', () => {
  const gexf = (timeformat: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected" mode="dynamic" timeformat="${timeformat}">
    <nodes><node id="a" label="A &constructor; &toString;" start="2000"/><node id="b" label="B"/></nodes>
    <edges><edge id="e" source="a" target="b"/></edges>
  </graph>
</gexf>`;

  it('are not polarities in a CSV table', () => {
    const text = 'source,target,kind,polarity\na,b,foo,constructor\na,c,bar,__proto__\n';
    const result = importTexts([{ name: 'r.csv', text }]);
    expect(result.dataset).toBeUndefined();
    expect(result.errors.map((e) => [e.path, e.value])).toEqual([
      ['row 2, column "polarity"', 'constructor'],
      ['row 3, column "polarity"', '__proto__'],
    ]);
  });

  it('are not GEXF time formats', () => {
    const result = importTexts([{ name: 'x.gexf', text: gexf('constructor') }]);
    expect(result.errors.map((e) => [e.path, e.message])).toEqual([
      ['graph.timeformat', 'is not a GEXF time format (integer, double, date or dateTime)'],
    ]);
  });

  it('are unknown CSV columns, and GEXF attribute ids and titles like any other', () => {
    const csv = importTexts([
      { name: 'r.csv', text: 'source,target,kind,constructor,__proto__\na,b,alliance,1,2\n' },
    ]);
    expect(csv.dataset?.relations).toHaveLength(1);
    expect(csv.warnings.map((w) => w.message)).toContain(
      'columns "constructor", "__proto__" are not read (not a known column name)',
    );
    const attributes = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="constructor" title="__proto__" type="string"/>
      <attribute id="__proto__" title="constructor" type="string"/>
    </attributes>
    <nodes>
      <node id="a" label="A"><attvalues>
        <attvalue for="constructor" value="x"/><attvalue for="__proto__" value="y"/>
      </attvalues></node>
      <node id="b" label="B"/>
    </nodes>
    <edges><edge id="e" source="a" target="b"/></edges>
  </graph>
</gexf>`;
    const gexf = importTexts([{ name: 'x.gexf', text: attributes }]);
    expect(gexf.errors).toEqual([]);
    expect(gexf.dataset?.actors[0]?.description).toBe('__proto__: x\nconstructor: y');
  });

  it('are not XML entities: "&constructor;" stays as written, with a warning', () => {
    const result = importTexts([{ name: 'x.gexf', text: gexf('date') }]);
    expect(result.dataset?.actors[0]?.label).toBe('A &constructor; &toString;');
    expect(result.warnings.map((w) => w.message)).toContain(
      'entities that XML does not predefine are kept as text: &constructor;, &toString;',
    );
  });
});
