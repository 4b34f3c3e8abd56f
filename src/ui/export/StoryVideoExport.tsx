/**
 * Export → "Story as video": a story as a captioned WebM, step by step as the presentation plays
 * it with auto-advance, with the date, caption and quote drawn into the frames. A preview shows
 * the first frame as it will be encoded.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import { publishedFileName } from '../../core/publish';
import { describeStoryProblem } from '../../core/story';
import { exportStoryVideo, storyVideoPainter } from '../../export/storyVideo';
import { videoSupported } from '../../export/videoExport';
import { forceDirectedPositions } from '../../store/store';
import { NO_STORY_REASON, StoryPicker, useChosenStory } from './StoryPicker';
import {
  FPS,
  formatDuration,
  FrameSizeSelect,
  RenderControls,
  SIZES,
  useVideoRender,
} from './videoRender';

export function StoryVideoExport({ model }: { model: ExplorerModel }) {
  const [chosen, setChosen] = useState('');
  const { stories, story } = useChosenStory(chosen);
  const [size, setSize] = useState(0);
  const video = useVideoRender();
  const preview = useRef<HTMLCanvasElement>(null);
  const { width, height } = SIZES[size]!;

  const painter = useMemo(
    () =>
      story && story.steps.length > 0
        ? storyVideoPainter({
            model,
            story,
            positions: forceDirectedPositions(model),
            width,
            height,
            fps: FPS,
          })
        : null,
    [model, story, width, height],
  );

  useEffect(() => {
    const canvas = preview.current;
    const ctx = canvas?.getContext('2d');
    if (painter && ctx) void painter.paint(0, ctx);
  }, [painter]);

  if (!videoSupported())
    return (
      <p className="export-dialog__notice" role="alert">
        This browser cannot encode video: it has no WebCodecs <code>VideoEncoder</code>. Use a
        current Chrome, Edge or Firefox, or publish the story as HTML.
      </p>
    );

  const reason = !story
    ? NO_STORY_REASON
    : story.steps.length === 0
      ? `“${story.title}” has no steps yet: add some in the Story panel.`
      : '';
  const name = story ? publishedFileName(story).replace(/\.html$/, '.webm') : '';

  function start() {
    if (!story || !painter) return;
    void video.render(painter.frames.length, name, (onProgress, signal) =>
      exportStoryVideo({
        model,
        story,
        positions: forceDirectedPositions(model),
        width,
        height,
        fps: FPS,
        onProgress,
        signal,
      }),
    );
  }

  return (
    <div className="video-export">
      <StoryPicker stories={stories} story={story} onChoose={setChosen} />
      <FrameSizeSelect size={size} onChange={setSize} />
      {reason ? (
        <p className="export-dialog__notice">{reason}</p>
      ) : (
        painter && (
          <>
            <p className="export-dialog__size">
              {`Duration ${formatDuration(painter.frames.length / FPS)}: ${painter.frames.length} frames at ${FPS} fps (WebM, VP9), each step held long enough to read its caption`}
            </p>
            {painter.problems.length > 0 && (
              <ul className="export-dialog__notice" aria-label="Left out of the video">
                {painter.problems.map((p) => (
                  <li key={`${p.step}:${p.path}`}>Left out: {describeStoryProblem(p)}</li>
                ))}
              </ul>
            )}
            <canvas
              ref={preview}
              className="video-export__preview"
              width={width}
              height={height}
              role="img"
              aria-label="The video's first frame"
            />
          </>
        )
      )}
      <RenderControls video={video} disabled={Boolean(reason)} onRender={start} />
    </div>
  );
}
