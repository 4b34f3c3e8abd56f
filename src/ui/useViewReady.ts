/**
 * Whether the graph view of a model can be created now. The seed and other small graphs: at
 * once. A large graph draws in batches (graph/batched/), whose code is loaded on demand so that
 * the seed's first picture does not wait for it: its view is created once that code is loaded,
 * or has failed to load (Cytoscape then draws every element, graph/adapter.ts warns).
 */
import { useEffect, useState } from 'react';
import type { ExplorerModel } from '../core/explorer-model';
import { loadBatchedDrawing, viewCodeMissing } from '../graph/adapter';

export function useViewReady(model: ExplorerModel | null): boolean {
  /** The model whose missing code has been loaded, or failed to load. */
  const [settledFor, setSettledFor] = useState<ExplorerModel | null>(null);
  const missing = model !== null && viewCodeMissing(model);
  useEffect(() => {
    if (!missing) return;
    let live = true;
    loadBatchedDrawing()
      .catch((error: unknown) =>
        console.warn('Batched drawing could not be loaded; Cytoscape draws this graph.', error),
      )
      .finally(() => {
        if (live) setSettledFor(model);
      });
    return () => {
      live = false;
    };
  }, [missing, model]);
  return !missing || settledFor === model;
}
