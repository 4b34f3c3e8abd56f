/**
 * Hosts the Cytoscape view. The view is created once per loaded model and
 * follows the store (day, filters, selection) through a subscription outside
 * React rendering, so moving time never re-renders this component.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { setActiveView } from '../graph/activeView';
import {
  createGraphView,
  type GraphFilter,
  type GraphHover,
  type GraphView,
} from '../graph/adapter';
import { selectModel } from '../store/selectors';
import { rememberPositions, select, useStore, type AppState } from '../store/store';
import { GraphTooltip } from './GraphTooltip';
import { registerTestHook } from './testHook';

const filterOf = (s: AppState): GraphFilter => ({
  hiddenTypes: new Set(s.hiddenTypes),
  hiddenKinds: new Set(s.hiddenKinds),
  focusActor: s.neighbourhoodOnly && s.selection?.kind === 'actor' ? s.selection.id : null,
});

export function GraphCanvas({ visible }: { visible: boolean }) {
  const model = useStore(selectModel);
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<GraphView | null>(null);
  const [hover, setHover] = useState<GraphHover | null>(null);

  // A layout effect: the view is created before the browser's first paint of the page, so the
  // graph is drawn in that same frame instead of one frame (and a layout pass) later.
  useLayoutEffect(() => {
    if (!model || !host.current) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const start = useStore.getState();
    const view = createGraphView(host.current, model, start.day, {
      reducedMotion,
      timeWindow: start.timeWindow,
      onSelect: (selection) => select(selection),
      onNodesMoved: rememberPositions,
      onHover: setHover,
    });
    viewRef.current = view;
    setActiveView(view);
    view.setFilter(filterOf(start));
    view.setSelection(start.selection);
    view.setOverlay(start.overlay);

    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.day !== prev.day || s.timeWindow !== prev.timeWindow) view.setDay(s.day, s.timeWindow);
      if (
        s.hiddenTypes !== prev.hiddenTypes ||
        s.hiddenKinds !== prev.hiddenKinds ||
        s.neighbourhoodOnly !== prev.neighbourhoodOnly ||
        (s.neighbourhoodOnly && s.selection !== prev.selection)
      ) {
        view.setFilter(filterOf(s));
      }
      if (s.selection !== prev.selection) view.setSelection(s.selection);
      if (s.overlay !== prev.overlay) view.setOverlay(s.overlay);
      if (s.focusRequest !== prev.focusRequest && s.selection) view.focus(s.selection);
    });
    const observer = new ResizeObserver(() => view.resize());
    observer.observe(host.current);
    const unregister = registerTestHook(view);
    return () => {
      unregister();
      observer.disconnect();
      unsubscribe();
      viewRef.current = null;
      setActiveView(null);
      view.destroy();
    };
  }, [model]);

  return (
    <div className="graph-wrap" hidden={!visible}>
      <div
        ref={host}
        id="graph" /* the skip link's target (SkipLinks.tsx) */
        className="graph-canvas"
        data-testid="graph"
        role="img"
        aria-label="Graph of actors and their relations at the selected date. The table view lists the same relations."
      />
      {hover && model && <GraphTooltip hover={hover} model={model} />}
      <div className="graph-tools">
        <button
          type="button"
          onClick={() => viewRef.current?.fit()}
          title="Fit the graph to the window"
        >
          Fit
        </button>
      </div>
    </div>
  );
}
