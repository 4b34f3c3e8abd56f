/**
 * Validation as you type: the rules of import (`core/validate.ts`, the zod
 * schemas of `core/schema.ts`) applied to one item against the dataset it is
 * going into, as if it were already in place. Paths are relative to the item
 * (`until`, `evidence[0].quote`, `source`; '' for the item as a whole), so the
 * UI can show each message next to its field.
 *
 * A form calls this on every keystroke, so nothing here scans the dataset per
 * call: the id maps and lifetimes it needs are built once per list and cached
 * by the list's array (an edit to the relations leaves the actors' array, and
 * so their cache, as it was).
 */
import { problemValue, showValue, type Problem } from '../problems';
import {
  actorSchema,
  actorTypeSchema,
  eventSchema,
  relationKindSchema,
  relationSchema,
  sourceSchema,
  type Actor,
  type Dataset,
  type EventItem,
  type Relation,
} from '../schema';
import {
  actorLifetimes,
  actorParents,
  checkActor,
  checkEvent,
  checkParentCycle,
  checkRelation,
  issueProblems,
  lifetimeOf,
  validateDataset,
  type CrossContext,
  type IdLookup,
  type Report,
} from '../validate';
import { startDay, endDay, toDay } from '../dates';
import { BUILTIN_ACTOR_TYPES, BUILTIN_RELATION_KINDS } from '../vocabulary';
import type { EditableItems, EditableList } from './edit';

const ITEM_SCHEMAS = {
  actors: actorSchema,
  relations: relationSchema,
  events: eventSchema,
  sources: sourceSchema,
  actorTypes: actorTypeSchema,
  relationKinds: relationKindSchema,
} as const;

/** How an item of each list is named in messages. */
export const ITEM_NOUNS: Record<EditableList, string> = {
  actors: 'actor',
  relations: 'relation',
  events: 'event',
  sources: 'source',
  actorTypes: 'actor type',
  relationKinds: 'relation kind',
};

type Rec = Record<string, unknown>;
type Listed = readonly { id: string }[];

/**
 * The problems of `item` as a member of `list` in `dataset`: errors (the
 * schema's, a duplicate id, references that do not resolve, an interval that
 * ends before it starts, a parent cycle) and warnings (a relation or event
 * outside an actor's lifetime). `replacingId`: the id of the item it replaces
 * when an existing item is being edited (it may differ from `item.id` when the
 * id is being changed); absent for a new item.
 */
export function checkItem(
  dataset: Dataset,
  list: EditableList,
  item: unknown,
  replacingId?: string,
): Problem[] {
  const problems: Problem[] = [];
  const report =
    (severity: Problem['severity']): Report =>
    (path, message, value) =>
      problems.push({
        severity,
        path,
        message,
        ...(value !== undefined ? { value: problemValue(value) } : {}),
      });
  const error = report('error');
  const warn = report('warning');

  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    const noun = ITEM_NOUNS[list];
    error('', `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} must be an object`);
    return problems;
  }
  const parsed = ITEM_SCHEMAS[list].safeParse(item, { reportInput: true });
  if (!parsed.success)
    for (const issue of parsed.error.issues) problems.push(...issueProblems(issue));

  const rec = item as Rec;
  checkDuplicateId(dataset, list, rec, replacingId, error);
  const context = contextFor(dataset, list, rec, replacingId);
  if (list === 'actors') {
    checkActor(rec, '', context, error);
    checkParentCycle(rec, '', context, error);
    if (replacingId !== undefined) checkLifetimeHoldsItsItems(dataset, rec, replacingId, warn);
  } else if (list === 'relations') checkRelation(rec, '', context, error, warn);
  else if (list === 'events') checkEvent(rec, '', context, error, warn);
  return problems;
}

/** Whether any of the problems is an error (warnings do not stop an edit). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** The whole dataset's validation, as on import: a final guard before a save. */
export function checkDataset(dataset: Dataset): { errors: Problem[]; warnings: Problem[] } {
  const { errors, warnings } = validateDataset(dataset);
  return { errors, warnings };
}

function checkDuplicateId(
  dataset: Dataset,
  list: EditableList,
  item: Rec,
  replacingId: string | undefined,
  error: Report,
): void {
  if (typeof item.id !== 'string' || item.id === replacingId) return;
  const items: Listed = dataset[list];
  const at = idIndex(items).get(item.id);
  if (at === undefined) return;
  const holder = items[at] as { id: string; label?: string; title?: string };
  const name = holder.label ?? holder.title;
  error(
    'id',
    `duplicate id ${showValue(item.id)} (used by ${list}[${at}]${name ? ` ${showValue(name)}` : ''})`,
    item.id,
  );
}

/**
 * The cross-check context of `dataset` with `item` in place in `list`: in its
 * own list its id replaces `replacingId`, so a renamed actor cannot be its own
 * parent's parent under its old name.
 */
