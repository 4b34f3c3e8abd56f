/**
 * GEXF edges as relations (docs/FORMATS.md, "GEXF import"). Each spell of an
 * edge is a relation; a spell is cut further where the attributes that give
 * the kind (kind, polarity, signed weight) change value, so an edge whose
 * `kind` goes from alliance to hostility becomes two relations. Ids: the
 * edge's id (or `e<index>`), then `<id>~2`, `<id>~3`… for further pieces.
 */
import type { Polarity, Relation, RelationKind } from '../schema';
import { collectEvidence, type EvidenceDraft } from './evidence';
import { preciseBound } from './gexf-actors';
import type { AttrDecl, GexfEdge, GexfGraph, Span } from './gexf-read';
import { Timeline, valueOver } from './gexf-timeline';
import { clip, ItemValues, lines } from './gexf-values';
import { listSome, plural, type Location, type Origin, type ProblemLog } from './import-result';
import {
  KIND_FOR_POLARITY,
  parsePolarity,
  POLARITY_HELP,
  resolveKinds,
  type KindUse,
} from './kinds';
import { evidenceField } from './names';

export interface GexfRelations {
  relations: Relation[];
  origins: Origin[];
  relationKinds: RelationKind[];
  kindOrigins: Origin[];
}

/** The edge attributes that matter for kinds, found once per file. */
interface KindAttrs {
  kind?: AttrDecl;
  polarity?: AttrDecl;
  weight?: AttrDecl;
  /** True when some weight is negative: only then do weights carry a sign. */
  signedWeights: boolean;
}

/** One relation to be: a piece of a spell of an edge, with what decides its kind. */
interface Piece {
  edge: GexfEdge;
  id: string;
  span: Span;
  kindText?: string;
  polarity?: Polarity;
  weight?: number;
}

const sign = (w: number | undefined) => (w === undefined ? undefined : Math.sign(w));
const sameSignature = (a: Piece, b: Piece) =>
  a.kindText === b.kindText && a.polarity === b.polarity && sign(a.weight) === sign(b.weight);

function kindAttrs(graph: GexfGraph): KindAttrs {
  const find = (...keys: string[]) => ItemValues.find(graph.edgeAttrs, ...keys);
  const weight = find('weight');
  const negative = (v: string | undefined) => v !== undefined && Number(v) < 0;
  const signedWeights =
    graph.edges.some((e) => (e.weight ?? 0) < 0) ||
    negative(weight?.default) ||
    (weight !== undefined &&
      graph.edges.some((e) => e.attrs.get(weight)?.values.some((v) => negative(v.value))));
  return {
    kind: find('kind', 'relation', 'type'),
    polarity: find('polarity'),
    weight,
    signedWeights,
  };
}

