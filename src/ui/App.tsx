/**
 * The page: skip links, title bar (search, view switch), legend and filters
 * on the left, the graph or the table in the middle, details on the right,
 * the time bar below. Layout by width (breakpoints in core/tokens.ts):
 * - wide: both side panels open;
 * - `medium` and below: the legend starts folded to a rail, so the canvas
 *   keeps most of the width;
 * - `narrow` and below (phones): one column; a side panel opens as a bottom
 *   sheet over the graph, one at a time, and selecting something opens the
 *   details sheet (clearing the selection closes it).
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { selectSelection, selectView, selectEditingOn } from '../store/selectors';
import { leavePresentation, setView, useStore } from '../store/store';
import { SideTabs } from './analysis/SideTabs';
import { useCanvasCover } from './canvasCovers';
import { DetailsPanel } from './details/DetailsPanel';
import { loadEditPanel } from './edit/loadEditing';
import { FirstVisit } from './FirstVisit';
import { Loading } from './Loading';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';
import { DataAttribution } from './library/DataAttribution';
import { DropOverlay } from './library/DropOverlay';
import { ImportPanel } from './library/ImportPanel';
import { STANDALONE } from '../publish/standaloneBuild';
import './library/library.css';
import { SKIP_TARGETS, SkipLinks } from './SkipLinks';
import { Presentation } from './story/Presentation';
import { selectPresentation, selectStoryPanelOpen } from './story/selectors';
import { TimeBar } from './timebar/TimeBar';
import { TitleBar } from './TitleBar';
import { isAtMost, useAtMost } from './useMediaQuery';
import { ViewBoundary } from './ViewBoundary';

// What the first picture does not show is loaded on first use: small multiples (with the core's
// SVG code), the table and the edit panel (with the edit checks, the dataset schema and zod).
// The edit switch fetches the panel's code before edit mode starts. A story's presentation is
// not: it must see where the focus was when it opened, to give it back when it closes.
const SmallMultiples = lazy(() =>
  import('./analysis/SmallMultiples').then((m) => ({ default: m.SmallMultiples })),
);
const RelationTable = lazy(() =>
  import('./table/RelationTable').then((m) => ({ default: m.RelationTable })),
);
const EditBar = lazy(() => loadEditPanel().then((m) => ({ default: m.EditBar })));
const MAIN_LABEL = { graph: 'Graph', table: 'Table of relations', multiples: 'Small multiples' };

/**
 * The way out of a main view that failed. The URL and the dataset's last view
 * still name it, so a reload shows this message again rather than a blank
 * page; going back saves the graph as the last view.
 */
const BACK_TO_GRAPH = { label: 'Back to the graph', action: () => setView('graph') };

