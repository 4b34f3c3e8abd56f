/**
 * The one app store. It holds the loaded model (immutable, replaced whole on
 * load), the current day, playback, selection, filters and view options.
 * Big structures live in the core model; the store only points at them.
 * Actions are plain functions below; components read through the narrow
 * selectors in `selectors.ts`.
 */
import { create } from 'zustand';
import { addMonths, type DayNumber } from '../core/dates';
import {
  buildExplorerModel,
  explorerModelSteps,
  type ExplorerModel,
  type KnownParts,
} from '../core/explorer-model';
import type { ModelChange } from '../core/edit/edit';
import type { Point } from '../core/layout';
import { arrangeActors, type LayoutName } from '../core/layouts';
import type { ColumnMapping } from '../core/io/column-mapping';
import type { EventImportOptions } from '../core/io/event-options';
import type { TableSample } from '../core/io/table-sample';
import type { Problem } from '../core/problems';
import type { Dataset, Story, StoryCamera } from '../core/schema';
import type { GraphOverlay } from '../graph/contract';
import type { ImportReading } from '../import/importWithChoices';
import type { EditingState } from './editing';
import type { LibraryListing } from './library';
import { loadLayout, loadPositions, savePositions, saveLayout } from './persistence';
import { nextTask, runInSlices } from './slices';

export type SelectionKind = 'actor' | 'relation' | 'event';
export interface Selection {
  kind: SelectionKind;
  id: string;
}

export type ViewMode = 'graph' | 'table' | 'multiples'; // 'multiples': small multiples (analysis)

/** Where an import stands: shown by the import panel. */
export type ImportStatus =
  | { phase: 'idle' }
  | {
      /** In the worker: reading, parsing, laying out, saving, sending; then building on the page. */
      phase: ImportPhase;
      files: string[];
      done: number;
      total: number;
    }
  | {
      /** A table whose header was not recognised: the user maps its columns (`ui/library/mapping/`). */
      phase: 'mapping';
      files: string[];
      table: TableSample;
      /** Where the form starts: a suggestion from the header, or the mapping to change. */
      mapping: ColumnMapping;
      events: EventImportOptions;
    }
  | {
      phase: 'failed';
      files: string[];
      errors: Problem[];
      warnings: Problem[];
      /** How the file was read (mapping, event table): what the panel lets the user change. */
      reading?: ImportReading;
      events?: EventImportOptions;
    }
  | {
      phase: 'done';
      files: string[];
      name: string;
      warnings: Problem[];
      saved: boolean;
      reading?: ImportReading;
      events?: EventImportOptions;
    };

export type ImportPhase = 'reading' | 'parsing' | 'laying out' | 'saving' | 'sending' | 'building';

/** A stored dataset being read and its model built (`done`: share, 0 to 1). */
export interface Opening {
  name: string;
  done: number;
}

/** A message about something that went wrong outside an import (storage, loading). */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** The built-in dataset's key in URLs and storage. */
export const SEED_KEY = 'seed';

/** Playback speeds offered, in days of data per second of playback. */
export const SPEEDS = [
  { label: '1 month / s', daysPerSecond: 30.44 },
  { label: '3 months / s', daysPerSecond: 91.31 },
  { label: '1 year / s', daysPerSecond: 365.25 },
  { label: '2 years / s', daysPerSecond: 730.5 },
  { label: '5 years / s', daysPerSecond: 1826.25 },
] as const;

/**
 * Time windows offered, in calendar months (0: off). With a window the view shows every
 * relation active at any time in the window up to the shown day, as Gephi's range does, so short
 * events accumulate. In a numeric dataset a unit of time is a year of days: 12 months is 1.
 */
export const WINDOWS = [
  { label: 'Off', numericLabel: 'Off', months: 0 },
  { label: '1 month', numericLabel: '', months: 1 },
  { label: '1 year', numericLabel: '1', months: 12 },
  { label: '5 years', numericLabel: '5', months: 60 },
  { label: '10 years', numericLabel: '10', months: 120 },
  { label: '25 years', numericLabel: '25', months: 300 },
] as const;

/** The part of the period that Play plays, both days included. */
export interface PlayRange {
  from: DayNumber;
  to: DayNumber;
}

