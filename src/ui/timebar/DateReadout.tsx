/**
 * The shown date in words, and the events of that day. Not a live region:
 * during playback it changes every frame; the slider's aria-valuetext is
 * what assistive technology reads.
 */
import { selectDay, selectPlaying } from '../../store/selectors';
import { useStore } from '../../store/store';
import { selectTimeKind, selectTodaysEvents } from './selectors';
import { dateLabel } from './timeScale';

export function DateReadout() {
  const day = useStore(selectDay);
  const playing = useStore(selectPlaying);
  const today = useStore(selectTodaysEvents);
  const timeKind = useStore(selectTimeKind);
  return (
    <div className="timebar__readout">
      <div className="timebar__date" data-testid="current-date">
        {dateLabel(day, playing, timeKind)}
      </div>
      <div className="timebar__today" title={today || undefined}>
        {today}
      </div>
    </div>
  );
}
