/**
 * The centrality series of one actor, computed in slices of a few
 * milliseconds between frames: betweenness costs O(n·m) per day, seconds
 * for a long series on a large dataset, and the page must stay responsive.
 * The charts draw the part computed so far.
 */
import { useEffect, useState } from 'react';
import { centralitySeries, type CentralityPoint } from '../../core/analysis';
import type { ExplorerModel } from '../../core/explorer-model';
import { seriesDays } from './cache';

export interface SeriesState {
  model: ExplorerModel | null;
  actor: string;
  points: CentralityPoint[];
  /** Days the series will have once complete. */
  total: number;
}

const SLICE_MS = 12;
const MAX_SAMPLES = 160;

export function useCentralitySeries(model: ExplorerModel, actor: string): SeriesState {
  const [state, setState] = useState<SeriesState>({ model: null, actor: '', points: [], total: 0 });

  useEffect(() => {
    const days = seriesDays(model, MAX_SAMPLES);
    const points: CentralityPoint[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const step = () => {
      const until = performance.now() + SLICE_MS;
      while (points.length < days.length && performance.now() < until)
        points.push(...centralitySeries(model, actor, [days[points.length]!]));
      if (cancelled) return;
      setState({ model, actor, points: points.slice(), total: days.length });
      if (points.length < days.length) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [model, actor]);

  // A series of another actor (before the first slice of the new one) is not shown.
  return state.model === model && state.actor === actor
    ? state
    : { model, actor, points: [], total: 0 };
}
