/**
 * Structural balance at the shown date: triangles by sign pattern, the
 * balanced and weakly balanced shares, what was left out, the unbalanced
 * triangles (highlighted on the graph on request) and the two camps. It
 * re-renders only when the graph changes (state day), not every frame.
 */
import type { UnbalancedTriangle } from '../../core/analysis';
import type { ExplorerModel } from '../../core/explorer-model';
import { setBalanceMarks, useStore } from '../../store/store';
import { balanceAtDay, campsAtDay } from './cache';
import { CampsSection } from './CampsSection';
import { DayText } from './DayText';
import { PATTERNS, percent, plural, signSymbol } from './format';
import { selectMarkUnbalanced } from './selectors';
import { selectStateDay } from './stateDay';

function TriangleItem({ model, t }: { model: ExplorerModel; t: UnbalancedTriangle }) {
  const name = (id: string) => model.actorsById.get(id)?.label ?? id;
  return (
    <li className="triangle" data-actors={t.actors.join('|')} data-pattern={t.pattern}>
      <p className="triangle__head">
        <span className="triangle__pattern">
          {t.pattern.replace(/-/g, '−').split('').join(' ')}
        </span>
        <span>{t.actors.map(name).join(' · ')}</span>
      </p>
      <ul className="triangle__sides">
        {t.sides.map((side) => (
          <li key={side.actors.join('|')}>
            <span className={`triangle__sign triangle__sign--${side.sign > 0 ? 'pos' : 'neg'}`}>
              {signSymbol(side.sign)}
            </span>{' '}
            {name(side.actors[0])} — {name(side.actors[1])}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function BalancePanel({ model }: { model: ExplorerModel }) {
  const day = useStore(selectStateDay);
  const markUnbalanced = useStore(selectMarkUnbalanced);
  const report = balanceAtDay(model, day);
  const camps = campsAtDay(model, day);
  const c = report.counts;

  return (
    <section className="a-section" aria-labelledby="balance-heading" data-testid="balance">
      <h2 id="balance-heading" className="a-heading">
        Structural balance
      </h2>
      <p className="a-meta">
        At <DayText />. “The enemy of my enemy is my friend”: a triangle is balanced when it has an
        even number of negative sides.
      </p>
      <table className="a-table" data-testid="balance-counts">
        <caption className="visually-hidden">Triangles by sign pattern</caption>
        <thead>
          <tr>
            <th scope="col">Signs</th>
            <th scope="col">Reading</th>
            <th scope="col">Balanced</th>
            <th scope="col" className="a-num">
              Count
            </th>
          </tr>
        </thead>
        <tbody>
          {PATTERNS.map((p) => (
            <tr key={p.key} data-pattern={p.key}>
              <th scope="row" className="a-pattern">
                {p.label}
              </th>
              <td>{p.reading}</td>
              <td>{p.balanced ? 'yes' : p.weak ? 'weakly' : 'no'}</td>
              <td className="a-num" data-testid={`count-${p.key}`}>
                {c[p.key]}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Triangles
            </th>
            <td className="a-num" data-testid="count-total">
              {c.total}
            </td>
          </tr>
        </tfoot>
      </table>
      <dl className="a-stats">
        <div>
          <dt>Balanced</dt>
          <dd data-testid="balanced-share">{percent(report.balancedShare)}</dd>
          <dd className="a-stats__detail">
            {report.counts.total === 0
              ? 'no triangle'
              : `${report.balanced} of ${report.counts.total}`}
          </dd>
        </div>
        <div>
          <dt>Weakly balanced</dt>
          <dd data-testid="weak-share">{percent(report.weaklyBalancedShare)}</dd>
          <dd className="a-stats__detail">all but + + −</dd>
        </div>
      </dl>
      <p className="a-meta" data-testid="balance-pairs">
        On {plural(report.signedPairs, 'signed pair')}; left out:{' '}
        {plural(report.neutralPairs, 'pair')} with contact only or cancelling signs,{' '}
        {report.mixedPairs} mixed (positive and negative at once).
      </p>

      <h3 className="a-subheading">
        Unbalanced triangles <span className="a-count">{report.unbalancedTriangles.length}</span>
      </h3>
      <label className="a-check">
        <input
          type="checkbox"
          checked={markUnbalanced}
          onChange={(e) => setBalanceMarks({ unbalanced: e.target.checked })}
        />
        <span>
          Highlight them on the graph{' '}
          <span className="a-mark a-mark--unbalanced" aria-hidden="true" /> (pink halo)
        </span>
      </label>
      {report.unbalancedTriangles.length === 0 ? (
        <p className="a-hint">None: every triangle at this date is balanced.</p>
      ) : (
        <ul className="triangles" data-testid="unbalanced-triangles">
          {report.unbalancedTriangles.map((t) => (
            <TriangleItem key={t.actors.join('|')} model={model} t={t} />
          ))}
        </ul>
      )}

      <CampsSection model={model} camps={camps} />
      <p className="a-hint">
        The time bar plots the balanced share over the whole period (solid line; dashed: weakly
        balanced).
      </p>
    </section>
  );
}
