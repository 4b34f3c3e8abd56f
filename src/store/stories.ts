/**
 * Story actions: editing the loaded dataset's stories, and presenting one.
 * The state lives in the one store (`stories`, `storyPanel`, `presentation`,
 * `cameraRequest` in store.ts); the logic of a step is the core's
 * (core/story.ts). Every edit is kept at once in IndexedDB under the
 * dataset's key (library.ts) and written into `model.dataset.stories`, so the
 * JSON export and a published page carry what the user sees.
 *
 * Presenting applies each step's view to the store. The time a step's period
 * spans, and the time between two steps under auto-advance, is played by the
 * ordinary playback clock (playbackClock.ts) over a play range: the time bar's
 * thumb moves and relations change on the way, and when the clock stops at the
 * range's end the next step is shown (`followPlayback`).
 */
import type { StoryCamera } from '../core/schema';
import {
  modelStoryContext,
  moveItem,
  newStoryId,
  stepFromView,
  stepView,
  transitionBetween,
  type StepView,
  type Story,
  type StoryStep,
} from '../core/story';
import * as library from './library';
import { useStore, type AppState } from './store';

const get = () => useStore.getState();
const set = (partial: Partial<AppState>) => useStore.setState(partial);

// ---- the camera ---------------------------------------------------------------
// The graph owns the camera; the view on screen registers a reader (GraphCanvas), so that
// "Add step" records what is in view without the store knowing about Cytoscape.

let readCamera: () => StoryCamera = () => 'fit';

/** Registers how to read the graph's camera (the visible box); null when no graph is shown. */
export function setCameraReader(reader: (() => StoryCamera) | null): void {
  readCamera = reader ?? (() => 'fit');
}

function requestCamera(camera: StoryCamera): void {
  set({ cameraRequest: { camera, n: (get().cameraRequest?.n ?? 0) + 1 } });
}

// ---- keeping stories --------------------------------------------------------------

/** Stories kept in this browser, read once per dataset shown (see `startStories`). */
let storiesRead: Promise<void> = Promise.resolve();

/** Resolves once the stories kept for the dataset on screen have been read (or found absent). */
export function storiesReady(): Promise<void> {
  return storiesRead;
}

/** Edits made since start: stories read from storage never overwrite an edit made meanwhile. */
let edits = 0;

/** Whether stories are kept in (and read from) IndexedDB: see `startStories`. */
let keepInBrowser = true;

const setKept = (kept: AppState['storyPanel']['kept']) =>
  set({ storyPanel: { ...get().storyPanel, kept } });

/** Replaces the stories: on screen, in the model (exports read it) and in IndexedDB. */
function commitStories(stories: readonly Story[]): void {
  const { model, datasetKey } = get();
  if (!model) return;
  const edit = ++edits;
  model.dataset.stories = [...stories];
  set({ stories });
  if (!keepInBrowser) return;
  setKept('saving');
  // IndexedDB runs these writes in the order they were made, so the last one wins.
  library.putStories(datasetKey, stories).then(
    () => {
      if (edit === edits) setKept('saved');
    },
    (e: unknown) => {
      setKept('failed');
      set({
        notice: {
          kind: 'error',
          text: `${e instanceof Error ? e.message : String(e)} Your stories stay on screen but will be gone after a reload.`,
        },
      });
    },
  );
}

/** Reads the stories kept for the dataset now on screen; they replace the dataset's own. */
function readKeptStories(): Promise<void> {
  const { model, datasetKey } = get();
  if (!model || !keepInBrowser) return Promise.resolve();
  const editsBefore = edits;
  return library.getStories(datasetKey).then(
    (kept) => {
      // Applied only if the same dataset is still shown and nothing was edited meanwhile.
      if (!kept || get().model !== model || edits !== editsBefore) return;
      model.dataset.stories = kept;
      set({ stories: kept });
    },
    // No storage (private mode, a page opened from a file): the dataset's own stories apply.
    () => undefined,
  );
}

