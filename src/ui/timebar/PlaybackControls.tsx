/**
 * Play/pause, event stepping, jumps to the ends, speed, loop, the time window and the play
 * range's reset. None of it subscribes to the day itself: the "can step" flags are booleans
 * that change only when an end or the first/last event is crossed.
 */
import type { ReactNode } from 'react';
import { selectLoop, selectPlaying, selectSpeed } from '../../store/selectors';
import {
  clearPlayRange,
  jumpToEnd,
  jumpToStart,
  setLoop,
  setSpeed,
  setTimeWindow,
  SPEEDS,
  stepEvent,
  togglePlay,
  useStore,
  WINDOWS,
  type AppState,
} from '../../store/store';
import type { TimeKind } from '../../core/dates';
import {
  EndIcon,
  LoopIcon,
  NextEventIcon,
  PauseIcon,
  PlayIcon,
  PreviousEventIcon,
  StartIcon,
} from './Icons';
import {
  selectAtEnd,
  selectAtStart,
  selectHasNextEvent,
  selectHasPreviousEvent,
  selectTimeKind,
} from './selectors';

const selectTimeWindow = (s: AppState) => s.timeWindow;
const selectRangeSet = (s: AppState) => s.playRange !== null;

/** A speed as the dataset's time reads: "1 year / s", or in numeric time "1 / s" (units). */
function speedLabel(speed: (typeof SPEEDS)[number], kind: TimeKind): string {
  if (kind === 'calendar') return speed.label;
  return `${Number((speed.daysPerSecond / 365.25).toPrecision(2))} / s`;
}

/** The windows offered: calendar spans, or whole units in numeric time. */
const windowsFor = (kind: TimeKind) =>
  WINDOWS.filter((w) => kind === 'calendar' || w.numericLabel !== '').map((w) => ({
    months: w.months,
    label: kind === 'calendar' ? w.label : w.numericLabel,
  }));

interface ControlProps {
  label: string;
  /** The tooltip: what it does and its key. */
  hint: string;
  keys?: string;
  /** aria-disabled rather than disabled, so focus stays on the button at an end. */
  unavailable?: boolean;
  onPress: () => void;
  children: ReactNode;
  className?: string;
}

function Control({ label, hint, keys, unavailable, onPress, children, className }: ControlProps) {
  return (
    <button
      type="button"
      className={`timebar__button ${className ?? ''}`}
      aria-label={label}
      title={hint}
      aria-keyshortcuts={keys}
      aria-disabled={unavailable || undefined}
      onClick={() => {
        if (!unavailable) onPress();
      }}
    >
      {children}
    </button>
  );
}

/** The offered speed nearest to the store's (it is always one of them unless set elsewhere). */
const speedIndex = (speed: number) =>
  SPEEDS.reduce(
    (best, s, i) =>
      Math.abs(s.daysPerSecond - speed) < Math.abs(SPEEDS[best]!.daysPerSecond - speed) ? i : best,
    0,
  );

export function PlaybackControls() {
  const playing = useStore(selectPlaying);
  const speed = useStore(selectSpeed);
  const loop = useStore(selectLoop);
  const atStart = useStore(selectAtStart);
  const atEnd = useStore(selectAtEnd);
  const hasPrevious = useStore(selectHasPreviousEvent);
  const hasNext = useStore(selectHasNextEvent);
  const timeKind = useStore(selectTimeKind);
  const timeWindow = useStore(selectTimeWindow);
  const rangeSet = useStore(selectRangeSet);
  const windows = windowsFor(timeKind);

  return (
    <div className="timebar__controls" role="group" aria-label="Playback">
      <Control
        label="Jump to start"
        hint="Jump to start (Home on the date slider)"
        unavailable={atStart}
        onPress={jumpToStart}
      >
        <StartIcon />
      </Control>
      <Control
        label="Previous event"
        hint="Previous event ([)"
        keys="["
        unavailable={!hasPrevious}
        onPress={() => stepEvent(-1)}
      >
        <PreviousEventIcon />
      </Control>
      <Control
        label={playing ? 'Pause' : 'Play'}
        hint={playing ? 'Pause (Space)' : 'Play (Space)'}
        keys="Space"
        className="timebar__button--play"
        onPress={togglePlay}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </Control>
      <Control
        label="Next event"
        hint="Next event (])"
        keys="]"
        unavailable={!hasNext}
        onPress={() => stepEvent(1)}
      >
        <NextEventIcon />
      </Control>
      <Control
        label="Jump to end"
        hint="Jump to end (End on the date slider)"
        unavailable={atEnd}
        onPress={jumpToEnd}
      >
        <EndIcon />
      </Control>
      <label className="timebar__speed" title="Playback speed: data time per second">
        <span className="visually-hidden">Speed</span>
        <select
          value={speedIndex(speed)}
          onChange={(e) => setSpeed(SPEEDS[Number(e.currentTarget.value)]!.daysPerSecond)}
        >
          {SPEEDS.map((s, i) => (
            <option key={s.label} value={i}>
              {speedLabel(s, timeKind)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="timebar__button timebar__button--loop"
        aria-pressed={loop}
        title={loop ? 'Loop is on: playback starts over at the end' : 'Loop: start over at the end'}
        onClick={() => setLoop(!loop)}
      >
        <LoopIcon />
        <span className="timebar__button-text">Loop</span>
      </button>
      <label
        className="timebar__speed"
        title="Time window: also show relations active at any time this long before the date"
      >
        <span className="timebar__label-text">Window</span>
        <select
          value={timeWindow}
          aria-label="Time window"
          onChange={(e) => setTimeWindow(Number(e.currentTarget.value))}
        >
          {/* A window set by a link may not be one offered: it is listed too. */}
          {!windows.some((w) => w.months === timeWindow) && (
            <option value={timeWindow}>{timeWindow} months</option>
          )}
          {windows.map((w) => (
            <option key={w.months} value={w.months}>
              {w.label}
            </option>
          ))}
        </select>
      </label>
      {rangeSet && (
        <button
          type="button"
          className="timebar__button timebar__button--text"
          title="Play the whole period again (the play range is set with the handles under the track)"
          onClick={clearPlayRange}
        >
          Whole period
        </button>
      )}
    </div>
  );
}