/** Unique ids: explicit ids stay, missing ones are `e<index>`, pieces get `~2`, `~3`… */
function idMaker(edges: readonly GexfEdge[]) {
  const used = new Set(edges.map((e) => e.id).filter((x): x is string => x !== undefined));
  const fresh = (base: string) => {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  return {
    base: (edge: GexfEdge, index: number) => edge.id ?? fresh(`e${index}`),
    piece: (base: string, n: number) => (n === 1 ? base : fresh(`${base}~${n}`)),
  };
}

/**
 * The pieces of an edge: each spell (or all time, without one), cut where the
 * kind, polarity or signed weight changes; neighbouring pieces that end up
 * with the same of these (a cut made by another of them) are joined again.
 */
function piecesOf(edge: GexfEdge, attrs: KindAttrs, log: ProblemLog): Piece[] {
  const values = (decl: AttrDecl | undefined) => (decl ? (edge.attrs.get(decl)?.values ?? []) : []);
  const over = (decl: AttrDecl | undefined, span: Span) =>
    decl ? (valueOver(values(decl), span) ?? decl.default) : undefined;
  const deciding = [attrs.kind, attrs.polarity, attrs.signedWeights ? attrs.weight : undefined];
  // Indexed once per edge: every spell is cut by the same values.
  const cuts = new Timeline(deciding.flatMap(values));
  const pieces: Piece[] = [];
  for (const spell of edge.spans.length > 0 ? edge.spans : [{}]) {
    let previous: Piece | undefined;
    for (const span of cuts.cut(spell)) {
      // An explicit kind value wins over the edge's XML `kind`, which wins over a default.
      const kindText =
        (valueOver(values(attrs.kind), span) ?? edge.kind ?? attrs.kind?.default)?.trim() ||
        undefined;
      const polarityText = over(attrs.polarity, span)?.trim();
      const polarity = polarityText ? parsePolarity(polarityText) : undefined;
      if (polarityText && polarity === undefined)
        log.error(
          { ...edge.at, path: `${edge.at.path}.polarity` },
          `${JSON.stringify(polarityText)}: ${POLARITY_HELP}`,
          polarityText,
        );
      const weightText = over(attrs.weight, span);
      const weight =
        weightText !== undefined && Number.isFinite(Number(weightText))
          ? Number(weightText)
          : edge.weight;
      const piece: Piece = { edge, id: '', span, kindText, polarity, weight };
      if (previous && sameSignature(previous, piece)) {
        if (span.until === undefined) delete previous.span.until;
        else previous.span = { ...previous.span, until: span.until };
        continue;
      }
      pieces.push(piece);
      previous = piece;
    }
  }
  return pieces;
}

/**
 * Relations from the edges, kinds resolved by the rules of docs/FORMATS.md
 * (kind attribute, polarity, signed weight, else contact), the kinds to
 * declare, and where each came from. Edges to unknown nodes are errors;
 * self-loops are left out with a warning.
 */
export function relationsFromEdges(
  graph: GexfGraph,
  nodeIds: ReadonlySet<string>,
  log: ProblemLog,
): GexfRelations {
  const attrs = kindAttrs(graph);
  const ids = idMaker(graph.edges);
  const selfLoops: string[] = [];
  const pieces: Piece[] = [];

  graph.edges.forEach((edge, index) => {
    const base = ids.base(edge, index);
    const at = (rest: string): Location => ({ ...edge.at, path: `${edge.at.path}${rest}` });
    let ok = true;
    for (const end of ['source', 'target'] as const) {
      const ref = edge[end];
      if (ref === undefined) {
        log.error(at(`.${end}`), `an edge needs a ${end}`);
        ok = false;
      } else if (!nodeIds.has(ref)) {
        log.error(at(`.${end}`), `refers to node "${ref}", which is not among the nodes`, ref);
        ok = false;
      }
    }
    if (!ok) return;
    if (edge.source === edge.target) {
      selfLoops.push(base);
      return;
    }
    let n = 0;
    for (const piece of piecesOf(edge, attrs, log)) {
      piece.id = ids.piece(base, ++n);
      pieces.push(piece);
    }
  });

  if (selfLoops.length > 0)
    log.warn(
      graph.edges.find((e) => e.source !== undefined && e.source === e.target)!.at,
      `${plural(selfLoops.length, 'edge')} from a node to itself left out (${listSome(selfLoops)}): a relation needs two different actors`,
    );

  const uses: KindUse[] = pieces.flatMap((p) =>
    p.kindText === undefined
      ? []
      : [
          {
            kind: p.kindText,
            polarity: p.polarity,
            directed: p.edge.directed,
            at: { ...p.edge.at, path: `${p.edge.at.path}.kind` },
          },
        ],
  );
  const kinds = resolveKinds(uses, log);
  const unmapped: Piece[] = [];
  const unresolved = new Map<string, Piece>();

  const relations: Relation[] = [];
  const origins: Origin[] = [];
  for (const p of pieces) {
    const values = new ItemValues(graph.edgeAttrs, p.edge.attrs, p.span);
    let kind: string;
    let xmlKindLine: string | undefined;
    if (p.kindText !== undefined && !kinds.unresolved.has(p.kindText)) {
      kind = p.kindText;
      values.take(attrs.kind);
    } else {
      if (p.kindText !== undefined && !unresolved.has(p.kindText)) unresolved.set(p.kindText, p);
      // A kind attribute's value reaches the note by itself; the XML `kind` needs a line.
      if (p.kindText !== undefined && values.peek(attrs.kind)?.trim() !== p.kindText)
        xmlKindLine = `kind: ${p.kindText}`;
      if (p.polarity !== undefined) kind = KIND_FOR_POLARITY[p.polarity];
      else if (attrs.signedWeights && p.weight !== undefined) {
        kind = KIND_FOR_POLARITY[p.weight > 0 ? 'positive' : p.weight < 0 ? 'negative' : 'neutral'];
        values.take(attrs.weight);
      } else {
        kind = KIND_FOR_POLARITY.neutral;
        if (p.kindText === undefined) unmapped.push(p);
      }
    }
    if (p.polarity !== undefined) values.take(attrs.polarity);
    relations.push(
      buildRelation(
        p,
        kind,
        kinds.directedOf(kind),
        values,
        graph.edgeAttrs,
        attrs,
        log,
        xmlKindLine,
      ),
    );
    origins.push((rest) => ({ ...p.edge.at, path: `${p.edge.at.path}${rest}` }));
  }

  if (unresolved.size > 0)
    log.warn(
      { ...[...unresolved.values()][0]!.edge.at },
      `${plural(unresolved.size, 'kind')} not built in and without a polarity in the file (${listSome([...unresolved.keys()].map((k) => `"${k}"`))}): read by the rules that follow (polarity, signed weight, else "contact"), the original value kept in the note`,
    );
  if (unmapped.length > 0)
    log.warn(
      unmapped[0]!.edge.at,
      `${plural(unmapped.length, 'relation')} without a kind, polarity or signed weight: read as "contact" (neutral)`,
    );

  const kindOrigins = kinds.declared.map((k): Origin => {
    const p = pieces.find((x) => x.kindText === k.id)!;
    return () => ({ ...p.edge.at, path: `${p.edge.at.path}.kind` });
  });
  return { relations, origins, relationKinds: kinds.declared, kindOrigins };
}

/**
 * `basis`, `date_basis` and `reference` (docs/FORMATS.md, "Basis"). Another
 * tool's attribute of the same name may mean something else, so a value that
 * is not a basis stays in the note (one warning) rather than failing the file.
 */
function readBasis(
  r: Relation,
  values: ItemValues,
  decls: readonly AttrDecl[],
  at: Location,
  log: ProblemLog,
): void {
  for (const [field, key] of [
    ['basis', 'basis'],
    ['dateBasis', 'date_basis'],
  ] as const) {
    const decl = ItemValues.find(decls, key);
    const text = values.take(decl)?.trim();
    if (text === undefined || text === '') continue;
    if (text === 'quote' || text === 'history') r[field] = text;
    else {
      values.untake(decl);
      log.warnOnce(
        key,
        { ...at, path: `${at.path}.${key}` },
        `a ${key} must be "quote" or "history"; other values are kept in the note`,
        text,
      );
    }
  }
  const reference = values.take(ItemValues.find(decls, 'reference', 'history_reference'));
  if (reference !== undefined && reference !== '')
    r.reference = clip(reference, 1000, 'reference', at, log);
}

function buildRelation(
  p: Piece,
  kind: string,
  kindDirected: boolean,
  values: ItemValues,
  decls: readonly AttrDecl[],
  attrs: KindAttrs,
  log: ProblemLog,
  extraLine: string | undefined,
): Relation {
  const at = p.edge.at;
  const find = (...keys: string[]) => ItemValues.find(decls, ...keys);
  const r: Relation = {
    id: p.id,
    source: p.edge.source!,
    target: p.edge.target!,
    kind,
    evidence: [],
  };
  if (p.edge.directed !== kindDirected) r.directed = p.edge.directed;

  const fromDecl = find('from');
  const untilDecl = find('until');
  const from = preciseBound(values.peek(fromDecl), p.span.from, 'from') ?? p.span.from;
  const until = preciseBound(values.peek(untilDecl), p.span.until, 'until') ?? p.span.until;
  if (from !== undefined) {
    r.from = from;
    if (from === values.peek(fromDecl)?.trim()) values.take(fromDecl);
  }
  if (until !== undefined) {
    r.until = until;
    if (until === values.peek(untilDecl)?.trim()) values.take(untilDecl);
  }

  const strengthDecl = find('strength');
  const strengthText = values.take(strengthDecl);
  if (strengthText !== undefined) {
    const s = Number(strengthText);
    if (strengthText.trim() !== '' && s >= 0 && s <= 1) r.strength = s;
    else {
      values.untake(strengthDecl);
      log.warnOnce(
        'strength',
        { ...at, path: `${at.path}.strength` },
        'a strength must be a number between 0 and 1; other values are kept in the note',
        strengthText,
      );
    }
  }

  const label = values.take(find('label')) ?? p.edge.label;
  if (label !== undefined && label !== '') r.label = clip(label, 500, 'label', at, log);
  readBasis(r, values, decls, at, log);

  const groups = new Map<number, EvidenceDraft>();
  for (const decl of decls) {
    const ev = evidenceField(decl.key);
    if (!ev) continue;
    const text = values.take(decl);
    if (text === undefined) continue;
    const draft = groups.get(ev.group) ?? {
      group: ev.group,
      at: (field) => ({
        ...at,
        path: `${at.path}.${field === 'quote' ? 'quote' : `evidence_${field}`}${ev.group > 1 ? `_${ev.group}` : ''}`,
      }),
    };
    draft[ev.field] = ev.field === 'source' ? text.trim() : text;
    groups.set(ev.group, draft);
  }
  r.evidence = collectEvidence([...groups.values()], log).evidence;

  // Weight: its sign was used, or it repeats `strength` (our export), or it is the default 1.
  const weightLine =
    p.edge.weight !== undefined &&
    p.edge.weight !== 1 &&
    !attrs.signedWeights &&
    strengthDecl === undefined
      ? `weight: ${p.edge.weight}`
      : undefined;
  const note = lines(values.take(find('note')), ...values.noteLines(), weightLine, extraLine);
  if (note !== undefined) r.note = clip(note, 5000, 'note', at, log);
  return r;
}
