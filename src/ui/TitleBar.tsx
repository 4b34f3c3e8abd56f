/**
 * Title and sources, actor search, the view switch (graph, table, small
 * multiples), the dataset controls and export. On smaller screens the
 * controls fold into the header's menu (HeaderMenu) so the header keeps one
 * row; a title cut short by the width opens in full when tapped.
 */
import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { selectModel, selectView } from '../store/selectors';
import { setView, useStore, type ViewMode } from '../store/store';
import { openStoryPanel } from '../store/stories';
import { HeaderMenu } from './HeaderMenu';
import { DatasetMenu } from './library/DatasetMenu';
import { EditToggle } from './edit/EditToggle';
import { STANDALONE } from '../publish/standaloneBuild';
import { Search } from './Search';
import { usePointerDownOutside } from './usePointerDownOutside';

// Export code (SVG renderer, video encoder) is not needed for the first picture.
const ExportDialog = lazy(() =>
  import('./export/ExportDialog').then((m) => ({ default: m.ExportDialog })),
);

/** The view switch's buttons. */
const VIEWS: readonly { id: ViewMode; label: string; title?: string }[] = [
  { id: 'graph', label: 'Graph' },
  { id: 'table', label: 'Table' },
  // Analysis: the graph at several dates side by side.
  {
    id: 'multiples',
    label: 'Small multiples',
    title: 'Small multiples: the graph at several dates side by side',
  },
];

export function TitleBar() {
  const model = useStore(selectModel);
  const view = useStore(selectView);
  const [exporting, setExporting] = useState(false);
  if (!model) return null;
  const { title, sources } = model.dataset;
  const sourceLine = sources.map((s) => s.title + (s.date ? ` (${s.date})` : '')).join('; ');
  return (
    <header className="title-bar">
      <TitleText title={title} sourceLine={sourceLine} />
      <HeaderMenu>
        <div className="title-bar__tools">
          <Search />
          <div className="view-switch" role="group" aria-label="View">
            {VIEWS.map((v) => (
              <button
                key={v.id}
                type="button"
                aria-pressed={view === v.id}
                title={v.title}
                data-closes-menu
                onClick={() => setView(v.id)}
              >
                {v.label}
              </button>
            ))}
          </div>
        </div>
        <div className="title-bar__more">
          {/* A published story holds one dataset, read-only: no library to choose from. */}
          {!STANDALONE && <DatasetMenu />}
          {!STANDALONE && <EditToggle />}
          <button
            type="button"
            className="title-bar__export"
            data-closes-menu
            title="Narrated steps through the graph: make one, or present one"
            onClick={openStoryPanel}
          >
            Stories
          </button>
          <button
            type="button"
            className="title-bar__export"
            data-closes-menu
            onClick={() => setExporting(true)}
          >
            Export…
          </button>
        </div>
      </HeaderMenu>
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog open={exporting} onClose={() => setExporting(false)} />
        </Suspense>
      )}
    </header>
  );
}

/**
 * The app's name, the dataset's title and its sources, each on one line with an ellipsis when
 * the width cuts it. A cut title becomes a button that shows the full title and sources (a
 * `title` tooltip alone never appears on touch screens nor for the keyboard); a title that fits
 * stays plain text, with no extra tab stop.
 */
function TitleText({ title, sourceLine }: { title: string; sourceLine: string }) {
  const text = useRef<HTMLSpanElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [cut, setCut] = useState(false);
  const [full, setFull] = useState(false);

  useLayoutEffect(() => {
    const el = text.current;
    if (!el) return;
    // Measured by the observer alone: it reports once as soon as it observes, after the
    // browser's own layout and before paint. Measuring here would force that layout inside the
    // task that rendered the page (for a new big dataset, hundreds of milliseconds).
    const observer = new ResizeObserver(() => setCut(el.scrollWidth > el.clientWidth + 1));
    observer.observe(el);
    return () => observer.disconnect();
  }, [title, cut]); // `cut` swaps the span into a button: observe the new one

  usePointerDownOutside(root, full, () => setFull(false));

  const shownInFull = full && cut;
  const label = (
    <span ref={text} className="title-bar__title-text">
      {title}
    </span>
  );
  return (
    <div
      ref={root}
      className="title-bar__text"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !shownInFull) return;
        e.preventDefault(); // closes the full title, and leaves the selection alone
        setFull(false);
      }}
    >
      <span className="title-bar__app">Allegiance</span>
      <h1 className="title-bar__title" title={title}>
        {cut ? (
          <button
            type="button"
            className="title-bar__title-button"
            aria-expanded={shownInFull}
            aria-controls="title-bar-full"
            onClick={() => setFull(!full)}
          >
            {label}
          </button>
        ) : (
          label
        )}
      </h1>
      {sourceLine && (
        <p className="title-bar__sources" title={sourceLine}>
          Sources: {sourceLine}
        </p>
      )}
      {shownInFull && (
        <div id="title-bar-full" className="title-bar__full">
          <p className="title-bar__full-title">{title}</p>
          {sourceLine && <p className="title-bar__full-sources">Sources: {sourceLine}</p>}
        </div>
      )}
    </div>
  );
}
