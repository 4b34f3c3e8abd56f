/**
 * Whether the graph view of a model can be created now. The seed and other small graphs: at
 * once, in the commit that renders them, so the first frame holds the graph. A large graph
 * draws in batches (graph/batched/), whose code is loaded on demand so that the seed's first
 * picture does not wait for it: its view is created in a task after the commit that rendered
 * its model, once that code is loaded (or has failed to load: Cytoscape then draws every
 * element, graph/adapter.ts warns). A task of its own even when the code is already there:
 * rendering every panel for a million relations and creating their view in one task was the
 * longest task of a big import (issue #11).
 */
import { useEffect, useState } from 'react';
import type { ExplorerModel } from '../core/explorer-model';
import { loadBatchedDrawing, viewCodeMissing } from '../graph/adapter';
import { isLargeGraph } from '../graph/style';

export function useViewReady(model: ExplorerModel | null): boolean {
  /** The large model whose view may now be created. */
  const [readyFor, setReadyFor] = useState<ExplorerModel | null>(null);
  const deferred = model !== null && isLargeGraph(model.dataset.relations.length);
  useEffect(() => {
    if (!deferred) return;
    let live = true;
    const code = viewCodeMissing(model)
      ? loadBatchedDrawing().catch((error: unknown) =>
          console.warn('Batched drawing could not be loaded; Cytoscape draws this graph.', error),
        )
      : Promise.resolve();
    // After the code, a timer: the effect runs, and a promise settles, within the commit's task.
    void code.then(() =>
      setTimeout(() => {
        if (live) setReadyFor(model);
      }),
    );
    return () => {
      live = false;
    };
  }, [deferred, model]);
  return !deferred || readyFor === model;
}