/**
 * Shows and keeps stories an edit of the dataset changed (steps that named an item it renamed
 * or deleted: `core/edit/storyFollow.ts`); the edited model already holds them.
 */
export function followEditedStories(stories: readonly Story[]): void {
  commitStories(stories);
}

const updateStory = (id: string, change: (story: Story) => Story) =>
  commitStories(get().stories.map((s) => (s.id === id ? change(s) : s)));

const updateSteps = (id: string, change: (steps: StoryStep[]) => StoryStep[]) =>
  updateStory(id, (s) => ({ ...s, steps: change([...s.steps]) }));

// ---- the story panel ------------------------------------------------------------

export function openStoryPanel(): void {
  set({ storyPanel: { ...get().storyPanel, open: true } });
}

export function closeStoryPanel(): void {
  if (get().storyPanel.open) set({ storyPanel: { ...get().storyPanel, open: false } });
}

/** Chooses the story the panel edits (null: the list). */
export function editStory(id: string | null): void {
  set({ storyPanel: { ...get().storyPanel, open: true, editing: id } });
}

/** Creates an empty story and opens it for editing; returns its id. */
export function createStory(title: string): string {
  const name = title.trim() || 'Untitled story';
  const id = newStoryId(
    name,
    get().stories.map((s) => s.id),
  );
  commitStories([...get().stories, { id, title: name, steps: [] }]);
  editStory(id);
  return id;
}

/** Renames a story; an empty title is refused (false). */
export function renameStory(id: string, title: string): boolean {
  const name = title.trim();
  if (!name) return false;
  updateStory(id, (s) => ({ ...s, title: name.slice(0, 500) }));
  return true;
}

export function deleteStory(id: string): void {
  commitStories(get().stories.filter((s) => s.id !== id));
  if (get().storyPanel.editing === id) editStory(null);
}

/** The view on screen now, as a step (a date or the play range, selection, filters, layout, camera). */
function currentStep(): StoryStep {
  const s = get();
  return stepFromView({ ...s, camera: readCamera() });
}

/** Adds a step showing the current view after step `after` (default: at the end); returns its index. */
export function addStep(storyId: string, after?: number): number {
  const story = get().stories.find((s) => s.id === storyId);
  if (!story) return -1;
  const at = after === undefined ? story.steps.length : after + 1;
  updateSteps(storyId, (steps) => [...steps.slice(0, at), currentStep(), ...steps.slice(at)]);
  return at;
}

/** Records the current view into a step, keeping its caption and quote. */
export function updateStepView(storyId: string, index: number): void {
  updateSteps(storyId, (steps) =>
    steps.map((step, i) =>
      i === index
        ? { ...currentStep(), caption: step.caption, ...(step.quote && { quote: step.quote }) }
        : step,
    ),
  );
}

/** Edits a step's caption (plain text) or its quote (null removes it). */
export function editStep(
  storyId: string,
  index: number,
  patch: { caption?: string; quote?: StoryStep['quote'] | null },
): void {
  updateSteps(storyId, (steps) =>
    steps.map((step, i) => {
      if (i !== index) return step;
      const next: StoryStep = { ...step, caption: patch.caption ?? step.caption };
      if (patch.quote === null) delete next.quote;
      else if (patch.quote) next.quote = patch.quote;
      return next;
    }),
  );
}

export function moveStep(storyId: string, from: number, to: number): void {
  updateSteps(storyId, (steps) => moveItem(steps, from, to));
}

export function duplicateStep(storyId: string, index: number): void {
  updateSteps(storyId, (steps) =>
    steps[index]
      ? [...steps.slice(0, index + 1), structuredClone(steps[index]), ...steps.slice(index + 1)]
      : steps,
  );
}

export function deleteStep(storyId: string, index: number): void {
  updateSteps(storyId, (steps) => steps.filter((_, i) => i !== index));
}

// ---- presenting --------------------------------------------------------------------

