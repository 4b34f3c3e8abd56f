/**
 * Centrality over time for the selected actor (positive and negative
 * relations, betweenness) as sparklines over the period, its values at the
 * shown date, and a ranking of every actor at that date. Day-dependent
 * parts read the state day, so playback re-renders them only at changes.
 */
import { degreeAt } from '../../core/analysis';
import type { ExplorerModel } from '../../core/explorer-model';
import { select, useStore } from '../../store/store';
import { ActorSelect } from './ActorSelect';
import { rankingAtDay } from './cache';
import { DayText } from './DayText';
import { RankingTable } from './RankingTable';
import { selectSelectedActor } from './selectors';
import { niceMax } from './series';
import { Sparkline } from './Sparkline';
import { TimeAxis } from './TimeAxis';
import { selectStateDay } from './stateDay';
import { useCentralitySeries } from './useCentralitySeries';

export const formatBetweenness = (v: number) => v.toFixed(3);

function ActorCentrality({ model, actor }: { model: ExplorerModel; actor: string }) {
  const series = useCentralitySeries(model, actor);
  const day = useStore(selectStateDay);
  const now = degreeAt(model, actor, day);
  const betweenness =
    rankingAtDay(model, `betweenness@${day}`).find((r) => r.actor === actor)?.value ?? 0;
  const { start, end } = model.index;
  const pts = (key: 'positive' | 'negative' | 'betweenness') =>
    series.points.map((p) => ({ day: p.day, value: p[key] }));
  const degreeMax = niceMax(
    Math.max(0, ...series.points.map((p) => Math.max(p.positive, p.negative))),
  );
  const done = series.total > 0 && series.points.length >= series.total;

  return (
    <div className="centrality" data-testid="centrality" aria-busy={!done}>
      <Sparkline
        label="Positive relations"
        variant="positive"
        points={pts('positive')}
        start={start}
        end={end}
        max={degreeMax}
      />
      <Sparkline
        label="Negative relations"
        variant="negative"
        points={pts('negative')}
        start={start}
        end={end}
        max={degreeMax}
      />
      <Sparkline
        label="Betweenness"
        variant="betweenness"
        points={pts('betweenness')}
        start={start}
        end={end}
        format={(v) => v.toFixed(2)}
      />
      <TimeAxis start={start} end={end} />
      <p className="a-hint">
        Betweenness: the share of shortest paths between other actors that pass through this one
        (every active relation is a link, whatever its sign).
      </p>
      {!done && (
        <p className="a-hint" role="status">
          Computing… {series.points.length} of {series.total || '…'} dates
        </p>
      )}
      <table className="a-table a-table--compact" data-testid="centrality-now">
        <caption>
          At <DayText />
        </caption>
        <tbody>
          <tr>
            <th scope="row">Positive relations</th>
            <td className="a-num" data-testid="now-positive">
              {now.positive}
            </td>
          </tr>
          <tr>
            <th scope="row">Negative relations</th>
            <td className="a-num" data-testid="now-negative">
              {now.negative}
            </td>
          </tr>
          <tr>
            <th scope="row">Contacts (neutral)</th>
            <td className="a-num" data-testid="now-neutral">
              {now.neutral}
            </td>
          </tr>
          <tr>
            <th scope="row">Betweenness</th>
            <td className="a-num" data-testid="now-betweenness">
              {formatBetweenness(betweenness)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function CentralityPanel({ model }: { model: ExplorerModel }) {
  const selected = useStore(selectSelectedActor);
  const actor = selected && model.actorsById.has(selected) ? selected : null;
  return (
    <section className="a-section" aria-labelledby="centrality-heading">
      <h2 id="centrality-heading" className="a-heading">
        Centrality over time
      </h2>
      <ActorSelect
        model={model}
        label="Actor"
        value={actor}
        onChange={(id) => select(id ? { kind: 'actor', id } : null)}
      />
      {actor ? (
        <ActorCentrality key={actor} model={model} actor={actor} />
      ) : (
        <p className="a-hint">Select an actor on the graph or in the list to chart it.</p>
      )}
      <RankingTable model={model} selected={actor} />
    </section>
  );
}
