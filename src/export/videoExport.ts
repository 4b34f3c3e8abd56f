/**
 * Playback as a video: each frame is the graph at a day, rendered by the same
 * SVG renderer as the image export (caption date updating on every frame),
 * drawn to a canvas, encoded with WebCodecs' VideoEncoder (VP9) and muxed
 * into WebM by webm-muxer. Runs in the page, with progress and cancel.
 */
import { ArrayBufferTarget, Muxer } from 'webm-muxer';
import { humanDay } from '../core/dates';
import type { ExplorerModel } from '../core/explorer-model';
import { filteredSceneAt, type SceneFilter } from '../core/render/scene';
import { legendFor, renderSvg, sceneBounds, type RenderedSvg } from '../core/render/svg';
import { buildScene } from '../core/render/scene';
import { windowSpan } from '../core/temporal';
import { tokens } from '../core/tokens';

export interface VideoRequest {
  model: ExplorerModel;
  from: number;
  until: number;
  /** Days of data per second of video. */
  daysPerSecond: number;
  fps: number;
  /** Frame size in pixels; the picture is fitted inside it, centred on white. */
  width: number;
  height: number;
  filter: SceneFilter;
  /** The app's time window in calendar months (0 or absent: each frame shows its day alone). */
  timeWindow?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export function videoSupported(): boolean {
  return typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}

/** How many frames a request makes (at least two: the start and the end). */
export function frameCount(
  from: number,
  until: number,
  daysPerSecond: number,
  fps: number,
): number {
  return Math.max(2, Math.ceil(((until - from) / daysPerSecond) * fps) + 1);
}

/** The nearest even number of pixels, at least 2 (VP9 frames have even sizes). */
export const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** Where a picture of size `w`×`h` is drawn to fit inside a `W`×`H` frame, centred. */
export function fitInside(w: number, h: number, W: number, H: number) {
  const scale = Math.min(W / w, H / h);
  const [width, height] = [w * scale, h * scale];
  return { x: (W - width) / 2, y: (H - height) / 2, width, height };
}

/**
 * The SVG of each frame at a day, at one fixed geometry: bounds and legend come from every actor
 * and relation of the dataset, so the picture does not jump as relations come and go.
 */
export function videoFrames(
  req: Pick<VideoRequest, 'model' | 'daysPerSecond' | 'filter' | 'timeWindow'>,
): (day: number) => RenderedSvg {
  const { model } = req;
  const everything = buildScene(model, {
    actors: model.dataset.actors.map((a) => a.id),
    liveActors: [],
    relations: model.dataset.relations.map((r) => r.id),
  });
  const region = sceneBounds(everything);
  const legend = legendFor(model, everything);
  const caption = (day: number) => ({
    title: model.dataset.title,
    date: humanDay(day, req.daysPerSecond > 200 ? 'month' : 'day', model.dataset.timeKind),
    sources: model.dataset.sources.map((s) => s.title).join('; ') || undefined,
  });
  return (day) =>
    renderSvg(filteredSceneAt(model, windowSpan(day, req.timeWindow ?? 0), req.filter), {
      background: 'white',
      region,
      legend,
      caption: caption(day),
    });
}

/** A video to encode: its size, its rate, and a function that draws frame `i` on the canvas. */
export interface WebmJob {
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Draws frame `i` (0-based); may leave the canvas as it is when the frame does not change. */
  draw: (i: number, ctx: CanvasRenderingContext2D) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Draws each frame of a job on one canvas, encodes it as VP9 with WebCodecs and muxes the
 * frames into a WebM file. Both sizes are rounded to even numbers, as the encoder needs.
 */
export async function encodeWebm(job: WebmJob): Promise<Blob> {
  if (!videoSupported()) throw new Error('this browser has no WebCodecs VideoEncoder');
  const [width, height] = [even(job.width), even(job.height)];
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gave no 2D canvas');

  const codec = 'vp09.00.10.08';
  const config: VideoEncoderConfig = {
    codec,
    width,
    height,
    bitrate: 4_000_000,
    framerate: job.fps,
  };
  if (!(await VideoEncoder.isConfigSupported(config)).supported)
    throw new Error(`this browser cannot encode VP9 video at ${width}×${height}`);

  const muxer = new Muxer({
    target: new ArrayBufferTarget(),
    video: { codec: 'V_VP9', width, height, frameRate: job.fps },
  });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => (failure = e instanceof Error ? e : new Error(String(e))),
  });
  encoder.configure(config);

  const frameUs = 1_000_000 / job.fps;
  try {
    for (let i = 0; i < job.frames; i++) {
      if (job.signal?.aborted) throw new DOMException('The export was cancelled', 'AbortError');
      if (failure) throw failure;
      await job.draw(i, ctx);
      const frame = new VideoFrame(canvas, {
        timestamp: Math.round(i * frameUs),
        duration: Math.round(frameUs),
      });
      encoder.encode(frame, { keyFrame: i % (job.fps * 2) === 0 });
      frame.close();
      // Let the encoder drain so memory stays flat on long exports.
      while (encoder.encodeQueueSize > 4) await new Promise((r) => setTimeout(r, 5));
      job.onProgress?.(i + 1, job.frames);
    }
    await encoder.flush();
    if (failure) throw failure;
    muxer.finalize();
    return new Blob([muxer.target.buffer], { type: 'video/webm' });
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
}

/** Decodes an SVG into an image that a canvas can draw. */
export async function decodeSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportVideo(req: VideoRequest): Promise<Blob> {
  const frameSvg = videoFrames(req);
  const first = frameSvg(req.from);
  const picture = fitInside(first.width, first.height, even(req.width), even(req.height));
  let lastSvg = '';
  return encodeWebm({
    width: req.width,
    height: req.height,
    fps: req.fps,
    frames: frameCount(req.from, req.until, req.daysPerSecond, req.fps),
    onProgress: req.onProgress,
    signal: req.signal,
    draw: async (i, ctx) => {
      const day = Math.min(req.until, req.from + (i * req.daysPerSecond) / req.fps);
      const svg = i === 0 ? first : frameSvg(day);
      // Consecutive frames often differ only when the caption's date does; skip identical ones.
      if (svg.svg === lastSvg) return;
      ctx.fillStyle = tokens.color.panel;
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.drawImage(await decodeSvg(svg.svg), picture.x, picture.y, picture.width, picture.height);
      lastSvg = svg.svg;
    },
  });
}
