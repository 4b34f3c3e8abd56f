import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../core/schema';
import { startPlaybackClock } from './playbackClock';
import { jumpToStart, loadDataset, pause, play, setSpeed, SPEEDS, useStore } from './store';

const dataset: Dataset = {
  title: 'playback clock test',
  period: { from: '1900', until: '2100' },
  sources: [],
  actorTypes: [],
  relationKinds: [],
  actors: [{ id: 'a', label: 'A', type: 'state' }],
  relations: [],
  events: [],
};

/** A fake display: `requestAnimationFrame` callbacks run only when `frames` is called. */
function fakeDisplay() {
  let pending: FrameRequestCallback | null = null;
  let now = 1_000;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    pending = cb;
    return 1;
  });
  vi.stubGlobal('cancelAnimationFrame', () => {
    pending = null;
  });
  return {
    /** Runs `count` frames at `hz` frames per second. */
    frames(count: number, hz: number) {
      for (let i = 0; i < count && pending; i++) {
        const cb = pending;
        pending = null;
        cb(now);
        now += 1000 / hz;
      }
    },
  };
}

describe('playback clock', () => {
  let stop: () => void = () => {};
  beforeEach(() => {
    loadDataset(dataset, 'clock-test');
  });
  afterEach(() => {
    stop();
    pause();
    vi.unstubAllGlobals();
  });

  for (const hz of [30, 60, 120])
    for (const speed of SPEEDS)
      it(`plays "${speed.label}" at its nominal rate at ${hz} Hz`, () => {
        const display = fakeDisplay();
        stop = startPlaybackClock();
        jumpToStart();
        setSpeed(speed.daysPerSecond);
        const start = useStore.getState().day;
        play();
        // The first frame only starts the clock; the next 10 × hz frames span 10 seconds.
        display.frames(10 * hz + 1, hz);
        const advanced = useStore.getState().day - start;
        expect(advanced).toBeGreaterThanOrEqual(Math.floor(10 * speed.daysPerSecond) - 1);
        expect(advanced).toBeLessThanOrEqual(Math.ceil(10 * speed.daysPerSecond));
      });
});