export interface AppState {
  model: ExplorerModel | null;
  /**
   * Set with `model` when that model is the previous one with an edit applied (authoring,
   * `editing.ts`): the graph view then updates the changed elements instead of being rebuilt.
   * Null whenever a model is loaded.
   */
  modelEdit: { previous: ExplorerModel; change: ModelChange } | null;
  /** Key under which positions and view are kept for this dataset. */
  datasetKey: string;
  /** The day the graph shows. */
  day: DayNumber;
  playing: boolean;
  /** Days of data per second of playback. */
  speed: number;
  loop: boolean;
  /** What Play plays (and loops within); null: the whole period. */
  playRange: PlayRange | null;
  /** The time window in calendar months (see WINDOWS); 0 shows the day alone. */
  timeWindow: number;
  selection: Selection | null;
  /** Actor types and relation kinds switched off in the legend (sorted ids). */
  hiddenTypes: readonly string[];
  hiddenKinds: readonly string[];
  /** Show only the selected actor and its counterparts at the current day. */
  neighbourhoodOnly: boolean;
  view: ViewMode;
  /** How actors are placed (see core/layouts); kept per dataset and in the URL. */
  layout: LayoutName;
  /** Bumped each time the model's positions are rearranged (a layout chosen, a radial focus). */
  arrangement: number;
  /** Bumped to ask the graph to centre on the selection (search, panel links). */
  focusRequest: number;
  /** The user's stored datasets (metadata only). */
  library: LibraryListing[];
  importStatus: ImportStatus;
  opening: Opening | null;
  notice: Notice | null;
  /** Marks an analysis view lays over the graph (camps, changes, unbalanced triangles). */
  overlay: GraphOverlay | null;
  /** The analysis panel and small multiples: see the analysis block at the end. */
  analysis: AnalysisState;
  /**
   * The dataset's stories as edited (`stories.ts`: kept in IndexedDB, and in
   * `model.dataset.stories` so exports carry them, as `model.positions` holds the positions).
   */
  stories: readonly Story[];
  /** The story panel: open in the side panel, the story being edited, and whether edits are kept. */
  storyPanel: StoryPanelState;
  /** The story being presented, or null (see `stories.ts`). */
  presentation: Presentation | null;
  /** A camera for the graph to show (a story step's), bumped on each request. */
  cameraRequest: { camera: StoryCamera; n: number } | null;
  /** Authoring (`editing.ts`): non-null while edit mode is on. Loading a dataset ends it. */
  editing: EditingState | null;
  /**
   * A big dataset shown in a quick layout (`refinePositions`): its refined layout is being
   * computed in the worker, or is ready and held until playback pauses; null otherwise.
   */
  layoutRefinement: 'computing' | 'held' | null;
}

export interface StoryPanelState {
  open: boolean;
  editing: string | null;
  /** The last edit: being written to IndexedDB, written, or refused by the browser. */
  kept: 'idle' | 'saving' | 'saved' | 'failed';
}

/** Where a presentation stands. */
export interface Presentation {
  storyId: string;
  /** The step shown (0-based). */
  step: number;
  /** Auto-advance: each step is held for its reading time, then the time to the next plays. */
  auto: boolean;
  /**
   * What the playback clock is playing: the step's own period, or the time up to step `to`
   * (shown when the clock reaches it); null while the step is simply shown.
   */
  moving: { kind: 'period' } | { kind: 'transition'; to: number } | null;
}

const initialState: AppState = {
  model: null,
  modelEdit: null,
  datasetKey: '',
  day: 0 as DayNumber,
  playing: false,
  speed: SPEEDS[2].daysPerSecond,
  loop: false,
  playRange: null,
  timeWindow: 0,
  selection: null,
  hiddenTypes: [],
  hiddenKinds: [],
  neighbourhoodOnly: false,
  view: 'graph',
  layout: 'force',
  arrangement: 0,
  focusRequest: 0,
  library: [],
  importStatus: { phase: 'idle' },
  opening: null,
  notice: null,
  overlay: null,
  analysis: initialAnalysis(),
  stories: [],
  storyPanel: { open: false, editing: null, kept: 'idle' },
  presentation: null,
  cameraRequest: null,
  editing: null,
  layoutRefinement: null,
};

export const useStore = create<AppState>()(() => initialState);

const get = () => useStore.getState();
const set = (partial: Partial<AppState>) => useStore.setState(partial);

// ---- dataset ---------------------------------------------------------------

