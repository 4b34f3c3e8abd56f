/**
 * Random sequences of the edits a user makes, for property tests of
 * authoring: each step is an intent (add a relation, change an actor's dates,
 * delete an actor…) turned into an edit by the builders against the dataset
 * as the earlier steps left it. Intents the builders refuse (an invalid item,
 * a kind still in use) are skipped, as the UI would not apply them.
 */
import fc from 'fast-check';
import { applyEdit } from '../../src/core/edit/apply';
import {
  addItem,
  newId,
  removeItem,
  updateItem,
  type EditResult,
} from '../../src/core/edit/builders';
import type { Edit } from '../../src/core/edit/edit';
import type { Dataset } from '../../src/core/schema';
import { isoDateArb } from './arbitraries';

const KINDS = ['alliance', 'support', 'hostility', 'tension', 'contact', 'rivalry'] as const;

const intentArb = fc.record({
  what: fc.constantFrom(
    'addActor',
    'addRelation',
    'addEvent',
    'changeRelationDates',
    'changeRelationKind',
    'changeActorDates',
    'renameActor',
    'removeRelation',
    'removeActor',
    'removeEvent',
    'declareKind',
  ),
  a: fc.nat(),
  b: fc.nat(),
  from: fc.option(isoDateArb, { nil: undefined }),
  until: fc.option(isoDateArb, { nil: undefined }),
  kind: fc.constantFrom(...KINDS),
  polarity: fc.constantFrom('positive', 'negative', 'neutral' as const),
  directed: fc.boolean(),
});

export type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never;

/** Up to `max` intents. */
export const intentsArb = (max = 8) => fc.array(intentArb, { minLength: 1, maxLength: max });

/** `from` and `until` in order (the builders would refuse them the wrong way round). */
function ordered(intent: Intent): { from?: string; until?: string } {
  const { from, until } = intent;
  if (from !== undefined && until !== undefined && from > until)
    return { from: until, until: from };
  return { from, until };
}

/** The item with the intent's dates in place of its own (absent ones removed). */
function redated<T extends { from?: string; until?: string }>(item: T, intent: Intent): T {
  const copy = { ...item };
  delete copy.from;
  delete copy.until;
  return { ...copy, ...ordered(intent) };
}

/** The edit an intent makes of `dataset`, or null when there is nothing to act on or it is refused. */
export function editOf(dataset: Dataset, intent: Intent): Edit | null {
  const pick = <T>(items: readonly T[], n: number) =>
    items.length ? items[n % items.length] : undefined;
  const actor = pick(dataset.actors, intent.a);
  const other = pick(dataset.actors, intent.b);
  const relation = pick(dataset.relations, intent.a);
  const event = pick(dataset.events, intent.a);
  const label = `New ${intent.a % 50}`;
  let result: EditResult | null = null;
  switch (intent.what) {
    case 'addActor':
      result = addItem(dataset, 'actors', {
        id: newId(dataset, 'actors', label),
        label,
        type: 'state',
        ...(actor && intent.directed ? { parent: actor.id } : {}),
        ...ordered(intent),
      });
      break;
    case 'addRelation':
      if (actor && other && actor.id !== other.id)
        result = addItem(dataset, 'relations', {
          id: newId(dataset, 'relations', `${actor.id} ${other.id}`),
          source: actor.id,
          target: other.id,
          kind: intent.kind,
          evidence: [],
          ...ordered(intent),
        });
      break;
    case 'addEvent':
      result = addItem(dataset, 'events', {
        id: newId(dataset, 'events', label),
        date: intent.from ?? '2001',
        title: label,
        actors: actor ? [actor.id] : [],
        evidence: [],
      });
      break;
    case 'changeRelationDates':
      if (relation)
        result = updateItem(dataset, 'relations', relation.id, redated(relation, intent));
      break;
    case 'changeRelationKind':
      if (relation)
        result = updateItem(dataset, 'relations', relation.id, { ...relation, kind: intent.kind });
      break;
    case 'changeActorDates':
      if (actor) result = updateItem(dataset, 'actors', actor.id, redated(actor, intent));
      break;
    case 'renameActor':
      if (actor)
        result = updateItem(dataset, 'actors', actor.id, {
          ...actor,
          id: newId(dataset, 'actors', label),
        });
      break;
    case 'removeRelation':
      if (relation) result = removeItem(dataset, 'relations', relation.id);
      break;
    case 'removeActor':
      if (actor) result = removeItem(dataset, 'actors', actor.id);
      break;
    case 'removeEvent':
      if (event) result = removeItem(dataset, 'events', event.id);
      break;
    case 'declareKind': {
      // A dataset's own entry for a kind: overrides the built-in's polarity and direction.
      const existing = dataset.relationKinds.find((k) => k.id === intent.kind);
      const kind = {
        id: intent.kind,
        label: intent.kind,
        polarity: intent.polarity,
        directed: intent.directed,
      };
      result = existing
        ? updateItem(dataset, 'relationKinds', intent.kind, kind)
        : addItem(dataset, 'relationKinds', kind);
      break;
    }
  }
  return result && 'edit' in result ? result.edit : null;
}

/** The edits of a sequence of intents, each applied before the next is built, and the final dataset. */
export function runIntents(
  dataset: Dataset,
  intents: readonly Intent[],
): { edits: Edit[]; dataset: Dataset } {
  const edits: Edit[] = [];
  let current = dataset;
  for (const intent of intents) {
    const edit = editOf(current, intent);
    if (!edit) continue;
    edits.push(edit);
    current = applyEdit(current, edit);
  }
  return { edits, dataset: current };
}
