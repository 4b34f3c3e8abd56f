/**
 * A date input within the dataset's period, with "use the shown date" and
 * "show this date" buttons. Only the pressed state of the latter follows
 * the shown day (a boolean), so playback does not re-render the field.
 */
import { useCallback, useId } from 'react';
import { dateProblem, formatDay, humanDay, toDay } from '../../core/dates';
import { setDay, useStore, type AppState } from '../../store/store';

export function DateField({
  label,
  name,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  /** Short name for the buttons' labels ("t1"). */
  name: string;
  value: number;
  min: number;
  max: number;
  onChange: (day: number) => void;
}) {
  const id = useId();
  const shown = useStore(useCallback((s: AppState) => s.day === value, [value]));
  return (
    <div className="a-date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={formatDay(value)}
        min={formatDay(min)}
        max={formatDay(max)}
        required
        onChange={(e) => {
          const text = e.target.value;
          if (text && dateProblem(text) === null) onChange(toDay(text));
        }}
      />
      <div className="a-date__buttons">
        <button
          type="button"
          className="a-button a-button--small"
          aria-label={`Use shown date for ${name}`}
          title={`Set ${name} to the date the graph shows`}
          onClick={() => onChange(useStore.getState().day)}
        >
          Use shown date
        </button>
        <button
          type="button"
          className="a-button a-button--small a-button--go"
          data-shown={shown || undefined}
          aria-label={`${shown ? 'Showing' : 'Show'} ${name}, ${humanDay(value)}, on the graph`}
          onClick={() => setDay(value)}
        >
          {shown ? `Showing ${name}` : `Show ${name}`}
        </button>
      </div>
    </div>
  );
}
