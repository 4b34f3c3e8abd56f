/**
 * The quotes that support a relation or an event, verbatim, each with the
 * source it comes from and any note on it (labelled "Note:"); notes about
 * the sources themselves follow once.
 * Everything is rendered as text: dataset strings never become markup.
 */
import type { ExplorerModel } from '../../core/explorer-model';
import { humanDate } from '../../core/dates';
import type { Evidence, Source } from '../../core/schema';
import { safeUrl } from './details-model';
import './evidence.css';

function Citation({ source, id }: { source: Source | undefined; id: string }) {
  if (!source) return <cite>{id}</cite>;
  const url = safeUrl(source.url);
  const extra = [source.author, source.publisher, source.date && humanDate(source.date)].filter(
    Boolean,
  );
  return (
    <>
      {url ? (
        <a href={url} target="_blank" rel="noreferrer noopener">
          <cite>{source.title}</cite>
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {extra.length > 0 && <span>, {extra.join(', ')}</span>}
    </>
  );
}

export function EvidenceList({
  model,
  evidence,
}: {
  model: ExplorerModel;
  evidence: readonly Evidence[];
}) {
  if (evidence.length === 0) return <p className="details__none">No quote supports this yet.</p>;
  const sources = new Map(model.dataset.sources.map((s) => [s.id, s]));
  const cited = [...new Set(evidence.map((e) => e.source))]
    .map((id) => sources.get(id))
    .filter((s): s is Source => s?.note !== undefined);
  return (
    <>
      <ol className="evidence">
        {evidence.map((ev, i) => (
          <li key={i} className="evidence__item">
            <blockquote className="evidence__quote">{ev.quote}</blockquote>
            <p className="evidence__source">
              <span aria-hidden="true">— </span>
              <Citation source={sources.get(ev.source)} id={ev.source} />
            </p>
            {/* The compiler's remark, not the source's words: labelled in text, so it is
                also read out as a note. */}
            {ev.note && (
              <p className="evidence__note">
                <span className="evidence__note-label">Note:</span> {ev.note}
              </p>
            )}
          </li>
        ))}
      </ol>
      {cited.length > 0 && (
        <details className="evidence__about">
          <summary>
            About {cited.length === 1 ? 'the source' : `the ${cited.length} sources`}
          </summary>
          {cited.map((s) => (
            <p key={s.id}>
              <cite>{s.title}</cite>: {s.note}
            </p>
          ))}
        </details>
      )}
    </>
  );
}
