/**
 * The structure of a GEXF document (1.1draft, 1.2draft, 1.3), read from the
 * XML tree into plain records with every time value already turned into an
 * ISO date: nodes flattened with their parent, edges, attribute declarations,
 * attribute values with their intervals, spells (or 1.1's slices), and where
 * each came from. Mapping to a dataset is `gexf-import.ts`'s job.
 */
import { humanDate, toDay, type TimeKind } from '../dates';
import type { Location, ProblemLog } from './import-result';
import { parseIntervalList, readTime, timeFormatOf } from './gexf-time';
import { normaliseName } from './names';
import { splitPipeList } from './pipe-list';
import { childrenNamed, type XmlElement } from './xml-read';

/** An interval as ISO dates; an absent end is open. */
export interface Span {
  from?: string;
  until?: string;
}

export interface AttrDecl {
  id: string;
  title: string;
  /** The title normalised for matching (`kind`, `evidence_source_2`…). */
  key: string;
  type: string;
  default?: string;
  /** Values listed in `<options>` (split like a pipe list). */
  options?: string[];
}

export interface TimedValue extends Span {
  value: string;
}

/** The values one element has for one attribute (defaults not included). */
export interface AttrValues {
  decl: AttrDecl;
  values: TimedValue[];
}

interface Item {
  id?: string;
  label?: string;
  /** The element's intervals; empty when it has no time (always present). */
  spans: Span[];
  attrs: Map<AttrDecl, AttrValues>;
  at: Location;
}

export interface GexfNode extends Item {
  parent?: string;
  /** Further parents of a phylogeny node (`<parents>`), which an actor cannot have. */
  otherParents: string[];
}

export interface GexfEdge extends Item {
  source?: string;
  target?: string;
  directed: boolean;
  /** The XML `kind` attribute (GEXF 1.2+). */
  kind?: string;
  weight?: number;
}

export interface GexfGraph {
  nodeAttrs: AttrDecl[];
  edgeAttrs: AttrDecl[];
  nodes: GexfNode[];
  edges: GexfEdge[];
  period?: Span;
  periodAt: Location;
  /** `numeric` when the file's time values were numbers (see gexf-time.ts). */
  timeKind: TimeKind;
  description?: string;
}

const TIMESTAMP_REFUSAL =
  'is not supported: Allegiance relations and lifetimes are intervals, and a timestamp has no end; write start/end or spells instead';

