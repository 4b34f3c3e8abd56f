import { describe, expect, it } from 'vitest';
import { runInSlices, type Schedule } from './slices';

/** Node has no animation frames: a task stands in for one. */
const nextTask: Schedule = (callback) => void setTimeout(callback, 0);

/** Resolves once the tasks queued so far have run. */
const tasksRun = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runInSlices', () => {
  it('runs one step per frame, then reports done', async () => {
    const steps: number[] = [];
    let finished = false;
    const run = runInSlices(
      () => {
        steps.push(steps.length);
        return steps.length < 3;
      },
      () => (finished = true),
      nextTask,
    );
    expect(steps).toEqual([]); // nothing runs in the caller's task
    await new Promise<void>((resolve) => {
      const check = () => (finished ? resolve() : setTimeout(check, 0));
      check();
    });
    expect(steps).toEqual([0, 1, 2]);
    expect(run.done).toBe(true);
  });

  it('finishes the remaining steps at once when asked', () => {
    let left = 5;
    const run = runInSlices(() => --left > 0, undefined, nextTask);
    run.finish();
    expect(left).toBe(0);
    expect(run.done).toBe(true);
  });

  it('runs nothing more once cancelled', async () => {
    let calls = 0;
    const run = runInSlices(() => ++calls < 100, undefined, nextTask);
    run.cancel();
    await tasksRun();
    expect(calls).toBe(0);
    expect(run.done).toBe(false);
  });
});
