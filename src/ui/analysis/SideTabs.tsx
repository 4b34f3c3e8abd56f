/**
 * The right-hand panel's two faces: the details of the selection, or the
 * analysis panel. The analysis code (and its graph overlay) loads and runs
 * only once the Analysis tab is chosen; folding the panel (`open` false)
 * clears the overlay.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { closeAnalysis, openAnalysis, useStore } from '../../store/store';
import { ViewBoundary } from '../ViewBoundary';
import { selectAnalysisOpen } from './selectors';
import { tabPanelProps, Tabs } from './Tabs';
import './analysis.css';

const AnalysisPanel = lazy(() =>
  import('./AnalysisPanel').then((m) => ({ default: m.AnalysisPanel })),
);

const SIDE_TABS = [
  { id: 'details', label: 'Details', title: 'What is selected: its relations and evidence' },
  {
    id: 'analysis',
    label: 'Analysis',
    title: 'Pair history, compare dates, structural balance, centrality',
  },
] as const;

export function SideTabs({ open, details }: { open: boolean; details: ReactNode }) {
  const analysisOpen = useStore(selectAnalysisOpen);
  const value = analysisOpen ? 'analysis' : 'details';
  return (
    <>
      <Tabs
        label="Side panel"
        prefix="side"
        className="a-tabs--side"
        tabs={SIDE_TABS}
        value={value}
        onChange={(id) => (id === 'analysis' ? openAnalysis() : closeAnalysis())}
      />
      <div {...tabPanelProps('side', value)} className="side-tabs__panel">
        {analysisOpen ? (
          <ViewBoundary
            name="The analysis panel"
            back={{ label: 'Back to the details', action: closeAnalysis }}
          >
            <Suspense fallback={<p className="analysis__loading">Loading the analyses…</p>}>
              <AnalysisPanel active={open} />
            </Suspense>
          </ViewBoundary>
        ) : (
          details
        )}
      </div>
    </>
  );
}
