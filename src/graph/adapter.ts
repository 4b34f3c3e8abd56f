/**
 * The graph view: the one place that makes a Cytoscape instance, composing
 * the parts that each own one concern of it.
 *
 * - `relations.ts`: mounting relations as they become active, fading them in
 *   and out, and the bows between parallel ones (the time diff);
 * - `mounting.ts`: the elements a view starts with, and large graphs mounted
 *   a slice per frame;
 * - `emphasis.ts` and `labels.ts`: the hovered or selected neighbourhood, and
 *   where labels go and how large they are drawn;
 * - `overlay.ts`: analysis marks; `camera.ts`: fit, focus, boxes, positions;
 * - `interactions.ts` (hover, tap, drag), `cursor.ts` (the keyboard cursor),
 *   `drawRelations.ts` (drawing a relation in edit mode);
 * - `followEdit.ts`: following an edit without rebuilding the view;
 * - `queries.ts`: what is drawn, read back for exports and tests.
 *
 * What they share (the model, the span of days, filter, selection, overlay)
 * is one `ViewState` (viewState.ts). Other layers know the view only through
 * `contract.ts`.
 *
 * Three independent reasons hide a mounted element, each its own class:
 * `off` (not active at the day, mounted only for an analysis overlay),
 * `filtered` (legend filters, neighbourhood focus) and `fading` (transient,
 * during a fade).
 *
 * Batched drawing (`batched/`) is for large graphs only, so its code is a
 * chunk of its own, loaded on demand (`viewCodeMissing`, `loadBatchedDrawing`):
 * the seed's first picture does not wait for it to be fetched and compiled.
 */
import cytoscape, { type Core } from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';
import { windowSpan } from '../core/temporal';
import { createCamera } from './camera';
import type { GraphView, GraphViewOptions } from './contract';
import { createCursor } from './cursor';
import { createRelationDrawing } from './drawRelations';
import { actorElementId } from './elements';
import { createEmphasis } from './emphasis';
import { followEdit } from './followEdit';
import { filterCanvas } from './filter';
import { listenToPointer } from './interactions';
import { createLabels } from './labels';
import { initialElements, mountInSlices } from './mounting';
import { applyOverlay } from './overlay';
import { createQueries } from './queries';
import { createRelations } from './relations';
import { graphStyle, isLargeGraph, viewOptions } from './style';
import { createViewState, selectionElements } from './viewState';

/** Batched drawing's code (`batched/`), once loaded. */
type BatchedCode = typeof import('./batched/install') & {
  describeNonconformity: (typeof import('./batched/internals'))['describeNonconformity'];
};
let batchedCode: BatchedCode | null = null;
let batchedLoading: Promise<BatchedCode> | null = null;

/**
 * Loads batched drawing's code, once; a failed load (the network) is tried again on the next
 * call. Views of large graphs created before it is loaded are drawn by Cytoscape.
 */
export function loadBatchedDrawing(): Promise<void> {
  batchedLoading ??= Promise.all([import('./batched/install'), import('./batched/internals')]).then(
    ([install, { describeNonconformity }]) => (batchedCode = { ...install, describeNonconformity }),
    (error: unknown) => {
      batchedLoading = null;
      throw error;
    },
  );
  return batchedLoading.then(() => undefined);
}

const wantsBatchedDrawing = (model: ExplorerModel, options: GraphViewOptions) =>
  options.batchedDrawing ?? options.largeGraph ?? isLargeGraph(model.dataset.relations.length);

/**
 * Whether a view of `model` would lack code it draws with that is not loaded yet: batched
 * drawing, for a large graph, until `loadBatchedDrawing` has loaded it.
 */
export function viewCodeMissing(model: ExplorerModel, options: GraphViewOptions = {}): boolean {
  return wantsBatchedDrawing(model, options) && batchedCode === null;
}

/**
 * Batched drawing on a new (still empty) Cytoscape instance, or null with a warning when its
 * code is not loaded (`loadBatchedDrawing` was not awaited, or the load failed).
 */
function installBatched(cy: Core) {
  if (!batchedCode) {
    console.warn(
      'Batched drawing not installed, Cytoscape draws every element: its code is not loaded (loadBatchedDrawing).',
    );
    return null;
  }
  const batched = batchedCode.installBatchedDrawing(cy);
  return batched.installed ? batched.drawing : null;
}

/**
 * The Cytoscape instance for a model at a day, with batched drawing installed for large graphs
 * (falling back to solid lines when it cannot be), and the view state over it.
 */
function createCanvas(
  container: HTMLElement,
  model: ExplorerModel,
  day: number,
  options: GraphViewOptions,
) {
  const reducedMotion = options.reducedMotion ?? false;
  const large = options.largeGraph ?? isLargeGraph(model.dataset.relations.length);
  const batchedWanted = wantsBatchedDrawing(model, options);
  const windowMonths = options.timeWindow ?? 0;
  const span = windowSpan(day, windowMonths);
  const initial = initialElements(model, span, !large);
  const { alive } = initial;

  // Batched drawing keeps line styles (dense views too); Cytoscape's own needs them off.
  let solidLines = large && !batchedWanted;
  const style = (labelScale = 1) =>
    graphStyle(reducedMotion || large, solidLines, large, labelScale);
  const cy: Core = cytoscape({
    container,
    // Large graphs are mounted in slices (mounting.ts), so start empty.
    elements: large ? [] : [...initial.nodes, ...initial.relations],
    style: style(),
    ...viewOptions(large),
  });
  // Large graphs: one path per style instead of one draw per element (batched/install.ts).
  const batchedDrawing = batchedWanted ? installBatched(cy) : null;
  if (batchedWanted && !batchedDrawing && large) {
    solidLines = true;
    cy.style(style());
  }
  const state = createViewState({
    ...{ cy, container, model, large, reducedMotion },
    ...{ day, windowMonths, span, alive },
  });
  if (!large) state.mountedCount = cy.elements().length;
  return { cy, state, initial, batchedDrawing, style };
}

