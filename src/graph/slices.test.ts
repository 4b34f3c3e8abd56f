import { describe, expect, it } from 'vitest';
import { nextStepsPerFrame, runInSlices, type Schedule } from './slices';

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
      { schedule: nextTask },
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
    const run = runInSlices(() => --left > 0, undefined, { schedule: nextTask });
    run.finish();
    expect(left).toBe(0);
    expect(run.done).toBe(true);
  });

  it('runs nothing more once cancelled', async () => {
    let calls = 0;
    const run = runInSlices(() => ++calls < 100, undefined, { schedule: nextTask });
    run.cancel();
    await tasksRun();
    expect(calls).toBe(0);
    expect(run.done).toBe(false);
  });

  it('runs more steps per frame while frames are short, fewer once one is long', () => {
    // Frames driven by hand, on a clock the test sets: each frame's cost is what the test says
    // the browser spent after the steps (styling, drawing), plus 1 ms per step.
    let clock = 0;
    const frames: (() => void)[] = [];
    let stepsThisFrame = 0;
    const perFrame: number[] = [];
    runInSlices(
      () => {
        stepsThisFrame++;
        clock += 1;
        return true;
      },
      undefined,
      {
        schedule: (callback) => frames.push(callback),
        now: () => clock,
        budgetMs: 10,
        frameTargetMs: 50,
      },
    );
    const runFrame = (browserMs: number) => {
      clock += browserMs;
      stepsThisFrame = 0;
      frames.shift()!();
      perFrame.push(stepsThisFrame);
    };
    runFrame(0); // the first frame: one step
    runFrame(16); // short: 2
    runFrame(16); // short: 4
    runFrame(16); // short: 8
    runFrame(120); // the browser took long styling the last ones: 4
    runFrame(120); // still long: 2
    expect(perFrame).toEqual([1, 2, 4, 8, 4, 2]);
  });

  it('stops a frame’s steps once the budget is spent, running at least one', () => {
    let clock = 0;
    const frames: (() => void)[] = [];
    const perFrame: number[] = [];
    let count = 0;
    runInSlices(
      () => {
        count++;
        clock += 6; // each step costs 6 ms: two pass the 10 ms budget
        return true;
      },
      undefined,
      {
        schedule: (callback) => frames.push(callback),
        now: () => clock,
        budgetMs: 10,
        frameTargetMs: 1000,
      },
    );
    for (let i = 0; i < 5; i++) {
      count = 0;
      frames.shift()!();
      perFrame.push(count);
    }
    expect(perFrame).toEqual([1, 2, 2, 2, 2]);
  });
});

describe('nextStepsPerFrame', () => {
  it('halves after a long frame, never below one, doubles after a short one', () => {
    expect(nextStepsPerFrame(8, 60, 50)).toBe(4);
    expect(nextStepsPerFrame(1, 500, 50)).toBe(1);
    expect(nextStepsPerFrame(8, 20, 50)).toBe(16);
    expect(nextStepsPerFrame(8, 30, 50)).toBe(8);
  });
});
