/** Calendar ticks under charts that span [start, end], as many as fit the measured width. */
import { useRef } from 'react';
import { axisTicks } from '../timebar/timeScale';
import { useWidth } from '../timebar/useWidth';
import { stripFraction } from './strip';

export function TimeAxis({ start, end }: { start: number; end: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  return (
    <div className="strip__axis" ref={ref} aria-hidden="true">
      {axisTicks(start, end, width, 44).map((t) => (
        <span
          key={t.day}
          className="strip__tick"
          style={{ left: `${(stripFraction(t.day, { start, end }) ?? 0) * 100}%` }}
        >
          {t.label}
        </span>
      ))}
    </div>
  );
}