export function createGraphView(
  container: HTMLElement,
  model: ExplorerModel,
  day: number,
  options: GraphViewOptions = {},
): GraphView {
  const { cy, state, initial, batchedDrawing, style } = createCanvas(
    container,
    model,
    day,
    options,
  );
  const { large } = state;
  const relations = createRelations(state);
  const emphasis = createEmphasis(state, relations);
  const labels = createLabels(state, emphasis, () => cy.style(style(labels.scale())));
  const slices = large
    ? mountInSlices(state, initial.nodes, relations, emphasis, options.onMountedAll)
    : null;
  /** Mounts what is still waiting, now (for verbs that need every element). */
  const mountRest = () => slices?.finish();
  const camera = createCamera(state, slices, labels);
  const cursor = createCursor(state, relations, emphasis, mountRest);
  const drawing = createRelationDrawing(state);
  const stopListening = listenToPointer(state, options, emphasis, labels.placeAll);
  const applyFilter = () => {
    filterCanvas(state, relations);
    emphasis.apply();
    labels.placeAll();
  };

  // Labels are measured first: a small graph's fit makes room for them.
  labels.measure(cy.nodes());
  if (options.minLabelPx !== undefined) labels.setMinLabelPx(options.minLabelPx);
  if (options.obscured) camera.setObscured(options.obscured); // before the first fit
  if (large)
    camera.fitView(
      initial.nodes
        .filter((def) => def.group === 'nodes')
        .map((def) => ({ position: def.position!, filtered: false })),
    );
  else camera.fit(); // which places the labels
  if (!slices) options.onMountedAll?.();

  return {
    get batchedDrawing() {
      return batchedDrawing !== null && batchedDrawing.fallback() === null;
    },
    batchedFrames: () => batchedDrawing?.frames() ?? 0,
    missingRendererInternals() {
      if (!batchedCode)
        throw new Error('batched drawing’s code is not loaded: await loadBatchedDrawing() first');
      const { cytoscapeNonconformities, describeNonconformity } = batchedCode;
      return (batchedDrawing?.nonconformities() ?? cytoscapeNonconformities(cy)).map(
        describeNonconformity,
      );
    },
    setDay(next, timeWindow = state.windowMonths) {
      if (next === state.day && timeWindow === state.windowMonths) return;
      const nextSpan = windowSpan(next, timeWindow);
      const diff = state.model.index.diffSpans(state.span, nextSpan);
      state.day = next;
      state.windowMonths = timeWindow;
      state.span = nextSpan;
      relations.applyDiff(diff);
      if (state.filter.focusActor) applyFilter();
      else emphasis.refresh([...diff.relationsEntered, ...diff.relationsLeft]);
      labels.placeSoon();
    },
    setFilter(next) {
      state.filter = next;
      applyFilter();
    },
    setOverlay(next) {
      applyOverlay(state, relations, next);
      emphasis.apply();
    },
    setSelection(next) {
      state.selection = next;
      cy.batch(() => {
        cy.elements().unselect();
        if (next) selectionElements(state, next).select();
      });
      emphasis.apply();
      labels.placeAll(); // the selection's labels go first (labels.ts `placeAll`)
      camera.reveal(); // into the part of the canvas a sheet leaves in sight (a phone)
    },
    updateModel(next, change) {
      mountRest();
      const touched = followEdit(state, relations, next, change);
      for (const id of change.actors)
        if (!next.actorsById.has(id)) cursor.forget(actorElementId(id));
      labels.measure(touched);
      // A new relation can change who is in the focused neighbourhood.
      if (state.filter.focusActor) applyFilter();
      else {
        emphasis.apply();
        labels.placeAll();
      }
    },
    setDrawRelations: drawing.set,
    mountedAll: () => slices?.done ?? true,
    elementsMounted: () => state.mountedCount,
    focus: camera.focus,
    fit: camera.fit,
    showBox: camera.showBox,
    setPositions: camera.setPositions,
    resize: camera.followSize,
    setObscured: camera.setObscured,
    ...createQueries(state, relations, mountRest),
    setMinLabelPx(px) {
      // Labels of another size need another fit (a phone turned sideways crosses the narrow
      // breakpoint): a picture still framed as the app framed it is framed again for them.
      if (labels.setMinLabelPx(px)) camera.reframe();
    },
    placeCursor: cursor.place,
    moveCursor: cursor.move,
    clearCursor: cursor.clear,
    cursor: cursor.current,
    destroy() {
      labels.destroy();
      stopListening();
      relations.destroy();
      slices?.cancel();
      drawing.destroy();
      cy.destroy();
    },
  };
}
