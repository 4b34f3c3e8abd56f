/**
 * The edits a user makes, built from the current dataset, so the UI never
 * assembles index numbers itself. Every builder checks the item first with
 * the rules of import (`check.ts`): an invalid item is refused with its
 * problems, never turned into an edit. Items are stored as the schema parses
 * them (defaults filled in), exactly as an import would store them.
 */
import type { Problem } from '../problems';
import type { Dataset } from '../schema';
import { slugOf } from '../slug';
import { BUILTIN_ACTOR_TYPES, BUILTIN_RELATION_KINDS } from '../vocabulary';
import { ITEM_NOUNS, checkItem, hasErrors, idIndex, parseItem } from './check';
import { describeGroup } from './describe';
import type { Edit, EditableItems, EditableList, ItemEdit } from './edit';
import { sameValue } from './same';
import { storyStepEdits } from './storyFollow';

/** A builder's answer: the edit to apply, or why there is none (with the problems, when it is invalid). */
export type EditResult = { edit: Edit } | { refused: string; problems?: Problem[] };

/** Adds `item` at the end of `list`. */
export function addItem<L extends EditableList>(
  dataset: Dataset,
  list: L,
  item: EditableItems[L],
): EditResult {
  const checked = validItem(dataset, list, item);
  if ('refused' in checked) return checked;
  const items = dataset[list] as readonly unknown[];
  return { edit: { op: 'add', list, item: checked.item, index: items.length } as ItemEdit };
}

/**
 * Replaces the item `id` of `list` by `after`. When the id itself changes, the
 * edit is a group that also rewrites every reference to it (relation ends,
 * parents, event actors, evidence sources, the types and kinds actors and
 * relations use, and what story steps select, hide or quote), so nothing is
 * left pointing at the old id. When the evidence changes, story steps quoting
 * it follow in the same group (`storyFollow.ts`).
 */
export function updateItem<L extends EditableList>(
  dataset: Dataset,
  list: L,
  id: string,
  after: EditableItems[L],
): EditResult {
  const index = idIndex(dataset[list]).get(id);
  if (index === undefined) return { refused: `there is no ${ITEM_NOUNS[list]} “${id}”` };
  const checked = validItem(dataset, list, after, id);
  if ('refused' in checked) return checked;
  const before = dataset[list][index]!;
  if (sameValue(before, checked.item)) return { refused: 'nothing changed' };
  const main = { op: 'update', list, before, after: checked.item, index } as ItemEdit;
  // A change of evidence alone may still move or drop a story step's quote.
  if (checked.item.id === id) return { edit: groupOf(dataset, main, [], [main]) };
  const references = referenceUpdates(dataset, list, id, checked.item.id);
  return { edit: groupOf(dataset, main, references, [main, ...references]) };
}

/**
 * Removes the item `id` of `list`. An actor goes with its relations, leaves
 * the events that name it, and its children lose their parent; story steps
 * stop naming what went (`storyFollow.ts`); all in one group, one undo step. A source, actor type or relation kind that items still use is
 * refused, with how many use it: deleting it would leave them pointing at
 * nothing. (A dataset's own entry that overrides a built-in type or kind may go:
 * its users fall back to the built-in.)
 */
export function removeItem(dataset: Dataset, list: EditableList, id: string): EditResult {
  const items = dataset[list] as readonly EditableItems[EditableList][];
  const index = idIndex(items).get(id);
  if (index === undefined) return { refused: `there is no ${ITEM_NOUNS[list]} “${id}”` };
  const main = { op: 'remove', list, item: items[index]!, index } as ItemEdit;
  const inUse = usersPreventingRemoval(dataset, list, id);
  if (inUse) return { refused: inUse };
  const entailed = list === 'actors' ? actorRemovalEdits(dataset, id) : [];
  // The actor goes last: every step leaves a dataset whose references resolve.
  return { edit: groupOf(dataset, main, entailed, [...entailed, main]) };
}

/**
 * One undo step for `main` with the edits it entails (`ordered`: all of them, in the order
 * they apply) and the story steps that follow them; `main` alone when nothing follows.
 */
function groupOf(
  dataset: Dataset,
  main: ItemEdit,
  entailed: readonly ItemEdit[],
  ordered: readonly ItemEdit[],
): Edit {
  const steps = storyStepEdits(dataset, ordered);
  if (entailed.length === 0 && steps.length === 0) return main;
  return {
    op: 'group',
    label: describeGroup(main, entailed, dataset, steps),
    edits: ordered,
    ...(steps.length > 0 ? { steps } : {}),
  };
}

/**
 * A readable id for a new item of `list`, from its label (`slugOf`:
 * “Inter-Services Intelligence” → `inter-services-intelligence`), with `-2`,
 * `-3`… when taken. New types and kinds also avoid the built-in ids, which
 * they would silently override.
 */
