/** Video export settings, a preview of the first frame, progress and cancel. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { dateProblem, formatDay, toDay } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { downloadBlob } from '../../export/download';
import { exportVideo, frameCount, videoFrames, videoSupported } from '../../export/videoExport';
import { selectHiddenKinds, selectHiddenTypes } from '../../store/selectors';
import { SPEEDS, useStore, type AppState } from '../../store/store';
import { RenderControls, type RenderProgress } from './RenderControls';

const selectTimeWindow = (s: AppState) => s.timeWindow;

/** Frame sizes offered: 16:9, as video players and slides expect. */
export const SIZES = [
  { label: '1280 × 720 (HD)', width: 1280, height: 720 },
  { label: '1920 × 1080 (Full HD)', width: 1920, height: 1080 },
  { label: '854 × 480', width: 854, height: 480 },
] as const;
export const FPS = 30;

/** "0:07", "1:05", "12:30": a duration in whole seconds as a player shows it. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

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
  const [progress, setProgress] = useState<RenderProgress | null>(null);
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController | null>(null);
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

  async function start() {
    if (!range || invalid) return;
    const controller = new AbortController();
    abort.current = controller;
    setStatus('');
    setProgress({ done: 0, total: frames });
    try {
      const blob = await exportVideo({
        model,
        from: range[0],
        until: range[1],
        daysPerSecond: speed,
        fps: FPS,
        width: SIZES[size]!.width,
        height: SIZES[size]!.height,
        filter,
        timeWindow,
        onProgress: (done, total) => setProgress({ done, total }),
        signal: controller.signal,
      });
      const name = `allegiance-${from}-to-${until}.webm`;
      downloadBlob(blob, name);
      setStatus(
        `Saved ${name} (${(blob.size / 1e6).toFixed(1)} MB, ${formatDuration(frames / FPS)}, ${frames} frames).`,
      );
    } catch (e) {
      setStatus(
        e instanceof DOMException && e.name === 'AbortError'
          ? 'Cancelled.'
          : `Video export failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      abort.current = null;
      setProgress(null);
    }
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
      <label>
        Frame size{' '}
        <select value={size} onChange={(e) => setSize(Number(e.currentTarget.value))}>
          {SIZES.map((s, i) => (
            <option key={s.label} value={i}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <p className="export-dialog__size">
        {invalid ||
          `Duration ${formatDuration(frames / FPS)}: ${frames} frames at ${FPS} fps (WebM, VP9)`}
      </p>
      {preview && (
        <FramePreview svg={preview} width={SIZES[size]!.width} height={SIZES[size]!.height} />
      )}
      <RenderControls
        progress={progress}
        disabled={Boolean(invalid)}
        status={status}
        onRender={start}
        onCancel={() => abort.current?.abort()}
      />
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
