/**
 * The export menu: choose a format and its options, see a preview of what
 * will be saved, download it. Images show exactly what the graph draws now
 * (same filters, same date), with caption and legend drawn into the picture.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { getActiveView } from '../../graph/activeView';
import type { ImageOptions } from '../../export/imageExport';
import { composeSvg, exportFileName, exportPng, pngSize } from '../../export/imageExport';
import { dataUrlToBlob, downloadBlob } from '../../export/download';
import { selectDay, selectModel } from '../../store/selectors';
import { useStore } from '../../store/store';
import { DATA_FORMATS, type DataFormat } from './dataFormats';
import { StoryHtmlExport } from './StoryHtmlExport';
import { StoryVideoExport } from './StoryVideoExport';
import { VideoExport } from './VideoExport';
import './export.css';

type Format = 'png' | 'svg' | 'video' | 'story-html' | 'story-video' | DataFormat['id'];

const SCALES = [1, 2, 3, 4];

export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const model = useStore(selectModel);
  const day = useStore(selectDay);
  const [format, setFormat] = useState<Format>('png');
  const [image, setImage] = useState<ImageOptions>({
    area: 'whole',
    background: 'white',
    caption: true,
    legend: true,
  });
  const [sizing, setSizing] = useState<'scale' | 'width'>('scale');
  const [scale, setScale] = useState(2);
  const [targetWidth, setTargetWidth] = useState(2400);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setStatus('');
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  const isImage = format === 'png' || format === 'svg';
  const svg = useMemo(() => {
    const view = getActiveView();
    if (!open || !isImage || !model || !view) return null;
    return composeSvg(model, view, day, image);
  }, [open, isImage, model, day, image]);

  const previewUrl = useMemo(
    () => (svg ? URL.createObjectURL(new Blob([svg.svg], { type: 'image/svg+xml' })) : null),
    [svg],
  );
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);

  const requestedScale = svg ? (sizing === 'scale' ? scale : targetWidth / svg.width) : 1;
  const size = svg ? pngSize(svg, requestedScale) : null;
  const dataFormat = DATA_FORMATS.find((f) => f.id === format);
  const dataPreview = useMemo(
    () => (open && model && dataFormat ? dataFormat.build(model.dataset) : null),
    [open, model, dataFormat],
  );

  async function save() {
    if (!model) return;
    try {
      if (format === 'svg' && svg) {
        downloadBlob(new Blob([svg.svg], { type: 'image/svg+xml' }), exportFileName(day, 'svg'));
        setStatus(`Saved ${exportFileName(day, 'svg')} (${svg.width} × ${svg.height}).`);
      } else if (format === 'png' && svg) {
        setStatus('Rendering…');
        const png = await exportPng(svg, requestedScale);
        downloadBlob(await dataUrlToBlob(png.dataUrl), exportFileName(day, 'png'));
        setStatus(
          `Saved ${exportFileName(day, 'png')} (${png.width} × ${png.height} px)` +
            (png.reduced
              ? ': reduced from the requested size to stay within the browser’s canvas limits.'
              : '.'),
        );
      } else if (dataFormat && dataPreview !== null) {
        const name = dataFormat.fileName(model.dataset);
        downloadBlob(new Blob([dataPreview], { type: dataFormat.mime }), name);
        setStatus(`Saved ${name}.`);
      }
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const setOption = <K extends keyof ImageOptions>(key: K, value: ImageOptions[K]) =>
    setImage({ ...image, [key]: value });

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <form method="dialog" className="export-dialog__head">
        <h2 id="export-title">Export</h2>
        <button type="submit" aria-label="Close export">
          ×
        </button>
      </form>
      <div className="export-dialog__body">
        <fieldset className="export-dialog__formats">
          <legend>Format</legend>
          {[
            { id: 'png', label: 'PNG image' },
            { id: 'svg', label: 'SVG image (vector)' },
            ...DATA_FORMATS.map((f) => ({ id: f.id, label: f.label })),
            { id: 'video', label: 'Video of playback (WebM)' },
            { id: 'story-html', label: 'Story as HTML (offline page)' },
            { id: 'story-video', label: 'Story as video (WebM, captioned)' },
          ].map((f) => (
            <label key={f.id}>
              <input
                type="radio"
                name="format"
                value={f.id}
                checked={format === f.id}
                onChange={() => setFormat(f.id as Format)}
              />
              {f.label}
            </label>
          ))}
        </fieldset>

        <div className="export-dialog__options">
          {isImage && (
            <>
              <fieldset>
                <legend>Area</legend>
                <label>
                  <input
                    type="radio"
                    name="area"
                    checked={image.area === 'whole'}
                    onChange={() => setOption('area', 'whole')}
                  />
                  Whole graph
                </label>
                <label>
                  <input
                    type="radio"
                    name="area"
                    checked={image.area === 'view'}
                    onChange={() => setOption('area', 'view')}
                  />
                  Current view
                </label>
              </fieldset>
              <label>
                Background{' '}
                <select
                  value={image.background}
                  onChange={(e) =>
                    setOption('background', e.currentTarget.value as ImageOptions['background'])
                  }
                >
                  <option value="white">White</option>
                  <option value="transparent">Transparent</option>
                  <option value="dark">Dark</option>
                </select>
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={image.caption}
                  onChange={(e) => setOption('caption', e.currentTarget.checked)}
                />
                Caption (title, date, sources)
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={image.legend}
                  onChange={(e) => setOption('legend', e.currentTarget.checked)}
                />
                Legend
              </label>
              {format === 'png' && (
                <fieldset>
                  <legend>Size</legend>
                  <label>
                    <input
                      type="radio"
                      name="sizing"
                      checked={sizing === 'scale'}
                      onChange={() => setSizing('scale')}
                    />
                    Scale{' '}
                    <select
                      aria-label="Scale"
                      value={scale}
                      disabled={sizing !== 'scale'}
                      onChange={(e) => setScale(Number(e.currentTarget.value))}
                    >
                      {SCALES.map((s) => (
                        <option key={s} value={s}>
                          {s}×
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <input
                      type="radio"
                      name="sizing"
                      checked={sizing === 'width'}
                      onChange={() => setSizing('width')}
                    />
                    Width{' '}
                    <input
                      type="number"
                      aria-label="Width in pixels"
                      min={16}
                      max={100000}
                      step={1}
                      value={targetWidth}
                      disabled={sizing !== 'width'}
                      onChange={(e) =>
                        setTargetWidth(Math.max(16, Number(e.currentTarget.value) || 16))
                      }
                    />{' '}
                    px
                  </label>
                </fieldset>
              )}
              <p className="export-dialog__size" aria-live="polite">
                {format === 'png' && size
                  ? `${size.width} × ${size.height} px${size.reduced ? ' (reduced: the requested size is beyond the browser’s canvas limits)' : ''}`
                  : svg
                    ? `${svg.width} × ${svg.height} (scalable)`
                    : ''}
              </p>
            </>
          )}
          {format === 'video' && model && <VideoExport model={model} />}
          {format === 'story-html' && model && <StoryHtmlExport model={model} />}
          {format === 'story-video' && model && <StoryVideoExport model={model} />}
        </div>

        <div className="export-dialog__preview" aria-label="Preview">
          {isImage && previewUrl && (
            <img
              src={previewUrl}
              alt="Preview of the exported image"
              className={`export-dialog__image export-dialog__image--${image.background}`}
            />
          )}
          {dataPreview !== null && (
            <pre className="export-dialog__text">{dataPreview.slice(0, 4000)}</pre>
          )}
        </div>
      </div>
      {!['video', 'story-html', 'story-video'].includes(format) && (
        <div className="export-dialog__foot">
          <p role="status" className="export-dialog__status">
            {status}
          </p>
          <button type="button" className="export-dialog__save" onClick={save}>
            Download{' '}
            {dataFormat ? dataFormat.fileName(model!.dataset) : exportFileName(day, format)}
          </button>
        </div>
      )}
    </dialog>
  );
}
