/**
 * The credit line of a shipped example while it is open, in the corner of the
 * view as maps credit their tiles: whose data it is, which release, its
 * licence, and where to get it. The dataset's own source (title bar, evidence)
 * says the same at more length; this line stays in sight whatever is selected.
 */
import { exampleOf } from '../../store/examples';
import { useStore, type AppState } from '../../store/store';

const selectKey = (s: AppState) => s.datasetKey;

export function DataAttribution() {
  const example = exampleOf(useStore(selectKey));
  if (!example) return null;
  const { data, producer, licence, licenceUrl, url } = example.attribution;
  return (
    <p className="data-attribution">
      Data:{' '}
      <a href={url} target="_blank" rel="noreferrer noopener">
        {data}
      </a>
      , {producer},{' '}
      <a
        href={licenceUrl}
        target="_blank"
        rel="noreferrer noopener"
        title="Creative Commons licence"
      >
        {licence}
      </a>
    </p>
  );
}
