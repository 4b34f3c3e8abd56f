/**
 * The playback clock: one requestAnimationFrame loop that runs while the
 * store says `playing` and advances the day by wall time. The graph follows
 * the day through its own store subscription, so no React render sits on
 * the per-frame path; only widgets that display the date re-render.
 */
import { advancePlayback, useStore } from './store';

/** Starts following the store's `playing` flag; returns a function that stops it. */
export function startPlaybackClock(): () => void {
  let frame = 0;
  let last = 0;
  const tick = (now: number) => {
    // Cap a frame's step so a background tab does not jump years when it wakes.
    const seconds = last === 0 ? 0 : Math.min(0.1, (now - last) / 1000);
    last = now;
    advancePlayback(seconds);
    frame = useStore.getState().playing ? requestAnimationFrame(tick) : 0;
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.playing && !prev.playing && frame === 0) {
      last = 0;
      frame = requestAnimationFrame(tick);
    }
  });
  return () => {
    unsubscribe();
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
  };
}