/** Reads the document; undefined when its structure is too broken to go on (errors logged). */
export function readGexf(root: XmlElement, file: string, log: ProblemLog): GexfGraph | undefined {
  const loc = (el: XmlElement, path: string): Location => ({
    file,
    path,
    ...(el.line !== undefined ? { line: el.line, column: el.column } : {}),
  });
  if (root.name !== 'gexf') {
    log.error(
      loc(root, ''),
      `the root element is <${root.name}>, not <gexf>: this is not a GEXF file`,
    );
    return undefined;
  }
  const version = root.attrs.version;
  if (version !== undefined && !/^1\.[0-3]/.test(version.trim()))
    log.warn(
      loc(root, 'gexf.version'),
      `GEXF version ${version} is not one this reader knows (1.1 to 1.3); it is read as 1.3`,
      version,
    );
  const graphs = childrenNamed(root, 'graph');
  const graph = graphs[0];
  if (!graph || graphs.length > 1) {
    log.error(loc(root, 'gexf'), `a GEXF file has one <graph>; this one has ${graphs.length}`);
    return undefined;
  }

  // Time format, and refusal of timestamps.
  const g = graph.attrs;
  const formatName = g.timeformat ?? g.timetype;
  const format = timeFormatOf(formatName);
  if (format === undefined) {
    log.error(
      loc(graph, 'graph.timeformat'),
      'is not a GEXF time format (integer, double, date or dateTime)',
      formatName,
    );
    return undefined;
  }
  const timestamps: Location[] = [];
  if (g.timerepresentation?.trim() === 'timestamp' || g.timestamp !== undefined)
    timestamps.push(loc(graph, 'graph.timerepresentation'));

  /** Set when a time value was a number: the dataset then shows numbers, not dates. */
  let numericTime = false;
  const time = (raw: string | undefined, at: Location): string | undefined => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const read = readTime(raw, format);
    if ('error' in read) {
      log.error(at, `${JSON.stringify(raw)} ${read.error}`, raw);
      return undefined;
    }
    if (read.lossy === 'time-of-day')
      log.warnOnce(
        'time-of-day',
        at,
        'times of day are dropped: Allegiance dates are days (timeformat "dateTime" read at day precision)',
      );
    if (read.numeric) numericTime = true;
    if (read.lossy === 'fraction')
      log.warnOnce(
        'fraction',
        at,
        `numeric time is kept to 1/365 of a unit: ${raw.trim()} reads as ${humanDate(read.iso, 'numeric')}`,
      );
    return read.iso;
  };
  const hasBounds = (el: XmlElement) =>
    ['start', 'end', 'startopen', 'endopen'].some((k) => el.attrs[k] !== undefined);
  /**
   * start/end (or startopen/endopen: at day precision an open bound differs
   * by an instant only) of an element; `{}` without bounds, null when a bound
   * is wrong (logged). Timestamps are refused.
   */
  const bounds = (el: XmlElement, path: string): Span | null => {
    const a = el.attrs;
    if (a.timestamp !== undefined || a.timestamps !== undefined)
      timestamps.push(loc(el, `${path}.timestamp`));
    const startKey = a.start !== undefined ? 'start' : 'startopen';
    const endKey = a.end !== undefined ? 'end' : 'endopen';
    const span: Span = {};
    const from = time(a[startKey], loc(el, `${path}.${startKey}`));
    const until = time(a[endKey], loc(el, `${path}.${endKey}`));
    if ((a[startKey]?.trim() && from === undefined) || (a[endKey]?.trim() && until === undefined))
      return null;
    if (from !== undefined) span.from = from;
    if (until !== undefined) span.until = until;
    if (from !== undefined && until !== undefined && toDay(from) > toDay(until)) {
      log.error(
        loc(el, `${path}.${endKey}`),
        `ends (${until}) before it starts (${from})`,
        a[endKey],
      );
      return null;
    }
    return span;
  };
  /** Spells (or slices), else the `intervals` attribute, else start/end; [] for no time. */
  const spansOf = (el: XmlElement, path: string): Span[] => {
    const spells = [
      ...childrenNamed(el, 'spells').flatMap((s) => childrenNamed(s, 'spell')),
      ...childrenNamed(el, 'slices').flatMap((s) => childrenNamed(s, 'slice')),
    ];
    if (spells.length > 0) {
      if (hasBounds(el))
        log.warnOnce(
          'spells-and-bounds',
          loc(el, path),
          'has both start/end and spells; the spells are used',
        );
      return spells.flatMap((s, k) => bounds(s, `${path}.${s.name}[${k}]`) ?? []);
    }
    if (el.attrs.intervals !== undefined) {
      const list = parseIntervalList(el.attrs.intervals);
      if (!list) {
        log.error(
          loc(el, `${path}.intervals`),
          'is not a list of intervals like "[2009-01-01, 2009-01-15]; [2009-01-30, 2009-02-01]"',
          el.attrs.intervals,
        );
        return [];
      }
      return list.flatMap((iv, k) => {
        const at = loc(el, `${path}.intervals[${k}]`);
        const span: Span = {};
        const from = time(iv.start, at);
        const until = time(iv.end, at);
        if (from !== undefined) span.from = from;
        if (until !== undefined) span.until = until;
        if (from !== undefined && until !== undefined && toDay(from) > toDay(until)) {
          log.error(at, `ends (${until}) before it starts (${from})`, iv.end);
          return [];
        }
        return [span];
      });
    }
    if (!hasBounds(el)) {
      bounds(el, path); // still refuses timestamps
      return [];
    }
    const own = bounds(el, path);
    return own ? [own] : [];
  };

  // Attribute declarations, per class (ids are only unique within a class).
  const decls = { node: new Map<string, AttrDecl>(), edge: new Map<string, AttrDecl>() };
  childrenNamed(graph, 'attributes').forEach((group, i) => {
    const cls = group.attrs.class?.trim() === 'edge' ? 'edge' : 'node';
    childrenNamed(group, 'attribute').forEach((a, j) => {
      const id = a.attrs.id ?? a.attrs.title;
      if (id === undefined) {
        log.error(loc(a, `attributes[${i}].attribute[${j}]`), 'an attribute needs an id');
        return;
      }
      const title = a.attrs.title ?? id;
      const dflt = childrenNamed(a, 'default')[0]?.text;
      const options = childrenNamed(a, 'options')[0]?.text;
      decls[cls].set(id, {
        id,
        title,
        key: normaliseName(title),
        type: a.attrs.type ?? 'string',
        ...(dflt !== undefined && dflt !== '' ? { default: dflt } : {}),
        ...(options !== undefined ? { options: splitPipeList(options.trim()) } : {}),
      });
    });
  });

  const attvaluesOf = (el: XmlElement, path: string, cls: 'node' | 'edge') => {
    const out = new Map<AttrDecl, AttrValues>();
    childrenNamed(el, 'attvalues')
      .flatMap((s) => childrenNamed(s, 'attvalue'))
      .forEach((v, k) => {
        const p = `${path}.attvalue[${k}]`;
        const ref = v.attrs.for ?? v.attrs.id;
        const value = v.attrs.value;
        if (ref === undefined || value === undefined || value === '') return;
        let decl = decls[cls].get(ref) ?? [...decls[cls].values()].find((d) => d.title === ref);
        if (!decl) {
          log.warnOnce(
            `undeclared-${cls}-${ref}`,
            loc(v, `${p}.for`),
            `refers to a ${cls} attribute "${ref}" that <attributes class="${cls}"> does not declare; its values are kept under that name`,
            ref,
          );
          decl = { id: ref, title: ref, key: normaliseName(ref), type: 'string' };
          decls[cls].set(ref, decl);
        }
        const span = bounds(v, p);
        if (span === null) return;
        const entry = out.get(decl) ?? { decl, values: [] };
        entry.values.push({ value, ...span });
        out.set(decl, entry);
      });
    return out;
  };

  const nodes: GexfNode[] = [];
  const edges: GexfEdge[] = [];
  const defaultDirected = g.defaultedgetype?.trim() === 'directed';

  const readEdge = (el: XmlElement, path: string) => {
    const a = el.attrs;
    const type = a.type?.trim();
    if (type !== undefined && !['directed', 'undirected', 'mutual'].includes(type))
      log.warn(
        loc(el, `${path}.type`),
        'is not directed, undirected or mutual; the default edge type is used',
        type,
      );
    let weight: number | undefined;
    if (a.weight !== undefined && a.weight.trim() !== '') {
      weight = Number(a.weight);
      if (!Number.isFinite(weight)) {
        log.error(
          loc(el, `${path}.weight`),
          `${JSON.stringify(a.weight)} is not a number`,
          a.weight,
        );
        weight = undefined;
      }
    }
    edges.push({
      id: a.id,
      label: a.label,
      source: a.source,
      target: a.target,
      directed:
        type === 'directed' || (type !== 'undirected' && type !== 'mutual' && defaultDirected),
      ...(a.kind !== undefined && a.kind.trim() !== '' ? { kind: a.kind.trim() } : {}),
      ...(weight !== undefined ? { weight } : {}),
      spans: spansOf(el, path),
      attrs: attvaluesOf(el, path, 'edge'),
      at: loc(el, path),
    });
  };
  const readEdges = (container: XmlElement, path: string) =>
    childrenNamed(container, 'edges').forEach((list, i, all) =>
      childrenNamed(list, 'edge').forEach((e, j) =>
        readEdge(e, `${path}${all.length > 1 ? `[${i}]` : ''}[${j}]`),
      ),
    );
  const readNodes = (container: XmlElement, path: string, parent: string | undefined) =>
    childrenNamed(container, 'nodes').forEach((list, i, all) =>
      childrenNamed(list, 'node').forEach((el, j) => {
        const p = `${path}${all.length > 1 ? `[${i}]` : ''}[${j}]`;
        const parents = childrenNamed(el, 'parents')
          .flatMap((ps) => childrenNamed(ps, 'parent'))
          .map((x) => x.attrs.for)
          .filter((x): x is string => x !== undefined);
        const structural = parent ?? el.attrs.pid ?? parents[0];
        nodes.push({
          id: el.attrs.id,
          label: el.attrs.label,
          ...(structural !== undefined ? { parent: structural } : {}),
          otherParents: (parent ?? el.attrs.pid) ? parents : parents.slice(1),
          spans: spansOf(el, p),
          attrs: attvaluesOf(el, p, 'node'),
          at: loc(el, p),
        });
        readNodes(el, `${p}.nodes`, el.attrs.id);
        readEdges(el, `${p}.edges`);
      }),
    );
  readNodes(graph, 'nodes', undefined);
  readEdges(graph, 'edges');

  if (timestamps.length > 0)
    log.error(
      timestamps[0]!,
      `timestamps ${TIMESTAMP_REFUSAL}${timestamps.length > 1 ? ` (${timestamps.length} elements use them)` : ''}`,
    );

  const periodAt = loc(graph, 'graph');
  const period = hasBounds(graph) ? bounds(graph, 'graph') : null;
  const description = childrenNamed(root, 'meta')
    .flatMap((m) => childrenNamed(m, 'description'))[0]
    ?.text.trim();
  return {
    nodeAttrs: [...decls.node.values()],
    edgeAttrs: [...decls.edge.values()],
    nodes,
    edges,
    ...(period ? { period } : {}),
    periodAt,
    timeKind: numericTime ? 'numeric' : 'calendar',
    ...(description ? { description } : {}),
  };
}
