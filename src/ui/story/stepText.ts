/** How a story step reads in lists and captions: its date or period, and what it selects. */
import { humanDate } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import type { StoryStep } from '../../core/schema';
import type { StorySelectionKind } from '../../core/story';

/** "30 August 2021", or "1994 – 2001" for a period, in the dataset's kind of time. */
export function stepWhenText(step: StoryStep, model: ExplorerModel): string {
  const kind = model.dataset.timeKind ?? 'calendar';
  if (step.period)
    return `${humanDate(step.period.from, kind)} – ${humanDate(step.period.until, kind)}`;
  return step.date ? humanDate(step.date, kind) : '';
}

/** An actor's label, a relation as "A – B (kind)", an event's title; "missing" when gone. */
export function selectionText(
  selection: { kind: StorySelectionKind; id: string },
  model: ExplorerModel,
): string {
  const { kind, id } = selection;
  const actorLabel = (actorId: string) => model.actorsById.get(actorId)?.label ?? actorId;
  if (kind === 'actor') {
    const actor = model.actorsById.get(id);
    return actor ? actor.label : `actor “${id}” (missing)`;
  }
  if (kind === 'relation') {
    const r = model.relationsById.get(id);
    if (!r) return `relation “${id}” (missing)`;
    const kindLabel = model.vocabulary.relationKinds.get(r.kind)?.label ?? r.kind;
    return `${actorLabel(r.source)} – ${actorLabel(r.target)} (${kindLabel})`;
  }
  const event = model.eventsById.get(id);
  return event ? event.title : `event “${id}” (missing)`;
}
