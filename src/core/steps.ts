/**
 * Work split into steps, so that a caller on the page's main thread can give
 * the browser a turn between them (`store/slices.ts`), while Node (the CLI,
 * tests, benchmarks) runs the same code straight through (`runSteps`).
 *
 * A step is a generator's `yield`: it reports the share of the work done so
 * far (0 to 1), and the generator's return value is the result. Steps are kept
 * small (a few thousand items: milliseconds); the caller decides how many to
 * run per task.
 */
export type Steps<T> = Generator<number, T, void>;

/** Items handled between two steps. */
export const ITEMS_PER_STEP = 500;

/** Runs every step at once and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Calls `visit` on each item, yielding after every `ITEMS_PER_STEP` of them
 * with progress mapped into [from, to] of the caller's whole work.
 */
export function* eachInSteps<T>(
  items: readonly T[],
  visit: (item: T, i: number) => void,
  from = 0,
  to = 1,
): Generator<number, void, void> {
  for (let i = 0; i < items.length; i++) {
    visit(items[i]!, i);
    if ((i + 1) % ITEMS_PER_STEP === 0) yield from + ((to - from) * (i + 1)) / items.length;
  }
}
