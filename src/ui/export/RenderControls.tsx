/**
 * The foot of a video export: "Render video" (disabled while the choices are
 * invalid), then while rendering a progress bar with Cancel, and a status
 * line read out to screen readers. Shared by the plain and the story video.
 */
export interface RenderProgress {
  done: number;
  total: number;
}

interface RenderControlsProps {
  progress: RenderProgress | null;
  disabled: boolean;
  status: string;
  onRender: () => void;
  onCancel: () => void;
}

export function RenderControls({
  progress,
  disabled,
  status,
  onRender,
  onCancel,
}: RenderControlsProps) {
  return (
    <>
      {progress ? (
        <div className="video-export__progress">
          <progress value={progress.done} max={progress.total} aria-label="Video export progress" />
          <span>
            {progress.done} / {progress.total}
          </span>
          <button type="button" onClick={onCancel}>
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
