/**
 * The credit line of a shipped example while it is open, along the bottom of
 * the view as maps credit their tiles: whose data it is, which release, its
 * licence, and where to get it. The dataset's own source (title bar, evidence)
 * says the same at more length; this line stays in sight whatever is selected.
 */
import { useRef } from 'react';
import { exampleOf } from '../../store/examples';
import { useCanvasCover } from '../canvasCovers';
import { useStore, type AppState } from '../../store/store';

const selectKey = (s: AppState) => s.datasetKey;

export function DataAttribution() {
  const example = exampleOf(useStore(selectKey));
  const line = useRef<HTMLParagraphElement>(null);
  // The line stretches across the graph's bottom: the camera keeps actors above it.
  useCanvasCover(line, example !== undefined);
  if (!example) return null;
  const { data, producer, licence, licenceUrl, url } = example.attribution;
  return (
    <p ref={line} className="data-attribution">
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
