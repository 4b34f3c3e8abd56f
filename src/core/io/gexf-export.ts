/**
 * GEXF 1.3 export (docs/FORMATS.md, "GEXF export"): `mode="dynamic"`,
 * `timeformat="date"`, `timerepresentation="interval"`. Actors are nodes
 * with their lifetime as start/end; relations are edges with their interval
 * as one spell. Dates are written at day precision, as GEXF needs, and the
 * original ISO dates are kept in `from`/`until` attributes for the importer.
 */
import { dayToNumber, formatDay, toDay, type TimeKind } from '../dates';
import type { Actor, Dataset, Relation } from '../schema';
import { BUILTIN_ACTOR_TYPES, resolveVocabulary } from '../vocabulary';
import { maxEvidence } from './evidence';
import { evidenceName } from './names';
import { joinPipeList } from './pipe-list';
import { writeXml, type XmlNode } from './xml-write';

const NS = 'http://gexf.net/1.3';

/**
 * A bound as GEXF writes it: a date at GEXF's day precision (`1994` → `1994-01-01`), or in a
 * numeric dataset the number the date stands for (`0190` → `190`, timeformat "double").
 */
function timeWriter(kind: TimeKind) {
  return (iso: string | undefined) => {
    if (iso === undefined) return undefined;
    return kind === 'numeric' ? String(dayToNumber(toDay(iso))) : formatDay(toDay(iso));
  };
}
type TimeWriter = ReturnType<typeof timeWriter>;

function declarations(cls: 'node' | 'edge', attrs: [string, string, string?][]): XmlNode {
  return {
    name: 'attributes',
    attrs: { class: cls },
    children: attrs.map(([title, type, options]) => ({
      name: 'attribute',
      attrs: { id: title, title, type },
      ...(options ? { children: [{ name: 'options', text: options }] } : {}),
    })),
  };
}

function attvalues(values: [string, string | number | undefined][]): XmlNode[] {
  const present = values.filter(([, v]) => v !== undefined && v !== '');
  if (present.length === 0) return [];
  return [
    {
      name: 'attvalues',
      children: present.map(([key, value]) => ({
        name: 'attvalue',
        attrs: { for: key, value: String(value) },
      })),
    },
  ];
}

function node(a: Actor, day: TimeWriter): XmlNode {
  return {
    name: 'node',
    attrs: { id: a.id, label: a.label, start: day(a.from), end: day(a.until) },
    children: attvalues([
      ['type', a.type],
      ['description', a.description],
      ['parent', a.parent],
      ['aliases', joinPipeList(a.aliases ?? [])],
      ['from', a.from],
      ['until', a.until],
      ['note', a.note],
    ]),
  };
}

function edge(
  r: Relation,
  polarity: string,
  directed: boolean,
  evidenceGroups: number,
  day: TimeWriter,
): XmlNode {
  const evidence = Array.from({ length: evidenceGroups }, (_, i) => {
    const e = r.evidence[i];
    return [
      [evidenceName('quote', i + 1), e?.quote],
      [evidenceName('source', i + 1), e?.source],
      [evidenceName('note', i + 1), e?.note],
    ] as [string, string | undefined][];
  }).flat();
  const timed = r.from !== undefined || r.until !== undefined;
  return {
    name: 'edge',
    attrs: {
      id: r.id,
      source: r.source,
      target: r.target,
      type: directed ? 'directed' : 'undirected',
      kind: r.kind,
      label: r.label || undefined,
      weight: r.strength,
    },
    children: [
      ...attvalues([
        ['kind', r.kind],
        ['polarity', polarity],
        ['strength', r.strength],
        ['label', r.label],
        ['basis', r.basis],
        ['date_basis', r.dateBasis],
        ['reference', r.reference],
        ...evidence,
        ['note', r.note],
        ['from', r.from],
        ['until', r.until],
      ]),
      ...(timed
        ? [
            {
              name: 'spells',
              children: [{ name: 'spell', attrs: { start: day(r.from), end: day(r.until) } }],
            },
          ]
        : []),
    ],
  };
}

/**
 * The dataset as a GEXF 1.3 file. Edges carry `type` (directed or not,
 * per relation), `kind` (Gephi's parallel-edge kind) and `weight` = strength
 * when there is one (Gephi lays out by weight, which must not be negative:
 * the sign is in the `polarity` attribute). Attributes: node type (custom
 * types listed in `<options>`), description, parent, aliases (`|` list),
 * from, until, note; edge kind, polarity, strength, label, basis,
 * date_basis and reference (declared only when some relation states a
 * basis), quote, evidence_source, evidence_note (numbered from 2 for further
 * evidence), note, from, until. Events, sources' details and the title are
 * not written.
 */
export function exportGexf(dataset: Dataset): string {
  const day = timeWriter(dataset.timeKind ?? 'calendar');
  const vocabulary = resolveVocabulary(dataset);
  const builtinTypes = new Set(BUILTIN_ACTOR_TYPES.map((t) => t.id));
  const customTypes = dataset.actorTypes.map((t) => t.id).filter((id) => !builtinTypes.has(id));
  const groups = Math.max(1, maxEvidence(dataset.relations));
  const withBasis = dataset.relations.some(
    (r) => r.basis !== undefined || r.dateBasis !== undefined || r.reference !== undefined,
  );
  const basisAttrs: [string, string][] = withBasis
    ? [
        ['basis', 'string'],
        ['date_basis', 'string'],
        ['reference', 'string'],
      ]
    : [];
  const evidenceAttrs = Array.from({ length: groups }, (_, i) => [
    [evidenceName('quote', i + 1), 'string'],
    [evidenceName('source', i + 1), 'string'],
    [evidenceName('note', i + 1), 'string'],
  ]).flat() as [string, string][];

  const graph: XmlNode = {
    name: 'graph',
    attrs: {
      mode: 'dynamic',
      defaultedgetype: 'undirected',
      timeformat: dataset.timeKind === 'numeric' ? 'double' : 'date',
      timerepresentation: 'interval',
      start: day(dataset.period?.from),
      end: day(dataset.period?.until),
    },
    children: [
      declarations('node', [
        ['type', 'string', customTypes.length > 0 ? joinPipeList(customTypes) : undefined],
        ['description', 'string'],
        ['parent', 'string'],
        ['aliases', 'string'],
        ['from', 'string'],
        ['until', 'string'],
        ['note', 'string'],
      ]),
      declarations('edge', [
        ['kind', 'string'],
        ['polarity', 'string'],
        ['strength', 'double'],
        ['label', 'string'],
        ...basisAttrs,
        ...evidenceAttrs,
        ['note', 'string'],
        ['from', 'string'],
        ['until', 'string'],
      ]),
      { name: 'nodes', children: dataset.actors.map((a) => node(a, day)) },
      {
        name: 'edges',
        children: dataset.relations.map((r) => {
          const kind = vocabulary.relationKinds.get(r.kind);
          return edge(
            r,
            kind?.polarity ?? 'neutral',
            r.directed ?? kind?.directed ?? false,
            groups,
            day,
          );
        }),
      },
    ],
  };
  const meta: XmlNode = {
    name: 'meta',
    children: [
      { name: 'creator', text: 'Allegiance' },
      ...(dataset.description ? [{ name: 'description', text: dataset.description }] : []),
    ],
  };
  return writeXml({
    name: 'gexf',
    attrs: {
      xmlns: NS,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${NS} ${NS}/gexf.xsd`,
      version: '1.3',
    },
    children: [meta, graph],
  });
}
