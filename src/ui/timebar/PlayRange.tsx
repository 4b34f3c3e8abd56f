/**
 * The play range, as in Gephi's timeline: two handles under the track mark the part of the
 * period that Play plays (and loops within); the histogram is dimmed outside it. At rest the
 * handles sit at the period's ends (no range). Each handle is a slider: drag it, or use the
 * arrows (±1 month, Shift ±1 year), PageUp/PageDown (±1 year), Home and End. Pressing a handle
 * does not scrub the date: the handles stop the time bar's own pointer handling.
 * Depends on the model and the range only, never on the day.
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import { addMonths } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { setPlayRange, useStore, type AppState } from '../../store/store';
import { dayText } from '../../store/timeView';
import { dayToFraction, fractionToDay } from './timeScale';

const selectPlayRange = (s: AppState) => s.playRange;

type End = 'from' | 'to';

/** The day a key moves a handle to, or null for keys the handle does not use. */
function keyTarget(e: KeyboardEvent, day: number, model: ExplorerModel): number | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const year = 12;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return addMonths(day, e.shiftKey ? year : 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return addMonths(day, e.shiftKey ? -year : -1);
    case 'PageUp':
      return addMonths(day, year);
    case 'PageDown':
      return addMonths(day, -year);
    case 'Home':
      return model.index.start;
    case 'End':
      return model.index.end;
    default:
      return null;
  }
}

export function PlayRange({ model }: { model: ExplorerModel }) {
  const range = useStore(selectPlayRange);
  const { start, end } = model.index;
  const from = range?.from ?? start;
  const to = range?.to ?? end;
  // A handle never passes the other: the range keeps at least a day.
  const move = (which: End, day: number) =>
    which === 'from'
      ? setPlayRange(Math.min(day, to - 1), to)
      : setPlayRange(from, Math.max(day, from + 1));

  const dayAt = (e: PointerEvent<HTMLElement>) => {
    const row = e.currentTarget.parentElement!.getBoundingClientRect();
    return fractionToDay((e.clientX - row.left) / row.width, start, end);
  };
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation(); // not a scrub of the date
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
  };
  const onPointerMove = (which: End) => (e: PointerEvent<HTMLElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) move(which, dayAt(e));
  };
  const onKeyDown = (which: End) => (e: KeyboardEvent<HTMLElement>) => {
    const target = keyTarget(e, which === 'from' ? from : to, model);
    if (target === null) return;
    e.preventDefault();
    move(which, target);
  };

  const left = dayToFraction(from, start, end) * 100;
  const right = dayToFraction(to, start, end) * 100;
  const handle = (which: End, day: number, label: string) => (
    <div
      className={`timebar__range-handle timebar__range-handle--${which}`}
      style={{ left: `${which === 'from' ? left : right}%` }}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-orientation="horizontal"
      aria-valuemin={which === 'from' ? start : from + 1}
      aria-valuemax={which === 'from' ? to - 1 : end}
      aria-valuenow={day}
      aria-valuetext={dayText({ model }, day)}
      title={`${label}: drag, or use the arrow keys`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove(which)}
      onKeyDown={onKeyDown(which)}
    />
  );

  return (
    <>
      {range && (
        // Dims the histogram outside the range.
        <div className="timebar__range-shade" aria-hidden="true">
          <div style={{ left: 0, width: `${left}%` }} />
          <div style={{ left: `${right}%`, right: 0 }} />
        </div>
      )}
      <div className="timebar__range" data-set={range !== null}>
        <div
          className="timebar__range-bar"
          style={{ left: `${left}%`, width: `${right - left}%` }}
          aria-hidden="true"
        />
        {handle('from', from, 'Play from')}
        {handle('to', to, 'Play until')}
      </div>
    </>
  );
}
