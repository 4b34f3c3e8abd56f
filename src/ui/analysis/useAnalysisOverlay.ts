/**
 * Keeps the graph overlay in step with the open analysis: changes between
 * the compared dates, or unbalanced triangles and camps at the shown day.
 * It follows the store outside React rendering (as the graph does) and
 * recomputes only when its inputs change: for balance, the state day, so
 * playback costs nothing between two starts or ends. Inactive (panel folded
 * or unmounted), or outside the graph view, it clears the overlay.
 */
import { useEffect } from 'react';
import { compareDates } from '../../core/analysis';
import { setOverlay, useStore, type AppState } from '../../store/store';
import { balanceAtDay, campsAtDay } from './cache';
import { balanceOverlay, compareOverlay, isEmptyOverlay } from './overlay';
import { stateDay } from './stateDay';

/** What the overlay depends on, as a string: equal keys give equal overlays. */
function overlayKey(s: AppState): string {
  const { model, analysis: a, view } = s;
  if (!model || !a.open || view !== 'graph') return 'none';
  if (a.tab === 'compare' && a.compare) return `compare:${a.compare.t1}:${a.compare.t2}`;
  if (a.tab === 'balance' && (a.markUnbalanced || a.markCamps))
    return `balance:${stateDay(model, s.day)}:${a.markUnbalanced}:${a.markCamps}`;
  return 'none';
}

function overlayOf(s: AppState) {
  const { model, analysis: a } = s;
  if (!model) return null;
  if (a.tab === 'compare' && a.compare)
    return compareOverlay(compareDates(model, a.compare.t1, a.compare.t2));
  const day = stateDay(model, s.day);
  return balanceOverlay(
    a.markUnbalanced ? balanceAtDay(model, day) : null,
    a.markCamps ? campsAtDay(model, day) : null,
  );
}

export function useAnalysisOverlay(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let key = '';
    let model: AppState['model'] = null;
    const update = (s: AppState) => {
      const next = overlayKey(s);
      if (next === key && s.model === model) return;
      key = next;
      model = s.model;
      const overlay = next === 'none' ? null : overlayOf(s);
      setOverlay(overlay && !isEmptyOverlay(overlay) ? overlay : null);
    };
    update(useStore.getState());
    const unsubscribe = useStore.subscribe(update);
    return () => {
      unsubscribe();
      setOverlay(null);
    };
  }, [active]);
}
