/** Calendar ticks under the track, as many as fit the width. Depends on the range and width only. */
import { memo } from 'react';
import { axisTicks, dayToFraction } from './timeScale';

export const Axis = memo(function Axis({
  start,
  end,
  width,
}: {
  start: number;
  end: number;
  width: number;
}) {
  return (
    <div className="timebar__axis" aria-hidden="true">
      {axisTicks(start, end, width).map((t) => (
        <span
          key={t.day}
          className="timebar__tick"
          style={{ left: `${dayToFraction(t.day, start, end) * 100}%` }}
        >
          {t.label}
        </span>
      ))}
    </div>
  );
});
