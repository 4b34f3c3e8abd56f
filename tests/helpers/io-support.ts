/**
 * Test support for the io round trips (imported by *.test.ts only): a
 * fast-check arbitrary of valid datasets with awkward text everywhere, and
 * the view of a dataset that survives a CSV or GEXF round trip, which spells
 * out the documented losses (docs/FORMATS.md).
 */
import fc from 'fast-check';
import { datasetArb } from './arbitraries';
import type { Dataset, Relation } from '../../src/core/schema';
import { resolveVocabulary } from '../../src/core/vocabulary';
import { xmlSafe } from '../../src/core/io/xml-write';

/** Text that breaks naive writers: delimiters, quotes, line breaks, formula starts, markup, controls. */
const TRICKY = [
  'plain',
  'a,b',
  'a;b',
  'say "hi"',
  'line\nbreak',
  'crlf\r\nend',
  'lone\rcr',
  '=SUM(A1)',
  '+1',
  '-minus',
  '@handle',
  '\ttab first',
  "'=already guarded",
  "''-twice",
  "'plain apostrophe",
  'pipe|bar',
  'back\\slash|\\',
  ' leading space',
  'trailing space ',
  '<tag attr="x"> & </tag>',
  "it's",
  'émoji 🎉 and ünïcode',
  'control\u0001char',
  '\uFEFFbom inside',
];

export const textArb = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const optionalText = fc.option(textArb, { nil: undefined });

/** Ids: awkward but valid in every format (no surrounding space, no characters XML cannot hold). */
const ID_POOL = [
  'x',
  'a,b',
  'say "hi"',
  '=cmd',
  '-dash',
  '@at',
  'with space',
  'ünï',
  'pipe|id',
  "'q",
];

const SOURCES = [
  { id: 'article', title: 'An article' },
  { id: 'src "2"', title: 'Second source' },
  { id: '=cmd', title: 'A source whose id starts like a formula' },
];

const CUSTOM_KINDS = [
  { id: 'proxy-war', label: 'Proxy war', polarity: 'negative' as const, directed: true },
  { id: 'patronage', label: 'Patronage', polarity: 'positive' as const, directed: false },
  // Overrides a built-in kind's polarity.
  { id: 'contact', label: 'Contact', polarity: 'negative' as const, directed: false },
];
const CUSTOM_TYPES = [
  { id: 'military', label: 'Military' },
  { id: 'city state', label: 'City state' },
];
const TYPES = ['state', 'person', 'other', ...CUSTOM_TYPES.map((t) => t.id)];
const KINDS = ['alliance', 'support', 'hostility', 'contact', 'proxy-war', 'patronage'];

const evidenceArb = fc.record({
  source: fc.constantFrom(...SOURCES.map((s) => s.id)),
  quote: textArb.filter((q) => q !== ''),
  note: optionalText,
});

/**
 * A relation's basis, in each valid shape: none, its quotes, history with a
 * reference, or quotes for the claim and history for the dates. `quote` is
 * dropped below when the relation quotes nothing (validation refuses it).
 */
const basisArb: fc.Arbitrary<Pick<Relation, 'basis' | 'dateBasis' | 'reference'>> = fc.oneof(
  fc.constant({}),
  fc.constant({ basis: 'quote' as const }),
  fc.record({ basis: fc.constant('history' as const), reference: textArb.filter((t) => t !== '') }),
  fc.record({
    basis: fc.constant('quote' as const),
    dateBasis: fc.constant('history' as const),
    reference: textArb.filter((t) => t !== ''),
  }),
);

/** Drops undefined properties, as a parsed dataset has none. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Valid datasets (`datasetArb`'s actors, relations and dates) dressed with
 * awkward ids, labels, aliases, descriptions, notes, parents, custom actor
 * types and relation kinds, strengths, direction overrides and evidence.
 */
