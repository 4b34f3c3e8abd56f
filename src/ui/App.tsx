/**
 * The page: title bar (search, view switch), legend and filters on the left,
 * the graph or the table in the middle, details on the right, the time bar
 * below. Side panels collapse on narrow screens.
 */
import { useState } from 'react';
import { selectView } from '../store/selectors';
import { useStore } from '../store/store';
import { DetailsPanel } from './details/DetailsPanel';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';
import { DropOverlay } from './library/DropOverlay';
import { ImportPanel } from './library/ImportPanel';
import './library/library.css';
import { RelationTable } from './table/RelationTable';
import { TimeBar } from './timebar/TimeBar';
import { TitleBar } from './TitleBar';

const wide = () => window.matchMedia('(min-width: 901px)').matches;

export function App() {
  const view = useStore(selectView);
  // Narrow screens start with the panels folded, so the graph gets the room.
  const [legendOpen, setLegendOpen] = useState(wide);
  const [detailsOpen, setDetailsOpen] = useState(wide);
  return (
    <div className="app">
      <TitleBar />
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
            <Legend />
          </div>
        </aside>
        <main className="app__main" aria-label={view === 'graph' ? 'Graph' : 'Table of relations'}>
          <GraphCanvas visible={view === 'graph'} />
          {view === 'table' && <RelationTable />}
        </main>
        <aside className="panel panel--right" aria-label="Details">
          <button
            type="button"
            className="panel__toggle"
            aria-expanded={detailsOpen}
            aria-controls="details-panel"
            onClick={() => setDetailsOpen(!detailsOpen)}
          >
            Details
          </button>
          <div id="details-panel" className="panel__content" hidden={!detailsOpen}>
            <DetailsPanel />
          </div>
        </aside>
      </div>
      <footer className="app__footer">
        <TimeBar />
      </footer>
      <ImportPanel />
      <DropOverlay />
    </div>
  );
}
