/**
 * The page: title bar (search, view switch), legend and filters on the left,
 * the graph or the table in the middle, details on the right, the time bar
 * below. Side panels collapse on narrow screens.
 */
import { lazy, Suspense, useState } from 'react';
import { selectView } from '../store/selectors';
import { setView, useStore } from '../store/store';
import { SideTabs } from './analysis/SideTabs';
import { DetailsPanel } from './details/DetailsPanel';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';
import { DropOverlay } from './library/DropOverlay';
import { ImportPanel } from './library/ImportPanel';
import './library/library.css';
import { RelationTable } from './table/RelationTable';
import { TimeBar } from './timebar/TimeBar';
import { TitleBar } from './TitleBar';
import { ViewBoundary } from './ViewBoundary';

// Analysis: small multiples render with the core's SVG code, loaded on first use.
const SmallMultiples = lazy(() =>
  import('./analysis/SmallMultiples').then((m) => ({ default: m.SmallMultiples })),
);
const MAIN_LABEL = { graph: 'Graph', table: 'Table of relations', multiples: 'Small multiples' };

const wide = () => window.matchMedia('(min-width: 901px)').matches;

/**
 * The way out of a main view that failed. The URL and the dataset's last view
 * still name it, so a reload shows this message again rather than a blank
 * page; going back saves the graph as the last view.
 */
const BACK_TO_GRAPH = { label: 'Back to the graph', action: () => setView('graph') };

export function App() {
  const view = useStore(selectView);
  // Narrow screens start with the panels folded, so the graph gets the room.
  const [legendOpen, setLegendOpen] = useState(wide);
  const [detailsOpen, setDetailsOpen] = useState(wide);
  return (
    <div className="app">
      <ViewBoundary name="The title bar">
        <TitleBar />
      </ViewBoundary>
      <div className="app__body" data-legend={legendOpen} data-details={detailsOpen}>
        <aside className="panel panel--left" aria-label="Legend and filters">
          <button
            type="button"
            className="panel__toggle"
            aria-expanded={legendOpen}
            aria-controls="legend-panel"
            onClick={() => setLegendOpen(!legendOpen)}
          >
            Legend &amp; filters
          </button>
          <div id="legend-panel" className="panel__content" hidden={!legendOpen}>
            <ViewBoundary name="The legend and filters">
              <Legend />
            </ViewBoundary>
          </div>
        </aside>
        <main className="app__main" aria-label={MAIN_LABEL[view]}>
          <ViewBoundary name="The graph" hidden={view !== 'graph'}>
            <GraphCanvas visible={view === 'graph'} />
          </ViewBoundary>
          {view === 'table' && (
            <ViewBoundary name="The table of relations" back={BACK_TO_GRAPH}>
              <RelationTable />
            </ViewBoundary>
          )}
          {view === 'multiples' && (
            // Around the Suspense too: loading the view's code can fail as well.
            <ViewBoundary name="The small multiples" back={BACK_TO_GRAPH}>
              <Suspense fallback={null}>
                <SmallMultiples />
              </Suspense>
            </ViewBoundary>
          )}
        </main>
        <aside className="panel panel--right" aria-label="Details and analysis">
          <button
            type="button"
            className="panel__toggle"
            aria-expanded={detailsOpen}
            aria-controls="details-panel"
            onClick={() => setDetailsOpen(!detailsOpen)}
          >
            Details &amp; analysis
          </button>
          <div id="details-panel" className="panel__content" hidden={!detailsOpen}>
            {/* Analysis: a Details | Analysis tab pair around the details. */}
            <ViewBoundary name="The details and analysis panel">
              <SideTabs
                open={detailsOpen}
                details={
                  <ViewBoundary name="The details">
                    <DetailsPanel />
                  </ViewBoundary>
                }
              />
            </ViewBoundary>
          </div>
        </aside>
      </div>
      <footer className="app__footer">
        <ViewBoundary name="The time bar">
          <TimeBar />
        </ViewBoundary>
      </footer>
      <ViewBoundary name="The import panel">
        <ImportPanel />
      </ViewBoundary>
      <ViewBoundary name="Dropping files">
        <DropOverlay />
      </ViewBoundary>
    </div>
  );
}
