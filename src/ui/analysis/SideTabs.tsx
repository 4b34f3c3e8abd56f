/**
 * The right-hand panel's faces: the details of the selection, the analysis
 * panel, or the dataset's stories (ui/story). The analysis code (and its
 * graph overlay) loads and runs only once the Analysis tab is chosen; folding
 * the panel (`open` false) clears the overlay; the story panel's code loads
 * when its tab is first chosen.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { closeAnalysis, openAnalysis, useStore } from '../../store/store';
import { selectStoryPanelOpen } from '../story/selectors';
import { closeStoryPanel, openStoryPanel } from '../../store/stories';
import { Loading } from '../Loading';
import { ViewBoundary } from '../ViewBoundary';
import { selectAnalysisOpen } from './selectors';
import { tabPanelProps, Tabs } from './Tabs';
import './analysis.css';

const AnalysisPanel = lazy(() =>
  import('./AnalysisPanel').then((m) => ({ default: m.AnalysisPanel })),
);
// The story editor, too, is not part of the first picture: loaded when its tab is chosen.
const StoryPanel = lazy(() =>
  import('../story/StoryPanel').then((m) => ({ default: m.StoryPanel })),
);

const SIDE_TABS = [
  { id: 'details', label: 'Details', title: 'What is selected: its relations and evidence' },
  {
    id: 'analysis',
    label: 'Analysis',
    title: 'Pair history, compare dates, structural balance, centrality',
  },
  { id: 'stories', label: 'Stories', title: 'Stories: narrated steps through the graph' },
] as const;

/** Choosing a tab: the story panel and the analysis panel each open over the details. */
function chooseTab(id: (typeof SIDE_TABS)[number]['id']): void {
  if (id === 'stories') return openStoryPanel();
  closeStoryPanel();
  if (id === 'analysis') openAnalysis();
  else closeAnalysis();
}

export function SideTabs({ open, details }: { open: boolean; details: ReactNode }) {
  const analysisOpen = useStore(selectAnalysisOpen);
  const storiesOpen = useStore(selectStoryPanelOpen);
  const value = storiesOpen ? 'stories' : analysisOpen ? 'analysis' : 'details';
  return (
    <>
      <Tabs
        label="Side panel"
        prefix="side"
        className="a-tabs--side"
        tabs={SIDE_TABS}
        value={value}
        onChange={chooseTab}
      />
      <div {...tabPanelProps('side', value)} className="side-tabs__panel">
        {storiesOpen ? (
          <ViewBoundary
            name="The story panel"
            back={{ label: 'Back to the details', action: closeStoryPanel }}
          >
            <Suspense fallback={<Loading what="the stories" />}>
              <StoryPanel />
            </Suspense>
          </ViewBoundary>
        ) : analysisOpen ? (
          <ViewBoundary
            name="The analysis panel"
            back={{ label: 'Back to the details', action: closeAnalysis }}
          >
            <Suspense fallback={<Loading what="the analyses" />}>
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
