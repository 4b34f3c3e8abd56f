/**
 * What a relation or an event rests on, at a glance: a badge ("Source" or
 * "History", told apart by its word and its border, not by colour) with the
 * cited sources' titles or the history reference beside it. Rendered as
 * `<dt>`/`<dd>` pairs inside the caller's `<dl>`; all text, never markup.
 */
import { effectiveBasis, type BasisFields } from '../../core/basis';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Basis } from '../../core/schema';

const BADGE: Record<Basis, string> = { quote: 'Source', history: 'History' };

function BasisLine({
  basis,
  citedTitles,
  reference,
}: {
  basis: Basis;
  citedTitles: string[];
  reference: string | undefined;
}) {
  return (
    <>
      <span className={`details__basis details__basis--${basis}`}>{BADGE[basis]}</span>{' '}
      {basis === 'quote' ? (
        <span>
          quoted from{' '}
          {citedTitles.map((title, i) => (
            <span key={title}>
              {i > 0 && ', '}
              <cite>{title}</cite>
            </span>
          ))}
        </span>
      ) : (
        <span className="details__reference">{reference ?? 'well-known history'}</span>
      )}
    </>
  );
}

export function BasisFacts({ model, item }: { model: ExplorerModel; item: BasisFields }) {
  const { claim, dates, reference } = effectiveBasis(item);
  if (claim === undefined && dates === undefined) return null;
  const titles = new Map(model.dataset.sources.map((s) => [s.id, s.title]));
  const citedTitles = [...new Set(item.evidence.map((e) => titles.get(e.source) ?? e.source))];
  const line = (basis: Basis) => (
    <BasisLine basis={basis} citedTitles={citedTitles} reference={reference} />
  );
  return (
    <>
      {claim && (
        <>
          <dt>Basis</dt>
          <dd data-testid="basis">{line(claim)}</dd>
        </>
      )}
      {dates && dates !== claim && (
        <>
          <dt>Dates</dt>
          <dd data-testid="date-basis">{line(dates)}</dd>
        </>
      )}
    </>
  );
}
