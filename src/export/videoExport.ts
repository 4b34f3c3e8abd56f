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

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

async function decode(svg: string): Promise<HTMLImageElement> {
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

export async function exportVideo(req: VideoRequest): Promise<Blob> {
  if (!videoSupported()) throw new Error('this browser has no WebCodecs VideoEncoder');
  const frameSvg = videoFrames(req);
  const first = frameSvg(req.from);
  const [width, height] = [even(req.width), even(req.height)];
  const picture = fitInside(first.width, first.height, width, height);
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
    framerate: req.fps,
  };
  if (!(await VideoEncoder.isConfigSupported(config)).supported)
    throw new Error(`this browser cannot encode VP9 video at ${width}×${height}`);

  const muxer = new Muxer({
    target: new ArrayBufferTarget(),
    video: { codec: 'V_VP9', width, height, frameRate: req.fps },
  });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => (failure = e instanceof Error ? e : new Error(String(e))),
  });
  encoder.configure(config);

  const total = frameCount(req.from, req.until, req.daysPerSecond, req.fps);
  const frameUs = 1_000_000 / req.fps;
  let lastSvg = '';
  try {
    for (let i = 0; i < total; i++) {
      if (req.signal?.aborted) throw new DOMException('The export was cancelled', 'AbortError');
      if (failure) throw failure;
      const day = Math.min(req.until, req.from + (i * req.daysPerSecond) / req.fps);
      const svg = i === 0 ? first : frameSvg(day);
      // Consecutive frames often differ only when the caption's date does; skip identical ones.
      if (svg.svg !== lastSvg) {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, width, height);
        ctx.drawImage(await decode(svg.svg), picture.x, picture.y, picture.width, picture.height);
        lastSvg = svg.svg;
      }
      const frame = new VideoFrame(canvas, {
        timestamp: Math.round(i * frameUs),
        duration: Math.round(frameUs),
      });
      encoder.encode(frame, { keyFrame: i % (req.fps * 2) === 0 });
      frame.close();
      // Let the encoder drain so memory stays flat on long exports.
      while (encoder.encodeQueueSize > 4) await new Promise((r) => setTimeout(r, 5));
      req.onProgress?.(i + 1, total);
    }
    await encoder.flush();
    if (failure) throw failure;
    muxer.finalize();
    return new Blob([muxer.target.buffer], { type: 'video/webm' });
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
}
