/**
 * Work done a slice per frame: each call of `step` runs in its own animation
 * frame, so the browser draws and handles input in between, and no task
 * holds the main thread for long however much work there is. One slice per
 * frame, not per task: Cytoscape styles and measures new elements lazily,
 * in its next frame, so slices run back to back as tasks would pile all
 * their styling into one frame. Used to mount large graphs (adapter.ts).
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

/** Calls `step` once per frame until it returns false (nothing left), then `onDone`. */
export function runInSlices(
  step: () => boolean,
  onDone: () => void = () => {},
  schedule: Schedule = nextFrame,
): SliceRun {
  let state: 'running' | 'done' | 'cancelled' = 'running';
  const complete = () => {
    state = 'done';
    onDone();
  };
  const slice = () => {
    if (state !== 'running') return;
    if (step()) schedule(slice);
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
