/**
 * Runs work split into steps (`core/steps.ts`) on the page's main thread
 * without freezing it: each task runs steps until `SLICE_MS` has passed, then
 * gives the browser a turn (input, rendering, messages) before the next.
 * A slice stays far under the 200 ms at which a task counts as long, even
 * with the CPU shared.
 */
import type { Steps } from '../core/steps';

export const SLICE_MS = 30;

/** A macrotask: the browser handles input and draws before it runs. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `steps` in slices; `onProgress` gets their progress after each slice.
 * Throws the signal's reason when it is aborted (between slices).
 */
export async function runInSlices<T>(
  steps: Steps<T>,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<T> {
  for (;;) {
    signal?.throwIfAborted();
    const sliceEnd = performance.now() + SLICE_MS;
    let next = steps.next();
    while (!next.done && performance.now() < sliceEnd) next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
    await nextTask();
  }
}
