/**
 * What the plain and the story video exports share: the frame sizes and
 * rate, the frame-size choice, and the render itself (progress, Cancel, the
 * download and a status line read out to screen readers).
 */
import { useRef, useState } from 'react';
import { downloadBlob } from '../../export/download';

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

export function FrameSizeSelect({
  size,
  onChange,
}: {
  size: number;
  onChange: (i: number) => void;
}) {
  return (
    <label>
      Frame size{' '}
      <select value={size} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {SIZES.map((s, i) => (
          <option key={s.label} value={i}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}

interface RenderProgress {
  done: number;
  total: number;
}

/** Encodes `frames` frames into a WebM; reports progress and stops when `signal` aborts. */
export type Encode = (
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
) => Promise<Blob>;

export interface VideoRender {
  progress: RenderProgress | null;
  status: string;
  /** Renders, then downloads the file as `name`; the status says how it went. */
  render: (frames: number, name: string, encode: Encode) => Promise<void>;
  cancel: () => void;
}

export function useVideoRender(): VideoRender {
  const [progress, setProgress] = useState<RenderProgress | null>(null);
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController | null>(null);

  async function render(frames: number, name: string, encode: Encode) {
    const controller = new AbortController();
    abort.current = controller;
    setStatus('');
    setProgress({ done: 0, total: frames });
    try {
      const blob = await encode((done, total) => setProgress({ done, total }), controller.signal);
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

  return { progress, status, render, cancel: () => abort.current?.abort() };
}

/** "Render video" (disabled while the choices are invalid), or the progress bar with Cancel. */
export function RenderControls({
  video,
  disabled,
  onRender,
}: {
  video: VideoRender;
  disabled: boolean;
  onRender: () => void;
}) {
  const { progress, status } = video;
  return (
    <>
      {progress ? (
        <div className="video-export__progress">
          <progress value={progress.done} max={progress.total} aria-label="Video export progress" />
          <span>
            {progress.done} / {progress.total}
          </span>
          <button type="button" onClick={video.cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="export-dialog__save"
          disabled={disabled}
          onClick={onRender}
        >
          Render video
        </button>
      )}
      <p role="status" className="export-dialog__status">
        {status}
      </p>
    </>
  );
}
