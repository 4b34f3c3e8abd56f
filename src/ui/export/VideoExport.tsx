/** Video export settings, a preview of the first frame, progress and cancel. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { dateProblem, formatDay, toDay } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { exportVideo, frameCount, videoFrames, videoSupported } from '../../export/videoExport';
import { selectHiddenKinds, selectHiddenTypes } from '../../store/selectors';
import { SPEEDS, useStore, type AppState } from '../../store/store';
import {
  FPS,
  formatDuration,
  FrameSizeSelect,
  RenderControls,
  SIZES,
  useVideoRender,
} from './videoRender';

const selectTimeWindow = (s: AppState) => s.timeWindow;

export function VideoExport({ model }: { model: ExplorerModel }) {
  // The play range when one is set (the part the user plays), else the whole period.
  const [from, setFrom] = useState(() => {
    const range = useStore.getState().playRange;
    return range ? formatDay(range.from) : formatDay(model.index.start, 'year');
  });
  const [until, setUntil] = useState(() =>
    formatDay(useStore.getState().playRange?.to ?? model.index.end),
  );
  // Frames show what the graph shows: with a time window, the relations active within it.
  const timeWindow = useStore(selectTimeWindow);
  // The app's current playback speed, so the video plays as the user has been watching it.
  const [speed, setSpeed] = useState<number>(() => useStore.getState().speed);
  const [size, setSize] = useState(0);
  const video = useVideoRender();
  const hiddenTypes = useStore(selectHiddenTypes);
  const hiddenKinds = useStore(selectHiddenKinds);

  const problem = dateProblem(from) ?? dateProblem(until);
  const range = problem ? null : ([toDay(from), toDay(until)] as const);
  const invalid = problem
    ? `Dates ${problem}`
    : range && range[1] <= range[0]
      ? 'The end must come after the start.'
      : '';
  const frames = range && !invalid ? frameCount(range[0], range[1], speed, FPS) : 0;
  const filter = useMemo(
    () => ({
      hiddenTypes: new Set(hiddenTypes),
      hiddenKinds: new Set(hiddenKinds),
      focusActor: null,
    }),
    [hiddenTypes, hiddenKinds],
  );
  const firstDay = range && !invalid ? range[0] : null;
  const preview = useMemo(
    () =>
      firstDay === null
        ? null
        : videoFrames({ model, daysPerSecond: speed, filter, timeWindow })(firstDay).svg,
    [model, firstDay, speed, filter, timeWindow],
  );
  if (!videoSupported()) {
    return (
      <p className="export-dialog__notice" role="alert">
        This browser cannot encode video: it has no WebCodecs <code>VideoEncoder</code>. Use a
        current Chrome, Edge or Firefox, or export images of single dates.
      </p>
    );
  }

  function start() {
    if (!range || invalid) return;
    void video.render(frames, `allegiance-${from}-to-${until}.webm`, (onProgress, signal) =>
      exportVideo({
        model,
        from: range[0],
        until: range[1],
        daysPerSecond: speed,
        fps: FPS,
        width: SIZES[size]!.width,
        height: SIZES[size]!.height,
        filter,
        timeWindow,
        onProgress,
        signal,
      }),
    );
  }

  return (
    <div className="video-export">
      <label>
        From{' '}
        <input
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          aria-label="Video start date"
          size={10}
        />
      </label>
      <label>
        To{' '}
        <input
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
          aria-label="Video end date"
          size={10}
        />
      </label>
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={s.label} value={s.daysPerSecond}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <FrameSizeSelect size={size} onChange={setSize} />
      <p className="export-dialog__size">
        {invalid ||
          `Duration ${formatDuration(frames / FPS)}: ${frames} frames at ${FPS} fps (WebM, VP9)`}
      </p>
      {preview && (
        <FramePreview svg={preview} width={SIZES[size]!.width} height={SIZES[size]!.height} />
      )}
      <RenderControls video={video} disabled={Boolean(invalid)} onRender={start} />
    </div>
  );
}

/**
 * The video's first frame. The SVG is shown through a blob URL in an <img>, where an SVG cannot
 * run scripts; the URL is revoked when the frame changes.
 */
function FramePreview({ svg, width, height }: { svg: string; width: number; height: number }) {
  const img = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    img.current!.src = url;
    return () => URL.revokeObjectURL(url);
  }, [svg]);
  return (
    <img
      ref={img}
      className="video-export__preview"
      alt="The video's first frame"
      width={width}
      height={height}
    />
  );
}
