/**
 * The in-page half of the render benchmark, shared by the three pages. Each
 * page supplies a `Renderer` (Allegiance's adapter, naive Cytoscape,
 * vis-network); the harness loads the same data, mounts it, then plays the
 * same steps, one date change per frame, and times each one.
 *
 * What a sample measures (all in ms, `performance.now()`):
 * - `update`: the synchronous work of the date change (diff, class toggles…);
 * - `frame`: from the date change until the browser has finished the frame
 *   that shows it (the renderer's draw event fired, then the rest of that
 *   frame's rendering, caught by a task posted from the draw event), minus
 *   the time the main thread sat idle waiting for that frame to begin. This
 *   is the main-thread cost of one playback step: playback holds 60 fps
 *   when it stays under 16.7 ms.
 * - `latency`: the same without subtracting the idle wait: what a user waits
 *   (depends on where in the 16.7 ms vsync period the change happened).
 * A step that changes nothing the renderer draws (no draw within 3 frames)
 * counts its `update` only and is flagged `drew: false`.
 */
import type { Dataset } from '../../src/core/schema';

export interface PagePayload {
  size: string;
  dataset: Dataset;
  positions: Record<string, [number, number]>;
  steps: number[];
  warmup: number;
}

export interface Renderer {
  /** Creates the view at `day`; resolves once it is built (the first draw is awaited separately). */
  mount(container: HTMLElement, data: PagePayload, day: number): void;
  /** Moves the view to `day`. */
  setDay(day: number): void;
  /** Calls `cb` once, synchronously from the renderer's next completed draw. */
  onNextDraw(cb: () => void): void;
  /** Elements drawn now, for the report. */
  drawn(): { nodes: number; edges: number };
}

export interface StepSample {
  update: number;
  frame: number;
  latency: number;
  drew: boolean;
}

export interface PageResult {
  size: string;
  /** fetch + JSON.parse of the payload. */
  loadMs: number;
  /** From starting to build the view until its first frame is drawn. */
  mountMs: number;
  /** Of which building (synchronous: model, elements, renderer). */
  buildMs: number;
  drawnAtStart: { nodes: number; edges: number };
  samples: StepSample[];
}

declare global {
  interface Window {
    __bench?: { run(url: string): Promise<PageResult> };
    /** Optional: called after mounting, before the steps (ablation experiments). */
    __benchBeforeSteps?: (container: HTMLElement) => void;
  }
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
const afterFrame = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });

/** Waits for the renderer's next draw, then for the end of that frame. */
function drawnFrame(r: Renderer, timeoutFrames = 3): Promise<{ frameStart: number } | null> {
  return new Promise((resolve) => {
    let done = false;
    r.onNextDraw(() => {
      if (done) return;
      done = true;
      // During a frame's callbacks the document timeline holds that frame's start time.
      const frameStart = Number(document.timeline.currentTime ?? performance.now());
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({ frameStart });
      ch.port2.postMessage(0);
    });
    let frames = 0;
    const tick = () => {
      if (done) return;
      if (++frames > timeoutFrames) {
        done = true;
        resolve(null);
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function step(r: Renderer, day: number): Promise<StepSample> {
  const t0 = performance.now();
  r.setDay(day);
  const tU = performance.now();
  const drawn = await drawnFrame(r);
  const t1 = performance.now();
  if (!drawn) return { update: tU - t0, frame: tU - t0, latency: tU - t0, drew: false };
  const idle = Math.max(0, drawn.frameStart - tU);
  return { update: tU - t0, frame: t1 - t0 - idle, latency: t1 - t0, drew: true };
}

export function installHarness(renderer: Renderer): void {
  window.__bench = {
    async run(url: string): Promise<PageResult> {
      let t = performance.now();
      const data = (await (await fetch(url)).json()) as PagePayload;
      const loadMs = performance.now() - t;
      const container = document.getElementById('graph')!;
      await nextFrame();
      await afterFrame();
      t = performance.now();
      renderer.mount(container, data, data.steps[0]!);
      const buildMs = performance.now() - t;
      // The first draw may take several frames (vis-network draws once before fitting; the
      // adapter mounts a large graph a slice per frame: about 70 frames at XL).
      await drawnFrame(renderer, 600);
      const mountMs = performance.now() - t;
      window.__benchBeforeSteps?.(container);
      const drawnAtStart = renderer.drawn();
      // Let caches and any start-up work settle, as when a user presses play.
      for (let i = 0; i < 30; i++) await nextFrame();
      await afterFrame();

      const samples: StepSample[] = [];
      for (const [i, day] of data.steps.entries()) {
        if (i === 0) continue;
        // Marks let a trace (CPU time per thread) find the measured steps.
        if (i === data.warmup + 1) performance.mark('bench:steps:start');
        const s = await step(renderer, day);
        if (i > data.warmup) samples.push(s);
      }
      performance.mark('bench:steps:end');
      // The heap is read from outside, after a garbage collection (render.bench.ts).
      return {
        size: data.size,
        loadMs,
        mountMs,
        buildMs,
        drawnAtStart,
        samples,
      };
    },
  };
}

/** Element definitions' day-independent parts, shared by the pages that need positions. */
export function positionOf(data: PagePayload, id: string): { x: number; y: number } {
  const p = data.positions[id];
  return p ? { x: p[0], y: p[1] } : { x: 0, y: 0 };
}
