/**
 * Items of the compare-dates list: a pair that flipped, a relation that
 * began or ended, an actor that appeared or disappeared. Each says what
 * changed, between whom, when (as the dataset wrote it) and why (the first
 * quote, the others on request). Badges pair a symbol with a word.
 */
import type { ActorChange, PairFlip, RelationChange, RelationInfo } from '../../core/analysis';
import { humanDate } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Evidence } from '../../core/schema';
import { select, useStore } from '../../store/store';
import { selectTimeKind, timeKindOf } from '../../store/timeView';
import { EvidenceList } from '../details/EvidenceList';
import '../details/evidence.css';
import { STATUS_WORD } from './format';

const BADGE = {
  flipped: { symbol: '⇄', word: 'Flipped' },
  began: { symbol: '+', word: 'Began' },
  ended: { symbol: '−', word: 'Ended' },
} as const;

function Badge({ type }: { type: keyof typeof BADGE }) {
  return (
    <span className={`change__badge change__badge--${type}`}>
      <span aria-hidden="true">{BADGE[type].symbol}</span> {BADGE[type].word}
    </span>
  );
}

/** A change's badge and, when known, its date. */
function ChangeHead({ type, date }: { type: keyof typeof BADGE; date?: string }) {
  const kind = useStore(selectTimeKind);
  return (
    <p className="change__head">
      <Badge type={type} />
      {date && (
        <time className="change__date" dateTime={date}>
          {humanDate(date, kind)}
        </time>
      )}
    </p>
  );
}

function FirstQuote({ model, evidence }: { model: ExplorerModel; evidence: readonly Evidence[] }) {
  const first = evidence[0];
  if (!first) return <p className="change__none">No quote supports this yet.</p>;
  const source = model.dataset.sources.find((s) => s.id === first.source);
  return (
    <>
      <blockquote className="change__quote">
        {first.quote}
        <footer className="change__source">
          — <cite>{source?.title ?? first.source}</cite>
        </footer>
      </blockquote>
      {evidence.length > 1 && (
        <details className="change__more">
          <summary>All {evidence.length} quotes</summary>
          <EvidenceList model={model} evidence={evidence} />
        </details>
      )}
    </>
  );
}

const nameOf = (model: ExplorerModel, id: string) => model.actorsById.get(id)?.label ?? id;

/** "Support, Pakistan → Afghan Taliban" as a button that selects it on the graph. */
function RelationLine({ model, r }: { model: ExplorerModel; r: RelationInfo }) {
  const who = `${nameOf(model, r.source)} ${r.directed ? '→' : '—'} ${nameOf(model, r.target)}`;
  return (
    <button
      type="button"
      className="change__relation"
      title="Select this relation on the graph"
      onClick={() => select({ kind: 'relation', id: r.id }, true)}
    >
      <span className="change__kind">{r.kindLabel}</span> <span>{who}</span>
    </button>
  );
}

export function RelationChangeItem({
  model,
  change,
}: {
  model: ExplorerModel;
  change: RelationChange;
}) {
  const type = change.event === 'start' ? 'began' : 'ended';
  return (
    <li
      className={`change change--${type}`}
      data-change={type}
      data-relation-id={change.relation.id}
    >
      <ChangeHead type={type} date={change.date} />
      <RelationLine model={model} r={change.relation} />
      <FirstQuote model={model} evidence={change.relation.evidence} />
    </li>
  );
}

export function FlipItem({ model, flip }: { model: ExplorerModel; flip: PairFlip }) {
  const [a, b] = flip.actors;
  const parts = [...flip.left, ...flip.entered].sort((x, y) => x.day - y.day);
  const first = parts[0];
  return (
    <li className="change change--flipped" data-change="flipped" data-pair={`${a}|${b}`}>
      <ChangeHead type="flipped" date={first?.date} />
      <p className="change__pair">
        {nameOf(model, a)} — {nameOf(model, b)}
      </p>
      <p className="change__turn">
        {STATUS_WORD[flip.before.status]} <span aria-hidden="true">→</span>
        <span className="visually-hidden">to</span> {STATUS_WORD[flip.after.status]}
        {flip.reversal && <span className="change__reversal"> (reversal)</span>}
      </p>
      <ul className="change__parts">
        {parts.map((c) => (
          <li key={c.relation.id} data-relation-id={c.relation.id}>
            <p className="change__part-head">
              <span className="change__verb">{c.event === 'start' ? 'began' : 'ended'}</span>{' '}
              <time dateTime={c.date}>{humanDate(c.date, timeKindOf(model))}</time>
            </p>
            <RelationLine model={model} r={c.relation} />
            <FirstQuote model={model} evidence={c.relation.evidence} />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ActorChangeItem({ change }: { change: ActorChange }) {
  const type = change.event === 'start' ? 'began' : 'ended';
  return (
    <li className={`change change--${type}`} data-change={`actor-${type}`}>
      <ChangeHead type={type} date={change.date} />
      <p className="change__pair">
        {change.label} {change.event === 'start' ? 'comes into existence' : 'ceases to exist'}
      </p>
    </li>
  );
}