export const richDatasetArb: fc.Arbitrary<Dataset> = datasetArb.chain((d) => {
  const n = d.actors.length;
  return fc
    .record({
      ids: fc.uniqueArray(
        fc.oneof(fc.constantFrom(...ID_POOL), fc.string({ minLength: 1, maxLength: 6 })),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      actors: fc.tuple(
        ...d.actors.map((_, i) =>
          fc.record({
            label: textArb.filter((l) => l !== ''),
            type: fc.constantFrom(...TYPES),
            aliases: fc.option(fc.array(textArb, { maxLength: 3 }), { nil: undefined }),
            description: optionalText,
            note: optionalText,
            parent: i === 0 ? fc.constant(undefined) : fc.option(fc.nat(i - 1), { nil: undefined }),
          }),
        ),
      ),
      relations: fc.tuple(
        ...d.relations.map(() =>
          fc.record({
            kind: fc.constantFrom(...KINDS),
            directed: fc.option(fc.boolean(), { nil: undefined }),
            strength: fc.option(
              fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
              {
                nil: undefined,
              },
            ),
            label: optionalText,
            note: optionalText,
            evidence: fc.array(evidenceArb, { maxLength: 3 }),
            basis: basisArb,
          }),
        ),
      ),
      period: fc.option(fc.constant({ from: '1999', until: '2004-06' }), { nil: undefined }),
    })
    .map(({ ids, actors, relations, period }) => {
      const unique: string[] = [];
      for (const [i, raw] of ids.entries()) {
        let id = xmlSafe(raw).trim() || `id${i}`;
        while (unique.includes(id)) id += '#';
        unique.push(id);
      }
      const actorId = (old: string) => unique[Number(old.slice(1))]!;
      return {
        ...d,
        ...(period ? { period } : {}),
        sources: SOURCES,
        actorTypes: CUSTOM_TYPES,
        relationKinds: CUSTOM_KINDS,
        actors: d.actors.map((a, i) => {
          const x = actors[i]!;
          return compact({
            ...a,
            id: unique[i]!,
            label: x.label,
            type: x.type,
            aliases: x.aliases,
            description: x.description,
            parent: x.parent === undefined ? undefined : unique[x.parent],
            note: x.note,
          });
        }),
        relations: d.relations.map((r, i): Relation => {
          const x = relations[i]!;
          const quotesNothing = x.evidence.length === 0 && x.basis.basis === 'quote';
          return compact({
            id: i % 3 === 0 ? `=${r.id}, "${i}"` : r.id,
            source: actorId(r.source),
            target: actorId(r.target),
            kind: x.kind,
            directed: x.directed,
            from: r.from,
            until: r.until,
            strength: x.strength,
            label: x.label,
            ...(quotesNothing ? {} : x.basis),
            evidence: x.evidence.map((e) => compact(e)),
            note: x.note,
          });
        }),
      };
    });
});

/**
 * What a CSV or GEXF round trip keeps: actors and relations with ids,
 * labels, types, aliases (trimmed, empty ones dropped), parents, dates at
 * their precision, descriptions and notes (empty text = none), kinds with
 * their polarity, each relation's actual direction, strength, label, basis
 * (basis, dateBasis, reference) and evidence (source id, quote, note). Title, description, period, events and
 * the details of sources, actor types and kinds are not kept. With
 * `xml`, characters XML cannot hold read as U+FFFD.
 */
export function roundTripView(d: Dataset, { xml = false }: { xml?: boolean } = {}) {
  const kinds = resolveVocabulary(d).relationKinds;
  const text = (s: string | undefined) => {
    const t = s === undefined || !xml ? s : xmlSafe(s);
    return t === '' ? undefined : t;
  };
  return {
    actors: d.actors.map((a) =>
      compact({
        id: text(a.id),
        label: text(a.label),
        type: text(a.type),
        aliases: (a.aliases ?? []).map((x) => text(x)?.trim() ?? '').filter((x) => x !== ''),
        parent: text(a.parent),
        from: a.from,
        until: a.until,
        description: text(a.description),
        note: text(a.note),
      }),
    ),
    relations: d.relations.map((r) =>
      compact({
        id: text(r.id),
        source: text(r.source),
        target: text(r.target),
        kind: text(r.kind),
        polarity: kinds.get(r.kind)?.polarity,
        directed: r.directed ?? kinds.get(r.kind)?.directed ?? false,
        from: r.from,
        until: r.until,
        strength: r.strength,
        label: text(r.label),
        basis: r.basis,
        dateBasis: r.dateBasis,
        reference: text(r.reference),
        evidence: r.evidence.map((e) =>
          compact({ source: text(e.source), quote: text(e.quote), note: text(e.note) }),
        ),
        note: text(r.note),
      }),
    ),
  };
}
