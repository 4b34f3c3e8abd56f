/**
 * The time bar: the shown date and playback controls, then the scale: an
 * activity histogram, event markers and the date slider, all sharing one
 * horizontal extent so a day sits at the same x in each. Pressing anywhere
 * on the histogram or the track jumps there; dragging scrubs (with pointer
 * capture, so the drag survives leaving the bar), pausing playback while
 * the pointer is down.
 *
 * Render budget: this component reads only the model. The day is read by
 * DateSlider, DateReadout and the boolean selectors of PlaybackControls,
 * so a frame of playback re-renders only those.
 */
import { useRef, type PointerEvent } from 'react';
import { AnalysisLane } from '../analysis/AnalysisLane';
import { selectModel, selectPlaying } from '../../store/selectors';
import { pause, play, setDay, useStore } from '../../store/store';
import { timeKindOf } from '../../store/timeView';
import { Axis } from './Axis';
import { DateReadout } from './DateReadout';
import { DateSlider } from './DateSlider';
import { EventMarkers } from './EventMarkers';
import { Histogram } from './Histogram';
import { PlaybackControls } from './PlaybackControls';
import { PlayRange } from './PlayRange';
import { fractionToDay } from './timeScale';
import { useTimeKeys } from './useTimeKeys';
import { useWidth } from './useWidth';
import './timebar.css';

export function TimeBar() {
  const model = useStore(selectModel);
  const playing = useStore(selectPlaying);
  const lanes = useRef<HTMLDivElement>(null);
  const slider = useRef<HTMLDivElement>(null);
  /** Playback resumes after a drag that interrupted it, unless the drag ended at the end. */
  const resumeAfterDrag = useRef(false);
  const lastScrubbed = useRef(0);
  const width = useWidth(lanes, [model]);
  useTimeKeys();
  // A static dataset (no dates at all) has no time to show: the graph shows everything.
  if (!model || model.index.timeless) return null;

  const { start, end } = model.index;
  const scrubTo = (clientX: number) => {
    const rect = lanes.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    lastScrubbed.current = fractionToDay((clientX - rect.left) / rect.width, start, end);
    setDay(lastScrubbed.current);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection; focus goes to the slider instead
    e.currentTarget.setPointerCapture(e.pointerId);
    resumeAfterDrag.current = playing;
    pause();
    scrubTo(e.clientX);
    slider.current?.focus({ preventScroll: true });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) scrubTo(e.clientX);
  };
  const endDrag = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    if (resumeAfterDrag.current && lastScrubbed.current < end) play();
    resumeAfterDrag.current = false;
  };

  return (
    <section className="timebar" aria-label="Time">
      <div className="timebar__panel">
        <DateReadout />
        <PlaybackControls />
      </div>
      <div
        className="timebar__scale"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <div className="timebar__lanes" ref={lanes}>
          <Histogram />
          {/* Analysis: balance over time or the compared range, over the histogram. */}
          <AnalysisLane />
          <EventMarkers width={width} />
          <DateSlider model={model} ref={slider} />
          <PlayRange model={model} />
          <Axis start={start} end={end} width={width} kind={timeKindOf(model)} />
        </div>
      </div>
    </section>
  );
}
