/**
 * A read-only window hook for browser tests: what the graph draws right now.
 * It exposes copies of ids, never the Cytoscape instance or the store.
 */
import { formatDay } from '../core/dates';
import type { GraphView } from '../graph/adapter';
import { useStore } from '../store/store';

export interface AllegianceTestHook {
  date(): string;
  drawnRelations(): string[];
  liveActors(): string[];
}

declare global {
  interface Window {
    __allegiance?: AllegianceTestHook;
  }
}

export function registerTestHook(view: GraphView): () => void {
  const hook: AllegianceTestHook = Object.freeze({
    date: () => formatDay(useStore.getState().day),
    drawnRelations: () => view.drawnRelations().sort(),
    liveActors: () => view.liveActors().sort(),
  });
  window.__allegiance = hook;
  return () => {
    if (window.__allegiance === hook) delete window.__allegiance;
  };
}
