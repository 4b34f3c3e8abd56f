/** Video export settings, progress and cancel. */
import { useRef, useState } from 'react';
import { dateProblem, formatDay, toDay } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { downloadBlob } from '../../export/download';
import { exportVideo, frameCount, videoSupported } from '../../export/videoExport';
import { SPEEDS, useStore } from '../../store/store';

const WIDTHS = [960, 1280, 1920];
const FPS = 30;

export function VideoExport({ model }: { model: ExplorerModel }) {
  const [from, setFrom] = useState(formatDay(model.index.start, 'year'));
  const [until, setUntil] = useState(formatDay(model.index.end));
  const [speed, setSpeed] = useState<number>(SPEEDS[3].daysPerSecond);
  const [width, setWidth] = useState(1280);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController | null>(null);

  if (!videoSupported()) {
    return (
      <p className="export-dialog__notice" role="alert">
        This browser cannot encode video: it has no WebCodecs <code>VideoEncoder</code>. Use a
        current Chrome, Edge or Firefox, or export images of single dates.
      </p>
    );
  }

  const problem = dateProblem(from) ?? dateProblem(until);
  const range = problem ? null : ([toDay(from), toDay(until)] as const);
  const invalid = problem
    ? `Dates ${problem}`
    : range && range[1] <= range[0]
      ? 'The end must come after the start.'
      : '';
  const frames = range && !invalid ? frameCount(range[0], range[1], speed, FPS) : 0;

  async function start() {
    if (!range || invalid) return;
    const controller = new AbortController();
    abort.current = controller;
    setStatus('');
    setProgress({ done: 0, total: frames });
    const s = useStore.getState();
    try {
      const blob = await exportVideo({
        model,
        from: range[0],
        until: range[1],
        daysPerSecond: speed,
        fps: FPS,
        width,
        filter: {
          hiddenTypes: new Set(s.hiddenTypes),
          hiddenKinds: new Set(s.hiddenKinds),
          focusActor: null,
        },
        onProgress: (done, total) => setProgress({ done, total }),
        signal: controller.signal,
      });
      const name = `allegiance-${from}-to-${until}.webm`;
      downloadBlob(blob, name);
      setStatus(`Saved ${name} (${(blob.size / 1e6).toFixed(1)} MB, ${frames} frames).`);
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
        Width{' '}
        <select value={width} onChange={(e) => setWidth(Number(e.currentTarget.value))}>
          {WIDTHS.map((w) => (
            <option key={w} value={w}>
              {w} px
            </option>
          ))}
        </select>
      </label>
      <p className="export-dialog__size">
        {invalid || `${frames} frames, ${(frames / FPS).toFixed(1)} s at ${FPS} fps (WebM, VP9)`}
      </p>
      {progress ? (
        <div className="video-export__progress">
          <progress value={progress.done} max={progress.total} aria-label="Video export progress" />
          <span>
            {progress.done} / {progress.total}
          </span>
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="export-dialog__save"
          disabled={Boolean(invalid)}
          onClick={start}
        >
          Render video
        </button>
      )}
      <p role="status" className="export-dialog__status">
        {status}
      </p>
    </div>
  );
}
