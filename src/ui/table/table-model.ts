/**
 * Pure helpers behind the relation table: which active relations pass the
 * same filters as the graph, the rows they make, and how rows sort.
 */
import { endDay, startDay } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { asSpan, type TimeSpan } from '../../core/temporal';
import type { Relation } from '../../core/schema';
import type { ResolvedActorType, ResolvedRelationKind } from '../../core/vocabulary';

/**
 * Ids of relations active at `day` (or at any time in a span: the time window), sorted and
 * joined: equal strings mean the same set.
 */
export function activeRelationsKey(model: ExplorerModel, day: number | TimeSpan): string {
  return model.index.stateDuring(asSpan(day)).relations.sort().join('\n');
}

export interface TableFilter {
  hiddenTypes: readonly string[];
  hiddenKinds: readonly string[];
  /** With "only the neighbourhood" on: the selected actor. */
  focusActor: string | null;
}

/**
 * The active relations the graph draws under a filter, in the adapter's
 * terms: a relation is drawn when its kind is shown and both its actors are;
 * with a focus actor only it and its counterparts at this date are shown.
 */
export function visibleRelations(
  model: ExplorerModel,
  activeIds: readonly string[],
  filter: TableFilter,
): Relation[] {
  const active = activeIds
    .map((id) => model.relationsById.get(id))
    .filter((r): r is Relation => r !== undefined);
  let near: Set<string> | null = null;
  if (filter.focusActor !== null) {
    const focus = filter.focusActor;
    near = new Set([focus]);
    for (const r of active) {
      if (r.source === focus) near.add(r.target);
      if (r.target === focus) near.add(r.source);
    }
  }
  const shown = (actorId: string) => {
    const type = model.actorsById.get(actorId)?.type;
    return (
      (type === undefined || !filter.hiddenTypes.includes(type)) &&
      (near === null || near.has(actorId))
    );
  };
  return active.filter(
    (r) => !filter.hiddenKinds.includes(r.kind) && shown(r.source) && shown(r.target),
  );
}

export interface Row {
  id: string;
  source: string;
  sourceLabel: string;
  sourceType: ResolvedActorType | undefined;
  target: string;
  targetLabel: string;
  targetType: ResolvedActorType | undefined;
  kind: ResolvedRelationKind | undefined;
  kindLabel: string;
  directed: boolean;
  from: string | undefined;
  until: string | undefined;
  start: number;
  end: number;
  evidenceCount: number;
  firstQuote: string | undefined;
}

export function toRow(model: ExplorerModel, r: Relation): Row {
  const kind = model.vocabulary.relationKinds.get(r.kind);
  const actor = (id: string) => model.actorsById.get(id);
  const typeOf = (id: string) => {
    const t = actor(id)?.type;
    return t === undefined ? undefined : model.vocabulary.actorTypes.get(t);
  };
  return {
    id: r.id,
    source: r.source,
    sourceLabel: actor(r.source)?.label ?? r.source,
    sourceType: typeOf(r.source),
    target: r.target,
    targetLabel: actor(r.target)?.label ?? r.target,
    targetType: typeOf(r.target),
    kind,
    kindLabel: kind?.label ?? r.kind,
    directed: r.directed ?? kind?.directed ?? false,
    from: r.from,
    until: r.until,
    start: startDay(r.from),
    end: endDay(r.until),
    evidenceCount: r.evidence.length,
    firstQuote: r.evidence[0]?.quote,
  };
}

export type SortKey = 'source' | 'kind' | 'target' | 'from' | 'until' | 'evidence';
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: Sort = { key: 'source', direction: 'ascending' };

/** Clicking the sorted column reverses it; another column sorts ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'ascending' };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
// Open ends are ±Infinity; subtracting them would give NaN.
const num = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

const BY: Record<SortKey, (a: Row, b: Row) => number> = {
  source: (a, b) => collator.compare(a.sourceLabel, b.sourceLabel),
  kind: (a, b) => collator.compare(a.kindLabel, b.kindLabel),
  target: (a, b) => collator.compare(a.targetLabel, b.targetLabel),
  from: (a, b) => num(a.start, b.start),
  until: (a, b) => num(a.end, b.end),
  evidence: (a, b) => num(a.evidenceCount, b.evidenceCount),
};

/**
 * Rows sorted by a column; ties fall back to source, target, start and id
 * (always ascending) so equal keys keep a readable, stable order.
 */
export function sortRows(rows: readonly Row[], sort: Sort): Row[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const primary = BY[sort.key];
  return [...rows].sort(
    (a, b) =>
      sign * primary(a, b) ||
      BY.source(a, b) ||
      BY.target(a, b) ||
      BY.from(a, b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Shortens text to about `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // One character more, so a word that ends exactly at `max` is kept whole.
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
