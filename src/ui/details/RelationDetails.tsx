/**
 * A relation: its kind and sign, who acts on whom, when, whether it holds at
 * the shown date, and the quoted evidence for it. The other relations of the
 * same pair follow, so a turn (support, then hostility) reads in one place.
 */
import { useMemo } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Relation } from '../../core/schema';
import { useStore } from '../../store/store';
import { LineSwatch } from '../Swatch';
import { BasisFacts } from './BasisFacts';
import { isDirected, periodText, relationHistory } from './details-model';
import { EvidenceList } from './EvidenceList';
import { ActorLink, RelationLink } from './Links';
import { selectWindowOn } from '../../store/timeView';
import { selectRelationActive, selectTimeKind } from './selectors';

export function RelationDetails({ model, relation }: { model: ExplorerModel; relation: Relation }) {
  const active = useStore(selectRelationActive);
  const kind = model.vocabulary.relationKinds.get(relation.kind);
  const directed = isDirected(model, relation);
  const label = (id: string) => model.actorsById.get(id)?.label ?? id;
  const arrow = directed ? '→' : '–';
  const timeKind = useStore(selectTimeKind);
  const windowOn = useStore(selectWindowOn);
  const when = windowOn ? 'in the time window' : 'at this date';
  const period = periodText(relation.from, relation.until, timeKind);
  const samePair = useMemo(
    () =>
      relationHistory(model, relation.source).filter(
        (e) => e.counterpart === relation.target && e.relation.id !== relation.id,
      ),
    [model, relation],
  );

  return (
    <article className="details__item">
      <header className="details__header">
        <p className="details__eyebrow">
          {kind && <LineSwatch color={kind.color} lineStyle={kind.lineStyle} directed={directed} />}
          <span className="kind-name">{kind?.label ?? relation.kind}</span>
          {kind && (
            <span className={`details__polarity details__polarity--${kind.polarity}`}>
              {kind.polarity}
            </span>
          )}
        </p>
        <h2 className="details__title" tabIndex={-1}>
          {relation.label ?? `${label(relation.source)} ${arrow} ${label(relation.target)}`}
        </h2>
      </header>

      <dl className="details__facts">
        <dt>{directed ? 'From → to' : 'Between'}</dt>
        <dd className="details__pair">
          <ActorLink model={model} id={relation.source} swatch />
          <span className="details__arrow" aria-hidden="true">
            {arrow}
          </span>
          <span className="visually-hidden">{directed ? 'to' : 'and'}</span>
          <ActorLink model={model} id={relation.target} swatch />
        </dd>
        <dt>When</dt>
        <dd>
          <span data-testid="relation-period">{period || 'undated'}</span>{' '}
          <span
            className={`details__badge ${active ? 'details__badge--now' : 'details__badge--off'}`}
          >
            {active ? `active ${when}` : `not active ${when}`}
          </span>
        </dd>
        <BasisFacts model={model} item={relation} />
        {relation.strength !== undefined && (
          <>
            <dt>Strength</dt>
            <dd className="details__strength">
              <meter min={0} max={1} value={relation.strength} aria-label="Strength" />
              <span>{Math.round(relation.strength * 100)}%</span>
            </dd>
          </>
        )}
        {kind?.description && (
          <>
            <dt>Meaning</dt>
            <dd className="details__muted">{kind.description}</dd>
          </>
        )}
      </dl>

      {relation.note && (
        <p className="details__note">
          <span className="details__note-label">Note</span> {relation.note}
        </p>
      )}

      <section className="details__section" aria-labelledby="relation-evidence">
        <h3 id="relation-evidence">
          Evidence <span className="details__count">{relation.evidence.length}</span>
        </h3>
        <EvidenceList model={model} evidence={relation.evidence} />
      </section>

      {samePair.length > 0 && (
        <section className="details__section" aria-labelledby="relation-pair">
          <h3 id="relation-pair">Other relations between them</h3>
          <ol className="details__history">
            {samePair.map((e) => (
              <li key={e.relation.id} className="details__history-item">
                <span className="details__when">
                  {periodText(e.relation.from, e.relation.until) || 'undated'}
                </span>
                <RelationLink id={e.relation.id}>
                  {e.kind && (
                    <LineSwatch
                      color={e.kind.color}
                      lineStyle={e.kind.lineStyle}
                      directed={false}
                    />
                  )}
                  <span className="kind-name">{e.kind?.label ?? e.relation.kind}</span>
                  {e.relation.label && (
                    <span className="details__rel-label">{e.relation.label}</span>
                  )}
                </RelationLink>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
