/**
 * (a) Allegiance's own adapter (src/graph/adapter.ts, unmodified): every
 * element mounted once, each step applies the index's diff in one batch.
 * `?motion=reduce` runs it without fades (prefers-reduced-motion);
 * `?large=0` / `?large=1` forces its large-graph settings off / on;
 * `?batched=0` keeps Cytoscape's own drawing (batched/install.ts).
 */
import type { Core } from 'cytoscape';
import { createGraphView, loadBatchedDrawing } from '../../src/graph/adapter';
import type { GraphView } from '../../src/graph/contract';
import { installHarness } from './harness';
import { benchModel } from './model';

let view: GraphView;
let cy: Core;
const params = new URLSearchParams(location.search);
// Large graphs draw in batches, whose code the app loads on demand (adapter.ts): loaded here
// before any view, as the app's graph canvas waits for it, so that mounts and frames match.
await loadBatchedDrawing();

installHarness({
  mount(container, data, day) {
    view = createGraphView(container, benchModel(data), day, {
      reducedMotion: params.get('motion') === 'reduce',
      ...(params.has('large') ? { largeGraph: params.get('large') === '1' } : {}),
      ...(params.has('batched') ? { batchedDrawing: params.get('batched') === '1' } : {}),
    });
    // Cytoscape registers its instance on the container; the adapter keeps `cy` private.
    cy = (container as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
  },
  setDay: (day) => view.setDay(day),
  onNextDraw: function whenDrawnWhole(cb) {
    // Large graphs mount a slice per frame (src/graph/slices.ts): the view is drawn whole at
    // the first frame after the last slice, which is where the mount ends and steps may start.
    cy.one('render', () => (view.mountedAll() ? cb() : whenDrawnWhole(cb)));
  },
  drawn: () => ({
    nodes: cy.nodes(':visible').length,
    edges: cy.edges(':visible').length,
  }),
});
