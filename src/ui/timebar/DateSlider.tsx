/**
 * The date slider's thumb and the playhead line above it: the only parts of
 * the time bar that follow the day, so the only ones that re-render on each
 * frame of playback. Keyboard: arrows ±1 month (Shift: ±1 year), PageUp and
 * PageDown ±1 year, Home and End the ends. Pointer input is handled by the
 * whole scale in TimeBar, which also covers the histogram.
 */
import type { Ref } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import { selectDay, selectPlaying } from '../../store/selectors';
import { windowSpan } from '../../core/temporal';
import { useStore, type AppState } from '../../store/store';
import { timeKindOf } from '../../store/timeView';
import { sliderKeyAction } from './timeKeys';
import { dateLabel, dayToFraction } from './timeScale';
import { runTimeAction } from './useTimeKeys';

const selectTimeWindow = (s: AppState) => s.timeWindow;

export function DateSlider({ model, ref }: { model: ExplorerModel; ref: Ref<HTMLDivElement> }) {
  const day = useStore(selectDay);
  const playing = useStore(selectPlaying);
  const timeWindow = useStore(selectTimeWindow);
  const { start, end } = model.index;
  const left = `${dayToFraction(day, start, end) * 100}%`;
  const label = dateLabel(day, playing, timeKindOf(model));
  const windowFrom = dayToFraction(windowSpan(day, timeWindow).from, start, end) * 100;
  return (
    <>
      {timeWindow > 0 && (
        // The time window: relations active anywhere in it are on the graph.
        <div
          className="timebar__window"
          style={{ left: `${windowFrom}%`, width: `calc(${left} - ${windowFrom}%)` }}
          aria-hidden="true"
        />
      )}
      <div className="timebar__playhead" style={{ left }} aria-hidden="true" />
      <div
        ref={ref}
        id="date-slider"
        className="timebar__slider"
        role="slider"
        tabIndex={0}
        aria-label="Date"
        aria-orientation="horizontal"
        aria-valuemin={start}
        aria-valuemax={end}
        aria-valuenow={day}
        aria-valuetext={label}
        onKeyDown={(e) => {
          const action = sliderKeyAction(e);
          if (!action) return;
          e.preventDefault();
          runTimeAction(action);
        }}
      >
        <div className="timebar__rail">
          <div className="timebar__fill" style={{ width: left }} />
        </div>
        <div className="timebar__thumb" style={{ left }} />
      </div>
    </>
  );
}
