/**
 * The two camps that explain the signs best (minimum frustration), per
 * connected group of signed relations: camps of different groups are
 * independent, so each group is listed on its own. Actors without a signed
 * relation at the date get no camp.
 */
import type { CampComponent, CampsReport } from '../../core/analysis';
import type { ExplorerModel } from '../../core/explorer-model';
import { setBalanceMarks, useStore } from '../../store/store';
import { plural } from './format';
import { selectMarkCamps } from './selectors';

const PROOF = {
  zero: 'nothing is frustrated',
  search: 'proven minimal by exhaustive search',
  bound: 'proven minimal by a lower bound',
} as const;

/** What the frustration says, and how sure it is. */
function frustrationText(camps: CampsReport): string {
  if (camps.frustration === 0) return 'every signed pair fits the split: the graph is balanced.';
  const pairs =
    camps.frustration === 1
      ? 'one signed pair contradicts this split'
      : `${camps.frustration} signed pairs contradict this split`;
  return camps.exact
    ? `${pairs}, and no split does better (proven; other splits may do as well).`
    : `${pairs}; the best split has at least ${camps.lowerBound} (not proven minimal).`;
}

/** Lists of unrelated pairs up to this long start unfolded. */
const UNFOLDED_UP_TO = 6;

/**
 * Same-camp pairs with no relation at the date. A camp is the side that contradicts fewest
 * signs, not an alliance: two members may share it only through their relations with others,
 * so what lies between them is unknown and must not read as friendly.
 */
function UnrelatedPairs({ group, name }: { group: CampComponent; name: (id: string) => string }) {
  if (group.unrelated === 0) return null;
  const pairs = group.unrelatedPairs
    .map(([a, b]) => [name(a), name(b)].sort((x, y) => x.localeCompare(y)))
    .sort((x, y) => x[0]!.localeCompare(y[0]!) || x[1]!.localeCompare(y[1]!));
  return (
    <div className="camps__unrelated" data-testid="camps-unrelated">
      <p className="camps__group-title">
        {group.unrelated === 1
          ? 'One pair in the same camp has no relation at this date'
          : `${group.unrelated} pairs in the same camp have no relation at this date`}
      </p>
      <p className="a-hint">
        They share a camp through their relations with others: whether they are friends is unknown.
      </p>
      {pairs.length > 0 && (
        // A long list is folded: it would push the contradicting relations out of sight.
        <details className="camps__unrelated-pairs" open={pairs.length <= UNFOLDED_UP_TO}>
          <summary>
            {pairs.length <= UNFOLDED_UP_TO ? 'The pairs' : `Show the ${pairs.length} pairs`}
          </summary>
          <ul className="camps__unrelated-list">
            {pairs.map(([a, b]) => (
              <li key={`${a}|${b}`}>
                {a} — {b}: <span className="camps__unknown">no relation (unknown)</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function CampsSection({ model, camps }: { model: ExplorerModel; camps: CampsReport }) {
  const markCamps = useStore(selectMarkCamps);
  const name = (id: string) => model.actorsById.get(id)?.label ?? id;
  const groups = camps.components.filter((c) => c.actors.length > 1);
  const loners = camps.components.length - groups.length;
  const members = (actors: readonly string[], camp: 0 | 1) =>
    actors
      .filter((id) => camps.camp.get(id) === camp)
      .map(name)
      .sort((x, y) => x.localeCompare(y));

  return (
    <div className="camps" data-testid="camps">
      <h3 className="a-subheading">Two camps</h3>
      <label className="a-check">
        <input
          type="checkbox"
          checked={markCamps}
          onChange={(e) => setBalanceMarks({ camps: e.target.checked })}
        />
        <span>Colour actors by camp on the graph</span>
      </label>
      <p className="a-meta" data-testid="frustration">
        Frustration <strong>{camps.frustration}</strong>: {frustrationText(camps)}
      </p>
      {groups.length === 0 && <p className="a-hint">No signed relation at this date.</p>}
      {groups.map((g, i) => (
        <div key={g.actors.join('|')} className="camps__group">
          {groups.length > 1 && (
            <p className="camps__group-title">
              Group {i + 1} <span className="a-muted">(independent of the others)</span>
            </p>
          )}
          <div className="camps__pair">
            {([0, 1] as const).map((camp) => (
              <div key={camp} className="camps__camp" data-camp={camp === 0 ? 'a' : 'b'}>
                <p className="camps__name">
                  <span
                    className={`camp-ring camp-ring--${camp === 0 ? 'a' : 'b'}`}
                    aria-hidden="true"
                  />
                  Camp {camp === 0 ? 'A' : 'B'}
                </p>
                <ul>
                  {members(g.actors, camp).map((label) => (
                    <li key={label}>{label}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <UnrelatedPairs group={g} name={name} />
          {groups.length > 1 && (
            <p className="a-hint">
              Frustration {g.frustration}
              {g.proof ? `, ${PROOF[g.proof]}` : `, at least ${g.lowerBound}`}.
            </p>
          )}
        </div>
      ))}
      {camps.frustrated.length > 0 && (
        <>
          <p className="camps__group-title">Relations that contradict the split</p>
          <ul className="camps__frustrated" data-testid="frustrated">
            {camps.frustrated.map((f) => (
              <li key={f.actors.join('|')}>
                {name(f.actors[0])} — {name(f.actors[1])}:{' '}
                {f.reason === 'positive-across'
                  ? 'allies in opposite camps'
                  : 'enemies in one camp'}
              </li>
            ))}
          </ul>
        </>
      )}
      {loners > 0 && (
        <p className="a-hint">
          {plural(loners, 'actor')} without a signed relation at this date{' '}
          {loners === 1 ? 'has' : 'have'} no camp.
        </p>
      )}
    </div>
  );
}
