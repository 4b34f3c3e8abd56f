/**
 * Stories follow the edits made to the items they name. A step names items
 * by id (its selection, the types and kinds its filters hide, the source its
 * quote cites); when an edit renames one of them the step is rewritten, and
 * when it deletes one the step stops naming it (a selection cleared, a hidden
 * type dropped from its filter, a quote whose source or evidence went
 * removed), so the story plays on without a stale reference.
 *
 * A step's quote is evidence too: it must stay word for word in the evidence
 * citing its source. When an edit changes that evidence's words or source, a
 * quote still found verbatim stays; a quote of the whole old text becomes the
 * whole new one; any other quote is dropped, and the edit says which steps lost
 * theirs (`quotesLost`) so the user is told rather than finding out later.
 * These changes ride in the same edit (`Edit`'s `steps`), so one undo restores
 * the items and the steps.
 */
import type { Dataset, Evidence, EventItem, Relation, Story, StoryStep } from '../schema';
import { quoteFinder } from '../story';
import { BUILTIN_ACTOR_TYPES, BUILTIN_RELATION_KINDS } from '../vocabulary';
import type { Edit, EditableList, ItemEdit, StepEdit, StepReferences } from './edit';
import { sameValue } from './same';

/** For each list a step can name, the ids an edit renames (old → new) and those it deletes. */
type Followed = Map<EditableList, { renamed: Map<string, string>; removed: Set<string> }>;

/**
 * The step edits that make `dataset.stories` follow `edits` (made to `dataset`): every step
 * naming an id they rename or delete, or quoting evidence whose words or source they change,
 * with its references before and after. A deleted actor type or relation kind that is also
 * built in still resolves (its users fall back to the built-in), so a filter hiding it keeps it.
 */
export function storyStepEdits(dataset: Dataset, edits: readonly ItemEdit[]): StepEdit[] {
  if (!dataset.stories?.length) return [];
  const followed = followedIds(edits);
  const followQuote = quoteFollower(dataset, edits);
  if (followed.size === 0 && !followQuote) return [];
  const out: StepEdit[] = [];
  for (const story of dataset.stories)
    story.steps.forEach((step, index) => {
      const before = referencesOf(step);
      const after = followReferences(before, followed, followQuote);
      if (!sameValue(before, after)) out.push({ story: story.id, step: index, before, after });
    });
  return out;
}

/** A story step whose quote an edit dropped: the quoted words are no longer in the evidence. */
export interface LostQuote {
  story: string;
  /** Index of the step (0-based), as stored. */
  step: number;
  quote: QuoteRef;
}

/** Whether a step edit takes the step's quote away (its words left the evidence). */
export function dropsQuote(step: StepEdit): boolean {
  return Boolean(step.before.quote) && !step.after.quote;
}

/** The steps whose quote `edit` drops, in the order of its step edits (none for an item edit). */
export function quotesLost(edit: Edit): LostQuote[] {
  if (edit.op !== 'group' || !edit.steps) return [];
  return edit.steps
    .filter(dropsQuote)
    .map(({ story, step, before }) => ({ story, step, quote: before.quote! }));
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

type QuoteRef = NonNullable<StoryStep['quote']>;

/**
 * What a step's quote becomes after the edit: the same words (under `source`, the id its source
 * has after the edit), the new words of the evidence it quoted whole, or null when the edit
 * took its words out of the evidence.
 */
type QuoteFollower = (quote: QuoteRef, source: string) => QuoteRef | null;

type EvidenceHolder = Relation | EventItem;

/**
 * How quotes follow `edits`; null when they remove no relation or event and change no
 * evidence, so no quote can lose its footing. A quote the dataset did not vouch for before
 * the edit is not the edit's doing and is left as it is (the story check reports it).
 */
function quoteFollower(dataset: Dataset, edits: readonly ItemEdit[]): QuoteFollower | null {
  // Keyed by the item objects the dataset holds: the builders take the edits' items from it.
  const next = new Map<EvidenceHolder, EvidenceHolder | null>();
  const changed: [Evidence, Evidence][] = [];
  for (const e of edits) {
    if (e.list !== 'relations' && e.list !== 'events') continue;
    if (e.op === 'remove') next.set(e.item, null);
    if (e.op === 'update' && !sameValue(e.before.evidence, e.after.evidence)) {
      next.set(e.before, e.after);
      changed.push(...changedEvidence(e.before.evidence, e.after.evidence));
    }
  }
  if (next.size === 0) return null;
  const holders = function* () {
    yield* dataset.relations;
    yield* dataset.events;
  };
  const vouchedBefore = quoteFinder(holders);
  const vouchedAfter = quoteFinder(function* () {
    for (const holder of holders()) {
      const edited = next.has(holder) ? next.get(holder) : holder;
      if (edited) yield edited;
    }
  });
  return (quote, source) => {
    if (vouchedAfter(source, quote.text) || !vouchedBefore(quote.source, quote.text))
      return recited(quote, source);
    for (const [was, now] of changed) {
      if (was.source !== quote.source || !was.quote.includes(quote.text)) continue;
      // The same words, now cited to another source; or the whole text, rewritten.
      if (now.quote.includes(quote.text)) return { source: now.source, text: quote.text };
      if (was.quote === quote.text) return { source: now.source, text: now.quote };
    }
    return null;
  };
}

/** The quote under its source's id after the edit, when no evidence changed. */
const recited: QuoteFollower = (quote, source) =>
  source === quote.source ? quote : { ...quote, source };

/**
 * The evidence items an update changed, each with what it became. The items both lists hold
 * unchanged (their longest common run, in order) anchor the pairing; between two anchors the
 * changed items are paired in order, as the editor changes a quote where it stands, and what
 * is left over was removed or added.
 */
export function changedEvidence(
  before: readonly Evidence[],
  after: readonly Evidence[],
): [Evidence, Evidence][] {
  // common[i][j]: the length of the longest common run of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () =>
    new Array<number>(after.length + 1).fill(0),
  );
  for (let i = before.length - 1; i >= 0; i--)
    for (let j = after.length - 1; j >= 0; j--)
      common[i]![j] = sameValue(before[i], after[j])
        ? common[i + 1]![j + 1]! + 1
        : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const pairs: [Evidence, Evidence][] = [];
  let removed: Evidence[] = [];
  let added: Evidence[] = [];
  const pairGap = () => {
    for (let k = 0; k < Math.min(removed.length, added.length); k++)
      pairs.push([removed[k]!, added[k]!]);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && sameValue(before[i], after[j])) {
      pairGap();
      i++;
      j++;
    } else if (j >= after.length || (i < before.length && common[i + 1]![j]! >= common[i]![j + 1]!))
      removed.push(before[i++]!);
    else added.push(after[j++]!);
  }
  pairGap();
  return pairs;
}

/**
 * A step's references after the renames, deletions and evidence changes. A quote goes with the
 * source it cites, or with the words it quoted: a step cannot show a quote the dataset no
 * longer vouches for.
 */
function followReferences(
  refs: StepReferences,
  followed: Followed,
  followQuote: QuoteFollower | null,
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
  if (quote) {
    const source = follow(followed, 'sources', quote.source);
    const followedQuote = source === null ? null : (followQuote ?? recited)(quote, source);
    if (followedQuote) out.quote = followedQuote;
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
