/**
 * Stories follow the edits made to the items they name. A step names items
 * by id (its selection, the types and kinds its filters hide, the source its
 * quote cites); when an edit renames one of them the step is rewritten, and
 * when it deletes one the step stops naming it (a selection cleared, a hidden
 * type dropped from its filter, a quote whose source or evidence went
 * removed), so the story plays on without a stale reference. These changes ride in the same
 * edit (`Edit`'s `steps`), so one undo restores the items and the steps.
 */
import type { Dataset, Story, StoryStep } from '../schema';
import { quoteFinder } from '../story';
import { BUILTIN_ACTOR_TYPES, BUILTIN_RELATION_KINDS } from '../vocabulary';
import type { EditableList, ItemEdit, StepEdit, StepReferences } from './edit';
import { sameValue } from './same';

/** For each list a step can name, the ids an edit renames (old → new) and those it deletes. */
type Followed = Map<EditableList, { renamed: Map<string, string>; removed: Set<string> }>;

/**
 * The step edits that make `dataset.stories` follow `edits` (made to `dataset`): every step
 * naming an id they rename or delete, with its references before and after. A deleted actor
 * type or relation kind that is also built in still resolves (its users fall back to the
 * built-in), so a filter hiding it keeps it.
 */
export function storyStepEdits(dataset: Dataset, edits: readonly ItemEdit[]): StepEdit[] {
  const followed = followedIds(edits);
  if (followed.size === 0) return [];
  const quoteLost = quoteLoser(dataset, followed);
  const out: StepEdit[] = [];
  for (const story of dataset.stories ?? [])
    story.steps.forEach((step, index) => {
      const before = referencesOf(step);
      const after = followReferences(before, followed, quoteLost);
      if (!sameValue(before, after)) out.push({ story: story.id, step: index, before, after });
    });
  return out;
}

function followedIds(edits: readonly ItemEdit[]): Followed {
  const followed: Followed = new Map();
  const entry = (list: EditableList) => {
    let e = followed.get(list);
    if (!e) followed.set(list, (e = { renamed: new Map(), removed: new Set() }));
    return e;
  };
  for (const e of edits) {
    if (e.op === 'update' && e.before.id !== e.after.id)
      entry(e.list).renamed.set(e.before.id, e.after.id);
    else if (e.op === 'remove' && !builtIn(e.list, e.item.id)) entry(e.list).removed.add(e.item.id);
  }
  return followed;
}

function builtIn(list: EditableList, id: string): boolean {
  if (list === 'actorTypes') return BUILTIN_ACTOR_TYPES.some((t) => t.id === id);
  if (list === 'relationKinds') return BUILTIN_RELATION_KINDS.some((k) => k.id === id);
  return false;
}

const SELECTION_LIST = { actor: 'actors', relation: 'relations', event: 'events' } as const;

/**
 * Whether a quote a step shows is no longer found once the deleted relations and events (and
 * their evidence) are gone; null when the edit deletes none. Asked of the quote as the dataset
 * before the edit has it: a renamed source is renamed in the evidence as well.
 */
function quoteLoser(dataset: Dataset, followed: Followed): ((quote: QuoteRef) => boolean) | null {
  const relations = followed.get('relations')?.removed ?? new Set<string>();
  const events = followed.get('events')?.removed ?? new Set<string>();
  if (relations.size === 0 && events.size === 0) return null;
  const before = quoteFinder(function* () {
    yield* dataset.relations;
    yield* dataset.events;
  });
  const after = quoteFinder(function* () {
    for (const r of dataset.relations) if (!relations.has(r.id)) yield r;
    for (const e of dataset.events) if (!events.has(e.id)) yield e;
  });
  return (q) => before(q.source, q.text) && !after(q.source, q.text);
}

type QuoteRef = NonNullable<StoryStep['quote']>;

/**
 * A step's references after the renames and deletions. A quote goes with the source it cites,
 * or with the last evidence that held it: a step cannot show a quote the dataset no longer
 * vouches for.
 */
