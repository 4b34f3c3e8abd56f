/** The shown date as text: the only part of a panel that follows every day of playback. */
import { useStore } from '../../store/store';
import { selectDayText } from './selectors';

export function DayText() {
  const text = useStore(selectDayText);
  return <span data-testid="analysis-date">{text}</span>;
}
