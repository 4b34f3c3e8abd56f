/**
 * Details of the selection: an actor, a relation or an event, or, with
 * nothing selected, how to start (and the dataset's events as ways in).
 * It reads the day only through the narrow selectors of each view.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import { selectModel, selectSelection } from '../../store/selectors';
import { select, useStore, type Selection } from '../../store/store';
import { ActorDetails } from './ActorDetails';
import './details.css';
import './lists.css';
import { EditSelectionButton } from '../edit/EditSelectionButton';
import { EventDetails } from './EventDetails';
import { plural } from '../analysis/format';
import { EventLinks } from './Links';
import { RelationDetails } from './RelationDetails';

/**
 * Events listed at a time in the empty state: a dataset may have thousands (the 5,000 of the XL benchmark
 * took half a second of the page's layout when it was shown), and a way in needs few.
 */
const EVENTS_AT_A_TIME = 50;

function EmptyState({ model }: { model: ExplorerModel }) {
  const events = model.index.events;
  const [shown, setShown] = useState(EVENTS_AT_A_TIME);
  const more = Math.min(EVENTS_AT_A_TIME, events.length - shown);
  return (
    <div className="details__empty">
      <p>
        <strong>Nothing selected.</strong> Click an actor or a relation in the graph, a row of the
        table, or search for an actor to see who it sides with or against, when, and the quotes that
        say so.
      </p>
      {events.length > 0 && (
        <>
          <h2 className="details__subheading">Or start from an event</h2>
          <EventLinks events={events.slice(0, shown).map(({ id }) => model.eventsById.get(id)!)} />
          {more > 0 && (
            <button
              type="button"
              className="details__action"
              onClick={() => setShown(shown + more)}
            >
              Show {more} more ({plural(events.length - shown, 'event')} not listed)
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** The details of one selected actor, relation or event (also shown by a story's Present mode). */
export function Selected({ model, selection }: { model: ExplorerModel; selection: Selection }) {
  if (selection.kind === 'actor') {
    const actor = model.actorsById.get(selection.id);
    if (actor) return <ActorDetails key={actor.id} model={model} actor={actor} />;
  } else if (selection.kind === 'relation') {
    const relation = model.relationsById.get(selection.id);
    if (relation) return <RelationDetails key={relation.id} model={model} relation={relation} />;
  } else {
    const event = model.eventsById.get(selection.id);
    if (event) return <EventDetails key={event.id} model={model} event={event} />;
  }
  return (
    <p className="details__none">
      This dataset has no {selection.kind} “{selection.id}”.
    </p>
  );
}

export function DetailsPanel() {
  const model = useStore(selectModel);
  const selection = useStore(selectSelection);
  const root = useRef<HTMLDivElement>(null);
  // Set when a link inside the panel made the selection: focus then follows to the new heading.
  const navigated = useRef(false);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    el.closest('.panel')?.scrollTo({ top: 0 });
    if (navigated.current) {
      navigated.current = false;
      el.querySelector<HTMLElement>('.details__title')?.focus();
    }
  }, [selection]);

  if (!model) return null;
  return (
    <div
      ref={root}
      className="details"
      data-testid="details"
      onClickCapture={(e) => {
        if (e.target instanceof Element && e.target.closest('[data-nav]')) navigated.current = true;
      }}
    >
      {selection ? (
        <>
          <button
            type="button"
            className="details__clear"
            title="Clear the selection"
            onClick={() => select(null)}
          >
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Clear the selection</span>
          </button>
          <EditSelectionButton selection={selection} />
          <Selected model={model} selection={selection} />
        </>
      ) : (
        <EmptyState model={model} />
      )}
    </div>
  );
}
