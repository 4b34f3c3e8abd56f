/**
 * In-panel navigation: buttons that look like links. `data-nav` tells the
 * panel that the next selection came from inside it, so it moves keyboard
 * focus to the new heading instead of losing it with the old button.
 */
import type { ReactNode } from 'react';
import { humanDate } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import type { EventItem } from '../../core/schema';
import { select, selectEvent, useStore } from '../../store/store';
import { calendarOnly } from './details-model';
import { selectTimeKind } from './selectors';
import { ShapeSwatch } from '../Swatch';

/** An actor's name; choosing it selects the actor and centres the graph on it. */
export function ActorLink({
  model,
  id,
  swatch = false,
}: {
  model: ExplorerModel;
  id: string;
  swatch?: boolean;
}) {
  const actor = model.actorsById.get(id);
  const type = actor ? model.vocabulary.actorTypes.get(actor.type) : undefined;
  return (
    <button
      type="button"
      className="details__link"
      data-nav=""
      onClick={() => select({ kind: 'actor', id }, true)}
    >
      {swatch && type && <ShapeSwatch type={type} />}
      {actor?.label ?? id}
    </button>
  );
}

/** Selects a relation (its details replace the current ones). */
export function RelationLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className="details__link details__link--relation"
      data-nav=""
      onClick={() => select({ kind: 'relation', id })}
    >
      {children}
    </button>
  );
}

/** Selects an event and moves time to its date. */
export function EventLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <button type="button" className="details__link" data-nav="" onClick={() => selectEvent(id)}>
      {children}
    </button>
  );
}

/** Events as a list of links, each with its date at its precision. */
export function EventLinks({ events }: { events: readonly EventItem[] }) {
  const timeKind = useStore(selectTimeKind);
  return (
    <ol className="details__events">
      {events.map((ev) => (
        <li key={ev.id}>
          <EventLink id={ev.id}>
            <time className="details__event-date" dateTime={calendarOnly(ev.date, timeKind)}>
              {humanDate(ev.date, timeKind)}
            </time>
            <span>{ev.title}</span>
          </EventLink>
        </li>
      ))}
    </ol>
  );
}
