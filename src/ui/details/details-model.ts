/**
 * Pure helpers behind the details panel: how periods read, an actor's
 * relations in history order, and the day-dependent keys the panel
 * subscribes to (strings and booleans that only change when what the panel
 * shows changes, so playback does not re-render it every frame).
 */
import { endDay, humanDate, startDay, type TimeKind } from '../../core/dates';
import { asSpan, type TimeSpan } from '../../core/temporal';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Actor, EventItem, Relation } from '../../core/schema';
import type { ResolvedRelationKind } from '../../core/vocabulary';

/**
 * A period at the precision each end was written with: "1994 – 2001",
 * "since 1994", "until 26 December 1991", or '' when neither end is known.
 */
export function periodText(
  from: string | undefined,
  until: string | undefined,
  kind: TimeKind = 'calendar',
): string {
  const date = (text: string) => humanDate(text, kind);
  if (from !== undefined && until !== undefined) return `${date(from)} – ${date(until)}`;
  if (from !== undefined) return `since ${date(from)}`;
  if (until !== undefined) return `until ${date(until)}`;
  return '';
}

/** A date for `<time dateTime>`: only calendar dates are dates to a machine either. */
export const calendarOnly = (iso: string, kind: TimeKind): string | undefined =>
  kind === 'numeric' ? undefined : iso;

/** One relation as seen from one of its actors. */
export interface RelationEntry {
  relation: Relation;
  kind: ResolvedRelationKind | undefined;
  /** The other actor (the actor itself for a self-relation). */
  counterpart: string;
  /** The relation points from this actor to the counterpart (meaningful when directed). */
  outgoing: boolean;
  directed: boolean;
  start: number;
  end: number;
}

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

export function isDirected(model: ExplorerModel, relation: Relation): boolean {
  return relation.directed ?? model.vocabulary.relationKinds.get(relation.kind)?.directed ?? false;
}

/** "→" or "←" for directed relations seen from one end, "–" otherwise. */
export function arrowOf(entry: Pick<RelationEntry, 'directed' | 'outgoing'>): string {
  if (!entry.directed) return '–';
  return entry.outgoing ? '→' : '←';
}

/**
 * Every relation of an actor, oldest first: by start (undated starts first),
 * then by end (ongoing last), then kind and counterpart labels, then id, so
 * the order is the same on every render and every machine.
 */
export function relationHistory(model: ExplorerModel, actorId: string): RelationEntry[] {
  const label = (id: string) => model.actorsById.get(id)?.label ?? id;
  const entries: RelationEntry[] = [];
  for (const relation of model.dataset.relations) {
    if (relation.source !== actorId && relation.target !== actorId) continue;
    const outgoing = relation.source === actorId;
    entries.push({
      relation,
      kind: model.vocabulary.relationKinds.get(relation.kind),
      counterpart: outgoing ? relation.target : relation.source,
      outgoing,
      directed: isDirected(model, relation),
      start: startDay(relation.from),
      end: endDay(relation.until),
    });
  }
  return entries.sort(
    (a, b) =>
      cmp(a.start, b.start) ||
      cmp(a.end, b.end) ||
      (a.kind?.label ?? a.relation.kind).localeCompare(b.kind?.label ?? b.relation.kind) ||
      label(a.counterpart).localeCompare(label(b.counterpart)) ||
      cmp(a.relation.id, b.relation.id),
  );
}

/** Actors whose parent is `actorId`, by label. */
export function membersOf(model: ExplorerModel, actorId: string): Actor[] {
  return model.dataset.actors
    .filter((a) => a.parent === actorId)
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Events an actor takes part in, in date order (as the temporal index orders them). */
export function eventsOf(model: ExplorerModel, actorId: string): EventItem[] {
  const out: EventItem[] = [];
  for (const { id } of model.index.events) {
    const event = model.eventsById.get(id);
    if (event?.actors.includes(actorId)) out.push(event);
  }
  return out;
}

/**
 * Ids of an actor's relations active at `day` (or at any time in a span: the time window),
 * sorted and joined: equal strings mean nothing changed.
 */
export function activeRelationKey(
  model: ExplorerModel,
  actorId: string,
  day: number | TimeSpan,
): string {
  const ids: string[] = [];
  const span = asSpan(day);
  model.union.forEachRelationOf(actorId, (edge) => {
    const i = model.relationIndex.get(edge);
    if (i !== undefined && model.index.relationActiveDuring(i, span)) ids.push(edge);
  });
  return ids.sort().join('\n');
}

/** Splits a key from {@link activeRelationKey} back into a set. */
export function keySet(key: string): ReadonlySet<string> {
  return new Set(key === '' ? [] : key.split('\n'));
}

// Actor lifetimes parsed once per actor object, since selectors run every frame.
const lifetimes = new WeakMap<Actor, readonly [number, number]>();

/** Whether an actor exists at `day`, or at some time in a span (undated ends are open). */
export function actorAlive(actor: Actor, day: number | TimeSpan): boolean {
  let life = lifetimes.get(actor);
  if (!life) {
    life = [startDay(actor.from), endDay(actor.until)];
    lifetimes.set(actor, life);
  }
  const { from, until } = asSpan(day);
  return life[0] < life[1] && life[0] < until && from < life[1];
}

/** The URL to link a source to, only for http(s): a dataset must not smuggle `javascript:` links. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
