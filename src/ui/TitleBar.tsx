/** Title and sources, actor search, the view switch (graph, table, small multiples) and export. */
import { lazy, Suspense, useState } from 'react';
import { selectModel, selectView } from '../store/selectors';
import { setView, useStore } from '../store/store';
import { DatasetMenu } from './library/DatasetMenu';
import { Search } from './Search';

// Export code (SVG renderer, video encoder) is not needed for the first picture.
const ExportDialog = lazy(() =>
  import('./export/ExportDialog').then((m) => ({ default: m.ExportDialog })),
);

export function TitleBar() {
  const model = useStore(selectModel);
  const view = useStore(selectView);
  const [exporting, setExporting] = useState(false);
  if (!model) return null;
  const { title, sources } = model.dataset;
  const sourceLine = sources.map((s) => s.title + (s.date ? ` (${s.date})` : '')).join('; ');
  return (
    <header className="title-bar">
      <div className="title-bar__text">
        <span className="title-bar__app">Allegiance</span>
        <h1 className="title-bar__title" title={title}>
          {title}
        </h1>
        {sources.length > 0 && (
          <p className="title-bar__sources" title={sourceLine}>
            Sources: {sourceLine}
          </p>
        )}
      </div>
      <DatasetMenu />
      <Search />
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'graph'} onClick={() => setView('graph')}>
          Graph
        </button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
          Table
        </button>
        {/* Analysis: the graph at several dates side by side. */}
        <button
          type="button"
          aria-pressed={view === 'multiples'}
          title="Small multiples: the graph at several dates side by side"
          onClick={() => setView('multiples')}
        >
          Small multiples
        </button>
      </div>
      <button type="button" className="title-bar__export" onClick={() => setExporting(true)}>
        Export…
      </button>
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog open={exporting} onClose={() => setExporting(false)} />
        </Suspense>
      )}
    </header>
  );
}
