/**
 * Small multiples' controls: which dates (each event, each decade, or the
 * user's list, applied on submit so typing does not re-render every panel)
 * and the download of all panels as one PNG or SVG picture.
 */
import { useState, type FormEvent } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Scene } from '../../core/render/scene';
import { legendFor, renderSvg, type RenderedSvg } from '../../core/render/svg';
import { dataUrlToBlob, downloadBlob } from '../../export/download';
import { rasterise } from '../../export/rasterise';
import { setMultiples, useStore, type MultiplesMode } from '../../store/store';
import { selectTimeKind } from '../../store/timeView';
import {
  composeGrid,
  DATE_LIST_EXAMPLES,
  MAX_PANELS,
  suggestedDates,
  type PanelDate,
} from './multiples';
import { selectMultiplesDates, selectMultiplesMode } from './selectors';

interface Panel {
  date: PanelDate;
  scene: Scene;
  svg: RenderedSvg;
}

const MODES: { id: MultiplesMode; label: string }[] = [
  { id: 'events', label: 'Each event' },
  { id: 'decades', label: 'Each decade' },
  { id: 'custom', label: 'My dates' },
];

/** One picture of every panel, with the legend of everything they show. */
function composeAll(model: ExplorerModel, panels: readonly Panel[]): RenderedSvg {
  const ids = (pick: (s: Scene) => { id: string }[]) => [
    ...new Map(panels.flatMap((p) => pick(p.scene)).map((x) => [x.id, x])).values(),
  ];
  const union: Scene = {
    actors: ids((s) => s.actors) as Scene['actors'],
    relations: ids((s) => s.relations) as Scene['relations'],
    partOf: panels.flatMap((p) => p.scene.partOf),
  };
  const legend = legendFor(model, union);
  // An empty scene with the legend, its graph area one pixel high, as wide as the grid.
  const legendSvg = (width: number) =>
    renderSvg(
      { actors: [], relations: [], partOf: [] },
      { background: 'white', legend, region: { x1: 0, y1: 0, x2: Math.max(1, width - 48), y2: 1 } },
    );
  return composeGrid(
    panels,
    `${model.dataset.title}: the graph at ${panels.length} dates`,
    legendSvg,
  );
}

export function MultiplesToolbar({
  model,
  panels,
  problems,
  total,
  onError,
}: {
  model: ExplorerModel;
  panels: readonly Panel[];
  problems: readonly string[];
  total: number;
  onError: (message: string | null) => void;
}) {
  const mode = useStore(selectMultiplesMode);
  const kind = useStore(selectTimeKind);
  const dates = useStore(selectMultiplesDates);
  const [draft, setDraft] = useState(dates);
  const [busy, setBusy] = useState(false);

  const chooseMode = (next: MultiplesMode) => {
    if (next === 'custom' && !dates.trim()) {
      const suggested = suggestedDates(model.index.start, model.index.end, undefined, kind);
      setDraft(suggested);
      setMultiples({ mode: next, dates: suggested });
    } else setMultiples({ mode: next });
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setMultiples({ mode: 'custom', dates: draft });
  };
  const download = async (format: 'png' | 'svg') => {
    onError(null);
    setBusy(true);
    try {
      const picture = composeAll(model, panels);
      const name = `allegiance-small-multiples.${format}`;
      if (format === 'svg') {
        downloadBlob(new Blob([picture.svg], { type: 'image/svg+xml' }), name);
      } else {
        // 2x when the picture is small enough to stay quick to encode (about 16 Mpx).
        const scale = Math.min(2, Math.max(1, Math.sqrt(16e6 / (picture.width * picture.height))));
        const png = await rasterise({ ...picture, scale });
        downloadBlob(await dataUrlToBlob(png.dataUrl), name);
      }
    } catch (err) {
      onError(`Could not make the picture: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="multiples__bar">
      <fieldset className="multiples__modes">
        <legend>Dates</legend>
        {MODES.map((m) => (
          <label key={m.id} className="multiples__mode">
            <input
              type="radio"
              name="multiples-mode"
              value={m.id}
              checked={mode === m.id}
              onChange={() => chooseMode(m.id)}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      <div className="multiples__downloads">
        <span className="multiples__count" data-testid="multiples-count">
          {panels.length} panel{panels.length === 1 ? '' : 's'}
          {total > MAX_PANELS && ` (first ${MAX_PANELS} of ${total})`}
        </span>
        <button
          type="button"
          className="a-button a-button--primary"
          disabled={busy || panels.length === 0}
          title="Download every panel as one PNG image, with the legend"
          onClick={() => void download('png')}
        >
          {/* Short labels: the bar keeps one row at 1280 px with both side panels open. */}
          {busy ? 'Preparing…' : 'Download PNG'}
        </button>
        <button
          type="button"
          className="a-button"
          disabled={busy || panels.length === 0}
          title="Download every panel as one SVG image, with the legend"
          onClick={() => void download('svg')}
        >
          SVG
        </button>
      </div>
      {mode === 'custom' && (
        <form className="multiples__custom" onSubmit={apply}>
          <label htmlFor="multiples-dates">
            {kind === 'numeric' ? 'Times' : 'Dates'} ({DATE_LIST_EXAMPLES[kind]})
          </label>
          <input
            id="multiples-dates"
            type="text"
            value={draft}
            spellCheck={false}
            aria-describedby={problems.length ? 'multiples-problems' : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="a-button">
            Show
          </button>
        </form>
      )}
      {problems.length > 0 && (
        <ul id="multiples-problems" className="multiples__problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
