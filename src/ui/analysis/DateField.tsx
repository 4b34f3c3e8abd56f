/**
 * A date input within the dataset's period, with "use the shown date" and
 * "show this date" buttons. Only the pressed state of the latter follows
 * the shown day (a boolean), so playback does not re-render the field.
 * A numeric dataset (GEXF integer or double time) gets a number field: its
 * days stand for numbers, and a calendar would show them as years 0001….
 */
import { useCallback, useId } from 'react';
import {
  dateProblem,
  dayToNumber,
  formatDay,
  humanDay,
  numberToDay,
  toDay,
  type TimeKind,
} from '../../core/dates';
import { setDay, useStore, type AppState } from '../../store/store';
import { selectTimeKind } from '../../store/timeView';

/** How the field writes a day and reads back what was typed (null: not a time yet). */
const FIELD: Record<
  TimeKind,
  { type: string; show: (day: number) => string; read: (text: string) => number | null }
> = {
  calendar: {
    type: 'date',
    show: (day) => formatDay(day),
    read: (text) => (text && dateProblem(text) === null ? toDay(text) : null),
  },
  numeric: {
    type: 'number',
    show: (day) => String(dayToNumber(day)),
    read: (text) =>
      text.trim() !== '' && Number.isFinite(Number(text)) ? numberToDay(Number(text)) : null,
  },
};

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
  const kind = useStore(selectTimeKind);
  const field = FIELD[kind];
  return (
    <div className="a-date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={field.type}
        step={kind === 'numeric' ? 'any' : undefined}
        value={field.show(value)}
        min={field.show(min)}
        max={field.show(max)}
        required
        onChange={(e) => {
          const day = field.read(e.target.value);
          if (day !== null) onChange(day);
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
          aria-label={`${shown ? 'Showing' : 'Show'} ${name}, ${humanDay(value, 'day', kind)}, on the graph`}
          onClick={() => setDay(value)}
        >
          {shown ? `Showing ${name}` : `Show ${name}`}
        </button>
      </div>
    </div>
  );
}
