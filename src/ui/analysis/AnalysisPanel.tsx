/**
 * The analysis panel: four questions about the signed, dated graph, one tab
 * each. It owns the graph overlay while mounted and `active`.
 */
import { selectModel } from '../../store/selectors';
import { openAnalysis, useStore, type AnalysisTab } from '../../store/store';
import { BalancePanel } from './BalancePanel';
import { CentralityPanel } from './CentralityPanel';
import { CompareDatesPanel } from './CompareDatesPanel';
import { PairHistoryPanel } from './PairHistoryPanel';
import { selectAnalysisTab } from './selectors';
import { tabPanelProps, Tabs } from './Tabs';
import { useAnalysisOverlay } from './useAnalysisOverlay';
import './balance.css';
import './changes.css';
import './strip.css';

const TABS = [
  { id: 'pair', label: 'Pair', title: 'Pair history: every relation between two actors' },
  { id: 'compare', label: 'Compare', title: 'Compare dates: what changed between two dates' },
  { id: 'balance', label: 'Balance', title: 'Structural balance and camps at the shown date' },
  { id: 'centrality', label: 'Centrality', title: 'Centrality over time and ranking' },
] as const satisfies readonly { id: AnalysisTab; label: string; title: string }[];

export function AnalysisPanel({ active }: { active: boolean }) {
  const model = useStore(selectModel);
  const tab = useStore(selectAnalysisTab);
  useAnalysisOverlay(active);
  if (!model) return null;
  return (
    <div className="analysis" data-testid="analysis">
      <Tabs
        label="Analyses"
        prefix="analysis"
        className="a-tabs--sub"
        tabs={TABS}
        value={tab}
        onChange={(id) => openAnalysis(id)}
      />
      <div {...tabPanelProps('analysis', tab)} className="analysis__body">
        {tab === 'pair' && <PairHistoryPanel model={model} />}
        {tab === 'compare' && <CompareDatesPanel model={model} />}
        {tab === 'balance' && <BalancePanel model={model} />}
        {tab === 'centrality' && <CentralityPanel model={model} />}
      </div>
    </div>
  );
}