/** The explorer's view before presenting, restored on leaving. */
type ExplorerView = Pick<
  AppState,
  | 'day'
  | 'selection'
  | 'hiddenTypes'
  | 'hiddenKinds'
  | 'neighbourhoodOnly'
  | 'timeWindow'
  | 'layout'
  | 'playRange'
  | 'speed'
  | 'loop'
  | 'view'
> & { camera: StoryCamera };

let explorerView: ExplorerView | null = null;

function presentedStory(): Story | undefined {
  const p = get().presentation;
  return p ? get().stories.find((s) => s.id === p.storyId) : undefined;
}

/** The view of a step of the presented story, with what it had to leave out. */
export function presentedStepView(storyId: string, index: number): StepView | null {
  const { model, stories } = get();
  const story = stories.find((s) => s.id === storyId);
  if (!model || !story?.steps[index]) return null;
  return stepView(story, index, modelStoryContext(model));
}

const clampTo = (day: number, from: number, to: number) => Math.min(to, Math.max(from, day));

/**
 * Starts presenting a story at a step (0-based): the page becomes the graph and the caption.
 * A story or step the dataset does not have is reported as a notice; false then.
 */
export function presentStory(storyId: string, stepIndex = 0): boolean {
  const { model, stories } = get();
  const story = stories.find((s) => s.id === storyId);
  if (!model) return false;
  if (!story || story.steps.length === 0) {
    set({
      notice: {
        kind: 'error',
        text: story
          ? `The story “${story.title}” has no steps yet: add one from the story panel.`
          : `This dataset has no story with the id “${storyId}”.`,
      },
    });
    return false;
  }
  if (!get().presentation) {
    const s = get();
    explorerView = {
      day: s.day,
      selection: s.selection,
      hiddenTypes: s.hiddenTypes,
      hiddenKinds: s.hiddenKinds,
      neighbourhoodOnly: s.neighbourhoodOnly,
      timeWindow: s.timeWindow,
      layout: s.layout,
      playRange: s.playRange,
      speed: s.speed,
      loop: s.loop,
      view: s.view,
      camera: readCamera(),
    };
  }
  const index = Math.max(0, Math.min(story.steps.length - 1, Math.floor(stepIndex)));
  showStep(story, index, get().presentation?.auto ?? false);
  return true;
}

/**
 * Puts a step's view on screen: date (or its period's start and play range), selection,
 * filters, layout and camera. `extra` is set with it in the same store update.
 */
function applyStepView(view: StepView, extra: Partial<AppState> = {}): void {
  const model = get().model;
  if (!model) return;
  const { start, end } = model.index;
  const period = view.playThrough;
  set({
    day: clampTo(view.day, start, end) as AppState['day'],
    selection: view.selection,
    hiddenTypes: view.hiddenTypes,
    hiddenKinds: view.hiddenKinds,
    neighbourhoodOnly: view.neighbourhoodOnly,
    timeWindow: view.timeWindow,
    layout: view.layout,
    view: 'graph',
    loop: false,
    playing: false,
    playRange: period
      ? {
          from: clampTo(period.from, start, end) as AppState['day'],
          to: clampTo(period.to, start, end) as AppState['day'],
        }
      : null,
    ...(period && { speed: period.daysPerSecond }),
    ...extra,
  });
  requestCamera(view.camera);
}

/** Shows a step in the explorer, to look at it before changing it (not presenting). */
export function showStepInExplorer(storyId: string, index: number): void {
  const view = presentedStepView(storyId, index);
  if (view && !get().presentation) applyStepView(view);
}

/** Shows step `index` of a story when presenting; its period, if it has one, starts playing. */
function showStep(story: Story, index: number, auto: boolean): void {
  const view = presentedStepView(story.id, index);
  if (!view) return;
  const period = view.playThrough;
  const plays = period !== null && period.to > period.from;
  const moving = plays ? ({ kind: 'period' } as const) : null;
  applyStepView(view, { presentation: { storyId: story.id, step: index, auto, moving } });
  if (plays) set({ playing: true });
}

