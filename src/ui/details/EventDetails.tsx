/** An event: when, what happened, who took part, and the quotes about it. */
import { effectiveBasis } from '../../core/basis';
import { humanDate } from '../../core/dates';
import { calendarOnly } from './details-model';
import type { ExplorerModel } from '../../core/explorer-model';
import type { EventItem } from '../../core/schema';
import { selectEvent, useStore } from '../../store/store';
import { BasisFacts } from './BasisFacts';
import { EvidenceList } from './EvidenceList';
import { ActorLink } from './Links';
import { selectAtEventDay, selectTimeKind } from './selectors';

export function EventDetails({ model, event }: { model: ExplorerModel; event: EventItem }) {
  const atDay = useStore(selectAtEventDay);
  const timeKind = useStore(selectTimeKind);
  const basis = effectiveBasis(event);
  return (
    <article className="details__item">
      <header className="details__header">
        <p className="details__eyebrow">
          <span>Event</span>
        </p>
        <h2 className="details__title" tabIndex={-1}>
          {event.title}
        </h2>
        <p className="details__meta">
          <time dateTime={calendarOnly(event.date, timeKind)} data-testid="event-date">
            {humanDate(event.date, timeKind)}
          </time>
          {!atDay && (
            // Time may have moved on since the event was chosen: offer the way back.
            <button type="button" className="details__action" onClick={() => selectEvent(event.id)}>
              Show this date
            </button>
          )}
        </p>
      </header>

      {(basis.claim ?? basis.dates) && (
        <dl className="details__facts">
          <BasisFacts model={model} item={event} />
        </dl>
      )}

      {event.description && <p className="details__text">{event.description}</p>}

      {event.actors.length > 0 && (
        <section className="details__section" aria-labelledby="event-actors">
          <h3 id="event-actors">
            Actors <span className="details__count">{event.actors.length}</span>
          </h3>
          <ul className="details__chips">
            {event.actors.map((id) => (
              <li key={id}>
                <ActorLink model={model} id={id} swatch />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="details__section" aria-labelledby="event-evidence">
        <h3 id="event-evidence">
          Evidence <span className="details__count">{event.evidence.length}</span>
        </h3>
        <EvidenceList model={model} evidence={event.evidence} />
      </section>

      {event.note && (
        <p className="details__note">
          <span className="details__note-label">Note</span> {event.note}
        </p>
      )}
    </article>
  );
}