export function App() {
  const view = useStore(selectView);
  const selection = useStore(selectSelection);
  const narrow = useAtMost('narrow');
  const presenting = useStore(selectPresentation) !== null;
  const storyPanelOpen = useStore(selectStoryPanelOpen);
  const editing = useStore(selectEditingOn);
  // On a phone the side panels open as sheets over the graph: its camera keeps the selection above them.
  const legendPanel = useRef<HTMLElement>(null);
  const detailsPanel = useRef<HTMLElement>(null);
  useCanvasCover(legendPanel);
  useCanvasCover(detailsPanel);
  // Smaller screens start with panels folded, so the graph gets the room; a phone opened on a
  // link to a selection shows its details at once.
  const [legendOpen, setLegendOpen] = useState(() => !isAtMost('medium'));
  const [detailsOpen, setDetailsOpen] = useState(
    () => !isAtMost('narrow') || useStore.getState().selection !== null,
  );

  // On a phone a sheet covers half the graph: one at a time, and the details follow the selection.
  const [shownSelection, setShownSelection] = useState(selection);
  if (shownSelection !== selection) {
    setShownSelection(selection);
    if (narrow) {
      setDetailsOpen(selection !== null);
      if (selection) setLegendOpen(false);
    }
  }
  // On becoming narrow the legend folds; the details sheet, if open, stays.
  const [wasNarrow, setWasNarrow] = useState(narrow);
  if (wasNarrow !== narrow) {
    setWasNarrow(narrow);
    if (narrow) setLegendOpen(false);
  }
  const openLegend = (open: boolean) => {
    setLegendOpen(open);
    if (open && narrow) setDetailsOpen(false);
  };
  const openDetails = (open: boolean) => {
    setDetailsOpen(open);
    if (open && narrow) setLegendOpen(false);
  };
  // The header's Stories button opens the story tab: the side panel unfolds to show it.
  const [shownStoryPanel, setShownStoryPanel] = useState(storyPanelOpen);
  if (shownStoryPanel !== storyPanelOpen) {
    setShownStoryPanel(storyPanelOpen);
    if (storyPanelOpen) openDetails(true);
  }

  return (
    <div className="app" data-presenting={presenting}>
      <SkipLinks />
      {/* One grid row: the title bar, and the edit panel under it while editing. */}
      <div className="app__top">
        <ViewBoundary name="The title bar">
          <TitleBar />
        </ViewBoundary>
        {!STANDALONE && editing && (
          <ViewBoundary name="The edit panel">
            <Suspense fallback={<Loading what="the edit panel" />}>
              <EditBar />
            </Suspense>
          </ViewBoundary>
        )}
      </div>
      <div className="app__body" data-legend={legendOpen} data-details={detailsOpen}>
        <aside ref={legendPanel} className="panel panel--left" aria-label="Legend and filters">
          <button
            type="button"
            className="panel__toggle"
            aria-expanded={legendOpen}
            aria-controls="legend-panel"
            onClick={() => openLegend(!legendOpen)}
          >
            Legend &amp; filters
          </button>
          <SheetClose
            label="Close the legend"
            open={legendOpen}
            onClose={() => openLegend(false)}
          />
          <div id="legend-panel" className="panel__content" hidden={!legendOpen}>
            <ViewBoundary name="The legend and filters">
              <Legend />
            </ViewBoundary>
          </div>
        </aside>
        <main id={SKIP_TARGETS.main} className="app__main" aria-label={MAIN_LABEL[view]}>
          <ViewBoundary name="The graph" hidden={view !== 'graph'}>
            <GraphCanvas visible={view === 'graph'} />
          </ViewBoundary>
          {view === 'table' && (
            <ViewBoundary name="The table of relations" back={BACK_TO_GRAPH}>
              <Suspense fallback={<Loading what="the table" />}>
                <RelationTable />
              </Suspense>
            </ViewBoundary>
          )}
          {view === 'multiples' && (
            // Around the Suspense too: loading the view's code can fail as well.
            <ViewBoundary name="The small multiples" back={BACK_TO_GRAPH}>
              <Suspense fallback={<Loading what="the small multiples" />}>
                <SmallMultiples />
              </Suspense>
            </ViewBoundary>
          )}
          {/* The canvas's foot: the first-visit prompt stacked above the data's credit line,
              so neither covers the other. */}
          <div className="canvas-foot">
            {/* A published story opens on its story, not on the first-visit prompt. */}
            {!STANDALONE && (
              <ViewBoundary name="The first-visit prompt">
                <FirstVisit />
              </ViewBoundary>
            )}
            <DataAttribution />
          </div>
        </main>
        <aside ref={detailsPanel} className="panel panel--right" aria-label="Details and analysis">
          <button
            type="button"
            className="panel__toggle"
            aria-expanded={detailsOpen}
            aria-controls="details-panel"
            onClick={() => openDetails(!detailsOpen)}
          >
            Details &amp; analysis
          </button>
          <SheetClose
            label="Close the side panel"
            open={detailsOpen}
            onClose={() => openDetails(false)}
          />
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
        {/* Present mode: the caption beside the graph (below it on a phone); app.css hides the rest. */}
        {presenting && (
          <ViewBoundary
            name="The story"
            back={{ label: 'Leave the story', action: leavePresentation }}
          >
            <Presentation />
          </ViewBoundary>
        )}
      </div>
      <footer id={SKIP_TARGETS.timeBar} className="app__footer" tabIndex={-1}>
        <ViewBoundary name="The time bar">
          <TimeBar />
        </ViewBoundary>
      </footer>
      {/* A published story is read-only: nothing to import, no library. */}
      {!STANDALONE && (
        <>
          <ViewBoundary name="The import panel">
            <ImportPanel />
          </ViewBoundary>
          <ViewBoundary name="Dropping files">
            <DropOverlay />
          </ViewBoundary>
        </>
      )}
    </div>
  );
}

/** The × of a bottom sheet (shown by app.css on phones only; wider, the panel's toggle folds it). */
function SheetClose({
  label,
  open,
  onClose,
}: {
  label: string;
  open: boolean;
  onClose: () => void;
}) {
  if (!open) return null;
  return (
    <button type="button" className="panel__close" aria-label={label} onClick={onClose}>
      <span aria-hidden="true">×</span>
    </button>
  );
}
