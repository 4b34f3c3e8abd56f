/**
 * Work done in slices, one batch of steps per animation frame, so the browser
 * draws and handles input in between, and no task holds the main thread for
 * long however much work there is. Per frame, not per task: Cytoscape styles
 * and measures new elements lazily, in its next frame, so slices run back to
 * back as tasks would pile all their styling into one frame. How many steps a
 * frame runs follows what the last frames cost (`FRAME_TARGET_MS`). Used to
 * mount large graphs (mounting.ts).
 */
export interface SliceRun {
  /** True once `step` reported that nothing remains. */
  readonly done: boolean;
  /** Runs the remaining steps now, in this task (for verbs that need the whole result). */
  finish(): void;
  /** Stops: no further step runs. */
  cancel(): void;
}

/** Schedules a callback (the browser's next animation frame by default). */
export type Schedule = (callback: () => void) => void;

const nextFrame: Schedule = (callback) => void requestAnimationFrame(callback);

export interface SliceOptions {
  schedule?: Schedule;
  /** The clock frames are measured with (`performance.now` by default). */
  now?: () => number;
  /** The longest the steps of one frame may run (the first step always runs). */
  budgetMs?: number;
  /**
   * A frame that took longer than this, from one callback to the next (the steps, then the
   * browser styling and drawing what they added), halves the steps of the next frame; one
   * under half of it doubles them.
   */
  frameTargetMs?: number;
}

/**
 * Steps run per frame within `FRAME_BUDGET_MS`, and only as many as kept the last frame under
 * `FRAME_TARGET_MS` in all. Cytoscape styles and measures what a step added in the frame after
 * it, outside the steps' own time, which is why the whole frame is measured, not just the
 * steps: on a slow or busy machine fewer steps run per frame, on a fast one more.
 */
export const FRAME_BUDGET_MS = 10;
export const FRAME_TARGET_MS = 50;

/**
 * Calls `step` in animation frames until it returns false (nothing left), then `onDone`:
 * one step in the first frame, then as many as the measured frames allow (see
 * `FRAME_TARGET_MS`). Steps should be small (tens of elements) so that the runner can keep
 * frames short; each frame runs at least one.
 */
export function runInSlices(
  step: () => boolean,
  onDone: () => void = () => {},
  {
    schedule = nextFrame,
    now = () => performance.now(),
    budgetMs = FRAME_BUDGET_MS,
    frameTargetMs = FRAME_TARGET_MS,
  }: SliceOptions = {},
): SliceRun {
  let state: 'running' | 'done' | 'cancelled' = 'running';
  let stepsPerFrame = 1;
  let lastFrameStart: number | null = null;
  const complete = () => {
    state = 'done';
    onDone();
  };
  const slice = () => {
    if (state !== 'running') return;
    const frameStart = now();
    if (lastFrameStart !== null)
      stepsPerFrame = nextStepsPerFrame(stepsPerFrame, frameStart - lastFrameStart, frameTargetMs);
    lastFrameStart = frameStart;
    let more = step();
    for (let ran = 1; more && ran < stepsPerFrame && now() - frameStart < budgetMs; ran++)
      more = step();
    if (more) schedule(slice);
    else complete();
  };
  schedule(slice);
  return {
    get done() {
      return state === 'done';
    },
    finish() {
      if (state !== 'running') return;
      while (step());
      complete();
    },
    cancel() {
      if (state === 'running') state = 'cancelled';
    },
  };
}

/** Halves the steps after a frame over the target, doubles them after one under half of it. */
export function nextStepsPerFrame(steps: number, frameMs: number, targetMs: number): number {
  if (frameMs > targetMs) return Math.max(1, Math.floor(steps / 2));
  if (frameMs < targetMs / 2) return steps * 2;
  return steps;
}
