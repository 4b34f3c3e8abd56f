/**
 * A story as a captioned video (WebM). The timeline (core/storyVideo.ts) says which step's view
 * and which day each frame shows; the graph is rendered by the export's SVG renderer in that
 * step's layout, filters and camera, fitted above a caption band that holds the date, the
 * caption and the quote with its source, drawn as canvas text on a dark backdrop so it reads
 * over any picture. Frames are encoded by the same VP9/WebM path as the playback video.
 */
import type { ExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import { arrangeActors } from '../core/layouts';
import { buildScene, filteredSceneAt, type SceneFilter } from '../core/render/scene';
import { legendFor, renderSvg, sceneBounds, type RenderedSvg } from '../core/render/svg';
import { modelStoryContext, type StepView, type Story } from '../core/story';
import {
  captionLines,
  frameDate,
  storyTimeline,
  timelineFrames,
  type VideoFrame,
} from '../core/storyVideo';
import { windowSpan } from '../core/temporal';
import { tokens } from '../core/tokens';
import { decodeSvg, encodeWebm, even, fitInside } from './videoExport';

export interface StoryVideoRequest {
  model: ExplorerModel;
  story: Story;
  /** The force-directed positions the author sees (with their drags): the other layouts are rules. */
  positions: ReadonlyMap<string, Point>;
  width: number;
  height: number;
  fps: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The model with a step's layout: the scene renderer reads `positions`. */
function modelInLayout(
  model: ExplorerModel,
  view: StepView,
  force: ReadonlyMap<string, Point>,
): ExplorerModel {
  const positions =
    view.layout === 'force'
      ? force
      : arrangeActors(view.layout, model.dataset, {
          typeOrder: [...model.vocabulary.actorTypes.keys()],
          focus: view.selection?.kind === 'actor' ? view.selection.id : null,
        });
  return { ...model, positions: new Map(positions) };
}

/** The SVG of a step's view at a day, at one geometry for the whole step (its camera). */
function stepPicture(model: ExplorerModel, view: StepView): (day: number) => RenderedSvg {
  const everything = buildScene(model, {
    actors: model.dataset.actors.map((a) => a.id),
    liveActors: [],
    relations: model.dataset.relations.map((r) => r.id),
  });
  const region = view.camera === 'fit' ? sceneBounds(everything) : view.camera;
  const legend = legendFor(model, everything);
  const focus =
    view.neighbourhoodOnly && view.selection?.kind === 'actor' ? view.selection.id : null;
  const filter: SceneFilter = {
    hiddenTypes: new Set(view.hiddenTypes),
    hiddenKinds: new Set(view.hiddenKinds),
    focusActor: focus,
  };
  return (day) =>
    renderSvg(filteredSceneAt(model, windowSpan(day, view.timeWindow), filter), {
      background: 'white',
      region,
      legend,
    });
}

/** Sizes of the caption band for a frame height (tokens.videoCaption). */
function bandMetrics(height: number) {
  const c = tokens.videoCaption;
  return {
    band: Math.round(height * c.band),
    pad: Math.round(height * c.padding),
    date: Math.round(height * c.dateSize),
    text: Math.round(height * c.textSize),
    quote: Math.round(height * c.quoteSize),
    lineHeight: c.lineHeight,
  };
}

const font = (px: number, style = '') => `${style} ${px}px ${tokens.font.family}`.trim();

/**
 * Draws the caption band at the bottom of the frame: the date, up to three lines of caption,
 * and the quote with its source, on the dark theme's background.
 */
function drawCaption(
  ctx: CanvasRenderingContext2D,
  view: StepView,
  date: string,
  sourceTitle: string | null,
): void {
  const { width, height } = ctx.canvas;
  const m = bandMetrics(height);
  const top = height - m.band;
  ctx.save();
  ctx.globalAlpha = tokens.videoCaption.backdropOpacity;
  ctx.fillStyle = tokens.color.dark.bg;
  ctx.fillRect(0, top, width, m.band);
  ctx.globalAlpha = 1;

  const measureAt = (f: string) => (s: string) => {
    ctx.font = f;
    return ctx.measureText(s).width;
  };
  const lines = captionLines(view, date, sourceTitle, width - 2 * m.pad, {
    caption: measureAt(font(m.text)),
    quote: measureAt(font(m.quote, 'italic')),
  });
  ctx.textBaseline = 'top';
  let y = top + m.pad;
  const write = (text: string, f: string, colour: string, size: number) => {
    ctx.font = f;
    ctx.fillStyle = colour;
    ctx.fillText(text, m.pad, y);
    y += size * m.lineHeight;
  };
  write(lines.date, font(m.date, 'bold'), tokens.color.dark.ink, m.date);
  for (const line of lines.caption) write(line, font(m.text), tokens.color.dark.ink, m.text);
  for (const line of lines.quote)
    write(line, font(m.quote, 'italic'), tokens.color.dark.muted, m.quote);
  if (lines.source) write(lines.source, font(m.quote), tokens.color.dark.muted, m.quote);
  ctx.restore();
}

/** A story's frames and a painter for any of them, at one frame size. */
export interface StoryVideoPainter {
  frames: VideoFrame[];
  /** What the story refers to that the dataset lacks, as the presentation reports it. */
  problems: ReturnType<typeof storyTimeline>['problems'];
  /** Paints frame `i` unless the canvas already shows it (false then). */
  paint: (i: number, ctx: CanvasRenderingContext2D) => Promise<boolean>;
}

export function storyVideoPainter(
  req: Pick<StoryVideoRequest, 'model' | 'story' | 'positions' | 'width' | 'height' | 'fps'>,
): StoryVideoPainter {
  const { model, story } = req;
  const timeline = storyTimeline(story, modelStoryContext(model));
  const frames = timelineFrames(timeline.stretches, req.fps);
  const [width, height] = [even(req.width), even(req.height)];
  const pictureHeight = height - bandMetrics(height).band;
  const pictures = new Map<number, (day: number) => RenderedSvg>();
  const pictureOf = (step: number) => {
    let picture = pictures.get(step);
    if (!picture) {
      const view = timeline.views[step]!;
      picture = stepPicture(modelInLayout(model, view, req.positions), view);
      pictures.set(step, picture);
    }
    return picture;
  };
  const sources = new Map(model.dataset.sources.map((s) => [s.id, s.title]));
  let shown = '';

  return {
    frames,
    problems: timeline.problems,
    async paint(i, ctx) {
      const frame = frames[i]!;
      const view = timeline.views[frame.step]!;
      const svg = pictureOf(frame.step)(frame.day);
      const date = frameDate(story, frame, model.dataset.timeKind);
      const key = `${frame.step}\u0000${date}\u0000${svg.svg}`;
      if (key === shown) return false;
      ctx.fillStyle = tokens.color.panel;
      ctx.fillRect(0, 0, width, height);
      const at = fitInside(svg.width, svg.height, width, pictureHeight);
      ctx.drawImage(await decodeSvg(svg.svg), at.x, at.y, at.width, at.height);
      const source = view.quote ? (sources.get(view.quote.source) ?? null) : null;
      drawCaption(ctx, view, date, source);
      shown = key;
      return true;
    },
  };
}

/** The story's captioned video as a WebM file. */
export async function exportStoryVideo(req: StoryVideoRequest): Promise<Blob> {
  const painter = storyVideoPainter(req);
  return encodeWebm({
    width: req.width,
    height: req.height,
    fps: req.fps,
    frames: painter.frames.length,
    onProgress: req.onProgress,
    signal: req.signal,
    draw: async (i, ctx) => void (await painter.paint(i, ctx)),
  });
}
