/**
 * Hosts the Cytoscape view. The view is created once per loaded model and
 * follows the store (day, filters, selection, and edits of the model) through
 * a subscription outside React rendering, so moving time never re-renders
 * this component and an edit never rebuilds the view.
 *
 * The graph is one tab stop. While it has keyboard focus, a cursor (a focus
 * ring on one actor) moves between actors with the arrow keys, Enter or Space
 * selects its actor, Escape clears the selection and the cursor; a live
 * region announces the actor under the cursor. Those keys are the graph's
 * there (useTimeKeys.ts leaves them to it); [ and ] still step through events.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ExplorerModel } from '../core/explorer-model';
import { ARROW_DIRECTIONS } from '../core/render/nearestInDirection';
import { tokens } from '../core/tokens';
import { setActiveView } from '../graph/activeView';
import { createGraphView } from '../graph/adapter';
import type { DrawRelation, GraphFilter, GraphHover, GraphView } from '../graph/contract';
import { pictureDrawn } from '../store/datasetActions';
import { selectModel, selectEditingOn } from '../store/selectors';
import { rememberPositions, select, useStore, type AppState } from '../store/store';
import { setCameraReader } from '../store/stories';
import { GraphTooltip } from './GraphTooltip';
import { LayoutSelect } from './LayoutSelect';
import { loadEditing } from './edit/loadEditing';
import { measureObscured, watchObscured } from './canvasCovers';
import { registerTestHook } from './testHook';
import { isAtMost, useAtMost } from './useMediaQuery';
import { useViewReady } from './useViewReady';

/** What the live region says about the actor under the keyboard cursor: its label and type. */
function describeActor(model: ExplorerModel, id: string, selected: boolean): string {
  const actor = model.actorsById.get(id);
  if (!actor) return '';
  const type = model.vocabulary.actorTypes.get(actor.type)?.label ?? actor.type;
  return `${actor.label}, ${type}${selected ? ', selected' : ''}`;
}

const isCommandKey = (e: KeyboardEvent) => e.altKey || e.ctrlKey || e.metaKey;

/**
 * In edit mode a drag from one actor to another drafts a relation between them. Edit mode's
 * code is loaded by then (turning edit mode on loads it), so the import settles at once.
 */
const draftRelation: DrawRelation = (sourceId, targetId) =>
  void loadEditing().then((editing) => editing.draftRelation(sourceId, targetId));

/**
 * The model each view was built for, by every model that view followed since (authoring swaps
 * in a new model per edit, `modelEdit`). A view lives as long as its root: an edit is applied
 * to the shown view (`updateModel`), a model loaded otherwise builds a new one. Written by the
 * store subscription before React renders the new model, so rendering only reads it.
 */
const viewRoots = new WeakMap<ExplorerModel, ExplorerModel>();
const rootOf = (model: ExplorerModel) => viewRoots.get(model) ?? model;

const filterOf = (s: AppState): GraphFilter => ({
  hiddenTypes: new Set(s.hiddenTypes),
  hiddenKinds: new Set(s.hiddenKinds),
  focusActor: s.neighbourhoodOnly && s.selection?.kind === 'actor' ? s.selection.id : null,
});

