/**
 * The changelog: one line per edit, in plain words, naming items by their
 * label (not their id), e.g.
 *
 *   Added hostility “Pakistan – TTP” (2007-12 –)
 *   Changed relation “US – Pakistan”: until 2011 → 2011-05-02
 *   Deleted actor “ISI” and 4 relations
 *
 * Returned as plain text: the UI shows it as text, never as HTML.
 */
import { shorten } from '../problems';
import type { Dataset } from '../schema';
import { resolveVocabulary } from '../vocabulary';
import type { Edit, EditableItems, EditableList, ItemEdit, StepEdit } from './edit';
import { sameValue } from './same';
import { dropsQuote } from './storyFollow';

/** Longest piece of user text (a label, a note) a changelog line quotes. */
const QUOTED_CHARS = 60;

/**
 * One line describing `edit`, for the changelog; `datasetBefore` is the
 * dataset it applies to (it gives the labels of the actors a relation joins).
 * A group is described by its `label`, which the builders word when they make it.
 */
export function describeEdit(edit: Edit, datasetBefore: Dataset): string {
  if (edit.op === 'group') return edit.label;
  return describeItemEdit(edit, new Namer(datasetBefore));
}

/**
 * The label of a group built around one edit (`main`) with the edits it
 * entails (`entailed`) and the story steps that follow it (`storySteps`): a
 * deletion with what went with it, a change of id with the references
 * rewritten, a change of evidence with the story quotes it moved or dropped.
 */
export function describeGroup(
  main: ItemEdit,
  entailed: readonly ItemEdit[],
  datasetBefore: Dataset,
  storySteps: readonly StepEdit[] = [],
): string {
  const line = describeItemEdit(main, new Namer(datasetBefore));
  if (main.op === 'update' && main.before.id === main.after.id) {
    const lost = storySteps.filter(dropsQuote).length;
    const moved = count(storySteps.length - lost, 'story step');
    const also = [
      moved && `and the quote of ${moved}`,
      lost && `${count(lost, 'story step')} lost ${lost === 1 ? 'its quote' : 'their quotes'}`,
    ].filter(Boolean);
    return also.length ? `${line} (${also.join('; ')})` : line;
  }
  const steps = count(storySteps.length, 'story step');
  if (main.op === 'remove') {
    const removed = count(
      entailed.filter((e) => e.op === 'remove' && e.list === 'relations').length,
      'relation',
    );
    const events = entailed.filter((e) => e.list === 'events').length;
    const children = entailed.filter((e) => e.list === 'actors').length;
    const also = [
      events > 0 && `removed from ${count(events, 'event')}`,
      children > 0 && `no longer the parent of ${count(children, 'actor')}`,
      steps && `cleared from ${steps}`,
    ].filter(Boolean);
    return `${line}${removed ? ` and ${removed}` : ''}${also.length ? ` (${also.join('; ')})` : ''}`;
  }
  const references = count(entailed.length, 'reference');
  const also = [references && `${references} to it`, steps && `${steps} naming it`].filter(Boolean);
  return also.length ? `${line} (and ${also.join(', and ')})` : line;
}

function count(n: number, noun: string): string {
  return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeItemEdit(edit: ItemEdit, names: Namer): string {
  switch (edit.op) {
    case 'add':
      return `Added ${names.item(edit.list, edit.item, true)}`;
    case 'remove':
      return `Deleted ${names.item(edit.list, edit.item, true)}`;
    case 'update': {
      const changes = fieldChanges(edit.list, edit.before, edit.after, names);
      return `Changed ${names.item(edit.list, edit.before, false)}${changes ? `: ${changes}` : ''}`;
    }
  }
}

/** “until 2011 → 2011-05-02; kind hostility → tension”: each field that differs. */
function fieldChanges(
  list: EditableList,
  before: EditableItems[EditableList],
  after: EditableItems[EditableList],
  names: Namer,
): string {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => !sameValue(a[field], b[field]))
    .map((field) =>
      field === 'evidence'
        ? evidenceChange(a[field], b[field])
        : `${FIELD_NAMES[field] ?? field} ${names.value(list, field, a[field])} → ${names.value(list, field, b[field])}`,
    )
    .join('; ');
}

const FIELD_NAMES: Record<string, string> = {
  dateBasis: 'date basis',
  lineStyle: 'line style',
  color: 'colour',
};

type Quote = { source: string; quote: string };