function followReferences(
  refs: StepReferences,
  followed: Followed,
  quoteLost: ((quote: QuoteRef) => boolean) | null,
): StepReferences {
  const out: StepReferences = {};
  const { selection, hiddenTypes, hiddenKinds, quote } = refs;
  if (selection) {
    const id = follow(followed, SELECTION_LIST[selection.kind], selection.id);
    if (id !== null) out.selection = id === selection.id ? selection : { ...selection, id };
  }
  const types = hiddenTypes && followAll(followed, 'actorTypes', hiddenTypes);
  if (types?.length) out.hiddenTypes = types;
  const kinds = hiddenKinds && followAll(followed, 'relationKinds', hiddenKinds);
  if (kinds?.length) out.hiddenKinds = kinds;
  if (quote && !quoteLost?.(quote)) {
    const source = follow(followed, 'sources', quote.source);
    if (source !== null) out.quote = source === quote.source ? quote : { ...quote, source };
  }
  return out;
}

/** The id an item of `list` has after the edit: renamed, the same, or null when deleted. */
function follow(followed: Followed, list: EditableList, id: string): string | null {
  const e = followed.get(list);
  if (!e) return id;
  if (e.removed.has(id)) return null;
  return e.renamed.get(id) ?? id;
}

function followAll(followed: Followed, list: EditableList, ids: readonly string[]): string[] {
  // A rename onto an id the filter already hides would list it twice.
  const kept = ids.map((id) => follow(followed, list, id)).filter((id) => id !== null);
  return [...new Set(kept)];
}

/** What a step names by id (fields it does not have are left out). */
export function referencesOf(step: StoryStep): StepReferences {
  const refs: StepReferences = {};
  if (step.selection) refs.selection = step.selection;
  if (step.filters?.hiddenTypes) refs.hiddenTypes = step.filters.hiddenTypes;
  if (step.filters?.hiddenKinds) refs.hiddenKinds = step.filters.hiddenKinds;
  if (step.quote) refs.quote = step.quote;
  return refs;
}

/** The step with `refs` as its references; everything else (caption, date, camera…) kept. */
function withReferences(step: StoryStep, refs: StepReferences): StoryStep {
  const next: StoryStep = { ...step };
  if (refs.selection) next.selection = refs.selection;
  else delete next.selection;
  if (refs.quote) next.quote = refs.quote;
  else delete next.quote;
  const filters: NonNullable<StoryStep['filters']> = { ...step.filters };
  if (refs.hiddenTypes) filters.hiddenTypes = [...refs.hiddenTypes];
  else delete filters.hiddenTypes;
  if (refs.hiddenKinds) filters.hiddenKinds = [...refs.hiddenKinds];
  else delete filters.hiddenKinds;
  if (Object.keys(filters).length > 0) next.filters = filters;
  else delete next.filters;
  return next;
}

/**
 * The stories with the step edits applied, in order. A step edit whose story or step is gone,
 * or whose step no longer has its `before` references (changed in the story panel since the
 * edit was made), is skipped: the user's later change stands. Returns `stories` itself when
 * no step changed.
 */
export function applyStepEdits(
  stories: readonly Story[],
  steps: readonly StepEdit[],
): readonly Story[] {
  let out: Story[] | null = null;
  for (const edit of steps) {
    const current: readonly Story[] = out ?? stories;
    const at = current.findIndex((s) => s.id === edit.story);
    const story = current[at];
    const step = story?.steps[edit.step];
    if (!story || !step || !sameValue(referencesOf(step), edit.before)) continue;
    const nextSteps = [...story.steps];
    nextSteps[edit.step] = withReferences(step, edit.after);
    out ??= [...stories];
    out[at] = { ...story, steps: nextSteps };
  }
  return out ?? stories;
}

/** The step edit that undoes `edit`: its references swapped. */
export function invertStepEdit(edit: StepEdit): StepEdit {
  return { ...edit, before: edit.after, after: edit.before };
}
