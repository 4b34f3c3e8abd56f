/**
 * Event markers along the track. Markers that would overlap at the current
 * width merge into one numbered marker whose click opens the list of its
 * events. Hover or focus shows the titles; choosing an event selects it and
 * moves time to its date. One tab stop: the arrows move between markers.
 * Depends on the model, the width and the selection, never on the day.
 */
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import { humanDate, humanDay } from '../../core/dates';
import type { IndexedEvent } from '../../core/temporal';
import { selectModel } from '../../store/selectors';
import { timeKindOf } from '../../store/timeView';
import { selectEvent, useStore } from '../../store/store';
import { EventList } from './EventList';
import { selectSelectedEventId } from './selectors';
import { clusterEvents, type EventCluster } from './timeScale';

const titleOf = (model: ExplorerModel, id: string) => model.eventsById.get(id)?.title ?? id;
/** The date as the dataset wrote it ("September 2021" stays a month). */
const dateOf = (model: ExplorerModel, e: IndexedEvent) => {
  const written = model.eventsById.get(e.id)?.date;
  const kind = timeKindOf(model);
  return written ? humanDate(written, kind) : humanDay(e.day, 'day', kind);
};

function markerLabel(model: ExplorerModel, c: EventCluster): string {
  const first = c.events[0]!;
  if (c.events.length === 1) return `${titleOf(model, first.id)}, ${dateOf(model, first)}`;
  const last = c.events[c.events.length - 1]!;
  return `${c.events.length} events, ${dateOf(model, first)} – ${dateOf(model, last)}`;
}

/** Tooltips and lists near an end of the track open inwards. */
const alignment = (f: number) => (f < 0.15 ? 'start' : f > 0.85 ? 'end' : 'centre');

const TOOLTIP_MAX = 6;

export const EventMarkers = memo(function EventMarkers({ width }: { width: number }) {
  const model = useStore(selectModel);
  const selectedId = useStore(selectSelectedEventId);
  // Nothing until the track is measured: at width 0 every event would share one marker.
  const clusters = useMemo(
    () =>
      model && width > 0
        ? clusterEvents(model.index.events, model.index.start, model.index.end, width)
        : [],
    [model, width],
  );
  const [active, setActive] = useState(0); // the marker in the tab order
  const [hovered, setHovered] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  // Clusters change with the width: keep the roving index valid; a list whose cluster is gone closes.
  const current = Math.min(active, Math.max(0, clusters.length - 1));
  const openCluster = clusters.find((c) => c.key === open);

  if (!model || model.index.events.length === 0) return null;
  // Until the track is measured the lane is drawn empty, so the time bar has its final height
  // in the first frame (the graph above it is sized once, not again when the markers arrive).
  if (clusters.length === 0) return <div className="timebar__markers" aria-hidden="true" />;

  const focusMarker = (i: number) => {
    const c = clusters[(i + clusters.length) % clusters.length]!;
    setActive(clusters.indexOf(c));
    buttons.current.get(c.key)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLElement && !e.target.classList.contains('timebar__marker')) return;
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: clusters.length - 1,
    };
    if (moves[e.key] === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    focusMarker(moves[e.key]!);
  };
  const closeList = () => {
    const key = open;
    setOpen(null);
    if (key) buttons.current.get(key)?.focus();
  };
  const tip = hovered && hovered !== open ? clusters.find((c) => c.key === hovered) : undefined;

  return (
    <div
      className="timebar__markers"
      role="toolbar"
      aria-label="Events"
      // Markers are buttons, not part of the scrubbing surface around them.
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={onKeyDown}
    >
      {clusters.map((c, i) => {
        const single = c.events.length === 1;
        const selected = c.events.some((e) => e.id === selectedId);
        return (
          <button
            key={c.key}
            ref={(el) => {
              if (el) buttons.current.set(c.key, el);
              else buttons.current.delete(c.key);
            }}
            type="button"
            className={`timebar__marker ${single ? '' : 'timebar__marker--cluster'}`}
            style={{ left: `${c.fraction * 100}%` }}
            tabIndex={i === current ? 0 : -1}
            aria-label={markerLabel(model, c) + (selected ? ' (selected)' : '')}
            aria-haspopup={single ? undefined : 'dialog'}
            aria-expanded={single ? undefined : open === c.key}
            data-selected={selected || undefined}
            data-event-ids={c.events.map((e) => e.id).join(' ')}
            data-day={c.events[0]!.day}
            onFocus={() => {
              setActive(i);
              setHovered(c.key);
            }}
            onBlur={() => setHovered((h) => (h === c.key ? null : h))}
            onPointerEnter={() => setHovered(c.key)}
            onPointerLeave={() => setHovered((h) => (h === c.key ? null : h))}
            onClick={() => {
              if (single) selectEvent(c.events[0]!.id);
              else setOpen(open === c.key ? null : c.key);
            }}
          >
            {single ? (
              <span className="timebar__diamond" aria-hidden="true" />
            ) : (
              <span className="timebar__count" aria-hidden="true">
                {c.events.length}
              </span>
            )}
          </button>
        );
      })}
      {tip && (
        <div
          className="timebar__tooltip"
          role="tooltip"
          data-align={alignment(tip.fraction)}
          style={{ left: `${tip.fraction * 100}%` }}
        >
          {tip.events.slice(0, TOOLTIP_MAX).map((e) => (
            <div key={e.id} className="timebar__tooltip-row">
              <span className="timebar__tooltip-title">{titleOf(model, e.id)}</span>
              <span className="timebar__tooltip-date">{dateOf(model, e)}</span>
            </div>
          ))}
          {tip.events.length > TOOLTIP_MAX && (
            <div className="timebar__tooltip-more">
              and {tip.events.length - TOOLTIP_MAX} more: click to list them
            </div>
          )}
        </div>
      )}
      {openCluster && (
        <EventList
          events={openCluster.events.map((e) => ({
            id: e.id,
            title: titleOf(model, e.id),
            date: dateOf(model, e),
          }))}
          label={markerLabel(model, openCluster)}
          align={alignment(openCluster.fraction)}
          left={`${openCluster.fraction * 100}%`}
          getAnchor={() => buttons.current.get(openCluster.key) ?? null}
          onChoose={(id) => {
            closeList();
            selectEvent(id);
          }}
          onClose={closeList}
          onDismiss={() => setOpen(null)}
        />
      )}
    </div>
  );
});
