/**
 * The shown day as a vertical line across a chart spanning [start, end].
 * It re-renders only when the line moves by a visible step (1/500 of the
 * width), not on every frame of playback; nothing outside the span.
 */
import { useCallback } from 'react';
import type { AppState } from '../../store/store';
import { useStore } from '../../store/store';
import { stripFraction } from './strip';

export function NowLine({ start, end }: { start: number; end: number }) {
  const f = useStore(
    useCallback(
      (s: AppState) => {
        const x = stripFraction(s.day, { start, end });
        return x === null ? null : Math.round(x * 500) / 500;
      },
      [start, end],
    ),
  );
  if (f === null) return null;
  return <div className="now-line" style={{ left: `${f * 100}%` }} aria-hidden="true" />;
}