/** “added quote “…”” / “removed 2 quotes” / “quote changed”: what happened to the evidence. */
function evidenceChange(before: unknown, after: unknown): string {
  const a = (before ?? []) as Quote[];
  const b = (after ?? []) as Quote[];
  const added = b.filter((q) => !a.some((p) => sameValue(p, q)));
  const removed = a.filter((q) => !b.some((p) => sameValue(p, q)));
  const parts: string[] = [];
  if (added.length === 1 && removed.length === 0)
    parts.push(`added quote ${quoted(added[0]!.quote)}`);
  else if (removed.length === 1 && added.length === 0)
    parts.push(`removed quote ${quoted(removed[0]!.quote)}`);
  else if (added.length > 0 && removed.length > 0 && added.length === removed.length)
    parts.push(
      added.length === 1
        ? `quote ${quoted(removed[0]!.quote)} changed`
        : `${added.length} quotes changed`,
    );
  else {
    if (added.length) parts.push(`added ${added.length} quotes`);
    if (removed.length) parts.push(`removed ${removed.length} quotes`);
  }
  return parts.length ? `evidence: ${parts.join(', ')}` : 'evidence reordered';
}

const quoted = (text: string) => `“${shorten(text, QUOTED_CHARS)}”`;

/** Names items and values as a reader knows them, from the dataset before the edit. */
class Namer {
  private readonly dataset: Dataset;
  private actorLabels: Map<string, string> | undefined;
  private readonly vocabulary;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.vocabulary = resolveVocabulary(dataset);
  }

  actor(id: string): string {
    this.actorLabels ??= new Map(this.dataset.actors.map((a) => [a.id, a.label]));
    return this.actorLabels.get(id) ?? id;
  }

  kind(id: string): string {
    return (this.vocabulary.relationKinds.get(id)?.label ?? id).toLowerCase();
  }

  type(id: string): string {
    return (this.vocabulary.actorTypes.get(id)?.label ?? id).toLowerCase();
  }

  /**
   * “actor “ISI””, “hostility “Pakistan – TTP” (2007-12 –)”; `full` adds the
   * dates and uses the kind's name for a relation (what an addition or deletion
   * needs to identify it; a change lists the fields instead).
   */
  item(list: EditableList, item: EditableItems[EditableList], full: boolean): string {
    switch (list) {
      case 'actors': {
        const a = item as EditableItems['actors'];
        return `actor ${quoted(a.label)}${full ? interval(a.from, a.until) : ''}`;
      }
      case 'relations': {
        const r = item as EditableItems['relations'];
        const pair = quoted(`${this.actor(r.source)} – ${this.actor(r.target)}`);
        return full
          ? `${this.kind(r.kind)} ${pair}${interval(r.from, r.until)}`
          : `relation ${pair}`;
      }
      case 'events': {
        const e = item as EditableItems['events'];
        return `event ${quoted(e.title)}${full ? ` (${e.date})` : ''}`;
      }
      case 'sources':
        return `source ${quoted((item as EditableItems['sources']).title)}`;
      case 'actorTypes':
        return `actor type ${quoted((item as EditableItems['actorTypes']).label)}`;
      case 'relationKinds':
        return `relation kind ${quoted((item as EditableItems['relationKinds']).label)}`;
    }
  }

  /** A field's value as the changelog shows it; references by label, absent as “(none)”. */
  value(list: EditableList, field: string, value: unknown): string {
    if (value === undefined) return '(none)';
    const actorField =
      (list === 'relations' && (field === 'source' || field === 'target')) ||
      (list === 'actors' && field === 'parent') ||
      (list === 'events' && field === 'actors');
    if (actorField)
      return Array.isArray(value)
        ? value.map((id: string) => quoted(this.actor(id))).join(', ') || '(none)'
        : quoted(this.actor(String(value)));
    if (list === 'relations' && field === 'kind') return this.kind(String(value));
    if (list === 'actors' && field === 'type') return this.type(String(value));
    if (Array.isArray(value)) return value.map((v) => quoted(String(v))).join(', ') || '(none)';
    if (typeof value === 'string' && !DATE_FIELDS.has(field) && field !== 'id')
      return quoted(value);
    return String(value);
  }
}

const DATE_FIELDS = new Set(['from', 'until', 'date']);

/** “ (2007-12 –)”, “ (– 2011)”, “ (1994 – 2001)”; nothing for an item without dates. */
function interval(from: string | undefined, until: string | undefined): string {
  if (from === undefined && until === undefined) return '';
  return ` (${[from, '–', until].filter((x) => x !== undefined).join(' ')})`;
}
