import { describe, expect, it } from 'vitest';
import type { Steps } from '../core/steps';
import { runInSlices, SLICE_MS } from './slices';

/** Steps of about `ms` each, recording when each ran. */
function* busySteps(count: number, ms: number, ran: number[]): Steps<string> {
  for (let i = 0; i < count; i++) {
    const end = performance.now() + ms;
    while (performance.now() < end);
    ran.push(performance.now());
    yield (i + 1) / count;
  }
  return 'built';
}

describe('runInSlices', () => {
  it('returns the result, giving other tasks a turn between slices of about SLICE_MS', async () => {
    const ran: number[] = [];
    let otherTasks = 0;
    const ticker = setInterval(() => otherTasks++, 0);
    const progress: number[] = [];
    const result = await runInSlices(busySteps(40, 5, ran), {
      onProgress: (p) => progress.push(p),
    });
    clearInterval(ticker);
    expect(result).toBe('built');
    expect(otherTasks).toBeGreaterThan(0);
    // 200 ms of work in slices: several reports, never a slice much longer than SLICE_MS.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p, i) => p > (progress[i - 1] ?? 0))).toBe(true);
    expect(SLICE_MS).toBeLessThan(200 / 4);
  });

  it('stops between slices when aborted, with the abort reason', async () => {
    const ran: number[] = [];
    const controller = new AbortController();
    const running = runInSlices(busySteps(1000, 5, ran), {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('cancelled')),
    });
    await expect(running).rejects.toThrow('cancelled');
    expect(ran.length).toBeLessThan(1000);
  });
});
