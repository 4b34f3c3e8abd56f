/**
 * What the analysis adds to the time bar, over its histogram (absolutely
 * placed, so the time bar's layout does not move): the balanced share
 * through time while the balance tab is open, the compared range while the
 * compare tab is. Reads no day; the balance code loads with the first use.
 */
import { lazy, Suspense } from 'react';
import { selectModel } from '../../store/selectors';
import { useStore } from '../../store/store';
import { dayToFraction } from '../timebar/timeScale';
import './lanes.css';
import { selectAnalysisOpen, selectAnalysisTab, selectCompare } from './selectors';

const BalanceLine = lazy(() => import('./BalanceLine').then((m) => ({ default: m.BalanceLine })));

function CompareBand({
  t1,
  t2,
  start,
  end,
}: {
  t1: number;
  t2: number;
  start: number;
  end: number;
}) {
  const f1 = dayToFraction(t1, start, end);
  const f2 = dayToFraction(t2, start, end);
  const left = Math.min(f1, f2);
  return (
    <div
      className="compare-band"
      data-testid="compare-band"
      style={{ left: `${left * 100}%`, width: `${Math.abs(f2 - f1) * 100}%` }}
      aria-hidden="true"
    >
      <span className="compare-band__edge" style={{ left: f1 <= f2 ? 0 : '100%' }}>
        t1
      </span>
      <span className="compare-band__edge" style={{ left: f1 <= f2 ? '100%' : 0 }}>
        t2
      </span>
    </div>
  );
}

export function AnalysisLane() {
  const model = useStore(selectModel);
  const open = useStore(selectAnalysisOpen);
  const tab = useStore(selectAnalysisTab);
  const compare = useStore(selectCompare);
  if (!model || !open) return null;
  const { start, end } = model.index;
  if (tab === 'compare' && compare)
    return <CompareBand t1={compare.t1} t2={compare.t2} start={start} end={end} />;
  if (tab === 'balance')
    return (
      <Suspense fallback={null}>
        <BalanceLine model={model} />
      </Suspense>
    );
  return null;
}
