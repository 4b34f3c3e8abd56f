/** The relation chosen on the pair strip: what it is, when, and the quotes that say so. */
import type { PairRelation } from '../../core/analysis';
import { humanInterval } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { select, setDay, useStore } from '../../store/store';
import { EvidenceList } from '../details/EvidenceList';
import '../details/evidence.css';
import { LineSwatch } from '../Swatch';

export function RelationEvidence({
  model,
  relation: r,
  a,
  b,
}: {
  model: ExplorerModel;
  relation: PairRelation;
  a: string;
  b: string;
}) {
  const name = (id: string) => model.actorsById.get(id)?.label ?? id;
  const kind = model.vocabulary.relationKinds.get(r.kind);
  const who =
    r.direction === 'a-to-b'
      ? `${name(a)} → ${name(b)}`
      : r.direction === 'b-to-a'
        ? `${name(b)} → ${name(a)}`
        : `${name(a)} and ${name(b)}`;
  return (
    <article
      className="pair__evidence"
      data-testid="pair-evidence"
      aria-labelledby="pair-evidence-title"
    >
      <h3 id="pair-evidence-title" className="a-subheading">
        {kind && <LineSwatch color={kind.color} lineStyle={kind.lineStyle} directed={r.directed} />}
        <span>
          {r.kindLabel} <span className="a-muted">({r.polarity})</span>
        </span>
      </h3>
      <p className="a-meta">
        {who} · {humanInterval(r.from, r.until)}
      </p>
      {r.label && <p className="a-text">{r.label}</p>}
      {r.note && <p className="a-note">{r.note}</p>}
      <div className="a-actions">
        <button
          type="button"
          className="a-button"
          onClick={() => {
            // The graph draws only what is active: move into the relation's period first.
            const { day } = useStore.getState();
            if (day < r.startDay || day >= r.endDay)
              setDay(Number.isFinite(r.startDay) ? r.startDay : r.endDay - 1);
            select({ kind: 'relation', id: r.id }, true);
          }}
        >
          Show on the graph
        </button>
        {Number.isFinite(r.startDay) && (
          <button type="button" className="a-button" onClick={() => setDay(r.startDay)}>
            Go to its start
          </button>
        )}
      </div>
      <EvidenceList model={model} evidence={r.evidence} />
    </article>
  );
}
