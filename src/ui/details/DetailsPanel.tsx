/**
 * Details of the selection: an actor, a relation or an event, or, with
 * nothing selected, how to start (and the dataset's events as ways in).
 * It reads the day only through the narrow selectors of each view.
 */
import { useEffect, useRef } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import { selectModel, selectSelection } from '../../store/selectors';
import { select, useStore, type Selection } from '../../store/store';
import { ActorDetails } from './ActorDetails';
import './details.css';
import './lists.css';
import { EditSelectionButton } from '../edit/EditSelectionButton';
import { EventDetails } from './EventDetails';
import { EventLinks } from './Links';
import { RelationDetails } from './RelationDetails';

function EmptyState({ model }: { model: ExplorerModel }) {
  return (
    <div className="details__empty">
      <p>
        <strong>Nothing selected.</strong> Click an actor or a relation in the graph, a row of the
        table, or search for an actor to see who it sides with or against, when, and the quotes that
        say so.
      </p>
      {model.index.events.length > 0 && (
        <>
          <h2 className="details__subheading">Or start from an event</h2>
          <EventLinks events={model.index.events.map(({ id }) => model.eventsById.get(id)!)} />
        </>
      )}
    </div>
  );
}

function Selected({ model, selection }: { model: ExplorerModel; selection: Selection }) {
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
