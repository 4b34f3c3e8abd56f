/**
 * Hosts the Cytoscape view. The view is created once per loaded model and
 * follows the store's day through a subscription, outside React rendering,
 * so moving time never re-renders this component.
 */
import { useEffect, useRef } from 'react';
import { createGraphView } from '../graph/adapter';
import { selectModel, useStore } from '../store/store';
import { registerTestHook } from './testHook';

export function GraphCanvas() {
  const model = useStore(selectModel);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!model || !host.current) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const view = createGraphView(host.current, model, useStore.getState().day, { reducedMotion });
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.day !== prev.day) view.setDay(s.day);
    });
    const unregister = registerTestHook(view);
    return () => {
      unregister();
      unsubscribe();
      view.destroy();
    };
  }, [model]);

  return (
    <div
      ref={host}
      className="graph-canvas"
      data-testid="graph"
      role="img"
      aria-label="Graph of actors and their relations at the selected date"
    />
  );
}
