/**
 * A story as a video's timeline: what each frame shows. It follows the presentation with
 * auto-advance (store/stories.ts): each step is shown, its period played at its speed, held
 * long enough to read its caption and quote, then the time up to the next step is played (still
 * in the step's view, as on screen) so the viewer sees relations change on the way.
 */
import { humanDate, humanDay, type TimeKind } from './dates';
import {
  readingSeconds,
  restingDay,
  stepView,
  transitionBetween,
  type StepView,
  type Story,
  type StoryContext,
  type StoryProblem,
} from './story';
import { wrapText } from './render/wrapText';

/** A stretch of the video: the graph in one step's view, over days `from` to `to`. */
export interface VideoStretch {
  /** The step whose view and caption are shown (0-based). */
  step: number;
  from: number;
  /** Equal to `from` when the picture holds on a day. */
  to: number;
  seconds: number;
}

export interface StoryTimeline {
  views: StepView[];
  stretches: VideoStretch[];
  /** What the steps refer to that the dataset does not have (left out of the video). */
  problems: StoryProblem[];
}

export function storyTimeline(story: Story, context: StoryContext): StoryTimeline {
  const views = story.steps.map((_, i) => stepView(story, i, context));
  const stretches: VideoStretch[] = [];
  views.forEach((view, i) => {
    const move = i > 0 ? transitionBetween(views[i - 1]!, view) : null;
    if (move) stretches.push({ step: i - 1, ...move });
    const period = view.playThrough;
    if (period && period.to > period.from)
      stretches.push({
        step: i,
        from: period.from,
        to: period.to,
        seconds: (period.to - period.from) / period.daysPerSecond,
      });
    const rest = restingDay(view);
    stretches.push({ step: i, from: rest, to: rest, seconds: readingSeconds(view) });
  });
  return { views, stretches, problems: views.flatMap((v) => v.problems) };
}

/** One frame: the step whose view it shows, the day, and whether time is moving. */
export interface VideoFrame {
  step: number;
  day: number;
  moving: boolean;
}

/** The frames of a timeline at `fps`: each stretch gets at least one. */
export function timelineFrames(stretches: readonly VideoStretch[], fps: number): VideoFrame[] {
  const frames: VideoFrame[] = [];
  for (const s of stretches) {
    const n = Math.max(1, Math.round(s.seconds * fps));
    const moving = s.to > s.from;
    for (let k = 0; k < n; k++)
      frames.push({
        step: s.step,
        day: moving ? s.from + ((s.to - s.from) * (k + 1)) / n : s.from,
        moving,
      });
  }
  return frames;
}

/**
 * The date a frame shows: a held step's own date at its precision ("2003", "June 2021"); while
 * time moves, the day at a month's precision (a day-by-day count would flicker).
 */
export function frameDate(story: Story, frame: VideoFrame, kind: TimeKind = 'calendar'): string {
  const step = story.steps[frame.step];
  const written = step?.period?.until ?? step?.date;
  if (!frame.moving && written) return humanDate(written, kind);
  return humanDay(frame.day, 'month', kind);
}

/** What the caption band of a frame says, in lines fitted to its width. */
export interface CaptionLines {
  date: string;
  caption: string[];
  /** The quote in quotation marks, then its source: lines of each. */
  quote: string[];
  source: string | null;
}

/**
 * The band's text for a step, wrapped by `measure` (the width a string takes at the size it is
 * drawn): up to three lines of caption and three of quote, each cut with an ellipsis beyond.
 */
export function captionLines(
  view: Pick<StepView, 'caption' | 'quote'>,
  date: string,
  sourceTitle: string | null,
  maxWidth: number,
  measure: { caption: (s: string) => number; quote: (s: string) => number },
): CaptionLines {
  return {
    date,
    caption: wrapText(view.caption, maxWidth, measure.caption, 3),
    quote: view.quote ? wrapText(`“${view.quote.text}”`, maxWidth, measure.quote, 3) : [],
    source: view.quote ? `— ${sourceTitle ?? view.quote.source}` : null,
  };
}