export function GraphCanvas({ visible }: { visible: boolean }) {
  const model = useStore(selectModel);
  const root = model && rootOf(model);
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<GraphView | null>(null);
  const [hover, setHover] = useState<GraphHover | null>(null);
  /** The live region's text: the keyboard cursor's actor. */
  const [cursorNote, setCursorNote] = useState('');
  const narrow = useAtMost('narrow');
  const editing = useStore(selectEditingOn);
  const viewReady = useViewReady(root);

  // A layout effect: the view is created before the browser's first paint of the page, so the
  // graph is drawn in that same frame instead of one frame (and a layout pass) later.
  useLayoutEffect(() => {
    if (!root || !host.current || !viewReady) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const start = useStore.getState();
    const element = host.current;
    // A phone's sheet already open (a dataset opened from the details): the first fit is above
    // it. At the page's start the sheets register just after this (App's effects run after its
    // children's), before the first frame, and the camera then frames above them at once.
    const obscuredBottom = measureObscured(element);
    /** The model the view shows: the root, then each edit's model in turn. */
    let shown = start.model ?? root;
    const drawn = shown;
    const view = createGraphView(element, shown, start.day, {
      reducedMotion,
      timeWindow: start.timeWindow,
      // On a phone labels keep a legible size (below); the first fit makes room for them.
      minLabelPx: isAtMost('narrow') ? tokens.phoneLabelMinPx : null,
      obscured: { bottom: obscuredBottom },
      onSelect: (selection) => select(selection),
      onNodesMoved: rememberPositions,
      onHover: setHover,
      onMountedAll: () => pictureDrawn(drawn),
    });
    viewRef.current = view;
    setActiveView(view);
    // A new view shows everything, unselected, without overlay: only a state that differs is
    // pushed (each push runs the filter, emphasis and label passes again, before the first frame).
    const filter = filterOf(start);
    if (filter.hiddenTypes.size > 0 || filter.hiddenKinds.size > 0 || filter.focusActor)
      view.setFilter(filter);
    if (start.selection) view.setSelection(start.selection);
    if (start.overlay) view.setOverlay(start.overlay);
    setCameraReader(() => view.extent());
    if (start.cameraRequest) view.showBox(start.cameraRequest.camera, false);
    // In edit mode a drag from one actor to another drafts a relation between them.
    if (start.editing) view.setDrawRelations(draftRelation);

    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.model !== prev.model && s.model && s.modelEdit?.previous === shown) {
        view.updateModel(s.model, s.modelEdit.change);
        viewRoots.set(s.model, rootOf(shown));
        shown = s.model;
      }
      if (s.day !== prev.day || s.timeWindow !== prev.timeWindow) view.setDay(s.day, s.timeWindow);
      if (
        s.hiddenTypes !== prev.hiddenTypes ||
        s.hiddenKinds !== prev.hiddenKinds ||
        s.neighbourhoodOnly !== prev.neighbourhoodOnly ||
        (s.neighbourhoodOnly && s.selection !== prev.selection)
      ) {
        view.setFilter(filterOf(s));
      }
      if ((s.editing === null) !== (prev.editing === null))
        view.setDrawRelations(s.editing ? draftRelation : null);
      if (s.selection !== prev.selection) view.setSelection(s.selection);
      if (s.overlay !== prev.overlay) view.setOverlay(s.overlay);
      if (s.focusRequest !== prev.focusRequest && s.selection) view.focus(s.selection);
      // A story step's camera. A step that also changes the layout arranges it first (a nested
      // store update, so already applied), and showBox stops that arrangement's fit.
      if (s.cameraRequest !== prev.cameraRequest && s.cameraRequest)
        view.showBox(s.cameraRequest.camera, !reducedMotion);
      // Another layout (or radial focus) was arranged into the model's positions: glide there.
      if (s.arrangement !== prev.arrangement && s.model === shown)
        view.setPositions(shown.positions, !reducedMotion);
    });
    // What a sheet covers, told before the size below: observers report in the order they were
    // made, so a phone turned with a sheet open frames into the sheet's new edge at once.
    const stopWatchingCovers = watchObscured(element, obscuredBottom, (bottom) =>
      view.setObscured({ bottom }),
    );
    // Cytoscape follows its container's size by itself, 100 ms late (debounced); this follows it
    // in the same frame, and the view's camera with it (framed again, or its centre kept:
    // graph/camera.ts). Only a change is followed: a ResizeObserver's first report gives the
    // size the view was just created at, and following it redrew the whole graph for nothing
    // right after its first frame.
    let drawnSize = `${element.clientWidth}×${element.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const size = `${element.clientWidth}×${element.clientHeight}`;
      if (size === drawnSize) return;
      drawnSize = size;
      view.resize();
    });
    observer.observe(element);
    const unregister = registerTestHook(view);
    return () => {
      unregister();
      observer.disconnect();
      stopWatchingCovers();
      unsubscribe();
      viewRef.current = null;
      setActiveView(null);
      setCameraReader(null);
      view.destroy();
    };
  }, [root, viewReady]);

  // On a phone the fitted graph is small: labels keep a legible size on screen instead.
  useLayoutEffect(() => {
    viewRef.current?.setMinLabelPx(narrow ? tokens.phoneLabelMinPx : null);
  }, [root, narrow, viewReady]);

  const announce = (id: string | null) => {
    const selection = useStore.getState().selection;
    const selected = selection?.kind === 'actor' && selection.id === id;
    setCursorNote(id && model ? describeActor(model, id, selected) : '');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const view = viewRef.current;
    if (!view || e.target !== e.currentTarget || isCommandKey(e)) return;
    const direction = ARROW_DIRECTIONS[e.key];
    if (direction) {
      e.preventDefault();
      // The first arrow shows where the cursor is; the next ones move it.
      announce(view.cursor() ? view.moveCursor(direction) : view.placeCursor());
    } else if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault(); // Space would also play (useTimeKeys.ts) and scroll the page
      const id = view.cursor() ?? view.placeCursor();
      if (!id) return;
      select({ kind: 'actor', id });
      announce(id);
    } else if (e.key === 'Escape') {
      // Not prevented: the page's Escape (useTimeKeys.ts) clears the selection as well.
      view.clearCursor();
      setCursorNote('');
    }
  };

  return (
    <div className="graph-wrap" hidden={!visible}>
      <div
        ref={host}
        id="graph" /* the skip link's target (SkipLinks.tsx) */
        className="graph-canvas"
        data-testid="graph"
        role="application"
        aria-roledescription="graph"
        aria-label="Graph of actors and their relations at the selected date. The table view lists the same relations."
        aria-describedby={editing ? 'graph-keys graph-draw-hint' : 'graph-keys'}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          // Keyboard focus shows the cursor at once; a click (no focus ring) does not.
          if (e.target === e.currentTarget && e.currentTarget.matches(':focus-visible'))
            announce(viewRef.current?.placeCursor() ?? null);
        }}
        onBlur={(e) => {
          if (e.target !== e.currentTarget) return;
          viewRef.current?.clearCursor();
          setCursorNote('');
        }}
      />
      <p id="graph-keys" className="visually-hidden">
        Arrow keys move between actors, neighbours first; Enter or Space selects the actor; Escape
        clears the selection; [ and ] step to the previous or next event.
      </p>
      {editing && (
        // Drawing on the canvas replaces dragging actors in edit mode (graph/drawRelations.ts).
        <p id="graph-draw-hint" className="graph-draw-hint">
          Drag from one actor to another to draw a relation. Layout arranges actors.
        </p>
      )}
      <div className="visually-hidden" role="status" data-testid="graph-cursor-note">
        {cursorNote}
      </div>
      {hover && model && <GraphTooltip hover={hover} model={model} />}
      {/* Nothing to fit or arrange while a dataset opened from a link is still on its way. */}
      {model && (
        <div className="graph-tools">
          <button
            type="button"
            onClick={() => viewRef.current?.fit()}
            title="Fit the graph to the window"
          >
            Fit
          </button>
          <LayoutSelect />
        </div>
      )}
    </div>
  );
}