function contextFor(
  dataset: Dataset,
  list: EditableList,
  item: Rec,
  replacingId: string | undefined,
): CrossContext {
  const newId = typeof item.id === 'string' ? item.id : undefined;
  const ids = (own: EditableList, builtIn: readonly { id: string }[] = []): IdLookup => {
    const index = idIndex(dataset[own]);
    const builtIns = builtInIds(builtIn);
    if (own !== list) return { has: (id) => index.has(id) || builtIns.has(id) };
    return {
      has: (id) => id === newId || builtIns.has(id) || (id !== replacingId && index.has(id)),
    };
  };
  const parents = cached(parentCache, dataset.actors, () =>
    actorParents(dataset.actors as unknown as Rec[]),
  );
  const lifetimes = cached(lifetimeCache, dataset.actors, () =>
    actorLifetimes(dataset.actors as unknown as Rec[]),
  );
  const renamed = (id: string | undefined) =>
    id !== undefined && id === replacingId && newId !== undefined ? newId : id;
  const isActor = list === 'actors';
  return {
    sources: ids('sources'),
    types: ids('actorTypes', BUILTIN_ACTOR_TYPES),
    kinds: ids('relationKinds', BUILTIN_RELATION_KINDS),
    actors: ids('actors'),
    lifetimes: {
      get: (id) => (isActor && id === newId ? lifetimeOf(item) : lifetimes.get(id)),
    },
    parentOf: (id) => {
      if (isActor && id === newId)
        return typeof item.parent === 'string' && item.parent !== newId ? item.parent : undefined;
      if (isActor && id === replacingId) return undefined; // renamed: gone under this id
      return renamed(parents.get(id));
    },
  };
}

/**
 * Warnings on an edited actor's `from` or `until` when some of its relations
 * or events fall outside the lifetime it now has: import would warn about each
 * of them, and the user is changing the dates that cause it.
 */
function checkLifetimeHoldsItsItems(dataset: Dataset, actor: Rec, oldId: string, warn: Report) {
  const life = lifetimeOf(actor);
  if (life.from === -Infinity && life.until === Infinity) return;
  let before = 0;
  let after = 0;
  for (const k of itemsNaming(dataset, oldId).relations) {
    const r = dataset.relations[k]!;
    if (startDay(r.from) < life.from) before++;
    if (endDay(r.until) > life.until) after++;
  }
  for (const k of itemsNaming(dataset, oldId).events) {
    const day = toDay(dataset.events[k]!.date);
    if (day < life.from) before++;
    if (day >= life.until) after++;
  }
  const what = (n: number) => `${n} of its relations or events ${n === 1 ? 'is' : 'are'}`;
  if (before > 0) warn('from', `${what(before)} dated before this start`, actor.from);
  if (after > 0) warn('until', `${what(after)} dated after this end`, actor.until);
}

/** Positions of the relations and events that name an actor, from a cache built once per list. */
function itemsNaming(dataset: Dataset, actorId: string): { relations: number[]; events: number[] } {
  const relations = cached(relationsByActorCache, dataset.relations, () =>
    groupBy(dataset.relations, (r: Relation) => [r.source, r.target]),
  );
  const events = cached(eventsByActorCache, dataset.events, () =>
    groupBy(dataset.events, (e: EventItem) => e.actors),
  );
  return { relations: relations.get(actorId) ?? [], events: events.get(actorId) ?? [] };
}

function groupBy<T>(
  items: readonly T[],
  keys: (item: T) => readonly string[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((item, k) => {
    for (const key of new Set(keys(item))) {
      const list = out.get(key);
      if (list) list.push(k);
      else out.set(key, [k]);
    }
  });
  return out;
}

const idIndexCache = new WeakMap<Listed, Map<string, number>>();
const builtInCache = new WeakMap<readonly { id: string }[], Set<string>>();
const parentCache = new WeakMap<readonly Actor[], Map<string, string>>();
const lifetimeCache = new WeakMap<readonly Actor[], ReturnType<typeof actorLifetimes>>();
const relationsByActorCache = new WeakMap<readonly Relation[], Map<string, number[]>>();
const eventsByActorCache = new WeakMap<readonly EventItem[], Map<string, number[]>>();

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** Each id of a list and the position of its first item. */
export function idIndex(items: Listed): Map<string, number> {
  return cached(idIndexCache, items, () => {
    const index = new Map<string, number>();
    items.forEach((item, k) => {
      if (!index.has(item.id)) index.set(item.id, k);
    });
    return index;
  });
}

function builtInIds(items: readonly { id: string }[]): Set<string> {
  return cached(builtInCache, items, () => new Set(items.map((x) => x.id)));
}

/**
 * The item as its list's schema parses it (defaults filled in), without the
 * fields a form left `undefined` (a stored item has no such keys, as after an
 * import); throws when it is invalid.
 */
export function parseItem<L extends EditableList>(list: L, item: unknown): EditableItems[L] {
  return withoutUndefined(ITEM_SCHEMAS[list].parse(item)) as EditableItems[L];
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}
