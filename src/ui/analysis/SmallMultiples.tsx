/**
 * Small multiples: the graph at several dates side by side (each event,
 * each decade, or the user's dates), with the same positions and framing in
 * every panel and the current filters applied. Each panel is the core's SVG
 * shown as an image (text stays text inside it, and dataset strings never
 * become page markup); "Download" composes them into one picture.
 */
import { useMemo, useState } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import {
  buildScene,
  filteredSceneAt,
  visibleActors,
  type SceneFilter,
} from '../../core/render/scene';
import { renderSvg, sceneBounds } from '../../core/render/svg';
import { selectHiddenKinds, selectHiddenTypes, selectModel } from '../../store/selectors';
import { setDay, setView, useStore } from '../../store/store';
import { chooseDates, DATE_LIST_EXAMPLES, MAX_PANELS, panelAlt, svgDataUrl } from './multiples';
import { MultiplesToolbar } from './MultiplesToolbar';
import { selectFocusActor, selectMultiplesDates, selectMultiplesMode } from './selectors';

function Panels({ model }: { model: ExplorerModel }) {
  const mode = useStore(selectMultiplesMode);
  const custom = useStore(selectMultiplesDates);
  const hiddenTypes = useStore(selectHiddenTypes);
  const hiddenKinds = useStore(selectHiddenKinds);
  const focusActor = useStore(selectFocusActor);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const choice = useMemo(() => chooseDates(mode, model, custom), [mode, model, custom]);
  const filter: SceneFilter = useMemo(
    () => ({ hiddenTypes: new Set(hiddenTypes), hiddenKinds: new Set(hiddenKinds), focusActor }),
    [hiddenTypes, hiddenKinds, focusActor],
  );
  const panels = useMemo(() => {
    // One frame for all: every actor the type filter lets through, wherever it is drawn.
    const everyone = visibleActors(model, model.index.start, { ...filter, focusActor: null });
    const region = sceneBounds(
      buildScene(model, { actors: everyone, liveActors: [], relations: [] }),
    );
    return choice.dates.slice(0, MAX_PANELS).map((date) => {
      const scene = filteredSceneAt(model, date.day, filter);
      const svg = renderSvg(scene, { background: 'white', region });
      const live = scene.actors.filter((a) => !a.dormant).length;
      return {
        date,
        scene,
        svg,
        url: svgDataUrl(svg.svg),
        alt: panelAlt(date, live, scene.relations.length),
      };
    });
  }, [model, choice, filter]);

  return (
    <>
      <MultiplesToolbar
        model={model}
        panels={panels}
        problems={choice.problems}
        total={choice.dates.length}
        onError={setDownloadError}
      />
      {downloadError && (
        <p className="multiples__error" role="alert">
          {downloadError}
        </p>
      )}
      {panels.length === 0 ? (
        <p className="multiples__empty">
          {mode === 'events'
            ? 'This dataset has no events.'
            : mode === 'decades'
              ? 'No decade begins within this dataset’s period: choose events or your own dates.'
              : `Type one or more ${model.dataset.timeKind === 'numeric' ? 'times' : 'dates'} above, e.g. ${DATE_LIST_EXAMPLES[model.dataset.timeKind ?? 'calendar']}.`}
        </p>
      ) : (
        <ol className="multiples__grid" data-testid="multiples-grid">
          {panels.map((p) => (
            <li key={p.date.day} className="multiples__panel" data-day={p.date.day}>
              <figure>
                <figcaption className="multiples__caption">
                  <strong>{p.date.label}</strong>
                  {p.date.note && <span className="multiples__note">{p.date.note}</span>}
                </figcaption>
                <button
                  type="button"
                  className="multiples__open"
                  title="Open the graph at this date"
                  onClick={() => {
                    setDay(p.date.day);
                    setView('graph');
                  }}
                >
                  <img src={p.url} alt={p.alt} width={p.svg.width} height={p.svg.height} />
                </button>
              </figure>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function SmallMultiples() {
  const model = useStore(selectModel);
  if (!model) return null;
  return (
    <section className="multiples" aria-labelledby="multiples-heading" data-testid="multiples">
      <h2 id="multiples-heading" className="visually-hidden">
        Small multiples: the graph at several dates
      </h2>
      <Panels model={model} />
    </section>
  );
}
