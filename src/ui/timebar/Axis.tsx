/** Calendar ticks (or numbers) under the track, as many as fit the width. Depends on the range and width only. */
import { memo } from 'react';
import type { TimeKind } from '../../core/dates';
import { axisTicks, dayToFraction } from './timeScale';

export const Axis = memo(function Axis({
  start,
  end,
  width,
  kind,
}: {
  start: number;
  end: number;
  width: number;
  /** Numeric time: ticks at whole numbers ("190"), not years. */
  kind: TimeKind;
}) {
  return (
    <div className="timebar__axis" aria-hidden="true">
      {axisTicks(start, end, width, undefined, kind).map((t) => (
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
