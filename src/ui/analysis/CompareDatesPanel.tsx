/**
 * Compare dates: choose t1 and t2 (shown as a band on the time bar); the
 * graph marks relations that began, ended or flipped in between, and the
 * list gives each change with its date and evidence. Independent of the
 * shown day, so playback does not re-render it.
 */
import { useMemo } from 'react';
import { compareDates, type RelationChange } from '../../core/analysis';
import { humanDay } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { setCompareDays, useStore } from '../../store/store';
import { timeKindOf } from '../../store/timeView';
import { ActorChangeItem, FlipItem, RelationChangeItem } from './ChangeItems';
import { DateField } from './DateField';
import { plural } from './format';
import { selectCompare } from './selectors';

export function CompareDatesPanel({ model }: { model: ExplorerModel }) {
  const stored = useStore(selectCompare);
  const { start, end } = model.index;
  const t1 = stored?.t1 ?? start;
  const t2 = stored?.t2 ?? end;
  const cmp = useMemo(() => compareDates(model, t1, t2), [model, t1, t2]);
  const began = [...cmp.entered, ...cmp.left].filter((c) => c.event === 'start').length;
  const ended = cmp.entered.length + cmp.left.length - began;
  const rest = cmp.changes.filter((c): c is RelationChange => c.type !== 'flip');

  return (
    <section className="a-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading" className="a-heading">
        Compare two dates
      </h2>
      <div className="a-dates">
        <DateField
          label="First date (t1)"
          name="t1"
          value={t1}
          min={start}
          max={end}
          onChange={(d) => setCompareDays(d, t2)}
        />
        <DateField
          label="Second date (t2)"
          name="t2"
          value={t2}
          min={start}
          max={end}
          onChange={(d) => setCompareDays(t1, d)}
        />
      </div>
      <p className="a-summary" data-testid="compare-summary" aria-live="polite">
        From {humanDay(t1, 'day', timeKindOf(model))} to {humanDay(t2, 'day', timeKindOf(model))}:{' '}
        {plural(cmp.flips.length, 'pair')} flipped, {plural(began, 'relation')} began, {ended} ended
        {cmp.actors.length > 0 && `, ${plural(cmp.actors.length, 'actor')} appeared or disappeared`}
        .
      </p>
      <p className="a-legend">
        <span className="a-mark a-mark--flipped" aria-hidden="true" /> flipped
        <span className="a-mark a-mark--began" aria-hidden="true" /> began
        <span className="a-mark a-mark--ended" aria-hidden="true" /> ended (drawn faint)
      </p>
      {cmp.changes.length === 0 && cmp.actors.length === 0 ? (
        <p className="a-hint">Nothing changed between these dates.</p>
      ) : (
        <ol className="changes" data-testid="compare-changes">
          {cmp.flips.map((f) => (
            <FlipItem key={f.actors.join('|')} model={model} flip={f} />
          ))}
          {rest.map((c) => (
            <RelationChangeItem key={c.relation.id} model={model} change={c} />
          ))}
          {cmp.actors.map((c) => (
            <ActorChangeItem key={c.actor} change={c} />
          ))}
        </ol>
      )}
    </section>
  );
}
