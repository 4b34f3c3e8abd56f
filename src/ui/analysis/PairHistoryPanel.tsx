/**
 * Pair history: every relation between two actors across the whole range,
 * as a strip timeline coloured by polarity, and the evidence of the one
 * chosen. The second actor can be picked from the list or, while it is
 * missing, by clicking it on the graph.
 */
import { useEffect, useMemo, useState } from 'react';
import { pairHistory } from '../../core/analysis';
import type { ExplorerModel } from '../../core/explorer-model';
import { setPair, useStore } from '../../store/store';
import { timeKindOf } from '../../store/timeView';
import { ActorSelect } from './ActorSelect';
import { pairStory } from './format';
import { PairStrip } from './PairStrip';
import { RelationEvidence } from './RelationEvidence';
import { selectPairA, selectPairB } from './selectors';

export function PairHistoryPanel({ model }: { model: ExplorerModel }) {
  const storedA = useStore(selectPairA);
  const storedB = useStore(selectPairB);
  // Ids from another dataset (or a stale state) are treated as not chosen.
  const a = storedA && model.actorsById.has(storedA) ? storedA : null;
  const b = storedB && model.actorsById.has(storedB) && storedB !== a ? storedB : null;
  const [chosen, setChosen] = useState<string | null>(null);
  const history = useMemo(() => (a && b ? pairHistory(model, a, b) : null), [model, a, b]);
  const chosenRelation = history?.relations.find((r) => r.id === chosen) ?? null;

  // While the second actor is missing, the next actor clicked on the graph becomes it.
  useEffect(() => {
    if (!a || b) return;
    return useStore.subscribe((s, prev) => {
      if (s.selection === prev.selection || s.selection?.kind !== 'actor') return;
      if (s.selection.id !== a) setPair(a, s.selection.id);
    });
  }, [a, b]);

  const label = (id: string) => model.actorsById.get(id)?.label ?? id;
  return (
    <section className="a-section" aria-labelledby="pair-heading">
      <h2 id="pair-heading" className="a-heading">
        Pair history
      </h2>
      <div className="a-pickers">
        <ActorSelect
          model={model}
          label="First actor"
          value={a}
          onChange={(id) => setPair(id, b)}
        />
        <button
          type="button"
          className="a-button a-button--icon"
          title="Swap the two actors"
          disabled={!a || !b}
          onClick={() => setPair(b, a)}
        >
          <span aria-hidden="true">⇅</span>
          <span className="visually-hidden">Swap the two actors</span>
        </button>
        <ActorSelect
          model={model}
          label="Second actor"
          value={b}
          relatedTo={a}
          exclude={a}
          autoFocus={Boolean(a && !b)}
          onChange={(id) => setPair(a, id)}
        />
      </div>
      {!a && <p className="a-hint">Choose two actors to see how they related over time.</p>}
      {a && !b && (
        <p className="a-hint">
          Choose the actor to compare {label(a)} with, in the list above or by clicking it on the
          graph.
        </p>
      )}
      {history && a && b && (
        <>
          <p className="pair__story" data-testid="pair-story">
            <strong>
              {label(a)} and {label(b)}:
            </strong>{' '}
            {pairStory(history.segments, timeKindOf(model))}
          </p>
          {history.relations.length > 0 && (
            <PairStrip
              model={model}
              history={history}
              chosen={chosenRelation?.id ?? null}
              onChoose={(id) => setChosen(id === chosen ? null : id)}
            />
          )}
          {chosenRelation ? (
            <RelationEvidence model={model} relation={chosenRelation} a={a} b={b} />
          ) : (
            history.relations.length > 0 && (
              <p className="a-hint">Choose a bar to read the evidence for that relation.</p>
            )
          )}
        </>
      )}
    </section>
  );
}