/** Shows the next step at once (a move in progress ends there); false at the last step. */
export function nextStep(): boolean {
  const p = get().presentation;
  const story = presentedStory();
  if (!p || !story) return false;
  const target = p.moving?.kind === 'transition' ? p.moving.to : p.step + 1;
  if (target >= story.steps.length) return false;
  showStep(story, target, p.auto);
  return true;
}

/** Shows the previous step at once; false at the first step. */
export function previousStep(): boolean {
  const p = get().presentation;
  const story = presentedStory();
  if (!p || !story || p.step === 0) return false;
  showStep(story, p.step - 1, p.auto);
  return true;
}

/** Jumps to a step (0-based) of the presented story. */
export function goToStep(index: number): void {
  const p = get().presentation;
  const story = presentedStory();
  if (p && story?.steps[index]) showStep(story, index, p.auto);
}

/**
 * Moves on from the shown step: plays the time up to the next step on the playback clock (it
 * is shown when the clock gets there), or shows it at once when it is not later. False at the
 * last step (auto-advance then stops).
 */
export function advanceStory(): boolean {
  const p = get().presentation;
  const story = presentedStory();
  if (!p || !story || p.moving) return false;
  const next = p.step + 1;
  if (next >= story.steps.length) {
    set({ presentation: { ...p, auto: false } });
    return false;
  }
  const from = presentedStepView(story.id, p.step);
  const to = presentedStepView(story.id, next);
  const move = from && to ? transitionBetween(from, to) : null;
  const model = get().model;
  if (!move || !model) {
    showStep(story, next, p.auto);
    return true;
  }
  const { start, end } = model.index;
  set({
    playRange: {
      from: clampTo(move.from, start, end) as AppState['day'],
      to: clampTo(move.to, start, end) as AppState['day'],
    },
    day: clampTo(move.from, start, end) as AppState['day'],
    speed: move.daysPerSecond,
    loop: false,
    playing: true,
    presentation: { ...p, moving: { kind: 'transition', to: next } },
  });
  return true;
}

/** Turns auto-advance on or off; turning it off stops a move in progress where it is. */
export function setAutoAdvance(auto: boolean): void {
  const p = get().presentation;
  if (!p) return;
  if (!auto && p.moving?.kind === 'transition') {
    set({ playing: false, presentation: { ...p, auto, moving: null } });
    return;
  }
  set({ presentation: { ...p, auto } });
}

/** Leaves the presentation: the explorer's view from before comes back. */
export function leavePresentation(): void {
  if (!get().presentation) return;
  const before = explorerView;
  explorerView = null;
  const { camera, ...view } = before ?? { camera: 'fit' as const };
  set({ ...view, playing: false, presentation: null });
  requestCamera(camera);
}

/**
 * When the playback clock stops during a presentation: at the end of a move to the next step,
 * that step is shown; at the end of the step's own period the step simply rests there. A move
 * stopped elsewhere (the viewer paused or dragged the thumb) is abandoned where it stands.
 */
function followPlayback(s: AppState, prev: AppState): void {
  const p = s.presentation;
  if (!p?.moving || s.playing || !prev.playing) return;
  const story = presentedStory();
  if (p.moving.kind === 'transition' && story && s.day === s.playRange?.to)
    showStep(story, p.moving.to, p.auto);
  else set({ presentation: { ...p, moving: null } });
}

/**
 * Starts the stories' part of the store: the stories kept for each dataset shown are read
 * (`storiesReady`), and presentations follow the playback clock. Returns a function that stops.
 * `keep: false` neither reads nor writes IndexedDB: for a page that carries its own stories
 * (a published file, whose `file://` pages would otherwise share one store under one key).
 */
export function startStories({ keep = true }: { keep?: boolean } = {}): () => void {
  keepInBrowser = keep;
  storiesRead = readKeptStories();
  return useStore.subscribe((s, prev) => {
    if (s.model !== prev.model) storiesRead = readKeptStories();
    followPlayback(s, prev);
  });
}