export function newId(dataset: Dataset, list: EditableList, label: string): string {
  const base =
    slugOf(label, { joinHyphens: true }) || slugOf(ITEM_NOUNS[list], { joinHyphens: true });
  const taken = idIndex(dataset[list]);
  const builtIn =
    list === 'actorTypes'
      ? BUILTIN_ACTOR_TYPES
      : list === 'relationKinds'
        ? BUILTIN_RELATION_KINDS
        : [];
  const free = (id: string) => !taken.has(id) && !builtIn.some((x) => x.id === id);
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

/** The item as parsed by its schema, or a refusal naming its first error. */
function validItem<L extends EditableList>(
  dataset: Dataset,
  list: L,
  item: unknown,
  replacingId?: string,
): { item: EditableItems[L] } | { refused: string; problems: Problem[] } {
  const problems = checkItem(dataset, list, item, replacingId);
  if (!hasErrors(problems)) return { item: parseItem(list, item) };
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0]!;
  const where = first.path === '' ? '' : `${first.path}: `;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return {
    refused: `the ${ITEM_NOUNS[list]} was not saved: ${where}${first.message}${more}`,
    problems,
  };
}

/** Updates rewriting every reference to `oldId` (an item of `list`) as `newId`. */
function referenceUpdates(
  dataset: Dataset,
  list: EditableList,
  oldId: string,
  newId: string,
): ItemEdit[] {
  const swap = (id: string) => (id === oldId ? newId : id);
  const out: ItemEdit[] = [];
  const rewrite = <L extends EditableList>(
    target: L,
    uses: (item: EditableItems[L]) => boolean,
    rewritten: (item: EditableItems[L]) => EditableItems[L],
  ) => {
    (dataset[target] as unknown as readonly EditableItems[L][]).forEach((item, index) => {
      if (uses(item))
        out.push({
          op: 'update',
          list: target,
          before: item,
          after: rewritten(item),
          index,
        } as ItemEdit);
    });
  };
  const cites = (item: { evidence: { source: string }[] }) =>
    item.evidence.some((q) => q.source === oldId);
  const recite = <T extends { evidence: { source: string }[] }>(item: T): T => ({
    ...item,
    evidence: item.evidence.map((q) => ({ ...q, source: swap(q.source) })),
  });
  switch (list) {
    case 'actors':
      rewrite(
        'actors',
        (a) => a.parent === oldId,
        (a) => ({ ...a, parent: newId }),
      );
      rewrite(
        'relations',
        (r) => r.source === oldId || r.target === oldId,
        (r) => ({ ...r, source: swap(r.source), target: swap(r.target) }),
      );
      rewrite(
        'events',
        (e) => e.actors.includes(oldId),
        (e) => ({ ...e, actors: e.actors.map(swap) }),
      );
      break;
    case 'sources':
      rewrite('relations', cites, recite);
      rewrite('events', cites, recite);
      break;
    case 'actorTypes':
      rewrite(
        'actors',
        (a) => a.type === oldId,
        (a) => ({ ...a, type: newId }),
      );
      break;
    case 'relationKinds':
      rewrite(
        'relations',
        (r) => r.kind === oldId,
        (r) => ({ ...r, kind: newId }),
      );
      break;
    case 'relations':
    case 'events':
      break; // only story steps refer to them (`storyStepEdits`)
  }
  return out;
}

/** Why a source, type or kind cannot go (“used by 12 relations”), or null when it can. */
function usersPreventingRemoval(dataset: Dataset, list: EditableList, id: string): string | null {
  const users = (n: number, noun: string) => (n === 1 ? `1 ${noun}` : `${n} ${noun}s`);
  if (list === 'sources') {
    const cites = (item: { evidence: { source: string }[] }) =>
      item.evidence.some((q) => q.source === id);
    const r = dataset.relations.filter(cites).length;
    const e = dataset.events.filter(cites).length;
    const used = [r && users(r, 'relation'), e && users(e, 'event')].filter(Boolean).join(' and ');
    if (used) return `source “${id}” is quoted by ${used}: remove or move those quotes first`;
  }
  if (list === 'actorTypes' && !BUILTIN_ACTOR_TYPES.some((t) => t.id === id)) {
    const n = dataset.actors.filter((a) => a.type === id).length;
    if (n)
      return `actor type “${id}” is used by ${users(n, 'actor')}: give them another type first`;
  }
  if (list === 'relationKinds' && !BUILTIN_RELATION_KINDS.some((k) => k.id === id)) {
    const n = dataset.relations.filter((r) => r.kind === id).length;
    if (n)
      return `relation kind “${id}” is used by ${users(n, 'relation')}: give them another kind first`;
  }
  return null;
}

/**
 * What removing actor `id` entails: its relations removed (from the last, so
 * each recorded index is its index at that step and the undo re-adds them in
 * place), the events naming it updated, its children's parent cleared.
 */
function actorRemovalEdits(dataset: Dataset, id: string): ItemEdit[] {
  const out: ItemEdit[] = [];
  for (let index = dataset.relations.length - 1; index >= 0; index--) {
    const r = dataset.relations[index]!;
    if (r.source === id || r.target === id)
      out.push({ op: 'remove', list: 'relations', item: r, index });
  }
  dataset.events.forEach((e, index) => {
    if (e.actors.includes(id))
      out.push({
        op: 'update',
        list: 'events',
        before: e,
        after: { ...e, actors: e.actors.filter((a) => a !== id) },
        index,
      });
  });
  dataset.actors.forEach((a, index) => {
    if (a.parent !== id) return;
    const orphan = { ...a };
    delete orphan.parent;
    out.push({ op: 'update', list: 'actors', before: a, after: orphan, index });
  });
  return out;
}
