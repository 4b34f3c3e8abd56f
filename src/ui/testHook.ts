/**
 * A read-only window hook for browser tests: what the graph draws right now.
 * It exposes copies of ids and coordinates, never the Cytoscape instance or
 * the store, so tests cannot change what they observe.
 */
import { formatDay } from '../core/dates';
import type { Point } from '../core/layout';
import { loadBatchedDrawing } from '../graph/adapter';
import type { Emphasis, GraphView } from '../graph/contract';
import { useStore } from '../store/store';

export interface AllegianceTestHook {
  /** The shown day, as YYYY-MM-DD. */
  date(): string;
  playing(): boolean;
  /** Relations drawn (active, not filtered, not fading out), sorted ids. */
  drawnRelations(): string[];
  /** Actors drawn (not filtered), and those drawn alive (not greyed). */
  drawnActors(): string[];
  liveActors(): string[];
  /** Client (page) coordinates of an actor or a relation's midpoint; null if not drawn. */
  clientPosition(kind: 'actor' | 'relation', id: string): Point | null;
  /** Points along a drawn relation's line, in client coordinates; null if not drawn. */
  relationLine(id: string): Point[] | null;
  /** Whether an actor or relation is emphasised by hover or selection, dimmed, or neither. */
  emphasis(kind: 'actor' | 'relation', id: string): Emphasis | null;
  /** An actor's label box in client coordinates; null when hidden or not drawn. */
  labelBox(id: string): { x1: number; y1: number; x2: number; y2: number } | null;
  /** The on-screen font size (CSS px) of each drawn actor's label that is not hidden. */
  labelSizes(): { id: string; px: number }[];
  /** The actor under the graph's keyboard cursor, or null. */
  keyboardCursor(): string | null;
  /** The camera: its zoom, and the graph point (graph coordinates) at the canvas's centre. */
  camera(): { zoom: number; centre: Point };
  /** The model position (graph coordinates) of an actor. */
  modelPosition(id: string): Point | null;
  /** False while a large graph is still being mounted, a slice per task. */
  graphMounted(): boolean;
  /** Elements the graph view has added to its canvas so far (an edit adds only its own). */
  elementsMounted(): number;
  /** Who draws the graph: Cytoscape per element, or batched drawing (large graphs). */
  drawing(): 'batched' | 'cytoscape';
  /** Frames batched drawing has drawn so far (0 when Cytoscape draws). */
  batchedFrames(): number;
  /**
   * Cytoscape internals batched drawing needs that are missing or changed, as "name: problem"
   * (src/graph/batched/internals.ts); empty when all conform. Loads batched drawing's code
   * first if the graph is small (only large graphs load it).
   */
  missingRendererInternals(): Promise<string[]>;
  /** Whether loading the shown model computed its layout and index (false: handed in or stored). */
  computed(): { layout: boolean; index: boolean } | null;
}

declare global {
  interface Window {
    __allegiance?: AllegianceTestHook;
  }
}

export function registerTestHook(view: GraphView): () => void {
  const hook: AllegianceTestHook = Object.freeze({
    date: () => formatDay(useStore.getState().day),
    playing: () => useStore.getState().playing,
    drawnRelations: () => view.drawnRelations().sort(),
    drawnActors: () => view.drawnActors().sort(),
    liveActors: () => view.liveActors().sort(),
    clientPosition: (kind: 'actor' | 'relation', id: string) => view.clientPosition(kind, id),
    relationLine: (id: string) => view.relationLine(id),
    emphasis: (kind: 'actor' | 'relation', id: string) => view.emphasis(kind, id),
    labelBox: (id: string) => view.labelBox(id),
    labelSizes: () => view.labelSizes(),
    keyboardCursor: () => view.cursor(),
    camera: () => {
      const e = view.extent();
      const canvas = document.querySelector<HTMLElement>('[data-testid="graph"]');
      return {
        zoom: (canvas?.clientWidth ?? 0) / (e.x2 - e.x1),
        centre: { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 },
      };
    },
    modelPosition: (id: string) => {
      const p = useStore.getState().model?.positions.get(id);
      return p ? { ...p } : null;
    },
    graphMounted: () => view.mountedAll(),
    elementsMounted: () => view.elementsMounted(),
    drawing: () => (view.batchedDrawing ? 'batched' : 'cytoscape'),
    batchedFrames: () => view.batchedFrames(),
    missingRendererInternals: () =>
      loadBatchedDrawing().then(() => view.missingRendererInternals()),
    computed: () => {
      const computed = useStore.getState().model?.computed;
      return computed ? { ...computed } : null;
    },
  });
  window.__allegiance = hook;
  return () => {
    if (window.__allegiance === hook) delete window.__allegiance;
  };
}
