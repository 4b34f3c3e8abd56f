/** The date slider: a native range input over the dataset's days, with the date as text. */
import { formatDay, humanDay } from '../core/dates';
import { selectDay, selectModel, setDay, useStore } from '../store/store';

export function TimeSlider() {
  const model = useStore(selectModel);
  const day = useStore(selectDay);
  if (!model) return null;
  const { start, end } = model.index;
  const label = humanDay(day, 'day');
  return (
    <div className="time-slider">
      <label htmlFor="date-slider" className="time-slider__label">
        Date
      </label>
      <span className="time-slider__edge">{formatDay(start, 'year')}</span>
      <input
        id="date-slider"
        type="range"
        min={start}
        max={end}
        step={1}
        value={day}
        aria-valuetext={label}
        onChange={(e) => setDay(Number(e.currentTarget.value))}
      />
      <span className="time-slider__edge">{formatDay(end, 'year')}</span>
      <output htmlFor="date-slider" className="time-slider__date" data-testid="current-date">
        {label}
      </output>
    </div>
  );
}