/**
 * Loads a validated dataset, with positions the user dragged before, at its most recent day.
 * `layout` is the dataset's `computeLayout` when it is already known (the seed's is computed
 * at build time); without it the layout is computed now.
 */
export function loadDataset(
  dataset: Dataset,
  datasetKey = dataset.title,
  layout?: ReadonlyMap<string, Point>,
): void {
  showModel(buildExplorerModel(dataset, layout), datasetKey);
}

/**
 * Loads a validated dataset like `loadDataset`, building its model in slices between which the
 * page stays responsive (a million relations: seconds of work, no long task). `known` holds
 * the layout and index computed elsewhere (the import worker, or stored with the dataset);
 * the model is shown only once complete, and not at all if `signal` aborts first.
 */
export async function loadDatasetInSlices(
  dataset: Dataset,
  datasetKey: string,
  known: KnownParts,
  options: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<ExplorerModel> {
  const model = await runInSlices(explorerModelSteps(dataset, known), options);
  // Showing the model renders every panel and creates the graph view: a task of its own, not
  // the tail of the last slice's.
  await nextTask();
  options.signal?.throwIfAborted();
  showModel(model, datasetKey);
  return model;
}

function showModel(model: ExplorerModel, datasetKey: string): void {
  for (const [id, p] of loadPositions(datasetKey))
    if (model.positions.has(id)) model.positions.set(id, p);
  forcePositions.set(model, new Map(model.positions));
  // Loading replaces the view; the library, import status and messages carry over.
  const { speed, library, importStatus, opening, notice, storyPanel } = get();
  set({
    ...initialState,
    speed,
    library,
    importStatus,
    opening,
    notice,
    model,
    datasetKey,
    // The dataset's own stories; those kept in this browser replace them once read (stories.ts).
    stories: model.dataset.stories ?? [],
    storyPanel: { ...initialState.storyPanel, open: storyPanel.open },
    day: model.index.end,
    layout: loadLayout(datasetKey) ?? 'force',
  });
}

/**
 * Keeps positions the user dragged nodes to, for this dataset, across reloads. Only in the
 * force-directed layout: the arranged ones (radial, hierarchy, rings) are rules, recomputed on
 * every choice, and a drag there is a moment's adjustment (kept on screen and in exports until
 * the layout is arranged again), not a change to the dataset's picture.
 */
export function rememberPositions(moved: ReadonlyMap<string, Point>): void {
  const { model, datasetKey, layout } = get();
  if (!model) return;
  for (const [id, p] of moved) model.positions.set(id, { ...p });
  if (layout !== 'force') return;
  const force = forcePositions.get(model);
  for (const [id, p] of moved) force?.set(id, { ...p });
  if (!savePositions(datasetKey, model.positions))
    set({
      notice: {
        kind: 'error',
        text: 'Could not keep the node positions: the browser refused to store them (private mode or full storage).',
      },
    });
}

export function dismissNotice(): void {
  set({ notice: null });
}

/** Shows a message in the notice area (for the UI's own failures, such as code that did not load). */
export function showNotice(notice: Notice): void {
  set({ notice });
}

// ---- time ------------------------------------------------------------------

function clampDay(day: number): DayNumber {
  const model = get().model;
  if (!model) return day as DayNumber;
  return Math.min(model.index.end, Math.max(model.index.start, Math.round(day))) as DayNumber;
}

/** Moves the shown day, clamped to the dataset's period. */
export function setDay(day: number): void {
  const next = clampDay(day);
  if (next !== get().day) set({ day: next });
}

// Calendar months: also the unit of the time window; kept here for the store's callers.
export { addMonths };

/** Steps by calendar months: ±1 for arrow keys, ±12 for a year. */
export function stepMonths(months: number): void {
  setDay(addMonths(get().day, months));
}

/** Jumps to the next (+1) or previous (−1) event; lands exactly on its date. */
export function stepEvent(direction: 1 | -1): void {
  const { model, day } = get();
  if (!model) return;
  const event = direction > 0 ? model.index.nextEvent(day) : model.index.previousEvent(day);
  if (event) set({ day: clampDay(event.day), playing: false });
}

export function jumpToStart(): void {
  const model = get().model;
  if (model) set({ day: model.index.start, playing: false });
}

export function jumpToEnd(): void {
  const model = get().model;
  if (model) set({ day: model.index.end, playing: false });
}

// ---- playback --------------------------------------------------------------

/**
 * The part of a day that playback has advanced but `day` (whole days) does not show yet. Kept
 * so slow speeds move at their nominal rate: at 60 Hz, "1 month / s" advances half a day per frame.
 */
let playbackRemainder = 0;

/** The days playback runs between: the play range when one is set, else the whole period. */
function playBounds(): PlayRange | null {
  const { model, playRange } = get();
  if (!model) return null;
  return playRange ?? { from: model.index.start, to: model.index.end };
}

export function play(): void {
  const bounds = playBounds();
  if (!bounds) return;
  const { day } = get();
  playbackRemainder = 0;
  // Playing from the end (or from outside the range) starts over, as media players do.
  set({ playing: true, day: day >= bounds.to || day < bounds.from ? bounds.from : day });
}

export function pause(): void {
  if (get().playing) set({ playing: false });
}

export function togglePlay(): void {
  if (get().playing) pause();
  else play();
}

export function setSpeed(daysPerSecond: number): void {
  set({ speed: daysPerSecond });
}

export function setLoop(loop: boolean): void {
  set({ loop });
}

/**
 * Advances playback by `seconds` of wall time. Called by the playback clock
 * each animation frame; at the end it stops or, with loop, starts over.
 */
export function advancePlayback(seconds: number): void {
  const { day, speed, loop, playing } = get();
  const bounds = playBounds();
  if (!bounds || !playing) return;
  const exact = day + playbackRemainder + seconds * speed;
  const next = Math.floor(exact);
  playbackRemainder = exact - next;
  if (next < bounds.to) set({ day: next as DayNumber });
  else if (loop) {
    playbackRemainder = 0;
    set({ day: bounds.from });
  } else set({ day: bounds.to, playing: false });
}

/**
 * Sets the part of the period Play plays (the ends in either order, clamped to the period).
 * The whole period, or a range shorter than a day, clears it.
 */
export function setPlayRange(from: number, to: number): void {
  const model = get().model;
  if (!model) return;
  const [a, b] = [clampDay(Math.min(from, to)), clampDay(Math.max(from, to))];
  const whole = a <= model.index.start && b >= model.index.end;
  set({ playRange: whole || a === b ? null : { from: a, to: b } });
}

export function clearPlayRange(): void {
  if (get().playRange) set({ playRange: null });
}

/** Shows every relation active within `months` calendar months up to the day (0: the day alone). */
export function setTimeWindow(months: number): void {
  const next = Number.isInteger(months) && months > 0 ? months : 0;
  if (next !== get().timeWindow) set({ timeWindow: next });
}

// ---- selection -------------------------------------------------------------

/** Selects an actor, relation or event (or nothing); `focus` asks the graph to centre on it. */
export function select(selection: Selection | null, focus = false): void {
  set({ selection, ...(focus ? { focusRequest: get().focusRequest + 1 } : {}) });
}

/** Selects an event and moves time to its date. */
export function selectEvent(id: string): void {
  const model = get().model;
  const event = model?.eventsById.get(id);
  if (!model || !event) return;
  const indexed = model.index.events.find((e) => e.id === id);
  set({
    selection: { kind: 'event', id },
    day: clampDay(indexed?.day ?? get().day),
    playing: false,
  });
}

// ---- filters and view ------------------------------------------------------

const toggled = (list: readonly string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id].sort();

export function toggleType(id: string): void {
  set({ hiddenTypes: toggled(get().hiddenTypes, id) });
}

export function toggleKind(id: string): void {
  set({ hiddenKinds: toggled(get().hiddenKinds, id) });
}

export function setNeighbourhoodOnly(on: boolean): void {
  set({ neighbourhoodOnly: on });
}

export function showAll(): void {
  set({ hiddenTypes: [], hiddenKinds: [], neighbourhoodOnly: false });
}

export function setView(view: ViewMode): void {
  set({ view });
}

/** The part of the state a view (a URL, the last view of a dataset) restores. */
export type ViewState = Partial<
  Pick<
    AppState,
    | 'day'
    | 'selection'
    | 'hiddenTypes'
    | 'hiddenKinds'
    | 'neighbourhoodOnly'
    | 'view'
    | 'playRange'
    | 'timeWindow'
    | 'layout'
  >
>;

/** Applies a view restored from a URL (see url.ts); unknown ids were already dropped. */
export function applyView(view: ViewState): void {
  set({ ...view, ...(view.day !== undefined ? { day: clampDay(view.day) } : {}), playing: false });
  if (view.playRange) setPlayRange(view.playRange.from, view.playRange.to);
}

// ---- layout -------------------------------------------------------------------

/**
 * Each model's force-directed positions (computed or stored, with the user's drags), to return
 * to from an arranged layout. `model.positions` always holds the positions on screen, which
 * the exports (core/render/scene.ts) draw.
 */
const forcePositions = new WeakMap<ExplorerModel, Map<string, Point>>();

/**
 * The force-directed positions of a model, with the user's drags, whichever layout is on
 * screen: what a published story carries, so that its pictures are the author's.
 */
export function forceDirectedPositions(model: ExplorerModel): ReadonlyMap<string, Point> {
  return forcePositions.get(model) ?? model.positions;
}

/** The actor a radial layout centres on: the selected actor, or null (the most connected). */
export function radialFocus(s: Pick<AppState, 'selection'>): string | null {
  return s.selection?.kind === 'actor' ? s.selection.id : null;
}

/** Chooses how actors are placed; the graph moves there and the choice is kept per dataset. */
export function setLayout(layout: LayoutName): void {
  if (get().model) set({ layout });
}

/** Writes a layout's positions into the model and tells the view (`arrangement`). */
function arrange(model: ExplorerModel, layout: LayoutName, focus: string | null): void {
  const next =
    layout === 'force'
      ? (forcePositions.get(model) ?? model.positions)
      : arrangeActors(layout, model.dataset, {
          typeOrder: [...model.vocabulary.actorTypes.keys()],
          focus,
        });
  for (const [id, p] of next) model.positions.set(id, { ...p });
  set({ arrangement: get().arrangement + 1 });
}

// The positions follow the state, whichever way it changed (the control, a link, Back): a new
// model in an arranged layout, another layout, or in radial another selected actor.
useStore.subscribe((s, prev) => {
  const model = s.model;
  if (!model) return;
  const newModel = model !== prev.model;
  if (
    (newModel && s.layout !== 'force') ||
    (!newModel && s.layout !== prev.layout) ||
    (!newModel && s.layout === 'radial' && radialFocus(s) !== radialFocus(prev))
  )
    arrange(model, s.layout, radialFocus(s));
  if (!newModel && s.layout !== prev.layout && !saveLayout(s.datasetKey, s.layout))
    set({
      notice: {
        kind: 'error',
        text: 'Could not keep the layout: the browser refused to store it (private mode or full storage).',
      },
    });
});

/**
 * The refined layout of a model first shown with a quick one (a big dataset: the worker lays
 * it out again after it is drawn; `DerivedData.quickLayout`). It becomes the model's
 * force-directed positions, except for actors the user dragged away from their `quick`
 * position, and the graph glides there if that layout is on screen. Never while time plays
 * (actors would move under the user's eyes as relations come and go): then it waits for the
 * pause. Ignored once another model is shown.
 */
export function refinePositions(
  model: ExplorerModel,
  layouts: { quick: ReadonlyMap<string, Point>; refined: ReadonlyMap<string, Point> },
): void {
  pendingRefinement = { model, ...layouts };
  applyPendingRefinement();
}

/** Says that the layout of the model on screen is being refined (see `refinePositions`). */
export function startRefinement(model: ExplorerModel): void {
  if (get().model === model) set({ layoutRefinement: 'computing' });
}

/** Says that no refined layout will come for this model (the worker failed). */
export function endRefinement(model: ExplorerModel): void {
  if (get().model === model) set({ layoutRefinement: null });
}

let pendingRefinement: {
  model: ExplorerModel;
  quick: ReadonlyMap<string, Point>;
  refined: ReadonlyMap<string, Point>;
} | null = null;

function applyPendingRefinement(): void {
  const { model: shown, playing, datasetKey, layout } = get();
  if (!pendingRefinement) return;
  const { model, quick, refined } = pendingRefinement;
  const force = forcePositions.get(model);
  if (model !== shown || !force) {
    pendingRefinement = null;
    return;
  }
  if (playing) return set({ layoutRefinement: 'held' });
  pendingRefinement = null;
  set({ layoutRefinement: null });
  let dragged = false;
  for (const [id, p] of refined) {
    const now = force.get(id);
    const start = quick.get(id);
    if (now && start && now.x === start.x && now.y === start.y) force.set(id, { ...p });
    else dragged = true;
  }
  // Drags are kept with the whole layout (persistence.ts), which must now be the refined one.
  if (dragged) savePositions(datasetKey, force);
  if (layout === 'force') arrange(model, 'force', null);
}

useStore.subscribe((s, prev) => {
  if (prev.playing && !s.playing) applyPendingRefinement();
});

/** Lays an analysis overlay over the graph, or clears it (null). */
export function setOverlay(overlay: GraphOverlay | null): void {
  set({ overlay });
}

// ---- analysis ----------------------------------------------------------------
// The analysis panel (src/ui/analysis): which question is open and its inputs.
// Loading a dataset resets it with the rest of the view (actor ids change).

export type AnalysisTab = 'pair' | 'compare' | 'balance' | 'centrality';
export type MultiplesMode = 'events' | 'decades' | 'custom';

export interface AnalysisState {
  /** The right-hand panel shows the analysis instead of the details. */
  open: boolean;
  tab: AnalysisTab;
  /** Pair history: the two actors; `pairB` is null while the user picks the second one. */
  pairA: string | null;
  pairB: string | null;
  /** Compare dates: set from the shown day when that tab first opens. */
  compare: { t1: DayNumber; t2: DayNumber } | null;
  /** Balance marks on the graph: unbalanced triangles, and actors coloured by camp. */
  markUnbalanced: boolean;
  markCamps: boolean;
  /** Small multiples: which dates, and the user's own list as typed. */
  multiplesMode: MultiplesMode;
  multiplesDates: string;
}

// A function declaration, so `initialState` above can call it before this point.
export function initialAnalysis(): AnalysisState {
  return {
    open: false,
    tab: 'pair',
    pairA: null,
    pairB: null,
    compare: null,
    markUnbalanced: true,
    markCamps: true,
    multiplesMode: 'events',
    multiplesDates: '',
  };
}

const setAnalysis = (patch: Partial<AnalysisState>) =>
  set({ analysis: { ...get().analysis, ...patch } });

/** Default dates to compare: the five years up to the shown day (or after it, near the start). */
function defaultCompare(): { t1: DayNumber; t2: DayNumber } {
  const { day } = get();
  const before = clampDay(addMonths(day, -60));
  return before < day ? { t1: before, t2: day } : { t1: day, t2: clampDay(addMonths(day, 60)) };
}

/** Shows an analysis tab (the last one used by default); pair history starts from the selection. */
export function openAnalysis(tab: AnalysisTab = get().analysis.tab): void {
  const { analysis, selection } = get();
  const patch: Partial<AnalysisState> = { open: true, tab };
  if (tab === 'compare' && !analysis.compare) patch.compare = defaultCompare();
  if (tab === 'pair' && !analysis.pairA && selection?.kind === 'actor') patch.pairA = selection.id;
  setAnalysis(patch);
}

export function closeAnalysis(): void {
  if (get().analysis.open) setAnalysis({ open: false });
}

/** "Compare with…": pair history of `actor` and a second actor the user picks next. */
export function compareWith(actor: string): void {
  setAnalysis({ open: true, tab: 'pair', pairA: actor, pairB: null });
}

export function setPair(a: string | null, b: string | null): void {
  setAnalysis({ pairA: a, pairB: b });
}

export function setCompareDays(t1: number, t2: number): void {
  setAnalysis({ compare: { t1: clampDay(t1), t2: clampDay(t2) } });
}

export function setBalanceMarks(marks: { unbalanced?: boolean; camps?: boolean }): void {
  const { markUnbalanced, markCamps } = get().analysis;
  setAnalysis({
    markUnbalanced: marks.unbalanced ?? markUnbalanced,
    markCamps: marks.camps ?? markCamps,
  });
}

export function setMultiples(patch: { mode?: MultiplesMode; dates?: string }): void {
  const { multiplesMode, multiplesDates } = get().analysis;
  setAnalysis({
    multiplesMode: patch.mode ?? multiplesMode,
    multiplesDates: patch.dates ?? multiplesDates,
  });
}

// ---- stories -------------------------------------------------------------------
// Editing and presenting stories: the actions live in stories.ts (state above); these two are
// the ones other parts start from (a link with `story=`, a published page).
export { leavePresentation, presentStory } from './stories';
