/** Actors ranked at the shown date by a measure of centrality; equal values share a rank. */
import { useState } from 'react';
import type { RankBy } from '../../core/analysis';
import type { ExplorerModel } from '../../core/explorer-model';
import { select, useStore } from '../../store/store';
import { rankingAtDay } from './cache';
import { DayText } from './DayText';
import { selectStateDay } from './stateDay';

const MEASURES: { id: RankBy; label: string }[] = [
  { id: 'degree', label: 'All relations' },
  { id: 'positive', label: 'Positive relations' },
  { id: 'negative', label: 'Negative relations' },
  { id: 'neutral', label: 'Contacts' },
  { id: 'betweenness', label: 'Betweenness' },
];

const TOP = 10;

export function RankingTable({
  model,
  selected,
}: {
  model: ExplorerModel;
  selected: string | null;
}) {
  const [by, setBy] = useState<RankBy>('degree');
  const [all, setAll] = useState(false);
  const day = useStore(selectStateDay);
  const ranking = rankingAtDay(model, `${by}@${day}`);
  const shown = all ? ranking : ranking.slice(0, TOP);
  const format = (v: number) => (by === 'betweenness' ? v.toFixed(3) : String(v));
  // Competition ranking: 1, 2, 2, 4.
  const rankOf = (i: number) => {
    let k = i;
    while (k > 0 && ranking[k - 1]!.value === ranking[i]!.value) k--;
    return k + 1;
  };

  return (
    <div className="ranking">
      <h3 className="a-subheading">
        Ranking at <DayText />
      </h3>
      <div className="a-field a-field--inline">
        <label htmlFor="ranking-by">Rank by</label>
        <select id="ranking-by" value={by} onChange={(e) => setBy(e.target.value as RankBy)}>
          {MEASURES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      {ranking.length === 0 ? (
        <p className="a-hint">No actor at this date.</p>
      ) : (
        <table className="a-table" data-testid="ranking">
          <caption className="visually-hidden">
            Actors by {MEASURES.find((m) => m.id === by)!.label.toLowerCase()}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="a-num">
                #
              </th>
              <th scope="col">Actor</th>
              <th scope="col" className="a-num">
                {by === 'betweenness' ? 'Betweenness' : 'Relations'}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr
                key={r.actor}
                data-actor={r.actor}
                aria-current={r.actor === selected || undefined}
              >
                <td className="a-num">{rankOf(i)}</td>
                <th scope="row">
                  <button
                    type="button"
                    className="a-link"
                    onClick={() => select({ kind: 'actor', id: r.actor }, true)}
                  >
                    {r.label}
                  </button>
                </th>
                <td className="a-num">{format(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ranking.length > TOP && (
        <button type="button" className="a-button a-button--small" onClick={() => setAll(!all)}>
          {all ? `Show the top ${TOP}` : `Show all ${ranking.length}`}
        </button>
      )}
    </div>
  );
}
