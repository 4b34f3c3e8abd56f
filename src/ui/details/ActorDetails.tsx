/**
 * An actor: who it is, what it belongs to, its relations at the shown date,
 * every relation it ever had, and the events it took part in. The only
 * day-dependent input is the key of its active relations, so playback
 * re-renders this only when one of them starts or ends.
 */
import { useMemo } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Actor } from '../../core/schema';
import { useStore } from '../../store/store';
import { CompareWithButton } from '../analysis/CompareWithButton';
import { LineSwatch, ShapeSwatch } from '../Swatch';
import {
  arrowOf,
  eventsOf,
  keySet,
  membersOf,
  periodText,
  relationHistory,
  type RelationEntry,
} from './details-model';
import { ActorLink, EventLinks, RelationLink } from './Links';
import { selectWindowOn } from '../../store/timeView';
import { selectActorActiveKey, selectActorAlive, selectTimeKind } from './selectors';

function RelationButton({ model, entry }: { model: ExplorerModel; entry: RelationEntry }) {
  const kindLabel = entry.kind?.label ?? entry.relation.kind;
  const other = model.actorsById.get(entry.counterpart)?.label ?? entry.counterpart;
  const preposition = entry.directed ? (entry.outgoing ? 'to' : 'from') : 'with';
  return (
    <RelationLink id={entry.relation.id}>
      {entry.kind && (
        <LineSwatch color={entry.kind.color} lineStyle={entry.kind.lineStyle} directed={false} />
      )}
      <span className="kind-name">{kindLabel}</span>{' '}
      {entry.directed ? (
        <span className="details__arrow" aria-hidden="true">
          {arrowOf(entry)}
        </span>
      ) : (
        <span className="details__with">with</span>
      )}
      {/* The counterpart is a link of its own beside this one; name it for screen readers. */}
      <span className="visually-hidden">
        {entry.directed ? ` ${preposition}` : ''} {other}
      </span>
    </RelationLink>
  );
}

export function ActorDetails({ model, actor }: { model: ExplorerModel; actor: Actor }) {
  const activeKey = useStore(selectActorActiveKey);
  const alive = useStore(selectActorAlive);
  const history = useMemo(() => relationHistory(model, actor.id), [model, actor.id]);
  const members = useMemo(() => membersOf(model, actor.id), [model, actor.id]);
  const events = useMemo(() => eventsOf(model, actor.id), [model, actor.id]);
  const active = keySet(activeKey);
  const current = history.filter((e) => active.has(e.relation.id));
  const type = model.vocabulary.actorTypes.get(actor.type);
  const timeKind = useStore(selectTimeKind);
  // With a time window the panel lists what the graph shows: everything active in the window.
  const windowOn = useStore(selectWindowOn);
  const when = windowOn ? 'in the time window' : 'at this date';
  const lifetime = periodText(actor.from, actor.until, timeKind);

  return (
    <article className="details__item">
      <header className="details__header">
        <p className="details__eyebrow">
          {type && <ShapeSwatch type={type} />}
          <span className="kind-name">{type?.label ?? actor.type}</span>
        </p>
        <h2 className="details__title" tabIndex={-1}>
          {actor.label}
        </h2>
        {(lifetime || !alive) && (
          <p className="details__meta">
            {lifetime && <span>{lifetime}</span>}
            {!alive && (
              <span className="details__badge details__badge--off">not in existence {when}</span>
            )}
          </p>
        )}
        {actor.aliases && actor.aliases.length > 0 && (
          <p className="details__aliases">Also known as {actor.aliases.join(', ')}</p>
        )}
        {/* Analysis: pair history of this actor and one the user picks next. */}
        <CompareWithButton actor={actor.id} label={actor.label} />
      </header>

      {actor.description && <p className="details__text">{actor.description}</p>}
      {actor.note && (
        <p className="details__note">
          <span className="details__note-label">Note</span> {actor.note}
        </p>
      )}

      {(actor.parent || members.length > 0) && (
        <dl className="details__facts">
          {actor.parent && (
            <>
              <dt>Part of</dt>
              <dd>
                <ActorLink model={model} id={actor.parent} swatch />
              </dd>
            </>
          )}
          {members.length > 0 && (
            <>
              <dt>Members</dt>
              <dd>
                <ul className="details__chips">
                  {members.map((m) => (
                    <li key={m.id}>
                      <ActorLink model={model} id={m.id} swatch />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}

      <section className="details__section" aria-labelledby="actor-now">
        <h3 id="actor-now">
          {windowOn ? 'In the time window' : 'At this date'}{' '}
          <span className="details__count">{current.length}</span>
        </h3>
        {current.length === 0 ? (
          <p className="details__none">No relation {when}.</p>
        ) : (
          <ul className="details__rels" data-testid="actor-current-relations">
            {current.map((e) => (
              <li key={e.relation.id} className="details__rel" data-relation-id={e.relation.id}>
                <RelationButton model={model} entry={e} />
                <ActorLink model={model} id={e.counterpart} />
                {e.relation.label && <span className="details__rel-label">{e.relation.label}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {history.length > 0 && (
        <section className="details__section" aria-labelledby="actor-history">
          <h3 id="actor-history">
            Relation history <span className="details__count">{history.length}</span>
          </h3>
          <ol className="details__history">
            {history.map((e) => {
              const now = active.has(e.relation.id);
              return (
                <li key={e.relation.id} className="details__history-item" data-active={now}>
                  <span className="details__when">
                    {periodText(e.relation.from, e.relation.until, timeKind) || 'undated'}
                    {now && <span className="details__badge details__badge--now">now</span>}
                  </span>
                  <span className="details__rel">
                    <RelationButton model={model} entry={e} />
                    <ActorLink model={model} id={e.counterpart} />
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {events.length > 0 && (
        <section className="details__section" aria-labelledby="actor-events">
          <h3 id="actor-events">
            Events <span className="details__count">{events.length}</span>
          </h3>
          <EventLinks events={events} />
        </section>
      )}
    </article>
  );
}
